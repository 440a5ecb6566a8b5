// Client-side checks give quick feedback while typing. The auth service
// enforces the same rules; these are a convenience, not the gate.

import type { AccountType } from './authStore';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

export const ACCOUNT_TYPES: ReadonlyArray<{ value: AccountType; label: string; description: string }> = [
  { value: 'FREELANCER', label: 'Freelancer', description: 'Find work, send proposals and get paid through escrow.' },
  { value: 'CLIENT', label: 'Client', description: 'Post jobs and hire freelancers for your projects.' },
  { value: 'COMPANY', label: 'Company', description: 'Hire as a team, with shared billing for your company.' },
  { value: 'AGENCY', label: 'Agency', description: 'Bid on work as a team and deliver projects together.' },
];

// Deliberately simple: something@something.tld, no spaces.
export const MAX_DISPLAY_NAME_LENGTH = 100;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const USERNAME = /^[a-zA-Z0-9_.-]{3,50}$/;

export function validateEmail(value: string): string | null {
  if (value.trim() === '') return 'Enter your email address.';
  if (!EMAIL.test(value.trim())) return 'Enter a valid email address, like name@example.com.';
  return null;
}

export function validatePassword(value: string): string | null {
  if (value === '') return 'Enter a password.';
  if (value.length < MIN_PASSWORD_LENGTH) {
    return `Password must be at least ${MIN_PASSWORD_LENGTH} characters (${value.length}/${MIN_PASSWORD_LENGTH}).`;
  }
  if (value.length > MAX_PASSWORD_LENGTH) return `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`;
  return null;
}

export function validateLoginPassword(value: string): string | null {
  return value === '' ? 'Enter your password.' : null;
}

export function validateUsername(value: string): string | null {
  if (value.trim() === '') return 'Choose a username.';
  if (!USERNAME.test(value.trim())) return 'Use 3–50 letters, digits, dots, dashes or underscores.';
  return null;
}

export function validateDisplayName(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter the name people will see.';
  if ([...trimmed].length > MAX_DISPLAY_NAME_LENGTH) return `Keep it to ${MAX_DISPLAY_NAME_LENGTH} characters or fewer.`;
  return null;
}

export function validateAccountType(value: string): string | null {
  return ACCOUNT_TYPES.some((t) => t.value === value) ? null : 'Choose an account type.';
}

export function isAccountType(value: string | null): value is AccountType {
  return value !== null && ACCOUNT_TYPES.some((t) => t.value === value);
}
