import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { DEFAULT_CONFIG, type RuntimeConfig } from '../app/config';
import { ConfigProvider } from '../app/ConfigContext';
import { AuthProvider } from '../features/auth/AuthContext';
import { createAuthStore, type AuthStore } from '../features/auth/authStore';

export function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

interface Options {
  mocks?: ReadonlyArray<MockLink.MockedResponse>;
  route?: string;
  path?: string;
  config?: RuntimeConfig;
  auth?: AuthStore;
}

/** Renders a page with the providers the app shell gives it. */
export function renderPage(ui: ReactElement, { mocks = [], route = '/', path = '*', config = DEFAULT_CONFIG, auth = createAuthStore() }: Options = {}) {
  const result = render(
    <ConfigProvider config={config}>
      <AuthProvider store={auth}>
        <MockedProvider mocks={mocks}>
          <MemoryRouter initialEntries={[route]}>
            <Routes>
              <Route path={path} element={ui} />
            </Routes>
            <LocationProbe />
          </MemoryRouter>
        </MockedProvider>
      </AuthProvider>
    </ConfigProvider>,
  );
  return { ...result, auth };
}
