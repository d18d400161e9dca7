import { sql } from 'kysely';
import { type DbOrTx, liveProcessIds, type Tx } from '../platform/index.js';
import type { DeliveryError, DeliveryStatus, DeliveryView } from './schema.js';

/** An outbox row as the worker and services use it. */
export interface OutboxRecord {
  id: string;
  recipient: string;
  type: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  createdAt: Date;
  expiresAt: Date;
  nextAttemptAt: Date | null;
  lockedUntil: Date | null;
  priority: number;
  deliveredAt: Date | null;
  receiptJws: string | null;
  receiptAt: Date | null;
  lastError: DeliveryError | null;
}

type Row = Record<string, unknown>;
const d = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string | Date));

function toRecord(r: Row): OutboxRecord {
  return {
    id: r.id as string,
    recipient: r.recipient as string,
    type: r.type as string,
    payload: r.payload as string,
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    createdAt: d(r.created_at)!,
    expiresAt: d(r.expires_at)!,
    nextAttemptAt: d(r.next_attempt_at),
    lockedUntil: d(r.locked_until),
    priority: Number(r.priority ?? 0),
    deliveredAt: d(r.delivered_at),
    receiptJws: (r.receipt_jws as string | null) ?? null,
    receiptAt: d(r.receipt_at),
    lastError: (typeof r.last_error === 'string'
      ? JSON.parse(r.last_error)
      : r.last_error) as DeliveryError | null,
  };
}

/** The API view of an outbox row. */
export function deliveryView(r: OutboxRecord): DeliveryView {
  return {
    id: r.id,
    recipient: r.recipient,
    type: r.type,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.createdAt.toISOString(),
    nextAttemptAt:
      r.status === 'queued' || r.status === 'sending' ? (r.nextAttemptAt?.toISOString() ?? null) : null,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    receiptAt: r.receiptAt?.toISOString() ?? null,
    expiresAt: r.expiresAt.toISOString(),
    lastError: r.lastError,
  };
}

/** Writes a queued message (inside the caller's transaction). */
export async function insertOutbox(
  tx: Tx,
  m: {
    id: string;
    recipient: string;
    type: string;
    payload: string;
    priority?: number;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await tx
    .insertInto('outbox')
    .values({
      id: m.id,
      recipient: m.recipient,
      type: m.type,
      payload: m.payload,
      priority: m.priority ?? 0,
      status: 'queued',
      attempts: 0,
      created_at: m.createdAt,
      expires_at: m.expiresAt,
      next_attempt_at: m.createdAt,
      locked_until: null,
      delivered_at: null,
      receipt_jws: null,
      receipt_at: null,
      last_error: null,
    })
    .execute();
}

/**
 * A lease still holds when it has not run out and the process that took it is alive
 * (its presence lock is held): a killed or disconnected process's leases lapse at once.
 */
const leaseHeld = (now: Date) =>
  sql`(locked_until is not null and locked_until > ${now} and (locked_by is null or locked_by in ${liveProcessIds}))`;

/**
 * Claims up to `limit` due messages for this worker, highest priority first: rows locked by
 * another transaction are skipped (`FOR UPDATE SKIP LOCKED`), and each claimed row gets a
 * lease (`locked_until`, `locked_by` = the claiming process's presence id) and an attempt
 * number, so several processes on one PostgreSQL never send a message concurrently. The
 * rows of a process that died come back at once (its presence lock is gone); otherwise when
 * the lease runs out.
 */
export async function claimDueMessages(
  db: DbOrTx,
  now: Date,
  leaseMs: number,
  limit: number,
  owner: number | null = null,
): Promise<OutboxRecord[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const res = await sql<Row>`
    with due as (
      select id from outbox
      where status in ('queued', 'sending')
        and next_attempt_at <= ${now}
        and expires_at > ${now}
        and not ${leaseHeld(now)}
      order by priority desc, next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    update outbox o
       set status = 'sending', locked_until = ${leaseUntil}, locked_by = ${owner}, attempts = o.attempts + 1
      from due
     where o.id = due.id
    returning o.*`.execute(db);
  return res.rows
    .map(toRecord)
    .sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Moves every pending message past its time-to-live to `dead`; returns them. */
export async function deadLetterExpired(tx: Tx, now: Date): Promise<OutboxRecord[]> {
  const res = await sql<Row>`
    with expired as (
      select id from outbox
      where status in ('queued', 'sending')
        and expires_at <= ${now}
        and not ${leaseHeld(now)}
      for update skip locked
    )
    update outbox o
       set status = 'dead', locked_until = null, locked_by = null, next_attempt_at = null
      from expired
     where o.id = expired.id
    returning o.*`.execute(tx);
  return res.rows.map(toRecord);
}

/**
 * Records the outcome of the attempt numbered `attempt`; returns false if the row moved on
 * meanwhile (lease lost to another worker), in which case the caller records nothing else.
 */
export async function recordAttempt(
  tx: Tx,
  id: string,
  attempt: number,
  outcome:
    | { status: 'delivered'; at: Date; receiptJws: string }
    | { status: 'queued'; nextAttemptAt: Date; error: DeliveryError }
    | { status: 'failed'; error: DeliveryError },
): Promise<boolean> {
  const base = tx
    .updateTable('outbox')
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('attempts', '=', attempt);
  const set =
    outcome.status === 'delivered'
      ? {
          status: 'delivered' as const,
          delivered_at: outcome.at,
          receipt_jws: outcome.receiptJws,
          receipt_at: outcome.at,
          locked_until: null,
          locked_by: null,
          next_attempt_at: null,
        }
      : outcome.status === 'queued'
        ? {
            status: 'queued' as const,
            next_attempt_at: outcome.nextAttemptAt,
            locked_until: null,
            locked_by: null,
            last_error: JSON.stringify(outcome.error),
          }
        : {
            status: 'failed' as const,
            next_attempt_at: null,
            locked_until: null,
            locked_by: null,
            last_error: JSON.stringify(outcome.error),
          };
  const res = await base.set(set).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/**
 * Records several attempts as delivered in one statement (each row only if it still
 * carries that attempt number, as {@link recordAttempt}); returns the ids recorded.
 */
export async function recordDelivered(
  tx: Tx,
  rows: { id: string; attempt: number; receiptJws: string }[],
  at: Date,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const res = await sql<{ id: string }>`
    update outbox o
       set status = 'delivered', delivered_at = ${at}, receipt_jws = d.receipt_jws, receipt_at = ${at},
           locked_until = null, locked_by = null, next_attempt_at = null
      from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.attempt)}::int[],
                  ${rows.map((r) => r.receiptJws)}::text[]) as d(id, attempts, receipt_jws)
     where o.id = d.id and o.status = 'sending' and o.attempts = d.attempts
    returning o.id`.execute(tx);
  return new Set(res.rows.map((r) => r.id));
}

/** Puts a dead or failed message back in the queue, with a fresh time-to-live. */
export async function requeueMessage(tx: Tx, id: string, now: Date, ttlMs: number): Promise<boolean> {
  const res = await tx
    .updateTable('outbox')
    .set({
      status: 'queued',
      next_attempt_at: now,
      locked_until: null,
      locked_by: null,
      expires_at: new Date(now.getTime() + ttlMs),
    })
    .where('id', '=', id)
    .where('status', 'in', ['dead', 'failed'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Reads messages by id. */
export async function findOutbox(db: DbOrTx, ids: string[]): Promise<OutboxRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('outbox').selectAll().where('id', 'in', ids).execute();
  return rows.map((r) => toRecord(r as Row));
}

/** Lists messages newest first. */
export async function listOutbox(
  db: DbOrTx,
  filter: { status?: DeliveryStatus; recipient?: string; limit?: number },
): Promise<OutboxRecord[]> {
  let q = db
    .selectFrom('outbox')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(Math.min(filter.limit ?? 200, 1000));
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.recipient) q = q.where('recipient', '=', filter.recipient);
  const rows = await q.execute();
  return rows.map((r) => toRecord(r as Row));
}

/** The earliest instant a pending message becomes due, to time the worker's next round. */
export async function nextDueAt(db: DbOrTx): Promise<Date | null> {
  const row = await db
    .selectFrom('outbox')
    .select(
      sql<Date | null>`min(greatest(next_attempt_at, coalesce(locked_until, next_attempt_at)))`.as('due'),
    )
    .where('status', 'in', ['queued', 'sending'])
    .executeTakeFirst();
  return row?.due ? new Date(row.due) : null;
}

/** Releases every lease (only for a database this process alone uses); returns how many. */
export async function releaseLeases(db: DbOrTx): Promise<number> {
  const res = await db
    .updateTable('outbox')
    .set({ locked_until: null, locked_by: null })
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * Releases the leases a process holds under its presence id: a fresh id may repeat the id
 * of a process long gone, whose leftover rows would otherwise look held by a live process.
 */
export async function releaseLeasesOf(db: DbOrTx, owner: number): Promise<number> {
  const res = await db
    .updateTable('outbox')
    .set({ locked_until: null, locked_by: null })
    .where('status', '=', 'sending')
    .where('locked_by', '=', owner)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Releases the lease of one attempt (its bookkeeping failed): the message is due again now. */
export async function releaseLease(db: DbOrTx, id: string, attempt: number): Promise<boolean> {
  const res = await db
    .updateTable('outbox')
    .set({ locked_until: null, locked_by: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('attempts', '=', attempt)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
