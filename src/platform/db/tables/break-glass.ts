import type { ColumnType } from 'kysely';

/**
 * An emergency access to one record outside the user's need-to-know: reason required,
 * time-limited, reported to the DPO and reviewed afterwards.
 */
export interface BreakGlassTable {
  id: string;
  user_id: string;
  username: string;
  record_kind: string;
  record_id: string;
  reason: string;
  created_at: ColumnType<Date, Date, never>;
  expires_at: Date;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  /** `justified` or `unjustified`. */
  review_verdict: string | null;
  review_note: string | null;
}
