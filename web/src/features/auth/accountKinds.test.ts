import { describe, expect, it } from 'vitest';
import { canHire, hireLink, takesWork } from './accountKinds';

describe('account kinds', () => {
  it('knows who hires and who takes work', () => {
    expect(['FREELANCER', 'CLIENT', 'COMPANY', 'AGENCY'].filter((t) => canHire(t as never))).toEqual(['CLIENT', 'COMPANY', 'AGENCY']);
    expect(['FREELANCER', 'CLIENT', 'COMPANY', 'AGENCY'].filter((t) => takesWork(t as never))).toEqual(['FREELANCER', 'AGENCY']);
  });

  it('sends visitors to sign up and signed-in hirers to their dashboard, never back to the sign-up form', () => {
    expect(hireLink(null, false)).toBe('/register?as=CLIENT');
    expect(hireLink({ accountType: 'CLIENT' }, true)).toBe('/dashboard#post-a-job');
    expect(hireLink({ accountType: 'COMPANY' }, true)).toBe('/dashboard#post-a-job');
    expect(hireLink({ accountType: 'FREELANCER' }, true)).toBeNull();
    expect(hireLink(null, true)).toBe('/dashboard#post-a-job');
  });
});
