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

/** A request for the provider's consent to onward transmission (either direction). */
export interface ConsentRequestsTable {
  id: string;
  direction: 'in' | 'out';
  message_id: string;
  partner: string;
  recipient: string;
  purpose: string;
  /** `pending`, `granted`, `refused`. */
  status: string;
  conditions: string | null;
  requested_by: string | null;
  created_at: ColumnType<Date, Date, never>;
  answered_at: Date | null;
  answered_by: string | null;
  /** When the message it concerns was purged (purpose and conditions emptied then). */
  purged_at: Date | null;
  /** Id of the `consent.request` envelope this node sent (direction out). */
  request_envelope_id: string | null;
  /** Id of the `consent.reply` envelope this node sent (direction in). */
  reply_envelope_id: string | null;
}
