import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthStore } from '../features/auth/authStore';
import { LATEST_JOBS } from '../features/jobs/graphql';
import { createApolloClient } from './apollo';

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubGateway() {
  const fetchMock = vi.fn(
    async (..._args: [RequestInfo | URL, RequestInit?]) =>
      new Response(JSON.stringify({ data: { jobs: [] } }), { status: 200, headers: { 'Content-Type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  return Object.fromEntries(new Headers(init?.headers).entries());
}

describe('createApolloClient', () => {
  it('posts to the configured gateway without a token when signed out', async () => {
    const fetchMock = stubGateway();
    const client = createApolloClient('http://gw.test/graphql', createAuthStore());
    await client.query({ query: LATEST_JOBS, fetchPolicy: 'network-only' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe('http://gw.test/graphql');
    expect(headersOf(init).authorization).toBeUndefined();
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('sends the in-memory token once signed in, and stops after sign-out', async () => {
    const fetchMock = stubGateway();
    const auth = createAuthStore();
    const client = createApolloClient('http://gw.test/graphql', auth);

    auth.signIn({ accessToken: 'tok_abc', user: null });
    await client.query({ query: LATEST_JOBS, fetchPolicy: 'network-only' });
    expect(headersOf(fetchMock.mock.calls[0]![1]).authorization).toBe('Bearer tok_abc');

    auth.signOut();
    await client.query({ query: LATEST_JOBS, fetchPolicy: 'network-only' });
    expect(headersOf(fetchMock.mock.calls[1]![1]).authorization).toBeUndefined();
  });
});

const unauthenticated = { errors: [{ message: 'the access token has expired', extensions: { code: 'UNAUTHENTICATED' } }], data: null };

function gatewayAnswers(...bodies: unknown[]) {
  const calls: Array<RequestInit | undefined> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      calls.push(init);
      const body = bodies.shift() ?? { data: { jobs: [] } };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/graphql-response+json' } });
    }),
  );
  return calls;
}

describe('createApolloClient on UNAUTHENTICATED', () => {
  it('refreshes once and retries with the new token', async () => {
    const calls = gatewayAnswers(unauthenticated, { data: { jobs: [] } });
    const refreshFetch = vi.fn(async () => new Response(JSON.stringify({ accessToken: 'tok_new', expiresIn: 900, user: null }), { status: 200 }));
    const auth = createAuthStore({ fetchImpl: refreshFetch, locks: null, initial: { accessToken: 'tok_old', user: null } });
    const client = createApolloClient('http://gw.test/graphql', auth);

    const result = await client.query({ query: LATEST_JOBS, fetchPolicy: 'network-only' });
    expect(result.data).toEqual({ jobs: [] });
    expect(refreshFetch).toHaveBeenCalledTimes(1);
    expect(calls.map((init) => headersOf(init).authorization)).toEqual(['Bearer tok_old', 'Bearer tok_new']);
  });

  it('two failing operations share one refresh', async () => {
    gatewayAnswers(unauthenticated, unauthenticated, { data: { jobs: [] } }, { data: { jobs: [] } });
    const refreshFetch = vi.fn(async () => new Response(JSON.stringify({ accessToken: 'tok_new', expiresIn: 900, user: null }), { status: 200 }));
    const auth = createAuthStore({ fetchImpl: refreshFetch, locks: null, initial: { accessToken: 'tok_old', user: null } });
    const client = createApolloClient('http://gw.test/graphql', auth);
    await Promise.all([
      client.query({ query: LATEST_JOBS, fetchPolicy: 'network-only' }),
      client.query({ query: LATEST_JOBS, fetchPolicy: 'no-cache', context: { queryDeduplication: false } }),
    ]);
    expect(refreshFetch).toHaveBeenCalledTimes(1);
  });

  it('signs out when the refresh is refused, without retrying', async () => {
    const calls = gatewayAnswers(unauthenticated);
    const refreshFetch = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'the session has ended' } }), { status: 401 }));
    const auth = createAuthStore({ fetchImpl: refreshFetch, locks: null, initial: { accessToken: 'tok_old', user: null } });
    const client = createApolloClient('http://gw.test/graphql', auth);

    await expect(client.query({ query: LATEST_JOBS, fetchPolicy: 'network-only' })).rejects.toThrow(/expired/);
    expect(calls).toHaveLength(1);
    expect(auth.getSnapshot()).toEqual({ status: 'signedOut', session: null });
  });
});
