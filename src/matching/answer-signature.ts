// The holder's signed answer to a blind evaluation (PROTOCOL §12.2): a compact JWS the querier
// verifies with the holder's card key and keeps in its query log, so that it can show later
// what the holder answered — to which query, for which blinded elements, under which OPRF key.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  nodeCardSchema,
  type StatementFailure,
  signStatement,
  verifyStatement,
} from '../federation/index.js';
import type { Ed25519PublicJwk, SigningKey } from '../platform/index.js';

/** `typ` of the signed answer (RFC 8725 §3.11: it cannot be replayed as another statement). */
export const MATCHING_ANSWER_TYP = 'passerelle-matching-answer+jws';

const b64url = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'base64url SHA-256');

/** The payload the holder signs (RFC 8785 form). */
export const matchingAnswerSchema = z.strictObject({
  type: z.literal('matching.answer'),
  version: z.literal(1),
  queryId: z.uuid(),
  /** The holder's node id (the signer). */
  holder: z.string(),
  /** The partner that asked. */
  querier: z.string(),
  /** The holder's OPRF key epoch: which key evaluated the elements. */
  epoch: z.number().int(),
  suite: z.string(),
  /** SHA-256 of the blinded elements as received (32 bytes each, in order), base64url. */
  elementsHash: b64url,
  /** SHA-256 of the evaluated elements as answered (32 bytes each, in order), base64url. */
  evaluatedHash: b64url,
  /** When the holder answered (UTC instant). */
  answeredAt: z.string(),
});
/** What the holder signs. */
export type MatchingAnswer = z.infer<typeof matchingAnswerSchema>;

/** SHA-256, base64url, of base64 elements decoded and concatenated in order. */
export function hashElements(elements: readonly string[]): string {
  const h = createHash('sha256');
  for (const e of elements) h.update(Buffer.from(e, 'base64'));
  return h.digest('base64url');
}

/** Signs an answer with the holder's node signing key (EdDSA over the RFC 8785 form). */
export function signMatchingAnswer(answer: MatchingAnswer, key: SigningKey): Promise<string> {
  return signStatement(
    matchingAnswerSchema.parse(answer),
    { typ: MATCHING_ANSWER_TYP, kid: key.kid },
    key.privateKey,
  );
}

/** Why a signed answer was refused. */
export type AnswerFailure =
  | StatementFailure
  | { type: 'invalidAnswer' }
  | { type: 'mismatch'; fields: string[] }
  | { type: 'keyNotValidThen' };

/**
 * A signing key of the holder: its current card's (`retiredAt` null) or one a rotation
 * replaced, valid from `validFrom` until `retiredAt` (the rotation statement's `issuedAt`).
 */
export interface HolderSigningKey {
  key: Ed25519PublicJwk;
  validFrom: Date | null;
  retiredAt: Date | null;
}

/** How far a retired key's `answeredAt` may lie from this node's clock around the exchange. */
export const RETIRED_KEY_SKEW_MS = 5 * 60_000;

/** What the querier expects the answer to state. */
export type ExpectedAnswer = Pick<
  MatchingAnswer,
  'queryId' | 'holder' | 'querier' | 'epoch' | 'elementsHash' | 'evaluatedHash'
>;

/**
 * Verifies a signed answer against the holder's signing key and, field by field, against
 * the query the querier sent and the evaluated elements it received.
 *
 * With the holder's key history (`HolderSigningKey[]`), the key is the one the header's `kid`
 * names: the current card's, or a key a rotation replaced — then only for an answer signed
 * while that key was valid (`validFrom` ≤ `answeredAt` ≤ `retiredAt`) and, when `exchange`
 * is given, with an `answeredAt` inside that exchange (± {@link RETIRED_KEY_SKEW_MS} of this
 * node's clock): an answer signed just before a rotation verifies, while a retired key cannot
 * speak for the holder later on.
 */
export async function verifyMatchingAnswer(
  jws: unknown,
  holderKeys: Ed25519PublicJwk | readonly HolderSigningKey[],
  expected: ExpectedAnswer,
  exchange?: { sentAt: Date; receivedAt: Date },
): Promise<{ ok: true; answer: MatchingAnswer } | { ok: false; reason: AnswerFailure }> {
  const keys: readonly HolderSigningKey[] = Array.isArray(holderKeys)
    ? holderKeys
    : [{ key: holderKeys as Ed25519PublicJwk, validFrom: null, retiredAt: null }];
  let used: HolderSigningKey | undefined;
  const verified = await verifyStatement(jws, MATCHING_ANSWER_TYP, (header) => {
    // The current key first: a renewal keeps the kid, and the current card then governs.
    used =
      keys.find((k) => k.retiredAt === null && k.key.kid === header.kid) ??
      keys.find((k) => k.key.kid === header.kid);
    return used?.key;
  });
  if (!verified.ok) return verified;
  const parsed = matchingAnswerSchema.safeParse(verified.statement.payload);
  if (!parsed.success) return { ok: false, reason: { type: 'invalidAnswer' } };
  const fields = (Object.keys(expected) as (keyof ExpectedAnswer)[]).filter(
    (k) => parsed.data[k] !== expected[k],
  );
  if (fields.length > 0) return { ok: false, reason: { type: 'mismatch', fields } };
  if (used?.retiredAt) {
    const at = Date.parse(parsed.data.answeredAt);
    const inValidity =
      Number.isFinite(at) &&
      at <= used.retiredAt.getTime() &&
      (used.validFrom === null || at >= used.validFrom.getTime());
    const inExchange =
      !exchange ||
      (at >= exchange.sentAt.getTime() - RETIRED_KEY_SKEW_MS &&
        at <= exchange.receivedAt.getTime() + RETIRED_KEY_SKEW_MS);
    if (!inValidity || !inExchange) return { ok: false, reason: { type: 'keyNotValidThen' } };
  }
  return { ok: true, answer: parsed.data };
}

/** The signing key in a stored partner card (cards are verified when imported or rotated). */
export function cardSigningKey(cardJws: string): Ed25519PublicJwk | undefined {
  try {
    const payload = JSON.parse(Buffer.from(cardJws.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return nodeCardSchema.parse(payload).signingKey as Ed25519PublicJwk;
  } catch {
    return undefined;
  }
}
