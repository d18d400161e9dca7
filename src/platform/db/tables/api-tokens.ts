import type { ColumnType, Generated } from 'kysely';

/** A bearer token for the CLI and scripts; only its SHA-256 is stored. */
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** The roles the token acts with: a subset of its user's roles at every use. */
  scopes: Generated<string[]>;
  created_at: ColumnType<Date, Date, never>;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}
