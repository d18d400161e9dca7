import { z } from 'zod';
import type { Clock } from '../platform/index.js';
import { type Ed25519PublicJwk, type SigningKey, sha256Base64url } from '../platform/index.js';
import { nodeIdSchema } from './node-card.js';
import { type StatementFailure, signStatement, verifyStatement } from './signed-statement.js';
import { UUIDV7_PATTERN } from './uuidv7.js';

/** JWS `typ` of a delivery receipt. */
export const RECEIPT_TYP = 'passerelle-receipt+jws';

/** Receipt payload (version 1). */
export const receiptSchema = z.strictObject({
  version: z.literal(1),
  type: z.literal('receipt'),
  messageId: z.string().regex(UUIDV7_PATTERN),
  receivedAt: z.iso.datetime({ offset: false }),
  receiver: nodeIdSchema,
  sender: nodeIdSchema,
  payloadHash: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** The receiver's audit head when it received the envelope (PROTOCOL §8.3); optional. */
  auditHead: z
    .strictObject({
      seq: z
        .number()
        .int()
        .nonnegative()
        .max(2 ** 53 - 1),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .optional(),
});

/** What the receiver attests: it received exactly this envelope at this time. */
export type Receipt = z.infer<typeof receiptSchema>;

/** Why a receipt was refused. */
export type ReceiptFailure =
  | StatementFailure
  | { type: 'invalidReceipt'; issues: string[] }
  | { type: 'mismatch'; fields: string[] };

/** Result of {@link verifyReceipt}. */
export type VerifyReceiptResult = { ok: true; receipt: Receipt } | { ok: false; reason: ReceiptFailure };

/**
 * SHA-256 (base64url) of the compact JWE string's ASCII bytes: what a receipt attests. It
 * commits to the exact ciphertext, so a receipt cannot be reused for another envelope.
 */
export function hashEnvelope(jwe: string): string {
  return sha256Base64url(jwe);
}

/** Options for {@link createReceipt}. */
export interface CreateReceiptOptions {
  messageId: string;
  /** The original sender (from the opened envelope). */
  sender: string;
  /** This node. */
  receiver: string;
  /** The compact JWE exactly as received. */
  jwe: string;
  signingKey: SigningKey;
  clock: Clock;
  /** This node's audit head, announced to the sender. */
  auditHead?: { seq: number; hash: string };
}

/**
 * Sign a delivery receipt (compact JWS, EdDSA over RFC 8785 JSON). The receiver stores it
 * with the message and returns the same receipt if the envelope is delivered again.
 */
export async function createReceipt(
  options: CreateReceiptOptions,
): Promise<{ receipt: Receipt; receiptJws: string }> {
  const receipt = receiptSchema.parse({
    version: 1,
    type: 'receipt',
    messageId: options.messageId,
    receivedAt: options.clock.now().toISOString(),
    receiver: options.receiver,
    sender: options.sender,
    payloadHash: hashEnvelope(options.jwe),
    ...(options.auditHead ? { auditHead: options.auditHead } : {}),
  });
  const receiptJws = await signStatement(
    receipt,
    { typ: RECEIPT_TYP, kid: options.signingKey.kid },
    options.signingKey.privateKey,
  );
  return { receipt, receiptJws };
}

/** What the sender expects a receipt for. */
export interface ExpectedReceipt {
  messageId: string;
  sender: string;
  receiver: string;
  jwe: string;
}

/**
 * Verify a receipt against the receiver's signing key and, field by field, against the
 * envelope the sender actually sent. Only then is it proof of delivery.
 */
export async function verifyReceipt(
  receiptJws: unknown,
  receiverSigningKey: Ed25519PublicJwk,
  expected: ExpectedReceipt,
): Promise<VerifyReceiptResult> {
  const verified = await verifyStatement(receiptJws, RECEIPT_TYP, (header) =>
    header.kid === receiverSigningKey.kid ? receiverSigningKey : undefined,
  );
  if (!verified.ok) return verified;
  const parsed = receiptSchema.safeParse(verified.statement.payload);
  if (!parsed.success) {
    return {
      ok: false,
      reason: { type: 'invalidReceipt', issues: parsed.error.issues.map((i) => i.message) },
    };
  }
  const receipt = parsed.data;
  const fields: string[] = [];
  if (receipt.messageId !== expected.messageId) fields.push('messageId');
  if (receipt.sender !== expected.sender) fields.push('sender');
  if (receipt.receiver !== expected.receiver) fields.push('receiver');
  if (receipt.payloadHash !== hashEnvelope(expected.jwe)) fields.push('payloadHash');
  if (fields.length > 0) return { ok: false, reason: { type: 'mismatch', fields } };
  return { ok: true, receipt };
}
