import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../test/render';
import { LoginPage } from './LoginPage';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('LoginPage', () => {
  it('validates the email while typing', async () => {
    const user = userEvent.setup();
    renderPage(<LoginPage />, { route: '/login' });
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    expect(screen.getByText(/enter a valid email address/i)).toBeInTheDocument();
  });

  it('shows a friendly message when the auth service is unreachable', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const user = userEvent.setup();
    renderPage(<LoginPage />, { route: '/login' });
    await user.type(screen.getByLabelText('Email'), 'jane@example.com');
    await user.type(screen.getByLabelText('Password'), 'whatever1');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not reach the sign-in service/i);
    expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled();
  });

  it('signs in and stores the session in memory', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ accessToken: 'abc' }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    const { auth } = renderPage(<LoginPage />, { route: '/login' });
    await user.type(screen.getByLabelText('Email'), ' jane@example.com ');
    await user.type(screen.getByLabelText('Password'), 'secret-pass');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByTestId('location')).toHaveTextContent('/dashboard');
    expect(auth.getSnapshot()).toEqual({ status: 'signedIn', session: { accessToken: 'abc', expiresIn: null, user: null } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/auth/login');
    expect(JSON.parse(String(init.body))).toEqual({ email: 'jane@example.com', password: 'secret-pass' });
    // The next page load may restore the session: only a flag says so, never the token.
    expect(localStorage.getItem('myspace.session')).toBe('1');
    expect(JSON.stringify({ ...localStorage })).not.toContain('abc');
  });
});

describe('LoginPage server answers', () => {
  it('says how long to wait when rate limited, and goes to ?next= after success', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(new Response(JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'too many requests' } }), { status: 429, headers: { 'Retry-After': '42' } }))
      .mockResolvedValueOnce(new Response(JSON.stringify({ accessToken: 'abc', expiresIn: 900, user: { username: 'jane' } }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderPage(<LoginPage />, { route: '/login?next=%2Fsettings%2Fsecurity' });
    await user.type(screen.getByLabelText('Email'), 'jane@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret-pass');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Please try again in 42 seconds.');

    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByTestId('location')).toHaveTextContent('/settings/security');
  });

  it('never follows ?next= to another site', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ accessToken: 'abc' }), { status: 200 })));
    const user = userEvent.setup();
    renderPage(<LoginPage />, { route: '/login?next=%2F%2Fevil.example%2Fphish' });
    await user.type(screen.getByLabelText('Email'), 'jane@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret-pass');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/dashboard$/));
  });
});
