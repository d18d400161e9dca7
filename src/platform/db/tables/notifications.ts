import type { ColumnType } from 'kysely';

/** Something an audience (a role) must look at, e.g. a dead-lettered message for admins. */
export interface NotificationsTable {
  id: string;
  audience: string;
  kind: string;
  title: string;
  detail: string;
  subject: string | null;
  at: ColumnType<Date, Date, never>;
  read_at: Date | null;
  read_by: string | null;
}
