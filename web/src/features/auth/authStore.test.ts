import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthStore, storageSessionHint, type SessionHint } from './authStore';

/** A session hint in memory, recording what it is told. */
function memoryHint(initial: boolean): SessionHint & { value: boolean } {
  const hint = {
    value: initial,
    get: () => hint.value,
    set: (present: boolean) => {
      hint.value = present;
    },
  };
  return hint;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function sessionBody(token: string, expiresIn = 900) {
  return { accessToken: token, tokenType: 'Bearer', expiresIn, user: { id: 'u1', username: 'jane', displayName: 'Jane', accountType: 'CLIENT' } };
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A fetch whose answers the test releases by hand. */
function deferredFetch() {
  const pending: Array<(response: Response) => void> = [];
  const fetchImpl = vi.fn(
    (..._args: [RequestInfo | URL, RequestInit?]) =>
      new Promise<Response>((resolve) => {
        pending.push(resolve);
      }),
  );
  return { fetchImpl, answer: (response: Response) => pending.shift()!(response) };
}

describe('auth store', () => {
  it('shares one in-flight refresh between concurrent callers', async () => {
    const { fetchImpl, answer } = deferredFetch();
    const auth = createAuthStore({ authUrl: 'http://auth.test', fetchImpl: fetchImpl as unknown as typeof fetch, locks: null });

    const first = auth.refresh();
    const second = auth.refresh();
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    answer(json(200, sessionBody('tok_1')));
    const [a, b] = await Promise.all([first, second]);
    expect(a?.accessToken).toBe('tok_1');
    expect(b).toBe(a);

    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('http://auth.test/refresh');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('include');

    // Once settled, the next refresh is a new request (the cookie has rotated).
    const third = auth.refresh();
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    answer(json(200, sessionBody('tok_2')));
    expect((await third)?.accessToken).toBe('tok_2');
    expect(auth.accessToken()).toBe('tok_2');
  });

  it('restores a session on start and keeps the token out of storage and cookies', async () => {
    localStorage.setItem('myspace.session', '1');
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const cookieSetter = vi.fn();
    vi.spyOn(document, 'cookie', 'set').mockImplementation(cookieSetter);
    const fetchImpl = vi.fn(async () => json(200, sessionBody('secret_token')));
    const auth = createAuthStore({ fetchImpl, locks: null });

    const restoring = auth.restore();
    expect(auth.getSnapshot().status).toBe('restoring');
    await restoring;

    expect(auth.getSnapshot()).toMatchObject({ status: 'signedIn', session: { accessToken: 'secret_token', user: { username: 'jane' } } });
    // Only the non-secret "a session may exist" flag is written.
    expect(setItem.mock.calls).toEqual([['myspace.session', '1']]);
    expect(cookieSetter).not.toHaveBeenCalled();
    expect(JSON.stringify({ ...localStorage })).not.toContain('secret_token');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('secret_token');
  });

  it('ends up signed out when there is no session to restore', async () => {
    const fetchImpl = vi.fn(async () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'a refresh token is required' } }));
    const hint = memoryHint(true);
    const auth = createAuthStore({ fetchImpl, locks: null, sessionHint: hint });
    await auth.restore();
    expect(auth.getSnapshot()).toEqual({ status: 'signedOut', session: null });
    // The refused refresh clears the hint: the next page load asks nobody.
    expect(hint.value).toBe(false);
  });

  it('asks nobody on start when no session was issued here (no 401 in the console)', async () => {
    const fetchImpl = vi.fn(async () => json(200, sessionBody('tok')));
    const auth = createAuthStore({ fetchImpl, locks: null, sessionHint: memoryHint(false) });
    await auth.restore();
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(auth.getSnapshot()).toEqual({ status: 'signedOut', session: null });
  });

  it('keeps the hint in step with signing in and out', async () => {
    const hint = memoryHint(false);
    const fetchImpl = vi.fn(async () => json(200, { ok: true }));
    const auth = createAuthStore({ fetchImpl, locks: null, sessionHint: hint });
    auth.signIn({ accessToken: 'tok', user: null });
    expect(hint.value).toBe(true);
    await auth.logout();
    expect(hint.value).toBe(false);
  });

  it('stores the hint as a bare flag in localStorage', () => {
    const hint = storageSessionHint(localStorage);
    expect(hint.get()).toBe(false);
    hint.set(true);
    expect(localStorage.getItem('myspace.session')).toBe('1');
    expect(hint.get()).toBe(true);
    hint.set(false);
    expect(localStorage.getItem('myspace.session')).toBeNull();
    // Without storage, restoring always asks.
    expect(storageSessionHint(null).get()).toBe(true);
  });

  it('keeps the session when the service is unreachable, but signs out when it refuses', async () => {
    const fetchImpl = vi.fn(async (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch')));
    const auth = createAuthStore({ fetchImpl, locks: null, initial: { accessToken: 'tok', user: null } });
    await expect(auth.refresh()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(auth.accessToken()).toBe('tok');

    fetchImpl.mockImplementation(async () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'the session has ended' } }));
    await expect(auth.refresh()).resolves.toBeNull();
    expect(auth.getSnapshot()).toEqual({ status: 'signedOut', session: null });
  });

  it('refreshes shortly before the access token expires', async () => {
    vi.useFakeTimers();
    const fetchImpl = vi.fn(async () => json(200, sessionBody('tok_next')));
    const auth = createAuthStore({ fetchImpl, locks: null });
    auth.signIn({ accessToken: 'tok_first', expiresIn: 900, user: null });

    await vi.advanceTimersByTimeAsync(839_000);
    expect(fetchImpl).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(auth.accessToken()).toBe('tok_next');
    // The refresh answer keeps the user it carries.
    expect(auth.getSnapshot().session?.user?.username).toBe('jane');
  });

  it('does not let a refresh that was overtaken by logout sign the user back in', async () => {
    const { fetchImpl, answer } = deferredFetch();
    const auth = createAuthStore({ fetchImpl: fetchImpl as unknown as typeof fetch, locks: null, initial: { accessToken: 'tok', user: null } });
    const refreshing = auth.refresh();
    auth.signOut();
    answer(json(200, sessionBody('tok_late')));
    await refreshing;
    expect(auth.getSnapshot().session).toBeNull();
  });

  it('logout waits for a running refresh, then tells the server with the current token', async () => {
    const { fetchImpl, answer } = deferredFetch();
    const auth = createAuthStore({ authUrl: 'http://auth.test', fetchImpl: fetchImpl as unknown as typeof fetch, locks: null, initial: { accessToken: 'old', user: null } });
    void auth.refresh();
    const loggingOut = auth.logout();
    answer(json(200, sessionBody('new')));
    await vi.waitFor(() => expect(fetchImpl).toHaveBeenCalledTimes(2));
    answer(json(200, { ok: true }));
    await expect(loggingOut).resolves.toBe(true);
    const [url, init] = fetchImpl.mock.calls[1]!;
    expect(url).toBe('http://auth.test/logout');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer new');
    expect(init?.credentials).toBe('include');
    expect(auth.getSnapshot().session).toBeNull();
  });

  it('serialises refreshes across tabs with a Web Lock when available', async () => {
    const request = vi.fn(async (_name: string, callback: () => Promise<unknown>) => callback());
    const fetchImpl = vi.fn(async () => json(200, sessionBody('tok')));
    const auth = createAuthStore({ fetchImpl, locks: { request } as unknown as LockManager });
    await auth.refresh();
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]![0]).toBe('myspace-auth-refresh');
  });
});

describe('auth store restore when rate limited', () => {
  it('tries again after Retry-After', async () => {
    vi.useFakeTimers();
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(new Response(JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'slow down' } }), { status: 429, headers: { 'Retry-After': '20' } }))
      .mockResolvedValueOnce(json(200, sessionBody('tok_later')));
    const auth = createAuthStore({ fetchImpl, locks: null, sessionHint: memoryHint(true) });
    await auth.restore();
    expect(auth.getSnapshot().status).toBe('signedOut');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    expect(auth.accessToken()).toBe('tok_later');
  });
});

describe('auth store restore', () => {
  it('asks the server once per page, however often it is called', async () => {
    const fetchImpl = vi.fn(async () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'a refresh token is required' } }));
    const auth = createAuthStore({ fetchImpl, locks: null, sessionHint: memoryHint(true) });
    await Promise.all([auth.restore(), auth.restore()]);
    await auth.restore();
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
});
