import type { ColumnType } from 'kysely';

/**
 * Messages accepted from partners, keyed by message id: the deduplication record of the
 * idempotent inbox, holding the receipt returned the first time so a resend gets it again.
 */
export interface InboxTable {
  id: string;
  sender: string;
  type: string;
  created_at: ColumnType<Date, Date, never>;
  received_at: ColumnType<Date, Date, never>;
  payload_hash: string;
  receipt_jws: string;
}
