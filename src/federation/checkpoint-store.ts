import type { DbOrTx } from '../platform/index.js';

/** One stored checkpoint statement. */
export interface CheckpointRecord {
  nodeId: string;
  seq: number;
  hash: string;
  at: Date;
  jws: string;
  receivedAt: Date | null;
}

type Row = { node_id: string; seq: number; hash: string; at: Date; jws: string; received_at: Date | null };

const toRecord = (r: Row): CheckpointRecord => ({
  nodeId: r.node_id,
  seq: Number(r.seq),
  hash: r.hash,
  at: new Date(r.at),
  jws: r.jws,
  receivedAt: r.received_at ? new Date(r.received_at) : null,
});

/** Stores a checkpoint; false when the very same one (node, seq, hash) was already there. */
export async function insertCheckpoint(db: DbOrTx, c: CheckpointRecord): Promise<boolean> {
  const r = await db
    .insertInto('audit_checkpoints')
    .values({ node_id: c.nodeId, seq: c.seq, hash: c.hash, at: c.at, jws: c.jws, received_at: c.receivedAt })
    .onConflict((oc) => oc.columns(['node_id', 'seq', 'hash']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Checkpoints of one node, newest first. */
export async function listCheckpoints(db: DbOrTx, nodeId: string, limit = 1000): Promise<CheckpointRecord[]> {
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('node_id', '=', nodeId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

/** Other checkpoints of the same node and entry with a different hash (evidence of rewriting). */
export async function conflictingCheckpoints(db: DbOrTx, nodeId: string, seq: number, hash: string) {
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('node_id', '=', nodeId)
    .where('seq', '=', seq)
    .where('hash', '<>', hash)
    .execute();
  return rows.map(toRecord);
}

/** Hashes of audit entries by sequence number (0 is the genesis, not a row). */
export async function auditHashes(db: DbOrTx, seqs: number[]): Promise<Map<number, string>> {
  const wanted = seqs.filter((s) => s > 0);
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('audit_log').select(['seq', 'hash']).where('seq', 'in', wanted).execute();
  return new Map(rows.map((r) => [Number(r.seq), r.hash]));
}

/** Signed cards this node has had, oldest first: the keys its past statements were signed with. */
export async function ownCardHistory(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectFrom('node_cards').select('card_jws').orderBy('seq').execute();
  return rows.map((r) => r.card_jws);
}
