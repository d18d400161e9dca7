import type { ColumnType, Generated } from 'kysely';

/** A local account of this node. */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  /** The last few password hashes, newest first, for the no-reuse rule. */
  previous_password_hashes: Generated<string[]>;
  roles: string[];
  /** Sealed under the node's storage secret (`SecretBox`), bound to the user id. */
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_counter: number | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
}
