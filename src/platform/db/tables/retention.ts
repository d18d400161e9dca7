import type { ColumnType } from 'kysely';

/** Review period of one record type under one legal basis (`*`: any other). */
export interface RetentionRulesTable {
  record_type: string;
  legal_basis: string;
  review_after_days: number;
  updated_at: Date;
}

/** A record whose retention review is due, listed by the scheduled scan for the DPO. */
export interface RetentionDueTable {
  record_kind: string;
  record_id: string;
  due_on: string;
  listed_at: ColumnType<Date, Date, never>;
}

/** A periodic job; the row is claimed with FOR UPDATE SKIP LOCKED so one process runs it. */
export interface ScheduledJobsTable {
  name: string;
  next_run_at: Date;
  last_run_at: Date | null;
}
