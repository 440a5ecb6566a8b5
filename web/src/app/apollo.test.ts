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
