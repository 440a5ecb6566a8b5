// Value comparison for the differential tests: JSON values equal when their
// structure and object keys match and numbers are equal by value (Boost.JSON
// prints 169.75574 as 1.6975573999999997E2). Strings that both hold JSON
// (the `echo` field serializes its arguments) compare as the parsed values,
// since the two serializers differ in number format.
export function sameValue(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (typeof a === 'string' && typeof b === 'string') {
    if (a === b) return true;
    const pa = tryParse(a);
    const pb = tryParse(b);
    return pa !== undefined && pb !== undefined && typeof pa === 'object' && sameValue(pa, pb);
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue(a[k], b[k]));
}

function tryParse(s) {
  if (!s.startsWith('{') && !s.startsWith('[')) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
