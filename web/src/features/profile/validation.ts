// Quick feedback while editing a profile. The gateway enforces the same
// limits (and the database the rest); these are a convenience, not the gate.

import { COUNTRY_CODES } from '../../lib/countries';
import { MAX_DISPLAY_NAME_LENGTH, validateDisplayName } from '../auth/validation';

export { MAX_DISPLAY_NAME_LENGTH, validateDisplayName };

export const MAX_HEADLINE_LENGTH = 120;
export const MAX_BIO_LENGTH = 5000;
export const MAX_SKILLS = 30;
export const MAX_SKILL_LENGTH = 50;
export const MAX_AVATAR_URL_LENGTH = 2048;

/** Up to 8 digits before the point and 2 after: NUMERIC(10,2). */
export const HOURLY_RATE = /^\d{1,8}(\.\d{1,2})?$/;

const chars = (value: string) => [...value].length;

export function validateHeadline(value: string): string | null {
  return chars(value.trim()) > MAX_HEADLINE_LENGTH ? `Keep your headline to ${MAX_HEADLINE_LENGTH} characters (${chars(value.trim())} now).` : null;
}

export function validateBio(value: string): string | null {
  return chars(value) > MAX_BIO_LENGTH ? `Keep your bio to ${MAX_BIO_LENGTH} characters (${chars(value)} now).` : null;
}

export function validateHourlyRate(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (!HOURLY_RATE.test(trimmed)) return 'Enter an amount like 45 or 45.50 (up to 8 digits and 2 decimals).';
  return null;
}

export function validateAvatarUrl(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (trimmed.length > MAX_AVATAR_URL_LENGTH) return `Keep the address under ${MAX_AVATAR_URL_LENGTH} characters.`;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'Enter a full web address starting with https://.';
  }
  if (url.protocol !== 'https:') return 'The image address must start with https://.';
  if (!url.hostname) return 'Enter a full web address starting with https://.';
  return null;
}

export function validateCountry(value: string): string | null {
  return value === '' || COUNTRY_CODES.has(value) ? null : 'Choose a country from the list.';
}

export function validateSkill(value: string, existing: readonly string[]): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (chars(trimmed) > MAX_SKILL_LENGTH) return `A skill can be at most ${MAX_SKILL_LENGTH} characters.`;
  if (existing.some((s) => s.toLowerCase() === trimmed.toLowerCase())) return `“${trimmed}” is already in your list.`;
  if (existing.length >= MAX_SKILLS) return `You can list up to ${MAX_SKILLS} skills.`;
  return null;
}

/** Only https images are ever loaded (the same check as the form). */
export function safeAvatarUrl(value: string | null | undefined): string | null {
  return value && validateAvatarUrl(value) === null ? value.trim() : null;
}
