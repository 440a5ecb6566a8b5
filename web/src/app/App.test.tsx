import { screen } from '@testing-library/react';
import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthStore } from '../features/auth/authStore';
import { App } from './App';
import { DEFAULT_CONFIG } from './config';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('App', () => {
  it('opens a protected page on a fresh load once the session is restored from the cookie', async () => {
    window.history.replaceState(null, '', '/settings/security');
    // A session was issued on this origin before (the flag a login leaves).
    localStorage.setItem('myspace.session', '1');
    // The gateway is not needed on this page; the auth service answers the refresh.
    let answer!: (r: Response) => void;
    const fetchImpl = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    const auth = createAuthStore({ fetchImpl, locks: null });
    void auth.restore();
    render(<App config={DEFAULT_CONFIG} auth={auth} />);

    expect(screen.getByText('Checking your session…')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/settings/security');
    answer(new Response(JSON.stringify({ accessToken: 'tok', expiresIn: 900, user: { username: 'jane', displayName: 'Jane' } }), { status: 200 }));

    expect(await screen.findByRole('form', { name: 'Change password' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/settings/security');
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('sends a visitor without a session to log in', async () => {
    window.history.replaceState(null, '', '/settings/profile');
    localStorage.setItem('myspace.session', '1');
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'no' } }), { status: 401 }));
    const auth = createAuthStore({ fetchImpl, locks: null });
    void auth.restore();
    render(<App config={DEFAULT_CONFIG} auth={auth} />);
    expect(await screen.findByRole('form', { name: 'Log in' })).toBeInTheDocument();
    expect(window.location.pathname + window.location.search).toBe('/login?next=%2Fsettings%2Fprofile');
  });

  it('asks the auth service nothing on an anonymous first visit', async () => {
    window.history.replaceState(null, '', '/settings/profile');
    const fetchImpl = vi.fn(async () => new Response('{}', { status: 500 }));
    const auth = createAuthStore({ fetchImpl, locks: null });
    void auth.restore();
    render(<App config={DEFAULT_CONFIG} auth={auth} />);
    expect(await screen.findByRole('form', { name: 'Log in' })).toBeInTheDocument();
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
