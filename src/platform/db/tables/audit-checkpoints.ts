import type { ColumnType } from 'kysely';

/**
 * Signed statements "the audit log of node N had hash H at entry S": this node's own, and
 * those its partners sent it. Two rows for one node and sequence number with different
 * hashes are kept side by side: they are the evidence that a history was rewritten.
 */
export interface AuditCheckpointsTable {
  node_id: string;
  seq: number;
  hash: string;
  at: Date;
  jws: string;
  /** When a partner's checkpoint arrived; null for this node's own. */
  received_at: ColumnType<Date | null, Date | null, never>;
}
