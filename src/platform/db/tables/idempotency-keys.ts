import type { ColumnType } from 'kysely';

/** The stored answer of a request sent with an `Idempotency-Key`, per user and key. */
export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  /** The operation the key was used for (`POST /messages`). */
  operation: string;
  /** SHA-256 of the request body's canonical JSON: the same key with another body is refused. */
  request_hash: string;
  status: number;
  response: ColumnType<unknown, string, string>;
  created_at: ColumnType<Date, Date, never>;
  expires_at: Date;
}
