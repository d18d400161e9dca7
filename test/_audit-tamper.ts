// What an intruder with full database rights would do to the audit log of a test node, to
// check that the chain, the checkpoints and the partners' copies of the head catch it.
import { sql } from 'kysely';
import { GENESIS_HASH, hashAuditEntry } from '../src/platform/index.js';
import type { TestNode } from './_util.js';

/**
 * Alters audit entry `seq`, then recomputes every later hash and the head, so that the
 * chain verifies again: a rewrite only a partner-held head or checkpoint can reveal.
 */
export async function rewriteAuditFrom(node: TestNode, seq: number): Promise<void> {
  await node.ctx.db.transaction().execute(async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx);
    await sql`update audit_log set detail = '{"rewritten":true}'::jsonb where seq = ${seq}`.execute(tx);
    const rows = await tx
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', seq)
      .orderBy('seq')
      .execute();
    const prevRow = await tx
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', seq - 1)
      .executeTakeFirst();
    let prev = prevRow?.hash ?? GENESIS_HASH;
    for (const r of rows) {
      const hash = hashAuditEntry({
        seq: Number(r.seq),
        at: new Date(r.at),
        actor: r.actor,
        action: r.action,
        subject: r.subject,
        detail: r.detail,
        prevHash: prev,
      });
      await sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where seq = ${r.seq}`.execute(tx);
      prev = hash;
    }
    await sql`update audit_head set hash = ${prev} where id = 1`.execute(tx);
  });
}

/** The intruder deletes the newest `n` entries and sets the head back to the last one kept. */
export async function truncateAudit(node: TestNode, n: number): Promise<void> {
  await node.ctx.db.transaction().execute(async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx);
    const head = await tx.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    const keep = Number(head.seq) - n;
    await tx.deleteFrom('audit_log').where('seq', '>', keep).execute();
    const last = await tx
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', keep)
      .executeTakeFirstOrThrow();
    await sql`update audit_head set seq = ${keep}, hash = ${last.hash} where id = 1`.execute(tx);
  });
}
