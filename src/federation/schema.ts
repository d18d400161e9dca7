import { z } from 'zod';
import type { Tx } from '../platform/index.js';

/** A message accepted from a partner, handed to the handler of its type. */
export interface InboundMessage {
  id: string;
  sender: string;
  recipient: string;
  type: string;
  createdAt: Date;
  receivedAt: Date;
  payload: unknown;
}

/**
 * Runs inside the inbox transaction; throw a ValidationError (platform) to refuse the message
 * as invalid (→ 422 to the sender, nothing stored, audit entry written).
 */
export type InboundHandler = (tx: Tx, msg: InboundMessage) => Promise<void>;

/** Where an outgoing message stands. `failed` = refused permanently by the partner (4xx other than 408/429). */
export type DeliveryStatus = 'queued' | 'sending' | 'delivered' | 'failed' | 'dead';
export const deliveryStatuses = ['queued', 'sending', 'delivered', 'failed', 'dead'] as const;

/** Structured detail of the last failed attempt, for the operator. */
export interface DeliveryError {
  status?: number;
  message: string;
  /** First KiB of the partner's answer. */
  body?: string;
}

/** An outgoing message as the API shows it. */
export interface DeliveryView {
  id: string;
  recipient: string;
  type: string;
  status: DeliveryStatus;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  receiptAt: string | null;
  expiresAt: string;
  lastError: DeliveryError | null;
}

/** Trust state of a partner. */
export type PartnerStatus = 'pending' | 'verified' | 'revoked';

/** A partner as the API shows it. */
export interface PartnerView {
  nodeId: string;
  agency: string;
  country: string;
  endpoint: string;
  status: PartnerStatus;
  fingerprint: { text: string; numeric: string };
  importedAt: string;
  verifiedAt: string | null;
  verifiedBy: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  cardValidUntil: string;
  queued: number;
  dead: number;
  lastDeliveredAt: string | null;
}

/** An administrator notification (e.g. a dead letter). */
export interface NotificationView {
  id: string;
  at: string;
  kind: string;
  title: string;
  detail: string;
  readAt: string | null;
}

/** Tuning of the delivery worker; every field has a production default. */
export interface DeliveryOptions {
  /** Time-to-live of a message before it is dead-lettered. Default 7 days. */
  ttlMs?: number;
  /** First retry delay cap (full jitter below it). Default 5 s. */
  baseDelayMs?: number;
  /** Largest retry delay cap. Default 1 h. */
  maxDelayMs?: number;
  /** Messages claimed per round. Default 50. */
  batchSize?: number;
  /** Fallback polling period when nothing nudges the worker. Default 2 s. */
  pollMs?: number;
  /** Parallel HTTP requests per round. Default 8. */
  concurrency?: number;
  /** Lease on a claimed message; a crashed worker's messages are reclaimed after it. Default 60 s. */
  leaseMs?: number;
  /** Timeout of one delivery request. Default 30 s. */
  requestTimeoutMs?: number;
  /**
   * This process is the database's only user (embedded PGlite, locked to one process): any
   * lease found at start-up was left by a crashed run and is released at once instead of
   * after `leaseMs`. Never set it for a shared PostgreSQL.
   */
  reclaimOnStart?: boolean;
  /**
   * Most envelopes sent to one partner in one `POST /federation/v1/inbox/batch` (PROTOCOL
   * §7.6), to a partner not known to lack that endpoint. Default 32; 1 sends every message alone.
   */
  batchEnvelopes?: number;
  /**
   * Whether this node serves the batch inbox. Default true; false answers the batch endpoint
   * exactly as a node that predates it answers an unknown path (404 `not_found`).
   */
  acceptBatches?: boolean;
}

/** Body of POST /api/v1/partners. */
export const importPartnerSchema = z.union([
  z.strictObject({
    cardJws: z
      .string()
      .min(1)
      .max(64 * 1024),
  }),
  z.strictObject({ url: z.url({ protocol: /^https?$/ }) }),
]);

export const partnerParamsSchema = z.object({ nodeId: z.string().min(1).max(63) });
export const verifyPartnerSchema = z.strictObject({ fingerprint: z.string().min(1).max(200) });
export const revokePartnerSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const deliveryQuerySchema = z.object({
  status: z.enum(deliveryStatuses).optional(),
  recipient: z.string().min(1).max(63).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
export const idParamsSchema = z.object({ id: z.uuid() });

const fingerprintView = z.object({ text: z.string(), numeric: z.string() });
export const partnerViewSchema = z.object({
  nodeId: z.string(),
  agency: z.string(),
  country: z.string(),
  endpoint: z.string(),
  status: z.enum(['pending', 'verified', 'revoked']),
  fingerprint: fingerprintView,
  importedAt: z.string(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  cardValidUntil: z.string(),
  queued: z.number(),
  dead: z.number(),
  lastDeliveredAt: z.string().nullable(),
});
export const deliveryViewSchema = z.object({
  id: z.string(),
  recipient: z.string(),
  type: z.string(),
  status: z.enum(deliveryStatuses),
  attempts: z.number(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  receiptAt: z.string().nullable(),
  expiresAt: z.string(),
  lastError: z
    .object({ status: z.number().optional(), message: z.string(), body: z.string().optional() })
    .nullable(),
});
export const notificationViewSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  title: z.string(),
  detail: z.string(),
  readAt: z.string().nullable(),
});
export const fingerprintSchema = fingerprintView;
