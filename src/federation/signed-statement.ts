import type { KeyObject } from 'node:crypto';
import { decodeProtectedHeader, type ProtectedHeaderParameters } from 'jose';
import type { Ed25519PublicJwk } from '../platform/index.js';
import {
  canonicalizeToBytes,
  importPublicJwk,
  type JsonValue,
  parseCanonicalJson,
} from '../platform/index.js';
import { signCompactJws, verifyCompactJws } from './jose-compact.js';

// Receipts are signed and verified once per delivered message: on node:crypto directly
// (jose-compact.ts, checked against jose both ways), with each partner key imported once.
// Keys come from parsed cards, which the callers cache, so the same JWK object returns.
const importedKeys = new WeakMap<object, KeyObject>();
function publicKeyOf(jwk: Ed25519PublicJwk): KeyObject {
  let key = importedKeys.get(jwk);
  if (!key) {
    key = importPublicJwk(jwk);
    importedKeys.set(jwk, key);
  }
  return key;
}

/** Why a signed statement was refused before any protocol-specific check. */
export type StatementFailure =
  | { type: 'malformed'; detail: string }
  | { type: 'tooLarge' }
  | { type: 'wrongType'; typ: unknown }
  | { type: 'unknownKey'; kid: string }
  | { type: 'badSignature' }
  | { type: 'nonCanonical' };

/** A verified statement: its RFC 8785 payload and protected header. */
export interface VerifiedStatement {
  payload: JsonValue;
  header: ProtectedHeaderParameters;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;
const DEFAULT_MAX_BYTES = 256 * 1024;

/**
 * Sign a JSON value as a compact JWS (RFC 7515) with EdDSA/Ed25519 (RFC 8037) over its
 * RFC 8785 form. `typ` types the statement explicitly (RFC 8725 §3.11), so a card can
 * never be replayed as a revocation or a receipt and vice versa.
 */
export async function signStatement(
  payload: unknown,
  header: { typ: string; kid: string } & Record<string, unknown>,
  privateKey: KeyObject,
): Promise<string> {
  // Same bytes as jose's CompactSign: the header members in this order, then `alg`.
  return signCompactJws({ ...header, alg: 'EdDSA' }, canonicalizeToBytes(payload), privateKey);
}

/**
 * Verify a statement made by {@link signStatement}: shape, size, `typ`, key lookup by `kid`,
 * signature, and that the payload is exactly the RFC 8785 form of itself (one encoding
 * per signed document, so hashes over it are stable).
 */
export async function verifyStatement(
  jws: unknown,
  typ: string,
  keyFor: (header: ProtectedHeaderParameters) => Ed25519PublicJwk | undefined,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<{ ok: true; statement: VerifiedStatement } | { ok: false; reason: StatementFailure }> {
  if (typeof jws !== 'string') return { ok: false, reason: { type: 'malformed', detail: 'not a string' } };
  if (jws.length > maxBytes) return { ok: false, reason: { type: 'tooLarge' } };
  if (!COMPACT_JWS.test(jws))
    return { ok: false, reason: { type: 'malformed', detail: 'not a compact JWS' } };
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    return { ok: false, reason: { type: 'malformed', detail: 'unreadable protected header' } };
  }
  if (header.typ !== typ) return { ok: false, reason: { type: 'wrongType', typ: header.typ } };
  if (header.alg !== 'EdDSA' || typeof header.kid !== 'string' || header.crit !== undefined) {
    return { ok: false, reason: { type: 'malformed', detail: 'unexpected alg, kid or crit' } };
  }
  const key = keyFor(header);
  if (key === undefined || key.kid !== header.kid)
    return { ok: false, reason: { type: 'unknownKey', kid: header.kid } };
  let publicKey: KeyObject;
  try {
    publicKey = publicKeyOf(key);
  } catch {
    return { ok: false, reason: { type: 'badSignature' } };
  }
  const verified = verifyCompactJws(jws, publicKey);
  if (!verified) return { ok: false, reason: { type: 'badSignature' } };
  const payloadBytes = verified.payload;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes);
  } catch {
    return { ok: false, reason: { type: 'nonCanonical' } };
  }
  const parsed = parseCanonicalJson(text);
  if (!parsed.ok) return { ok: false, reason: { type: 'nonCanonical' } };
  return { ok: true, statement: { payload: parsed.value, header } };
}
