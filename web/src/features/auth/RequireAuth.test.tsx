import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter } from 'react-router';
import { DEFAULT_CONFIG } from '../../app/config';
import { ConfigProvider } from '../../app/ConfigContext';
import { AppRoutes } from '../../app/routes';
import { LocationProbe } from '../../test/render';
import { MY_PROFILE } from '../profile/graphql';
import { ownProfile } from '../profile/fixtures';
import { AuthProvider } from './AuthContext';
import { createAuthStore, type AuthStore } from './authStore';
import { safeNext } from './next';

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderApp(route: string, auth: AuthStore) {
  const mocks = [{ request: { query: MY_PROFILE }, result: { data: { me: ownProfile() } }, maxUsageCount: 5 }];
  return render(
    <ConfigProvider config={DEFAULT_CONFIG}>
      <AuthProvider store={auth}>
        <MockedProvider mocks={mocks}>
          <MemoryRouter initialEntries={[route]}>
            <AppRoutes />
            <LocationProbe />
          </MemoryRouter>
        </MockedProvider>
      </AuthProvider>
    </ConfigProvider>,
  );
}

describe('protected routes', () => {
  it('send a signed-out visitor to log in, and back to the page afterwards', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ accessToken: 'tok', expiresIn: 900, user: { id: 'u1', username: 'jane', displayName: 'Jane Doe' } }), { status: 200 })),
    );
    const auth = createAuthStore({ locks: null });
    const user = userEvent.setup();
    renderApp('/settings/profile?tab=1', auth);

    expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Fsettings%2Fprofile%3Ftab%3D1');
    await user.type(screen.getByLabelText('Email'), 'jane@example.com');
    await user.type(screen.getByLabelText('Password'), 'password123');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('form', { name: 'Edit profile' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/settings\/profile\?tab=1$/);
    expect(screen.getByTestId('header-user-name')).toHaveTextContent('Jane Doe');
  });

  it('wait for the session to be restored instead of redirecting', async () => {
    let answer!: (r: Response) => void;
    const fetchImpl = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    const auth = createAuthStore({ fetchImpl, locks: null, sessionHint: null });
    void auth.restore();
    renderApp('/settings/security', auth);

    expect(screen.getByText('Checking your session…')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/settings/security');
    answer(new Response(JSON.stringify({ accessToken: 'tok', expiresIn: 900, user: { username: 'jane' } }), { status: 200 }));
    expect(await screen.findByRole('form', { name: 'Change password' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/settings/security');
  });

  it('never follow ?next= off the site', () => {
    expect(safeNext('/settings/profile')).toBe('/settings/profile');
    expect(safeNext('//evil.example/x')).toBe('/dashboard');
    expect(safeNext('https://evil.example')).toBe('/dashboard');
    expect(safeNext('/\\evil.example')).toBe('/dashboard');
    expect(safeNext(null)).toBe('/dashboard');
  });
});
