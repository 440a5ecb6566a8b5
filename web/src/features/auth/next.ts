// The ?next= parameter of the login and sign-up pages. Only same-site paths
// are followed, so a crafted link cannot send someone to another site after
// they log in ("//evil.example", "https://…", "/\\evil.example").

import { HOME_PATH } from './accountKinds';

export function safeNext(value: string | null | undefined, fallback = HOME_PATH): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}

export function loginPath(next: string): string {
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
