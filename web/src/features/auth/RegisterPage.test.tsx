import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi, afterEach } from 'vitest';
import { renderPage } from '../../test/render';
import { RegisterPage } from './RegisterPage';

afterEach(() => {
  vi.unstubAllGlobals();
});

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('RegisterPage', () => {
  it('shows no messages before the user types', () => {
    renderPage(<RegisterPage />, { route: '/register' });
    expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(/valid email/i)).not.toBeInTheDocument();
    expect(screen.queryByText(/at least 8 characters \(/i)).not.toBeInTheDocument();
  });

  it('validates the email as you type', async () => {
    const user = userEvent.setup();
    renderPage(<RegisterPage />, { route: '/register' });
    const email = screen.getByLabelText('Email');

    await user.type(email, 'jane');
    expect(screen.getByText(/enter a valid email address/i)).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(/enter a valid email address/i);

    await user.type(email, '@example.com');
    expect(screen.queryByText(/enter a valid email address/i)).not.toBeInTheDocument();
    expect(email).not.toHaveAttribute('aria-invalid');
  });

  it('requires a password of at least 8 characters, counting as you type', async () => {
    const user = userEvent.setup();
    renderPage(<RegisterPage />, { route: '/register' });
    const password = screen.getByLabelText('Password');

    await user.type(password, 'abc');
    expect(screen.getByText('Password must be at least 8 characters (3/8).')).toBeInTheDocument();
    await user.type(password, 'defg');
    expect(screen.getByText('Password must be at least 8 characters (7/8).')).toBeInTheDocument();
    await user.type(password, 'h');
    expect(screen.queryByText(/password must be at least/i)).not.toBeInTheDocument();
  });

  it('asks for an account type on submit and does not call the server', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderPage(<RegisterPage />, { route: '/register' });

    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByText('Choose an account type.')).toBeInTheDocument();
    expect(screen.getByText('Enter your email address.')).toBeInTheDocument();
    expect(screen.getByText('Choose a username.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.click(screen.getByRole('radio', { name: 'Agency' }));
    expect(screen.queryByText('Choose an account type.')).not.toBeInTheDocument();
  });

  it('preselects the account type from ?as=', () => {
    renderPage(<RegisterPage />, { route: '/register?as=COMPANY' });
    expect(screen.getByRole('radio', { name: 'Company' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Freelancer' })).not.toBeChecked();
  });

  it('posts the form to the auth service and shows its error under the field it names', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(409, { error: { code: 'CONFLICT', message: 'email is already registered' }, requestId: 'r1' }));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    const { auth } = renderPage(<RegisterPage />, {
      route: '/register',
      config: { apiUrl: 'http://gw/graphql', authUrl: 'http://auth.test' },
    });

    await user.click(screen.getByRole('radio', { name: 'Freelancer' }));
    await user.type(screen.getByLabelText('Display name'), 'Jane Doe');
    await user.type(screen.getByLabelText('Username'), 'jane_doe');
    await user.type(screen.getByLabelText('Email'), 'jane@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Email is already registered.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Email is already registered.');
    expect(screen.getByLabelText('Username')).not.toHaveAttribute('aria-invalid');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://auth.test/register');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('include');
    expect(JSON.parse(String(init.body))).toEqual({
      email: 'jane@example.com',
      password: 'correct horse',
      accountType: 'FREELANCER',
      username: 'jane_doe',
      displayName: 'Jane Doe',
    });
    expect(auth.getSnapshot().session).toBeNull();

    // Editing the field clears the server's message.
    await user.type(screen.getByLabelText('Email'), 'x');
    expect(screen.queryByText('Email is already registered.')).not.toBeInTheDocument();
  });

  it('shows a message that names no field above the form', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(500, { error: { code: 'INTERNAL', message: 'internal error' }, requestId: 'r2' })));
    const user = userEvent.setup();
    renderPage(<RegisterPage />, { route: '/register?as=AGENCY' });
    await user.type(screen.getByLabelText('Display name'), 'Acme');
    await user.type(screen.getByLabelText('Username'), 'acme');
    await user.type(screen.getByLabelText('Email'), 'acme@example.com');
    await user.type(screen.getByLabelText('Password'), 'password123');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Internal error.');
  });

  it('keeps the token in memory only and moves on after success', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(201, { accessToken: 'tok_123', user: { id: 'u1', displayName: 'Jane Doe' } })));
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const user = userEvent.setup();
    const { auth } = renderPage(<RegisterPage />, { route: '/register?as=CLIENT' });

    await user.type(screen.getByLabelText('Display name'), 'Jane Doe');
    await user.type(screen.getByLabelText('Username'), 'jane');
    await user.type(screen.getByLabelText('Email'), 'jane@example.com');
    await user.type(screen.getByLabelText('Password'), 'password123');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    // A new account starts on its dashboard (with the profile nudge), not on the jobs list.
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/dashboard$/));
    expect(auth.getSnapshot().session?.accessToken).toBe('tok_123');
    // Only the non-secret session flag is stored.
    expect(setItem.mock.calls).toEqual([['myspace.session', '1']]);
    setItem.mockRestore();
  });
});
