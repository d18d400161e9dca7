/**
 * RFC 8785 JSON Canonicalization Scheme (JCS).
 *
 * JCS fixes one byte sequence per JSON value so that signatures and hashes over JSON are
 * stable across implementations: object members sorted by the UTF-16 code units of their
 * names (RFC 8785 §3.2.3), numbers serialised as ECMAScript `Number.prototype.toString`
 * does (§3.2.2.3, which is what `JSON.stringify` uses for finite numbers), strings escaped
 * minimally as ECMAScript `JSON.stringify` does (§3.2.2.2), no whitespace, UTF-8 output.
 */

/** A JSON value as JCS accepts it (I-JSON, RFC 7493). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Thrown when a value cannot be canonicalised (not I-JSON, cyclic, too deep). */
export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
}

const MAX_DEPTH = 128;
// A lone surrogate makes a string invalid I-JSON (RFC 7493 §2.1), which RFC 8785 §3.2.2.2 requires.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Serialise a value to its RFC 8785 canonical JSON text.
 *
 * Object members whose value is `undefined` are omitted (as `JSON.stringify` does), so a
 * parsed object with absent optional fields canonicalises the same way as one without them.
 * Anything else that is not JSON (`undefined` elsewhere, non-finite numbers, bigint,
 * functions, class instances such as `Date`, lone surrogates, cycles) throws
 * {@link CanonicalJsonError} rather than being silently coerced.
 */
export function canonicalize(value: unknown): string {
  return serialize(value, 0, new Set());
}

/** {@link canonicalize} encoded as UTF-8 bytes: the input to signatures and hashes. */
export function canonicalizeToBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalize(value));
}

/**
 * Parse JSON text and report whether it is already in canonical form. Used by verifiers
 * that refuse non-canonical payloads, so a signed document has exactly one encoding.
 */
export function parseCanonicalJson(text: string): { ok: true; value: JsonValue } | { ok: false } {
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    return { ok: false };
  }
  try {
    return canonicalize(value) === text ? { ok: true, value } : { ok: false };
  } catch {
    return { ok: false };
  }
}

function serialize(value: unknown, depth: number, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return serializeNumber(value);
    case 'string':
      return serializeString(value);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`cannot canonicalise a value of type ${typeof value}`);
  }
  if (depth >= MAX_DEPTH) throw new CanonicalJsonError(`nesting deeper than ${MAX_DEPTH}`);
  const object = value as object;
  if (seen.has(object)) throw new CanonicalJsonError('cyclic structure');
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      const parts = object.map((item) => {
        if (item === undefined) throw new CanonicalJsonError('undefined inside an array');
        return serialize(item, depth + 1, seen);
      });
      return `[${parts.join(',')}]`;
    }
    const proto = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      throw new CanonicalJsonError(
        `cannot canonicalise an instance of ${object.constructor?.name ?? 'unknown'}`,
      );
    }
    const record = object as Record<string, unknown>;
    // Default sort compares UTF-16 code units, exactly what RFC 8785 §3.2.3 prescribes.
    const keys = Object.keys(record).sort();
    const parts: string[] = [];
    for (const key of keys) {
      const member = record[key];
      if (member === undefined) continue;
      parts.push(`${serializeString(key)}:${serialize(member, depth + 1, seen)}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    seen.delete(object);
  }
}

function serializeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} is not representable in JSON`);
  // Number#toString is the ECMAScript shortest round-trip algorithm RFC 8785 §3.2.2.3 adopts;
  // it already prints -0 as "0".
  return String(value);
}

function serializeString(value: string): string {
  if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError('string contains a lone surrogate');
  // With no lone surrogates, JSON.stringify escapes exactly as RFC 8785 §3.2.2.2 requires:
  // \b \t \n \f \r \" \\ as two-character escapes, other controls as \u00xx, nothing else.
  return JSON.stringify(value);
}
