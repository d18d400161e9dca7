import type { KeyObject } from 'node:crypto';
import { decodeProtectedHeader, type ProtectedHeaderParameters } from 'jose';
import { z } from 'zod';
import type { Clock } from '../platform/index.js';
import {
  canonicalizeToBytes,
  type Ed25519PublicJwk,
  importPublicJwk,
  type JsonValue,
  parseCanonicalJson,
  type SigningKey,
  type X25519PublicJwk,
} from '../platform/index.js';
import type { RandomBytes } from './clock.js';
import { decryptCompactJwe, encryptCompactJwe, signCompactJws, verifyCompactJws } from './jose-compact.js';
import { nodeIdSchema } from './node-card.js';
import { isUuidv7, UUIDV7_PATTERN, uuidv7 } from './uuidv7.js';

// Partner keys come from parsed cards, which the caller caches: the same JWK object comes
// back for every envelope of a partner, so its imported form is kept beside it (weakly, so
// a rotated-out key is collected with its card).
const importedKeys = new WeakMap<object, KeyObject>();
function publicKeyOf(jwk: Ed25519PublicJwk | X25519PublicJwk): KeyObject {
  let key = importedKeys.get(jwk);
  if (!key) {
    key = importPublicJwk(jwk);
    importedKeys.set(jwk, key);
  }
  return key;
}

/** JWE `typ` of an envelope. */
export const ENVELOPE_TYP = 'passerelle-envelope+jwe';
/** JWS `typ` of the signed message inside an envelope (also the JWE `cty`). */
export const MESSAGE_TYP = 'passerelle-message+jws';
/** Envelopes older than this are refused (DESIGN §4 replay window). */
export const DEFAULT_REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Envelopes dated further ahead than this are refused (clock skew allowance). */
export const DEFAULT_MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
/** Largest compact JWE accepted before any parsing. */
export const DEFAULT_MAX_ENVELOPE_BYTES = 4 * 1024 * 1024;

/** Message types: dotted lowercase words, e.g. `rfi`, `case.share`, `card.rotation`. */
export const messageTypeSchema = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/, 'invalid message type');

const b64 = z.string().regex(/^[A-Za-z0-9_-]*$/);
// Fields bound into both layers. The outer copy lets a receiver route and refuse early;
// the inner, signed copy is the one that counts (see headerMismatch).
const bindingFields = {
  mid: z.string().regex(UUIDV7_PATTERN),
  snd: nodeIdSchema,
  rcp: nodeIdSchema,
  mty: messageTypeSchema,
  iat: z
    .number()
    .int()
    .nonnegative()
    .max(2 ** 40),
};

/** Outer JWE protected header (RFC 7516 §4, RFC 7518 §4.6 `epk`). Unknown members are refused. */
export const envelopeHeaderSchema = z.strictObject({
  alg: z.literal('ECDH-ES+A256KW'),
  enc: z.literal('A256GCM'),
  typ: z.literal(ENVELOPE_TYP),
  cty: z.literal(MESSAGE_TYP),
  kid: z.string().min(1).max(128),
  epk: z.strictObject({ kty: z.literal('OKP'), crv: z.literal('X25519'), x: b64 }),
  ...bindingFields,
});

/**
 * Inner JWS protected header. `ahs`/`ahh` carry the sender's audit head (sequence, hash)
 * at sealing time (PROTOCOL §8.3); optional, so envelopes of earlier nodes still open.
 */
export const messageHeaderSchema = z.strictObject({
  alg: z.literal('EdDSA'),
  typ: z.literal(MESSAGE_TYP),
  kid: z.string().min(1).max(128),
  ...bindingFields,
  ahs: z
    .number()
    .int()
    .nonnegative()
    .max(2 ** 53 - 1)
    .optional(),
  ahh: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/** A node's audit head as carried in envelopes and receipts. */
export interface CarriedAuditHead {
  seq: number;
  hash: string;
}

/** Unauthenticated routing facts read from an envelope's outer header. */
export interface EnvelopeHeaderInfo {
  id: string;
  sender: string;
  recipient: string;
  type: string;
  createdAt: Date;
  recipientKeyId: string;
}

/** An opened, authenticated message. */
export interface OpenedEnvelope<T = JsonValue> {
  id: string;
  sender: string;
  recipient: string;
  type: string;
  createdAt: Date;
  payload: T;
  /** Signing key id of the sender, as resolved through the partner directory. */
  senderKeyId: string;
  /** The sender's audit head when it sealed the envelope (signed), if it carried one. */
  senderAuditHead?: CarriedAuditHead;
}

/** A sealed envelope ready for the outbox. */
export interface SealedEnvelope {
  id: string;
  sender: string;
  recipient: string;
  type: string;
  createdAt: Date;
  /** Compact JWE: the only thing that travels. */
  jwe: string;
}

/** Why an envelope was refused. The types are stable API: callers log and count them. */
export type EnvelopeFailure =
  | { type: 'tooLarge'; bytes: number }
  | { type: 'malformed'; detail: string }
  | { type: 'wrongRecipient'; recipient: string }
  | { type: 'unknownRecipientKey'; kid: string }
  | { type: 'unexpectedType'; messageType: string }
  | { type: 'expired'; createdAt: Date }
  | { type: 'fromFuture'; createdAt: Date }
  | { type: 'decryptFailed' }
  | { type: 'unknownSender'; sender: string; kid: string }
  | { type: 'badSignature' }
  | { type: 'headerMismatch'; fields: string[] }
  | { type: 'nonCanonical' }
  | { type: 'invalidPayload'; issues: string[] }
  | { type: 'replayed'; id: string };

/** Result of {@link openEnvelope}. */
export type OpenEnvelopeResult<T = JsonValue> =
  | { ok: true; envelope: OpenedEnvelope<T> }
  | { ok: false; reason: EnvelopeFailure };

/** Options for {@link sealEnvelope}. */
export interface SealEnvelopeOptions<T> {
  sender: { nodeId: string; signingKey: SigningKey };
  recipient: { nodeId: string; encryptionKey: X25519PublicJwk };
  type: string;
  payload: T;
  /** Validated before sealing, so a node never sends what its partner must refuse. */
  payloadSchema?: z.ZodType<T>;
  clock: Clock;
  /** Feeds the message id. The JWE's ephemeral key, CEK and IV always come from the OS CSPRNG. */
  random: RandomBytes;
  /**
   * A message id minted earlier (the outbox fixes it at enqueue so every retry carries the
   * same id and the receiver can deduplicate); default a fresh UUIDv7 from `clock`/`random`.
   */
  id?: string;
  /** The sender's audit head, signed into the inner header (PROTOCOL §8.3). */
  auditHead?: CarriedAuditHead;
}

/** Looks up a partner's signing key by node id and key id; `undefined` if not a verified partner key. */
export type SenderKeyResolver = (
  nodeId: string,
  kid: string,
) => Ed25519PublicJwk | undefined | Promise<Ed25519PublicJwk | undefined>;

/** Options for {@link openEnvelope}. */
export interface OpenEnvelopeOptions<T> {
  recipient: {
    nodeId: string;
    /** Current key first; keep the previous one here during a rotation overlap. */
    encryptionKeys: readonly { kid: string; privateKey: KeyObject }[];
  };
  resolveSenderKey: SenderKeyResolver;
  clock: Clock;
  payloadSchema?: z.ZodType<T>;
  /** If given, other message types are refused before decryption. */
  allowedTypes?: readonly string[];
  /** Called only once the envelope is authenticated; `true` yields `replayed`. */
  isKnownMessageId?: (id: string) => boolean | Promise<boolean>;
  replayWindowMs?: number;
  maxFutureSkewMs?: number;
  maxBytes?: number;
}

/**
 * Sign, then encrypt (DESIGN §4). The payload is canonicalised (RFC 8785) and signed as a
 * compact JWS (EdDSA, RFC 8037); that JWS is the plaintext of a compact JWE to the
 * recipient's X25519 key (ECDH-ES+A256KW, A256GCM; RFC 7516, RFC 7518 §4.6, RFC 8037 §3.2).
 * Message id, sender, recipient, type and time sit in both protected headers: the signed
 * copy binds them to the sender, which defeats surreptitious forwarding (re-encrypting a
 * signed message to a third node) and header swaps.
 */
export async function sealEnvelope<T>(options: SealEnvelopeOptions<T>): Promise<SealedEnvelope> {
  const payload = options.payloadSchema ? options.payloadSchema.parse(options.payload) : options.payload;
  const type = messageTypeSchema.parse(options.type);
  const sender = nodeIdSchema.parse(options.sender.nodeId);
  const recipient = nodeIdSchema.parse(options.recipient.nodeId);
  const now = options.clock.now();
  if (options.id !== undefined && !isUuidv7(options.id)) throw new TypeError('message id must be a UUIDv7');
  const id = options.id ?? uuidv7({ now: () => now }, options.random);
  const iat = Math.floor(now.getTime() / 1000);
  const binding = { mid: id, snd: sender, rcp: recipient, mty: type, iat };
  const head = options.auditHead ? { ahs: options.auditHead.seq, ahh: options.auditHead.hash } : {};
  const jws = signCompactJws(
    { alg: 'EdDSA', typ: MESSAGE_TYP, kid: options.sender.signingKey.kid, ...binding, ...head },
    canonicalizeToBytes(payload),
    options.sender.signingKey.privateKey,
  );
  const jwe = encryptCompactJwe(
    { typ: ENVELOPE_TYP, cty: MESSAGE_TYP, kid: options.recipient.encryptionKey.kid, ...binding },
    new TextEncoder().encode(jws),
    publicKeyOf(options.recipient.encryptionKey),
  );
  return { id, sender, recipient, type, createdAt: new Date(iat * 1000), jwe };
}

/**
 * Read the routing facts from an envelope's outer header WITHOUT authenticating anything:
 * lets a receiver look the message id up (deduplication, "known id gets its original
 * receipt") before paying for decryption. Never act on these values alone.
 */
export function inspectEnvelope(
  jwe: unknown,
  maxBytes = DEFAULT_MAX_ENVELOPE_BYTES,
): { ok: true; header: EnvelopeHeaderInfo } | { ok: false; reason: EnvelopeFailure } {
  if (typeof jwe !== 'string') return { ok: false, reason: { type: 'malformed', detail: 'not a string' } };
  if (jwe.length > maxBytes) return { ok: false, reason: { type: 'tooLarge', bytes: jwe.length } };
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jwe)) {
    return { ok: false, reason: { type: 'malformed', detail: 'not a compact JWE' } };
  }
  // Refuse non-canonical base64url (stray trailing bits): otherwise one envelope would have
  // several spellings, each with a different hash, defeating receipt hashes.
  for (const segment of jwe.split('.')) {
    if (Buffer.from(segment, 'base64url').toString('base64url') !== segment) {
      return { ok: false, reason: { type: 'malformed', detail: 'non-canonical base64url' } };
    }
  }
  let raw: ProtectedHeaderParameters;
  try {
    raw = decodeProtectedHeader(jwe);
  } catch {
    return { ok: false, reason: { type: 'malformed', detail: 'unreadable protected header' } };
  }
  const parsed = envelopeHeaderSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      reason: { type: 'malformed', detail: `header: ${parsed.error.issues[0]?.path.join('.')}` },
    };
  }
  const h = parsed.data;
  return {
    ok: true,
    header: {
      id: h.mid,
      sender: h.snd,
      recipient: h.rcp,
      type: h.mty,
      createdAt: new Date(h.iat * 1000),
      recipientKeyId: h.kid,
    },
  };
}

/**
 * Authenticate and decrypt an envelope. Cheap checks on the outer header (size, shape,
 * recipient, type, freshness) run before any cryptography; then decryption, sender key
 * lookup, signature, inner/outer header equality, canonical payload and schema. The outer
 * header is only trusted once the inner signed copy has been shown equal to it.
 */
export async function openEnvelope<T = JsonValue>(
  jwe: unknown,
  options: OpenEnvelopeOptions<T>,
): Promise<OpenEnvelopeResult<T>> {
  const inspected = inspectEnvelope(jwe, options.maxBytes ?? DEFAULT_MAX_ENVELOPE_BYTES);
  if (!inspected.ok) return inspected;
  const outer = inspected.header;
  if (outer.recipient !== options.recipient.nodeId) {
    return { ok: false, reason: { type: 'wrongRecipient', recipient: outer.recipient } };
  }
  const key = options.recipient.encryptionKeys.find((k) => k.kid === outer.recipientKeyId);
  if (key === undefined)
    return { ok: false, reason: { type: 'unknownRecipientKey', kid: outer.recipientKeyId } };
  if (options.allowedTypes && !options.allowedTypes.includes(outer.type)) {
    return { ok: false, reason: { type: 'unexpectedType', messageType: outer.type } };
  }
  const now = options.clock.now().getTime();
  const created = outer.createdAt.getTime();
  if (created < now - (options.replayWindowMs ?? DEFAULT_REPLAY_WINDOW_MS)) {
    return { ok: false, reason: { type: 'expired', createdAt: outer.createdAt } };
  }
  if (created > now + (options.maxFutureSkewMs ?? DEFAULT_MAX_FUTURE_SKEW_MS)) {
    return { ok: false, reason: { type: 'fromFuture', createdAt: outer.createdAt } };
  }

  const decrypted = decryptCompactJwe(jwe as string, key.privateKey);
  if (!decrypted) return { ok: false, reason: { type: 'decryptFailed' } };
  const plaintext = decrypted.plaintext;

  const jws = new TextDecoder().decode(plaintext);
  let innerRaw: ProtectedHeaderParameters;
  try {
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/.test(jws)) throw new Error('not a compact JWS');
    innerRaw = decodeProtectedHeader(jws);
  } catch {
    return { ok: false, reason: { type: 'malformed', detail: 'plaintext is not a compact JWS' } };
  }
  const innerParsed = messageHeaderSchema.safeParse(innerRaw);
  if (!innerParsed.success) {
    return {
      ok: false,
      reason: { type: 'malformed', detail: `signed header: ${innerParsed.error.issues[0]?.path.join('.')}` },
    };
  }
  const inner = innerParsed.data;
  // Resolve by the SIGNED sender: a swapped outer `snd` then fails as headerMismatch below.
  const senderKey = await options.resolveSenderKey(inner.snd, inner.kid);
  if (senderKey === undefined || senderKey.kid !== inner.kid) {
    return { ok: false, reason: { type: 'unknownSender', sender: inner.snd, kid: inner.kid } };
  }
  let verified: ReturnType<typeof verifyCompactJws>;
  try {
    verified = verifyCompactJws(jws, publicKeyOf(senderKey));
  } catch {
    verified = null;
  }
  if (!verified) return { ok: false, reason: { type: 'badSignature' } };
  const payloadBytes = verified.payload;

  const mismatched = (['mid', 'snd', 'rcp', 'mty', 'iat'] as const).filter((f) => {
    const outerValue = {
      mid: outer.id,
      snd: outer.sender,
      rcp: outer.recipient,
      mty: outer.type,
      iat: created / 1000,
    }[f];
    return inner[f] !== outerValue;
  });
  if (mismatched.length > 0) return { ok: false, reason: { type: 'headerMismatch', fields: mismatched } };

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes);
  } catch {
    return { ok: false, reason: { type: 'nonCanonical' } };
  }
  const canonical = parseCanonicalJson(text);
  if (!canonical.ok) return { ok: false, reason: { type: 'nonCanonical' } };
  let payload: T;
  if (options.payloadSchema) {
    const checked = options.payloadSchema.safeParse(canonical.value);
    if (!checked.success) {
      return {
        ok: false,
        reason: {
          type: 'invalidPayload',
          issues: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        },
      };
    }
    payload = checked.data;
  } else {
    payload = canonical.value as T;
  }
  if (options.isKnownMessageId && (await options.isKnownMessageId(outer.id))) {
    return { ok: false, reason: { type: 'replayed', id: outer.id } };
  }
  return {
    ok: true,
    envelope: {
      id: outer.id,
      sender: outer.sender,
      recipient: outer.recipient,
      type: outer.type,
      createdAt: outer.createdAt,
      payload,
      senderKeyId: inner.kid,
      ...(inner.ahs !== undefined && inner.ahh !== undefined
        ? { senderAuditHead: { seq: inner.ahs, hash: inner.ahh } }
        : {}),
    },
  };
}
