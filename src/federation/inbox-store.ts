import type { DbOrTx, Tx } from '../platform/index.js';

/** The stored receipt of a message already accepted from `sender`, if any. */
export async function findInboxReceipt(db: DbOrTx, id: string, sender: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('inbox')
    .select('receipt_jws')
    .where('id', '=', id)
    .where('sender', '=', sender)
    .executeTakeFirst();
  return row?.receipt_jws;
}

/** The stored receipts of the messages among `ids` already accepted from `sender` (id → receipt). */
export async function findInboxReceipts(
  db: DbOrTx,
  ids: string[],
  sender: string,
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('inbox')
    .select(['id', 'receipt_jws'])
    .where('id', 'in', ids)
    .where('sender', '=', sender)
    .execute();
  return new Map(rows.map((r) => [r.id, r.receipt_jws]));
}

/**
 * Records an accepted message; false when its id is already there (a concurrent duplicate
 * won the race), so the caller answers with the stored receipt instead.
 */
export async function insertInbox(
  tx: Tx,
  m: {
    id: string;
    sender: string;
    type: string;
    createdAt: Date;
    receivedAt: Date;
    payloadHash: string;
    receiptJws: string;
  },
): Promise<boolean> {
  const res = await tx
    .insertInto('inbox')
    .values({
      id: m.id,
      sender: m.sender,
      type: m.type,
      created_at: m.createdAt,
      received_at: m.receivedAt,
      payload_hash: m.payloadHash,
      receipt_jws: m.receiptJws,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** How many messages were accepted (optionally from one sender); for tests and statistics. */
export async function countInbox(db: DbOrTx, sender?: string): Promise<number> {
  let q = db.selectFrom('inbox').select((eb) => eb.fn.countAll<number>().as('n'));
  if (sender) q = q.where('sender', '=', sender);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Records several accepted messages in one statement; returns the ids actually inserted
 * (an id already there was stored by a concurrent copy, whose receipt the caller answers).
 */
export async function insertInboxRows(
  tx: Tx,
  rows: {
    id: string;
    sender: string;
    type: string;
    createdAt: Date;
    receivedAt: Date;
    payloadHash: string;
    receiptJws: string;
  }[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await tx
    .insertInto('inbox')
    .values(
      rows.map((m) => ({
        id: m.id,
        sender: m.sender,
        type: m.type,
        created_at: m.createdAt,
        received_at: m.receivedAt,
        payload_hash: m.payloadHash,
        receipt_jws: m.receiptJws,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return new Set(inserted.map((r) => r.id));
}

/** Removes an inbox row inserted in this transaction whose message was then refused. */
export async function deleteInboxRow(tx: Tx, id: string, sender: string): Promise<void> {
  await tx.deleteFrom('inbox').where('id', '=', id).where('sender', '=', sender).execute();
}
