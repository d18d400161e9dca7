import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { isCountryCode } from '../entities/index.js';
import type { Clock } from '../platform/index.js';
import {
  canonicalize,
  type Ed25519PublicJwk,
  ed25519PublicJwkSchema,
  jwkThumbprint,
  type NodeKeys,
  sha256Base64url,
  x25519PublicJwkSchema,
} from '../platform/index.js';
import { type StatementFailure, signStatement, verifyStatement } from './signed-statement.js';

/** JWS `typ` of a self-signed node card. */
export const NODE_CARD_TYP = 'passerelle-card+jws';
/** JWS `typ` of a rotation statement (new card countersigned by the old key). */
export const CARD_ROTATION_TYP = 'passerelle-card-rotation+jws';
/** JWS `typ` of a revocation statement. */
export const CARD_REVOCATION_TYP = 'passerelle-card-revocation+jws';

const sha256Schema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected a base64url SHA-256 digest');
const instantSchema = z.iso.datetime({ offset: false });
const compactJwsSchema = z
  .string()
  .max(64 * 1024)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/);

/** Node identifiers: lowercase, stable, used in URLs and headers (e.g. `ma-dgsn`). */
export const nodeIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'invalid node id');

/**
 * ISO 3166-1 alpha-2 country code, upper case: one of the 249 officially assigned codes or
 * XK (Kosovo), the list the entities use. User-assigned codes such as `ZZ` or `XX` are refused.
 */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code in upper case')
  .refine((code) => isCountryCode(code), 'country is not an assigned ISO 3166-1 alpha-2 code');

/**
 * A card's `endpoint`: the node's base URL (PROTOCOL §2). The federation endpoints are
 * `<endpoint>/federation/v1/…`, so the base URL neither ends in `/` (which would double the
 * slash) nor in `/federation/v1` (which would double the prefix), and has no query or fragment.
 */
export const endpointSchema = z
  .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
  .max(2048)
  .refine((url) => !url.endsWith('/'), 'endpoint must not end with "/" (it is a base URL)')
  .refine(
    (url) => !/\/federation\/v1$/i.test(url),
    'endpoint must not end with "/federation/v1": it is the base URL the federation paths are appended to',
  )
  .refine((url) => !/[?#]/.test(url), 'endpoint must not carry a query or a fragment');

/** The node card wire shape (version 1), as signed. Unknown members are refused. */
export const nodeCardSchema = z
  .strictObject({
    version: z.literal(1),
    nodeId: nodeIdSchema,
    agency: z.string().trim().min(1).max(200),
    country: countryCodeSchema,
    endpoint: endpointSchema,
    signingKey: ed25519PublicJwkSchema,
    encryptionKey: x25519PublicJwkSchema,
    validFrom: instantSchema,
    validUntil: instantSchema,
    previousCardHash: sha256Schema.optional(),
  })
  .refine(
    (card) => Date.parse(card.validFrom) < Date.parse(card.validUntil),
    'validFrom must precede validUntil',
  );

/** A node's public identity: who it is, where it listens, which keys speak for it. */
export type NodeCard = z.infer<typeof nodeCardSchema>;

/** Rotation statement payload, signed by the OLD signing key. */
export const cardRotationSchema = z.strictObject({
  version: z.literal(1),
  type: z.literal('card.rotation'),
  nodeId: nodeIdSchema,
  previousCardHash: sha256Schema,
  newCard: compactJwsSchema,
  issuedAt: instantSchema,
});
/** The decoded payload of a rotation statement. */
export type CardRotation = z.infer<typeof cardRotationSchema>;

/** Why a card was revoked (a subset of RFC 5280 §5.3.1 reason codes). */
export const revocationReasonSchema = z.enum([
  'unspecified',
  'keyCompromise',
  'superseded',
  'cessationOfOperation',
]);

/** Revocation statement payload, signed by the revoked card's own signing key. */
export const cardRevocationSchema = z.strictObject({
  version: z.literal(1),
  type: z.literal('card.revocation'),
  nodeId: nodeIdSchema,
  cardHash: sha256Schema,
  signingKid: z.string(),
  reason: revocationReasonSchema,
  revokedAt: instantSchema,
  issuedAt: instantSchema,
});
/** The decoded payload of a revocation statement. */
export type CardRevocation = z.infer<typeof cardRevocationSchema>;

/** Why a card was refused. */
export type NodeCardFailure =
  | StatementFailure
  | { type: 'invalidCard'; issues: string[] }
  | { type: 'keyIdMismatch' }
  | { type: 'notYetValid'; validFrom: string }
  | { type: 'expired'; validUntil: string };

/** Result of {@link verifyNodeCard}. */
export type VerifyNodeCardResult =
  | { ok: true; card: NodeCard; cardHash: string }
  | { ok: false; reason: NodeCardFailure };

/** Why a rotation statement was refused. */
export type CardRotationFailure =
  | StatementFailure
  | { type: 'invalidStatement'; issues: string[] }
  | { type: 'nodeMismatch' }
  | { type: 'chainMismatch' }
  | { type: 'issuedOutsideOldValidity' }
  | { type: 'invalidNewCard'; reason: NodeCardFailure };

/** Result of {@link verifyCardRotation}. */
export type VerifyCardRotationResult =
  | { ok: true; card: NodeCard; cardJws: string; cardHash: string; rotation: CardRotation }
  | { ok: false; reason: CardRotationFailure };

/** Result of {@link verifyRevocation}. */
export type VerifyRevocationResult =
  | { ok: true; revocation: CardRevocation }
  | {
      ok: false;
      reason: StatementFailure | { type: 'invalidStatement'; issues: string[] } | { type: 'cardMismatch' };
    };

/** Card contents chosen by the operator; keys and version are filled in. */
export interface NodeCardFields {
  nodeId: string;
  agency: string;
  country: string;
  endpoint: string;
  validFrom: Date;
  validUntil: Date;
}

/** Options for {@link verifyNodeCard}. */
export interface VerifyNodeCardOptions {
  clock: Clock;
  /** Skip the validFrom/validUntil check, e.g. to read a superseded card from history. */
  ignoreValidity?: boolean;
}

/**
 * SHA-256 (base64url) over the RFC 8785 form of a card: the value a successor card names
 * in `previousCardHash` and a revocation names in `cardHash`.
 */
export function hashNodeCard(card: NodeCard): string {
  return sha256Base64url(canonicalize(card));
}

/** Build and self-sign a card for the given keys. Returns the card and its compact JWS. */
export async function createNodeCard(
  fields: NodeCardFields,
  keys: NodeKeys,
  previousCardHash?: string,
): Promise<{ card: NodeCard; cardJws: string }> {
  const card = nodeCardSchema.parse({
    version: 1,
    nodeId: fields.nodeId,
    agency: fields.agency,
    country: fields.country,
    endpoint: fields.endpoint,
    signingKey: keys.signing.publicJwk,
    encryptionKey: keys.encryption.publicJwk,
    validFrom: fields.validFrom.toISOString(),
    validUntil: fields.validUntil.toISOString(),
    // Absent rather than undefined, so the returned card deep-equals its verified copy.
    ...(previousCardHash === undefined ? {} : { previousCardHash }),
  });
  const cardJws = await signStatement(
    card,
    { typ: NODE_CARD_TYP, kid: card.signingKey.kid },
    keys.signing.privateKey,
  );
  return { card, cardJws };
}

/**
 * Verify a self-signed card: JWS shape and `typ`, the schema, that both `kid`s are the RFC
 * 7638 thumbprints of their keys, the signature by the card's own signing key, and (unless
 * told otherwise) that the clock is inside the validity period. A valid self-signature only
 * proves the card is internally consistent; trust comes from the out-of-band fingerprint
 * check or from a rotation signed by an already-trusted card.
 */
export async function verifyNodeCard(
  cardJws: unknown,
  options: VerifyNodeCardOptions,
): Promise<VerifyNodeCardResult> {
  let card: NodeCard | undefined;
  let parseIssues: string[] = [];
  const verified = await verifyStatement(cardJws, NODE_CARD_TYP, (header) => {
    // The key is inside the payload; read it unverified only to locate the key to check with.
    const unverified = readUnverifiedPayload(cardJws as string);
    const parsed = nodeCardSchema.safeParse(unverified);
    if (!parsed.success) {
      parseIssues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      return undefined;
    }
    card = parsed.data;
    return header.kid === card.signingKey.kid ? card.signingKey : undefined;
  });
  if (!verified.ok) {
    if (verified.reason.type === 'unknownKey' && card === undefined) {
      return { ok: false, reason: { type: 'invalidCard', issues: parseIssues } };
    }
    return verified;
  }
  // Re-parse the verified bytes: the pre-read above only chose the key.
  const parsed = nodeCardSchema.safeParse(verified.statement.payload);
  if (!parsed.success) {
    return { ok: false, reason: { type: 'invalidCard', issues: parsed.error.issues.map((i) => i.message) } };
  }
  const verifiedCard = parsed.data;
  if (
    jwkThumbprint(verifiedCard.signingKey) !== verifiedCard.signingKey.kid ||
    jwkThumbprint(verifiedCard.encryptionKey) !== verifiedCard.encryptionKey.kid
  ) {
    return { ok: false, reason: { type: 'keyIdMismatch' } };
  }
  if (!options.ignoreValidity) {
    const now = options.clock.now().getTime();
    if (now < Date.parse(verifiedCard.validFrom)) {
      return { ok: false, reason: { type: 'notYetValid', validFrom: verifiedCard.validFrom } };
    }
    if (now >= Date.parse(verifiedCard.validUntil)) {
      return { ok: false, reason: { type: 'expired', validUntil: verifiedCard.validUntil } };
    }
  }
  return { ok: true, card: verifiedCard, cardHash: hashNodeCard(verifiedCard) };
}

/** Options for {@link rotateNodeCard}. */
export interface RotateNodeCardOptions {
  oldCard: NodeCard;
  /** The private half of `oldCard.signingKey`: it vouches for the successor. */
  oldSigningKey: KeyObject;
  newKeys: NodeKeys;
  validFrom: Date;
  validUntil: Date;
  /** Fields that may change with the keys; nodeId and country never change. */
  changes?: { agency?: string; endpoint?: string };
  clock: Clock;
}

/**
 * Produce a successor card for new keys, self-signed by the new key and chained to the old
 * card by `previousCardHash`, plus a rotation statement signed by the OLD key, so a partner
 * that trusts the old card can accept the new one without another out-of-band check.
 */
export async function rotateNodeCard(
  options: RotateNodeCardOptions,
): Promise<{ card: NodeCard; cardJws: string; rotationJws: string }> {
  const { oldCard } = options;
  const previousCardHash = hashNodeCard(oldCard);
  const { card, cardJws } = await createNodeCard(
    {
      nodeId: oldCard.nodeId,
      agency: options.changes?.agency ?? oldCard.agency,
      country: oldCard.country,
      endpoint: options.changes?.endpoint ?? oldCard.endpoint,
      validFrom: options.validFrom,
      validUntil: options.validUntil,
    },
    options.newKeys,
    previousCardHash,
  );
  const rotation: CardRotation = {
    version: 1,
    type: 'card.rotation',
    nodeId: oldCard.nodeId,
    previousCardHash,
    newCard: cardJws,
    issuedAt: options.clock.now().toISOString(),
  };
  const rotationJws = await signStatement(
    rotation,
    { typ: CARD_ROTATION_TYP, kid: oldCard.signingKey.kid },
    options.oldSigningKey,
  );
  return { card, cardJws, rotationJws };
}

/**
 * How long after a card expired its key may still renew it (same keys, PROTOCOL §2.1): a
 * node that was stopped when its card expired tells its partners at its next start.
 */
export const LATE_RENEWAL_GRACE_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * Accept a successor card on the strength of a trusted old card: the statement is signed by
 * the old card's key, was issued while the old card was valid, names the old card's hash,
 * and carries a valid new card of the same node that chains to the old one. A statement
 * issued after the old card expired is accepted only as a late renewal: within
 * {@link LATE_RENEWAL_GRACE_MS} and for a successor holding the very same keys.
 */
export async function verifyCardRotation(
  oldCard: NodeCard,
  rotationJws: unknown,
  options: { clock: Clock },
): Promise<VerifyCardRotationResult> {
  const verified = await verifyStatement(rotationJws, CARD_ROTATION_TYP, (header) =>
    header.kid === oldCard.signingKey.kid ? oldCard.signingKey : undefined,
  );
  if (!verified.ok) return verified;
  const parsed = cardRotationSchema.safeParse(verified.statement.payload);
  if (!parsed.success) {
    return {
      ok: false,
      reason: { type: 'invalidStatement', issues: parsed.error.issues.map((i) => i.message) },
    };
  }
  const rotation = parsed.data;
  if (rotation.nodeId !== oldCard.nodeId) return { ok: false, reason: { type: 'nodeMismatch' } };
  const oldHash = hashNodeCard(oldCard);
  if (rotation.previousCardHash !== oldHash) return { ok: false, reason: { type: 'chainMismatch' } };
  const issuedAt = Date.parse(rotation.issuedAt);
  const oldUntil = Date.parse(oldCard.validUntil);
  const late = issuedAt >= oldUntil;
  if (issuedAt < Date.parse(oldCard.validFrom) || (late && issuedAt >= oldUntil + LATE_RENEWAL_GRACE_MS)) {
    return { ok: false, reason: { type: 'issuedOutsideOldValidity' } };
  }
  const next = await verifyNodeCard(rotation.newCard, options);
  if (!next.ok) return { ok: false, reason: { type: 'invalidNewCard', reason: next.reason } };
  // After expiry the old key may only renew its own card (a late renewal): it can extend
  // the trust a partner already holds in it, never hand that trust to another key.
  if (
    late &&
    (next.card.signingKey.kid !== oldCard.signingKey.kid ||
      next.card.encryptionKey.kid !== oldCard.encryptionKey.kid)
  ) {
    return { ok: false, reason: { type: 'issuedOutsideOldValidity' } };
  }
  if (next.card.nodeId !== oldCard.nodeId || next.card.country !== oldCard.country) {
    return { ok: false, reason: { type: 'nodeMismatch' } };
  }
  if (next.card.previousCardHash !== oldHash) return { ok: false, reason: { type: 'chainMismatch' } };
  return { ok: true, card: next.card, cardJws: rotation.newCard, cardHash: next.cardHash, rotation };
}

/** Options for {@link createRevocation}. */
export interface CreateRevocationOptions {
  card: NodeCard;
  /** The private half of `card.signingKey`. */
  signingKey: KeyObject;
  reason: CardRevocation['reason'];
  /** When the key stopped being trustworthy; defaults to now. May lie in the past. */
  revokedAt?: Date;
  clock: Clock;
}

/**
 * Sign a revocation of a card with that card's own key. Anyone holding the key may revoke,
 * including a thief: a revocation can only remove trust, so that is acceptable (the same
 * reasoning as OpenPGP key revocation certificates, RFC 9580 §5.2.3.23).
 */
export async function createRevocation(
  options: CreateRevocationOptions,
): Promise<{ revocation: CardRevocation; revocationJws: string }> {
  const now = options.clock.now().toISOString();
  const revocation = cardRevocationSchema.parse({
    version: 1,
    type: 'card.revocation',
    nodeId: options.card.nodeId,
    cardHash: hashNodeCard(options.card),
    signingKid: options.card.signingKey.kid,
    reason: options.reason,
    revokedAt: options.revokedAt?.toISOString() ?? now,
    issuedAt: now,
  });
  const revocationJws = await signStatement(
    revocation,
    { typ: CARD_REVOCATION_TYP, kid: options.card.signingKey.kid },
    options.signingKey,
  );
  return { revocation, revocationJws };
}

/** Verify that a revocation statement revokes exactly this card and is signed by its key. */
export async function verifyRevocation(
  card: NodeCard,
  revocationJws: unknown,
): Promise<VerifyRevocationResult> {
  const key: Ed25519PublicJwk = card.signingKey;
  const verified = await verifyStatement(revocationJws, CARD_REVOCATION_TYP, (header) =>
    header.kid === key.kid ? key : undefined,
  );
  if (!verified.ok) return verified;
  const parsed = cardRevocationSchema.safeParse(verified.statement.payload);
  if (!parsed.success) {
    return {
      ok: false,
      reason: { type: 'invalidStatement', issues: parsed.error.issues.map((i) => i.message) },
    };
  }
  const revocation = parsed.data;
  if (
    revocation.nodeId !== card.nodeId ||
    revocation.cardHash !== hashNodeCard(card) ||
    revocation.signingKid !== card.signingKey.kid
  ) {
    return { ok: false, reason: { type: 'cardMismatch' } };
  }
  return { ok: true, revocation };
}

function readUnverifiedPayload(jws: string): unknown {
  try {
    const part = jws.split('.')[1] ?? '';
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
