import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { catchError, from, mergeMap, of, tap, throwError, type Observable } from 'rxjs';
import type { AuthStore } from '../features/auth/authStore';

// Bound on every gateway request: a hung gateway shows the error state instead
// of an endless skeleton.
const REQUEST_TIMEOUT_MS = 10_000;

function fetchWithTimeout(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
}

function hasUnauthenticated(errors: ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined): boolean {
  return !!errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/** A transport-level 401, or a non-GraphQL-media error body that says UNAUTHENTICATED. */
function isUnauthenticatedServerError(error: unknown): boolean {
  if (!ServerError.is(error)) return false;
  if (error.statusCode === 401) return true;
  try {
    const body = JSON.parse(error.bodyText) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
    return hasUnauthenticated(body.errors);
  } catch {
    return false;
  }
}

export function createApolloClient(apiUrl: string, auth: AuthStore): ApolloClient {
  // The token lives in memory only; read it per request so a login, logout or
  // refresh takes effect without rebuilding the client.
  const authLink = new ApolloLink((operation, forward) => {
    const token = auth.accessToken();
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => {
      const next = { ...headers };
      if (token) next.authorization = `Bearer ${token}`;
      else delete next.authorization;
      return { headers: next, sentToken: token };
    });
    return forward(operation);
  });

  // On UNAUTHENTICATED (an expired or revoked access token) refresh once —
  // the store shares one refresh among all operations — and run the operation
  // again with the new token. If the refresh is refused the store signs out
  // and the original answer goes through; protected pages then send the user
  // to log in. (If the service is merely unreachable the session is kept.)
  const refreshLink = new ApolloLink((operation, forward) => {
    const retry = (original: Observable<ApolloLink.Result>): Observable<ApolloLink.Result> => {
      const sentToken = (operation.getContext() as { sentToken?: string | null }).sentToken ?? null;
      if (!sentToken) return original;
      // Another operation may already have refreshed since this one was sent.
      const refreshed = auth.accessToken() !== sentToken ? Promise.resolve(auth.getSnapshot().session) : auth.refresh();
      const again = () =>
        forward(operation).pipe(
          // Still refused with a fresh token: the session is over.
          tap((result) => {
            if (hasUnauthenticated(result.errors)) auth.signOut();
          }),
        );
      return from(refreshed.catch(() => null)).pipe(mergeMap((session) => (session ? again() : original)));
    };
    return forward(operation).pipe(
      mergeMap((result) => (hasUnauthenticated(result.errors) ? retry(of(result)) : of(result))),
      catchError((error: unknown) => (isUnauthenticatedServerError(error) ? retry(throwError(() => error)) : throwError(() => error))),
    );
  });

  return new ApolloClient({
    link: ApolloLink.from([refreshLink, authLink, new HttpLink({ uri: apiUrl, fetch: fetchWithTimeout })]),
    cache: new InMemoryCache(),
  });
}
