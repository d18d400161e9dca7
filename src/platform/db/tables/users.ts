import type { ColumnType, Generated } from 'kysely';

/** A local account of this node. */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_counter: number | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
}
