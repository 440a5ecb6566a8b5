// Calls to the auth service. Errors come back as
// {"error":{"code":"…","message":"…"}}; the message is shown to the user as
// text. Every request has a deadline.

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

export class AuthError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = 'AuthError';
    this.code = code;
    this.status = status;
  }
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

function toSession(body: unknown): Session | null {
  const record = asRecord(body);
  if (!record) return null;
  const token = str(record.accessToken) ?? str(record.access_token) ?? str(record.token);
  if (!token) return null;
  const rawUser = asRecord(record.user);
  const user: SessionUser | null = rawUser
    ? {
        id: str(rawUser.id),
        email: str(rawUser.email),
        username: str(rawUser.username),
        displayName: str(rawUser.displayName) ?? str(rawUser.display_name),
        accountType: str(rawUser.accountType) as AccountType | undefined,
      }
    : null;
  return { accessToken: token, user };
}

async function post(url: string, payload: unknown, fetchImpl: typeof fetch): Promise<Session> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload),
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
    throw new AuthError(
      str(error?.code) ?? 'HTTP_' + response.status,
      str(error?.message) ?? `Something went wrong (HTTP ${response.status}). Please try again.`,
      response.status,
    );
  }

  const session = toSession(body);
  if (!session) {
    throw new AuthError('BAD_RESPONSE', 'The sign-in service sent an unexpected answer. Please try again.', response.status);
  }
  return session;
}

export function login(authUrl: string, input: LoginInput, fetchImpl: typeof fetch = fetch): Promise<Session> {
  return post(`${authUrl}/login`, { email: input.email, password: input.password }, fetchImpl);
}

export function register(authUrl: string, input: RegisterInput, fetchImpl: typeof fetch = fetch): Promise<Session> {
  return post(
    `${authUrl}/register`,
    {
      email: input.email,
      password: input.password,
      accountType: input.accountType,
      username: input.username,
      displayName: input.displayName,
    },
    fetchImpl,
  );
}
