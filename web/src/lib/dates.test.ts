import { describe, expect, it } from 'vitest';
import { formatDate, formatRelativeTime } from './dates';

describe('formatRelativeTime', () => {
  const now = new Date('2025-06-10T12:00:00Z');

  it('describes past times relative to now', () => {
    expect(formatRelativeTime('2025-06-07T12:00:00Z', now)).toBe('3 days ago');
    expect(formatRelativeTime('2025-06-10T10:00:00Z', now)).toBe('2 hours ago');
    expect(formatRelativeTime('2025-06-09T12:00:00Z', now)).toBe('yesterday');
    expect(formatRelativeTime('2025-06-10T11:59:30Z', now)).toBe('just now');
  });

  it('returns null for invalid dates', () => {
    expect(formatRelativeTime('not a date', now)).toBeNull();
    expect(formatDate('nope')).toBeNull();
  });

  it('formats absolute dates', () => {
    expect(formatDate('2025-03-04T00:00:00Z')).toMatch(/Mar [34], 2025/);
  });
});
