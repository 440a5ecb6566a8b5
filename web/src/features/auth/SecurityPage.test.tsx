import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../test/render';
import { createAuthStore } from './authStore';
import { SecurityPage } from './SecurityPage';

afterEach(() => {
  vi.unstubAllGlobals();
});

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function fillPasswords(user: ReturnType<typeof userEvent.setup>, current: string, next: string) {
  await user.type(screen.getByLabelText('Current password'), current);
  await user.type(screen.getByLabelText('New password'), next);
  await user.type(screen.getByLabelText('Confirm new password'), next);
}

describe('SecurityPage', () => {
  it('sends the change with the bearer token and the end-other-sessions choice', async () => {
    const fetchMock = vi.fn(async () => json(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderPage(<SecurityPage />, { auth: createAuthStore({ locks: null, initial: { accessToken: 'tok', user: null } }) });
    await fillPasswords(user, 'old password', 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByTestId('password-changed')).toHaveTextContent('logged out everywhere else');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/auth/password');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer tok');
    expect(JSON.parse(String(init.body))).toEqual({ currentPassword: 'old password', newPassword: 'a brand new passphrase', endOtherSessions: true });
  });

  it('shows a wrong current password under its field and stays signed in', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'currentPassword is incorrect' } })));
    const user = userEvent.setup();
    const auth = createAuthStore({ locks: null, initial: { accessToken: 'tok', user: null } });
    renderPage(<SecurityPage />, { auth });
    await fillPasswords(user, 'wrong one', 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('Current password is incorrect.')).toBeInTheDocument();
    expect(screen.getByLabelText('Current password')).toHaveAttribute('aria-invalid', 'true');
    expect(auth.getSnapshot().status).toBe('signedIn');
  });

  it('refuses mismatched new passwords before sending', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderPage(<SecurityPage />, { auth: createAuthStore({ locks: null, initial: { accessToken: 'tok', user: null } }) });
    await user.type(screen.getByLabelText('Current password'), 'old password');
    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await user.type(screen.getByLabelText('Confirm new password'), 'a brand new passphrasE');
    expect(screen.getByText('The two new passwords do not match.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
