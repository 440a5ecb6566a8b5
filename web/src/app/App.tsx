import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { BrowserRouter } from 'react-router';
import { AuthProvider } from '../features/auth/AuthContext';
import { createAuthStore } from '../features/auth/authStore';
import { createApolloClient } from './apollo';
import type { RuntimeConfig } from './config';
import { ConfigProvider } from './ConfigContext';
import { AppRoutes } from './routes';

export function App({ config }: { config: RuntimeConfig }) {
  const auth = useMemo(() => createAuthStore(), []);
  const client = useMemo(() => createApolloClient(config.apiUrl, auth), [config.apiUrl, auth]);
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
