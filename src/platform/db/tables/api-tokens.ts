import type { ColumnType } from 'kysely';

/** A bearer token for the CLI and scripts; only its SHA-256 is stored. */
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: ColumnType<Date, Date, never>;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}
