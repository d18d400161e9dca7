import { sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { Db } from '../db/schema.js';

/**
 * Counts events per key in fixed windows aligned on the epoch (one minute by default), to
 * slow down guessing at sign-in and junk traffic at the federation inbox. The counters
 * live in the database ({@link SharedWindowCounter}), so a limit holds across every
 * process of a node instead of multiplying with them.
 */
export interface WindowCounter {
  /** Events counted for each key in the current window (same order as `keys`). */
  peek(...keys: string[]): Promise<number[]>;
  /** Counts one event; resolves the count in the current window including it. */
  count(key: string): Promise<number>;
  /** Milliseconds until the current window ends (for a `Retry-After` answer). */
  resetInMs(): number;
}

function windowStart(clock: Clock, windowMs: number): Date {
  const now = clock.now().getTime();
  return new Date(now - (now % windowMs));
}

/**
 * A {@link WindowCounter} in the `rate_limits` table: one row per key, bumped by a single
 * upsert (`insert … on conflict do update`) that restarts the count when the row belongs to
 * an earlier window; rows of past windows are deleted once per window. Every process on
 * the database sees the same counts.
 */
export class SharedWindowCounter implements WindowCounter {
  #swept = 0;
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** Prefix of this counter's keys, e.g. `signin`. */
    private readonly scope: string,
    private readonly windowMs = 60_000,
  ) {}

  async peek(...keys: string[]): Promise<number[]> {
    if (keys.length === 0) return [];
    const scoped = keys.map((k) => `${this.scope}:${k}`);
    const rows = await this.db
      .selectFrom('rate_limits')
      .select(['scope_key', 'count'])
      .where('scope_key', 'in', scoped)
      .where('window_start', '=', windowStart(this.clock, this.windowMs))
      .execute();
    const counts = new Map(rows.map((r) => [r.scope_key, Number(r.count)]));
    return scoped.map((k) => counts.get(k) ?? 0);
  }

  async count(key: string): Promise<number> {
    const start = windowStart(this.clock, this.windowMs);
    const res = await sql<{ count: number }>`
      insert into rate_limits (scope_key, window_start, count)
      values (${`${this.scope}:${key}`}, ${start}, 1)
      on conflict (scope_key) do update
        set count = case when rate_limits.window_start = excluded.window_start
                         then rate_limits.count + 1 else 1 end,
            window_start = excluded.window_start
      returning count`.execute(this.db);
    if (start.getTime() !== this.#swept) {
      // Past windows are never read again: one cheap delete per window and process keeps
      // the table as small as the number of keys active in the last minute.
      this.#swept = start.getTime();
      await this.db.deleteFrom('rate_limits').where('window_start', '<', start).execute();
    }
    return Number(res.rows[0]?.count ?? 0);
  }

  resetInMs(): number {
    const start = windowStart(this.clock, this.windowMs).getTime();
    return Math.max(0, start + this.windowMs - this.clock.now().getTime());
  }
}
