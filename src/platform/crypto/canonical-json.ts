/**
 * JSON canonical form (RFC 8785, JCS) for the values this module hashes: object keys sorted
 * by UTF-16 code units, no whitespace, numbers and strings as ECMAScript's JSON.stringify
 * writes them (which RFC 8785 adopts).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('non-finite number in JSON');
    if (
      value === undefined ||
      typeof value === 'function' ||
      typeof value === 'bigint' ||
      typeof value === 'symbol'
    )
      throw new TypeError(`cannot canonicalise ${typeof value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return canonicalJson((value as { toJSON(): unknown }).toJSON());
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}
