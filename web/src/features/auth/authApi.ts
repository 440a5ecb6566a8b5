// Calls to the auth service. Every call sends credentials (the refresh token
// is an httpOnly cookie the page never sees) and has a deadline. Errors come
// back as {"error":{"code","message"},"requestId"}; the message is shown to the
// user as text.

import type { AccountType, Session, SessionUser } from './authStore';

const REQUEST_TIMEOUT_MS = 10_000;

export interface LoginInput {
  email: string;
  password: string;
}

export interface RegisterInput extends LoginInput {
  accountType: AccountType;
  username: string;
  displayName: string;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  endOtherSessions: boolean;
}

export class AuthError extends Error {
  readonly code: string;
  readonly status: number;
  /** Seconds to wait, from Retry-After on a 429. */
  readonly retryAfter: number | null;
  constructor(code: string, message: string, status: number, retryAfter: number | null = null) {
    super(message);
    this.name = 'AuthError';
    this.code = code;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** True when the service could not be reached or did not answer in time. */
  get unreachable(): boolean {
    return this.status === 0;
  }
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

function toUser(value: unknown): SessionUser | null {
  const raw = asRecord(value);
  if (!raw) return null;
  return {
    id: str(raw.id),
    email: str(raw.email),
    username: str(raw.username),
    displayName: str(raw.displayName) ?? str(raw.display_name),
    accountType: str(raw.accountType) as AccountType | undefined,
  };
}

/** Reads a login/register/refresh answer; null when it carries no token. */
export function toSession(body: unknown): Session | null {
  const record = asRecord(body);
  if (!record) return null;
  const token = str(record.accessToken) ?? str(record.access_token) ?? str(record.token);
  if (!token) return null;
  const expiresIn = typeof record.expiresIn === 'number' && record.expiresIn > 0 ? record.expiresIn : null;
  return { accessToken: token, expiresIn, user: toUser(record.user) };
}

function retryAfterSeconds(response: Response): number | null {
  const header = response.headers.get('Retry-After');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function rateLimitMessage(retryAfter: number | null): string {
  if (retryAfter === null) return 'Too many attempts. Please wait a little and try again.';
  if (retryAfter < 90) return `Too many attempts. Please try again in ${Math.max(1, retryAfter)} seconds.`;
  return `Too many attempts. Please try again in ${Math.ceil(retryAfter / 60)} minutes.`;
}

interface PostOptions {
  payload?: unknown;
  accessToken?: string | null;
  fetchImpl?: typeof fetch;
}

/** POSTs to the auth service and returns the parsed JSON body, or throws AuthError. */
export async function postAuth(url: string, { payload, accessToken, fetchImpl = fetch }: PostOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers,
      body: payload === undefined ? undefined : JSON.stringify(payload),
      credentials: 'include',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (cause) {
    const timedOut = cause instanceof DOMException && cause.name === 'TimeoutError';
    throw new AuthError(
      timedOut ? 'TIMEOUT' : 'NETWORK',
      timedOut
        ? 'The sign-in service took too long to answer. Please try again.'
        : 'We could not reach the sign-in service. Check your connection and try again.',
      0,
    );
  }

  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }

  if (!response.ok) {
    const error = asRecord(asRecord(body)?.error);
    const code = str(error?.code) ?? 'HTTP_' + response.status;
    if (response.status === 429) {
      const retryAfter = retryAfterSeconds(response);
      throw new AuthError('RATE_LIMITED', rateLimitMessage(retryAfter), 429, retryAfter);
    }
    throw new AuthError(
      code,
      str(error?.message) ?? `Something went wrong (HTTP ${response.status}). Please try again.`,
      response.status,
    );
  }
  return body;
}

async function postForSession(url: string, options: PostOptions): Promise<Session> {
  const session = toSession(await postAuth(url, options));
  if (!session) throw new AuthError('BAD_RESPONSE', 'The sign-in service sent an unexpected answer. Please try again.', 200);
  return session;
}

export function login(authUrl: string, input: LoginInput, fetchImpl: typeof fetch = fetch): Promise<Session> {
  return postForSession(`${authUrl}/login`, { payload: { email: input.email, password: input.password }, fetchImpl });
}

export function register(authUrl: string, input: RegisterInput, fetchImpl: typeof fetch = fetch): Promise<Session> {
  return postForSession(`${authUrl}/register`, {
    payload: {
      email: input.email,
      password: input.password,
      accountType: input.accountType,
      username: input.username,
      displayName: input.displayName,
    },
    fetchImpl,
  });
}

/** Trades the refresh cookie for a new access token (the cookie rotates). */
export function refreshSession(authUrl: string, fetchImpl: typeof fetch = fetch): Promise<Session> {
  return postForSession(`${authUrl}/refresh`, { fetchImpl });
}

export async function logout(authUrl: string, accessToken: string | null, fetchImpl: typeof fetch = fetch): Promise<void> {
  await postAuth(`${authUrl}/logout`, { accessToken, fetchImpl });
}

/** Ends every session of the account; returns how many were ended. */
export async function logoutAll(authUrl: string, accessToken: string, fetchImpl: typeof fetch = fetch): Promise<number> {
  const body = asRecord(await postAuth(`${authUrl}/logout-all`, { accessToken, fetchImpl }));
  return typeof body?.endedSessions === 'number' ? body.endedSessions : 0;
}

export async function changePassword(
  authUrl: string,
  accessToken: string,
  input: ChangePasswordInput,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  await postAuth(`${authUrl}/password`, { accessToken, fetchImpl, payload: input });
}
