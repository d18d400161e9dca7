import { sql } from 'kysely';
import type { DbOrTx } from './schema.js';

/**
 * Claims one run of a periodic job (a `scheduled_jobs` row) when it is due: the row is
 * locked with `FOR UPDATE SKIP LOCKED` and moved to its next run in one statement, so with
 * several processes on one database exactly one of them gets each run and the others skip
 * it without waiting. Returns true for the process that got the run.
 */
export async function claimScheduledJob(
  db: DbOrTx,
  name: string,
  now: Date,
  everyMs: number,
): Promise<boolean> {
  const res = await sql<{ name: string }>`
    with due as (
      select name from scheduled_jobs
      where name = ${name} and next_run_at <= ${now}
      for update skip locked
    )
    update scheduled_jobs j
       set last_run_at = ${now}, next_run_at = ${new Date(now.getTime() + everyMs)}
      from due
     where j.name = due.name
    returning j.name`.execute(db);
  return res.rows.length === 1;
}
