import { sql } from 'kysely';
import type { DbOrTx } from '../platform/index.js';
import type { DeliveryStatus } from './schema.js';

/** The outbox as operators watch it: messages not yet delivered, by state. */
export interface DeliveryBacklog {
  /** Rows per status, delivered excluded (`queued`, `sending`, `failed`, `dead`). */
  byStatus: Record<Exclude<DeliveryStatus, 'delivered'>, number>;
  /** How long the oldest message that is due now (not waiting out a back-off) has waited, in ms. */
  oldestDueMs: number;
}

/**
 * Reads the backlog in one statement over the partial index of undelivered rows, so a
 * scrape costs the same whatever the number of delivered messages kept.
 */
export async function readDeliveryBacklog(db: DbOrTx, now: Date): Promise<DeliveryBacklog> {
  const res = await sql<{ status: string; n: number; oldest_due: Date | string | null }>`
    select status, count(*)::int as n,
           min(next_attempt_at) filter (
             where status in ('queued', 'sending') and next_attempt_at <= ${now}
               and (locked_until is null or locked_until <= ${now})
           ) as oldest_due
      from outbox
     where status <> 'delivered'
     group by status`.execute(db);
  const byStatus = { queued: 0, sending: 0, failed: 0, dead: 0 };
  let oldest: number | null = null;
  for (const r of res.rows) {
    if (r.status in byStatus) byStatus[r.status as keyof typeof byStatus] = Number(r.n);
    if (r.oldest_due !== null) {
      const t = new Date(r.oldest_due).getTime();
      oldest = oldest === null ? t : Math.min(oldest, t);
    }
  }
  return { byStatus, oldestDueMs: oldest === null ? 0 : Math.max(0, now.getTime() - oldest) };
}
