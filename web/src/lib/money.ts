// Money arrives from the gateway as a decimal string ("1500.00"). It is never
// turned into a float: the integer part goes through BigInt and the cents are
// kept as digits, so "0.10" stays ten cents and very large amounts keep every
// digit.

const DECIMAL = /^(-)?(\d+)(?:\.(\d*))?$/;

export interface MoneyFormatOptions {
  currency?: string;
  locale?: string;
  /** Drop ".00" when the amount is whole ("$1,500" instead of "$1,500.00"). */
  trimZeroCents?: boolean;
}

/** Parses a decimal string into a sign and an exact number of cents. */
export function parseMoneyToCents(value: string): bigint | null {
  const match = DECIMAL.exec(value.trim());
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const padded = (fraction + '000').slice(0, 3);
  let cents = BigInt(whole) * 100n + BigInt(padded.slice(0, 2));
  // Round half away from zero on the third decimal, if there is one.
  if (Number(padded[2]) >= 5) cents += 1n;
  return sign === '-' ? -cents : cents;
}

/**
 * Formats a Money decimal string for display, e.g. "1500.00" → "$1,500.00".
 * Returns null for values that are not decimal strings, so callers can decide
 * what to show instead of rendering "NaN".
 */
export function formatMoney(value: string, options: MoneyFormatOptions = {}): string | null {
  const { currency = 'USD', locale = 'en-US', trimZeroCents = false } = options;
  const cents = parseMoneyToCents(value);
  if (cents === null) return null;

  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  const showCents = !(trimZeroCents && fraction === '00');

  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: showCents ? 2 : 0,
    maximumFractionDigits: showCents ? 2 : 0,
  });
  // BigInt keeps every digit of the integer part; the fraction part Intl
  // produces for a whole BigInt is "00" and is replaced by the exact cents.
  const parts = formatter.formatToParts(negative ? -whole : whole);
  if (negative && whole === 0n) {
    // -0.50: a BigInt zero carries no sign, so add it back.
    const minus = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(-1);
    const sign = minus.find((p) => p.type === 'minusSign');
    if (sign) parts.unshift(sign);
  }
  return parts.map((p) => (p.type === 'fraction' ? fraction : p.value)).join('');
}

/** "$1,500 – $3,000", "From $1,500", "Up to $3,000" or null when neither is set. */
export function formatBudgetRange(
  min: string | null | undefined,
  max: string | null | undefined,
  options: MoneyFormatOptions = { trimZeroCents: true },
): string | null {
  const lo = min ? formatMoney(min, options) : null;
  const hi = max ? formatMoney(max, options) : null;
  if (lo && hi) return lo === hi ? lo : `${lo} – ${hi}`;
  if (lo) return `From ${lo}`;
  if (hi) return `Up to ${hi}`;
  return null;
}
