import { describe, expect, it } from 'vitest';
import { formatBudgetRange, formatMoney, parseMoneyToCents } from './money';

describe('formatMoney', () => {
  it('formats a plain amount with grouping and cents', () => {
    expect(formatMoney('1500.00')).toBe('$1,500.00');
  });

  it('keeps ten cents as ten cents', () => {
    expect(formatMoney('0.10')).toBe('$0.10');
    expect(formatMoney('0.1')).toBe('$0.10');
  });

  it('does not lose precision on values beyond float range', () => {
    expect(formatMoney('12345678901234567890.99')).toBe('$12,345,678,901,234,567,890.99');
    // 9007199254740993 is not representable as a double (it would print ...992).
    expect(formatMoney('9007199254740993.01')).toBe('$9,007,199,254,740,993.01');
  });

  it('avoids float rounding artefacts', () => {
    // 0.1 + 0.2 style errors would show up as .29999 here.
    expect(formatMoney('1.005')).toBe('$1.01');
    expect(formatMoney('2.675')).toBe('$2.68');
    expect(formatMoney('0.3')).toBe('$0.30');
  });

  it('formats whole numbers and negatives', () => {
    expect(formatMoney('42')).toBe('$42.00');
    expect(formatMoney('-1234.50')).toBe('-$1,234.50');
    expect(formatMoney('-0.50')).toBe('-$0.50');
  });

  it('trims zero cents only when asked and only when zero', () => {
    expect(formatMoney('1500.00', { trimZeroCents: true })).toBe('$1,500');
    expect(formatMoney('1500.10', { trimZeroCents: true })).toBe('$1,500.10');
  });

  it('uses the requested currency and locale', () => {
    expect(formatMoney('1234.56', { currency: 'EUR', locale: 'de-DE' })).toBe('1.234,56\u00a0€');
  });

  it('rejects things that are not decimal strings', () => {
    expect(formatMoney('abc')).toBeNull();
    expect(formatMoney('1e5')).toBeNull();
    expect(formatMoney('')).toBeNull();
    expect(parseMoneyToCents('12.3')).toBe(1230n);
  });
});

describe('formatBudgetRange', () => {
  it('shows a range, a lower bound, an upper bound or nothing', () => {
    expect(formatBudgetRange('1500.00', '3000.00')).toBe('$1,500 – $3,000');
    expect(formatBudgetRange('1500.00', null)).toBe('From $1,500');
    expect(formatBudgetRange(null, '250.50')).toBe('Up to $250.50');
    expect(formatBudgetRange('500.00', '500.00')).toBe('$500');
    expect(formatBudgetRange(null, null)).toBeNull();
  });
});
