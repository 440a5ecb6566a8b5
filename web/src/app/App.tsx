import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useMemo } from 'react';
import { BrowserRouter } from 'react-router';
import { AuthProvider } from '../features/auth/AuthContext';
import { createAuthStore, type AuthStore } from '../features/auth/authStore';
import { createApolloClient } from './apollo';
import type { RuntimeConfig } from './config';
import { ConfigProvider } from './ConfigContext';
import { AppRoutes } from './routes';

/**
 * The app shell. `auth` is created (and its restore started) before the first
 * render — see main.tsx — so protected pages wait for the session instead of
 * redirecting to log in.
 */
export function App({ config, auth: given }: { config: RuntimeConfig; auth?: AuthStore }) {
  const auth = useMemo(() => given ?? createAuthStore({ authUrl: config.authUrl }), [given, config.authUrl]);
  const client = useMemo(() => createApolloClient(config.apiUrl, auth), [config.apiUrl, auth]);

  useEffect(() => {
    // Restore a session from the refresh cookie (a no-op when main.tsx has
    // already started it; the store shares one request).
    void auth.restore();
    // Timers sleep in background tabs: catch up when the tab is shown again.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void auth.refreshIfExpiring();
    };
    document.addEventListener('visibilitychange', onVisible);
    // Nothing one user fetched may be shown to the next: reset the cache
    // (active queries refetch) when a signed-in user signs out or changes.
    let userId = auth.getSnapshot().session?.user?.id ?? null;
    const unsubscribe = auth.subscribe(() => {
      const next = auth.getSnapshot().session?.user?.id ?? null;
      if (next === userId) return;
      const previous = userId;
      userId = next;
      if (previous !== null) void client.resetStore().catch(() => undefined);
    });
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      unsubscribe();
    };
  }, [auth, client]);

  return (
    <ConfigProvider config={config}>
      <AuthProvider store={auth}>
        <ApolloProvider client={client}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </ApolloProvider>
      </AuthProvider>
    </ConfigProvider>
  );
}
