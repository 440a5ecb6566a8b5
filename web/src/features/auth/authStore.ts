// The session, in memory only. The access token is never written to
// localStorage, sessionStorage or a readable cookie: injected scripts cannot
// lift it from storage. What survives a reload is the refresh token, an
// httpOnly cookie only the auth service reads; `restore()` trades it for a new
// access token on start, and a timer does the same shortly before expiry.
//
// A page load with no session must not ask for one: the answer would be a 401,
// which the browser logs as an error on every anonymous visit. So a non-secret
// flag in localStorage ("a session may exist", never the token) says whether
// restoring is worth a request; it is set whenever a session is accepted and
// cleared whenever this store signs out (or the server refuses a refresh).
//
// Refreshing must never run twice at once: the refresh token rotates on every
// use and the server treats a reused one as theft and ends the session. So all
// callers share one in-flight request, and tabs take turns through a Web Lock
// where the browser has them (the second tab then sends the rotated cookie).

import { AuthError, logout as logoutRequest, logoutAll, refreshSession } from './authApi';

export type AccountType = 'FREELANCER' | 'CLIENT' | 'COMPANY' | 'AGENCY';

export interface SessionUser {
  id?: string;
  email?: string;
  username?: string;
  displayName?: string;
  accountType?: AccountType;
}

export interface Session {
  accessToken: string;
  /** Lifetime of the access token in seconds, as the server said. */
  expiresIn?: number | null;
  user: SessionUser | null;
}

/** `restoring`: the first refresh after start has not answered yet. */
export type AuthStatus = 'restoring' | 'signedIn' | 'signedOut';

export interface AuthState {
  status: AuthStatus;
  session: Session | null;
}

/** Whether a session may exist (a refresh cookie was issued and not cleared since). Never secret. */
export interface SessionHint {
  get(): boolean;
  set(present: boolean): void;
}

export const SESSION_HINT_KEY = 'myspace.session';

/** The hint in localStorage (shared by this origin's tabs); when storage is unavailable, always "maybe". */
export function storageSessionHint(storage: Storage | null = defaultStorage()): SessionHint {
  return {
    get() {
      if (!storage) return true;
      try {
        return storage.getItem(SESSION_HINT_KEY) === '1';
      } catch {
        return true;
      }
    },
    set(present) {
      try {
        if (present) storage?.setItem(SESSION_HINT_KEY, '1');
        else storage?.removeItem(SESSION_HINT_KEY);
      } catch {
        // Storage full or blocked: restoring then simply asks the server.
      }
    },
  };
}

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export interface AuthStoreOptions {
  authUrl?: string;
  /** Defaults to the global fetch, looked up per call. */
  fetchImpl?: typeof fetch;
  initial?: Session | null;
  /** Web Locks for cross-tab refresh; defaults to navigator.locks when present. */
  locks?: Pick<LockManager, 'request'> | null;
  /** Whether restore() should ask the server; defaults to the localStorage flag. `null`: always ask. */
  sessionHint?: SessionHint | null;
}

export interface AuthStore {
  getSnapshot(): AuthState;
  subscribe(listener: () => void): () => void;
  /** The current access token, if signed in. */
  accessToken(): string | null;
  signIn(session: Session): void;
  /** Forgets the session locally (no server call). */
  signOut(): void;
  updateUser(patch: Partial<SessionUser>): void;
  /**
   * Trades the refresh cookie for a new access token. Concurrent calls share
   * one request. Resolves to null (and signs out) when the server refuses;
   * rejects with an AuthError when it cannot be reached.
   */
  refresh(): Promise<Session | null>;
  /**
   * On start: restores a session from the refresh cookie, if there may be one
   * (without the session hint it signs out at once, asking nobody). Runs once per store.
   */
  restore(): Promise<void>;
  /** Refreshes now if the token is expired or about to be (e.g. a tab waking up). */
  refreshIfExpiring(): Promise<void>;
  /** A token good for at least the next half minute, or null when signed out. */
  freshToken(): Promise<string | null>;
  /** Ends this session on the server and locally. False if the server could not be told. */
  logout(): Promise<boolean>;
  /** Ends every session of the account; returns how many. */
  logoutEverywhere(): Promise<number>;
}

/** The web service proxies the auth service under its own origin. */
export const DEFAULT_AUTH_URL = '/auth';

/** Refresh this long before expiry (at most a quarter of the lifetime). */
const REFRESH_LEAD_SECONDS = 60;
/** After a failed background refresh (service unreachable), try again after this. */
const RETRY_DELAY_MS = 15_000;
/** freshToken() refreshes when fewer than this many seconds remain. */
const FRESH_MARGIN_MS = 30_000;
const LOCK_NAME = 'myspace-auth-refresh';
/** restore() retries after a 429 only when told to wait at most this long. */
const MAX_RESTORE_RETRY_S = 120;

function defaultLocks(): Pick<LockManager, 'request'> | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

export function createAuthStore(options: AuthStoreOptions | Session | null = {}): AuthStore {
  const opts: AuthStoreOptions = options && 'accessToken' in options ? { initial: options } : (options ?? {});
  const authUrl = (opts.authUrl ?? DEFAULT_AUTH_URL).replace(/\/+$/, '');
  const fetchImpl: typeof fetch = opts.fetchImpl ?? ((input, init) => fetch(input, init));
  const locks = opts.locks === undefined ? defaultLocks() : opts.locks;
  const hint = opts.sessionHint === undefined ? storageSessionHint() : opts.sessionHint;

  let state: AuthState = opts.initial ? { status: 'signedIn', session: opts.initial } : { status: 'signedOut', session: null };
  let expiresAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<Session | null> | null = null;
  let restoring: Promise<void> | null = null;
  // Bumped by every sign-in and sign-out, so a refresh that was overtaken by
  // a logout cannot sign the user back in.
  let epoch = 0;
  const listeners = new Set<() => void>();

  const set = (next: AuthState) => {
    state = next;
    listeners.forEach((l) => l());
  };

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const schedule = (delayMs: number) => {
    clearTimer();
    timer = setTimeout(() => {
      timer = null;
      store.refresh().catch(() => {
        if (state.session) schedule(RETRY_DELAY_MS);
      });
    }, delayMs);
  };

  const accept = (session: Session) => {
    epoch += 1;
    clearTimer();
    const lifetime = session.expiresIn ?? null;
    if (lifetime !== null) {
      expiresAt = Date.now() + lifetime * 1000;
      const lead = Math.min(REFRESH_LEAD_SECONDS, lifetime / 4);
      schedule(Math.max(1, lifetime - lead) * 1000);
    } else {
      expiresAt = null;
    }
    // A refresh answer may omit fields the store already knows.
    const user = session.user ?? state.session?.user ?? null;
    hint?.set(true);
    set({ status: 'signedIn', session: { ...session, user } });
  };

  const runRefresh = async (): Promise<Session | null> => {
    const startEpoch = epoch;
    const call = () => refreshSession(authUrl, fetchImpl);
    let session: Session;
    try {
      session = locks ? await locks.request(LOCK_NAME, call) : await call();
    } catch (error) {
      if (error instanceof AuthError && (error.status === 401 || error.status === 403)) {
        if (epoch === startEpoch) store.signOut();
        return null;
      }
      throw error;
    }
    if (epoch !== startEpoch) return state.session; // signed out (or in) meanwhile
    accept(session);
    return state.session;
  };

  let restoreStarted = false;
  const startRestore = (): Promise<void> => {
    if (state.session) return Promise.resolve();
    // No session was issued here (or it was ended): a refresh could only be refused.
    if (hint && !hint.get()) return Promise.resolve();
    if (!restoring) {
      const startEpoch = epoch;
      set({ status: 'restoring', session: null });
      restoring = store
        .refresh()
        .then(() => undefined)
        .catch((error: unknown) => {
          // The auth service is unreachable or busy: carry on signed out.
          if (state.status === 'restoring') set({ status: 'signedOut', session: null });
          // Refreshes are rate limited per address (many reloads in a
          // minute); try once more when the service says it will answer.
          if (error instanceof AuthError && error.status === 429 && error.retryAfter !== null && error.retryAfter <= MAX_RESTORE_RETRY_S) {
            setTimeout(() => {
              if (!state.session && epoch === startEpoch) void startRestore();
            }, error.retryAfter * 1000);
          }
        })
        .finally(() => {
          restoring = null;
        });
    }
    return restoring;
  };

  const store: AuthStore = {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    accessToken: () => state.session?.accessToken ?? null,
    signIn: accept,
    signOut() {
      epoch += 1;
      clearTimer();
      expiresAt = null;
      hint?.set(false);
      if (state.status !== 'signedOut' || state.session) set({ status: 'signedOut', session: null });
    },
    updateUser(patch) {
      if (!state.session) return;
      set({ ...state, session: { ...state.session, user: { ...state.session.user, ...patch } } });
    },
    refresh() {
      if (!inFlight) {
        inFlight = runRefresh().finally(() => {
          inFlight = null;
        });
      }
      return inFlight;
    },
    restore() {
      // Once per page: later calls (a second mount, StrictMode) share the first.
      if (restoreStarted) return restoring ?? Promise.resolve();
      restoreStarted = true;
      return startRestore();
    },
    async refreshIfExpiring() {
      if (!state.session || expiresAt === null || expiresAt - Date.now() > REFRESH_LEAD_SECONDS * 1000) return;
      await store.refresh().catch(() => undefined);
    },
    async freshToken() {
      if (inFlight) await inFlight.catch(() => undefined);
      if (!state.session) return null;
      if (expiresAt !== null && expiresAt - Date.now() < FRESH_MARGIN_MS) await store.refresh();
      return store.accessToken();
    },
    async logout() {
      // Let a running refresh land first, so the server sees the current cookie.
      if (inFlight) await inFlight.catch(() => undefined);
      const token = store.accessToken();
      store.signOut();
      try {
        await logoutRequest(authUrl, token, fetchImpl);
        return true;
      } catch {
        return false;
      }
    },
    async logoutEverywhere() {
      const token = await store.freshToken();
      if (!token) throw new AuthError('UNAUTHENTICATED', 'You are not signed in.', 401);
      const ended = await logoutAll(authUrl, token, fetchImpl);
      store.signOut();
      return ended;
    },
  };
  return store;
}
