import type { Clock, Db, Logger, NodeKeys, Random } from '../platform/index.js';
import type { RandomBytes } from './clock.js';
import type { NodeCard } from './node-card.js';
import type { InboundHandler } from './schema.js';

/** Resolved delivery settings. */
export interface DeliverySettings {
  ttlMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  batchSize: number;
  pollMs: number;
  concurrency: number;
  leaseMs: number;
  requestTimeoutMs: number;
  reclaimOnStart: boolean;
  maxEnvelopeBytes: number;
  replayWindowMs: number;
}

/** One finished delivery attempt, for metrics (the log and the audit record it too). */
export interface DeliveryEvent {
  partner: string;
  /** `failed`: refused for good by the partner; `dead`: its time-to-live ran out. */
  outcome: 'delivered' | 'retry' | 'failed' | 'dead';
  attempts: number;
  /** From enqueue to the sender recording the receipt (delivered only). */
  latencyMs?: number;
}

/** Told about every delivery outcome (the node's metrics). */
export interface DeliveryObserver {
  onDelivery(event: DeliveryEvent): void;
}

/**
 * What the inbox and the delivery worker share with the service that owns them. Keys are
 * read through a function because a rotation swaps them while the node runs.
 */
export interface FederationRuntime {
  db: Db;
  clock: Clock;
  random: Random;
  randomBytes: RandomBytes;
  logger: Logger;
  nodeId: string;
  keys(): NodeKeys;
  /** Encryption keys envelopes may be addressed to: current first, then the previous one. */
  decryptionKeys(): { kid: string; privateKey: import('node:crypto').KeyObject }[];
  endpoint(): string;
  handler(type: string): InboundHandler | undefined;
  fetch: typeof fetch;
  settings: DeliverySettings;
  /** A partner's card, parsed from its stored JWS (cached by hash). */
  parseCard(cardJws: string): NodeCard;
  /** Sends our latest key-rotation statement to a partner again; resolves its HTTP status. */
  pushRotation(nodeId: string): Promise<number>;
  /** Told about each delivery outcome, after its transaction committed. */
  observer?: DeliveryObserver;
}
