import type { ColumnType } from 'kysely';

/**
 * The transactional outbox: one row per message to a partner, written in the same
 * transaction as the business change that caused it, sealed and sent later by the worker.
 */
export interface OutboxTable {
  /** UUIDv7 fixed at enqueue: the receiver deduplicates on it. */
  id: string;
  recipient: string;
  type: string;
  /** RFC 8785 canonical JSON of the payload; sealed at send time. */
  payload: string;
  status: 'queued' | 'sending' | 'delivered' | 'failed' | 'dead';
  attempts: number;
  created_at: ColumnType<Date, Date, never>;
  expires_at: Date;
  next_attempt_at: Date | null;
  /** Lease of the worker that claimed the row; a crashed worker's lease simply runs out. */
  locked_until: Date | null;
  /**
   * Presence id of the process holding the lease (PostgreSQL session advisory lock): once
   * that process is gone the lease is taken back at once, without waiting for it to run out.
   */
  locked_by: ColumnType<number | null, number | null | undefined, number | null>;
  /** Higher first when a backlog drains (exchange priority: routine 0 … threat to life 3). */
  priority: ColumnType<number, number | undefined, number>;
  delivered_at: Date | null;
  receipt_jws: string | null;
  receipt_at: Date | null;
  /** `{ status?, message, body? }` of the last failed attempt (body truncated to 1 KiB). */
  last_error: ColumnType<Record<string, unknown> | null, string | null, string | null>;
}
