import type { ColumnType, Generated } from 'kysely';

/** One entry of the hash-chained audit log; rows are never updated or deleted. */
export interface AuditLogTable {
  seq: Generated<number>;
  at: ColumnType<Date, Date, never>;
  actor: ColumnType<string, string, never>;
  action: ColumnType<string, string, never>;
  subject: ColumnType<string | null, string | null, never>;
  detail: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: ColumnType<string, string, never>;
  hash: ColumnType<string, string, never>;
}

/** The single row that serialises appends to the chain and remembers its tip. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
