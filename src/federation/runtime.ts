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
  batchEnvelopes: number;
  acceptBatches: boolean;
}

/**
 * One delivery outcome, told once its transaction committed: an attempt's result, or a
 * message dead-lettered. The one seam every in-process consumer observes (metrics,
 * benchmarks); the log, the audit and the administrator notifications of `failed` and `dead`
 * are written inside that transaction instead, so a crash cannot lose them.
 */
export interface DeliveryEvent {
  /** The outbox message id. */
  id: string;
  partner: string;
  /** `retry`: queued again; `failed`: refused for good by the partner; `dead`: its time-to-live ran out. */
  outcome: 'delivered' | 'retry' | 'failed' | 'dead';
  attempts: number;
  /** From enqueue to the sender recording the receipt (delivered only). */
  latencyMs?: number;
}

/** Told about every delivery outcome of this process (see {@link DeliveryEvent}). */
export type DeliveryObserver = (event: DeliveryEvent) => void;

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
  /**
   * This process's presence id on a shared PostgreSQL, stamped on the leases it takes
   * (null on PGlite, or while its presence connection is being reopened).
   */
  owner(): number | null;
  /** Tells every observer of an outcome once its transaction committed. */
  observe(event: DeliveryEvent): void;
  /** Leases to hand back at the next round: attempts whose bookkeeping failed (id → attempt). */
  orphans: Map<string, number>;
  /** Set when a claim failed mid-way: this process's leases are swept at the next idle round. */
  sweep: { pending: boolean; rounds: number };
  /**
   * Set while the worker stops: a round finishes the messages it is sending and hands back
   * the leases of the rest of its batch at once (a restart or another process takes them).
   */
  stopping: { requested: boolean };
  /**
   * Partners found without the batch inbox (PROTOCOL §7.6): node id → until when (epoch ms)
   * this process sends them single deliveries only. In memory: a restart probes again.
   */
  noBatchUntil: Map<string, number>;
}
