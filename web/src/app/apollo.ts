import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import type { AuthStore } from '../features/auth/authStore';

// Bound on every gateway request: a hung gateway shows the error state instead
// of an endless skeleton.
const REQUEST_TIMEOUT_MS = 10_000;

function fetchWithTimeout(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
}

export function createApolloClient(apiUrl: string, auth: AuthStore): ApolloClient {
  // The token lives in memory only; read it per request so a login or logout
  // takes effect without rebuilding the client.
  const authLink = new ApolloLink((operation, forward) => {
    const token = auth.getSnapshot()?.accessToken;
    if (token) {
      operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, authorization: `Bearer ${token}` },
      }));
    }
    return forward(operation);
  });

  return new ApolloClient({
    link: ApolloLink.from([authLink, new HttpLink({ uri: apiUrl, fetch: fetchWithTimeout })]),
    cache: new InMemoryCache(),
  });
}
