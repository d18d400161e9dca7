import type { ColumnType } from 'kysely';

/** An organisational unit of this node's agency; records and users belong to units. */
export interface UnitsTable {
  id: string;
  name: string;
  created_at: ColumnType<Date, Date, never>;
}

/** Membership of a user in a unit (a user may belong to several). */
export interface UserUnitsTable {
  user_id: string;
  unit_id: string;
}
