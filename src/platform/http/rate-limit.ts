import { sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { Db } from '../db/schema.js';

/**
 * Counts events per key in fixed windows (one minute by default) that start at a key's
 * first event, to slow down guessing at sign-in and junk traffic at the federation inbox.
 * The counters live in the database ({@link SharedWindowCounter}), so a limit holds across
 * every process of a node instead of multiplying with them.
 */
export interface WindowCounter {
  /** Events counted for each key in its current window (same order as `keys`). */
  peek(...keys: string[]): Promise<number[]>;
  /** Counts one event; resolves the count in the key's current window including it. */
  count(key: string): Promise<number>;
  /** Milliseconds until the key's current window ends (for a `Retry-After` answer). */
  resetInMs(key: string): Promise<number>;
}

/**
 * A {@link WindowCounter} in the `rate_limits` table: one row per key, bumped by a single
 * upsert (`insert … on conflict do update`) that starts a new window when the row's is
 * over; rows of windows long over are deleted once a window by each process. Every process
 * on the database sees the same counts.
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

  #since(): Date {
    return new Date(this.clock.now().getTime() - this.windowMs);
  }

  async #rows(keys: string[]): Promise<Map<string, { count: number; start: Date }>> {
    const rows = await this.db
      .selectFrom('rate_limits')
      .select(['scope_key', 'count', 'window_start'])
      .where(
        'scope_key',
        'in',
        keys.map((k) => `${this.scope}:${k}`),
      )
      .where('window_start', '>', this.#since())
      .execute();
    return new Map(
      rows.map((r) => [r.scope_key, { count: Number(r.count), start: new Date(r.window_start) }]),
    );
  }

  async peek(...keys: string[]): Promise<number[]> {
    if (keys.length === 0) return [];
    const rows = await this.#rows(keys);
    return keys.map((k) => rows.get(`${this.scope}:${k}`)?.count ?? 0);
  }

  async count(key: string): Promise<number> {
    const now = this.clock.now();
    const since = this.#since();
    const res = await sql<{ count: number }>`
      insert into rate_limits (scope_key, window_start, count)
      values (${`${this.scope}:${key}`}, ${now}, 1)
      on conflict (scope_key) do update
        set count = case when rate_limits.window_start > ${since}
                         then rate_limits.count + 1 else 1 end,
            window_start = case when rate_limits.window_start > ${since}
                                then rate_limits.window_start else excluded.window_start end
      returning count`.execute(this.db);
    if (now.getTime() - this.#swept >= this.windowMs) {
      // Rows of windows that are over are never read again: one cheap delete per window and
      // process keeps the table as small as the number of keys active in the last minute.
      this.#swept = now.getTime();
      await this.db.deleteFrom('rate_limits').where('window_start', '<=', since).execute();
    }
    return Number(res.rows[0]?.count ?? 0);
  }

  async resetInMs(key: string): Promise<number> {
    const row = (await this.#rows([key])).get(`${this.scope}:${key}`);
    if (!row) return 0;
    return Math.max(0, row.start.getTime() + this.windowMs - this.clock.now().getTime());
  }
}
