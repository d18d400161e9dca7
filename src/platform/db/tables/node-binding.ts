import type { ColumnType } from 'kysely';

/** The one row naming the node a database belongs to (see app/node-binding.ts). */
export interface NodeBindingTable {
  singleton: ColumnType<boolean, boolean | undefined, never>;
  node_id: string;
  database_id: string;
  created_at: ColumnType<Date, Date, never>;
}
