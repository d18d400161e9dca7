import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from '../clock.js';
import { canonicalize } from '../crypto/canonical-json.js';
import type { Db, DbOrTx, Tx } from '../db/schema.js';

/** What happened, by whom, to what. `detail` must not hold secrets; it may hold identifiers. */
export interface AuditEntryInput {
  /** `user:<uuid>`, `token:<uuid>`, `partner:<node id>`, `system` or `cli`. */
  actor: string;
  /** Dotted verb, e.g. `auth.login`, `user.create`, `message.send`, `person.read`. */
  action: string;
  subject?: string | null;
  detail?: Record<string, unknown>;
}

/** An entry as stored. */
export interface AuditEntry {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  subject: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** The hash of the empty chain, before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash of one entry: SHA-256 over the previous hash and the RFC 8785 canonical form of
 * the entry's fields, so the same entry hashes the same on PGlite and PostgreSQL whatever
 * order JSONB returns keys in.
 */
export function hashAuditEntry(e: Omit<AuditEntry, 'hash'>): string {
  const body = canonicalize([e.seq, e.at.toISOString(), e.actor, e.action, e.subject, e.detail]);
  return createHash('sha256').update(e.prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends an entry inside the caller's transaction, so the record of a change commits or
 * rolls back with the change itself. The head row is locked for the rest of the
 * transaction: concurrent writers (several processes on one PostgreSQL) queue instead of
 * forking the chain.
 */
export async function appendAudit(tx: Tx, clock: Clock, input: AuditEntryInput): Promise<AuditEntry> {
  const [entry] = await appendAuditEntries(tx, clock, [input]);
  return entry!;
}

/**
 * Appends several entries, in order, inside the caller's transaction: one lock of the head
 * row, one statement for all the rows and the new head. For hot paths that record many
 * events in one transaction (a batch of federation deliveries): the head row is the node's
 * one serial point, so the fewer round trips while it is locked, the more writers the node
 * serves. The chain is the same as from as many {@link appendAudit} calls.
 */
export async function appendAuditEntries(
  tx: Tx,
  clock: Clock,
  inputs: readonly AuditEntryInput[],
): Promise<AuditEntry[]> {
  if (inputs.length === 0) return [];
  const head = await tx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  let seq = Number(head.seq);
  let prevHash = head.hash;
  const entries: AuditEntry[] = [];
  for (const input of inputs) {
    const entry: Omit<AuditEntry, 'hash'> = {
      seq: ++seq,
      at: clock.now(),
      actor: input.actor,
      action: input.action,
      subject: input.subject ?? null,
      // Round-trip through JSON so what is hashed is exactly what JSONB will give back.
      detail: JSON.parse(JSON.stringify(input.detail ?? {})),
      prevHash,
    };
    prevHash = hashAuditEntry(entry);
    entries.push({ ...entry, hash: prevHash });
  }
  const values = sql.join(
    entries.map(
      (e) =>
        sql`(${e.seq}, ${e.at}, ${e.actor}, ${e.action}, ${e.subject}, ${JSON.stringify(e.detail)}::jsonb, ${e.prevHash}, ${e.hash})`,
    ),
  );
  const last = entries[entries.length - 1]!;
  // One round trip for the entries and the new head: appends sit inside every change's
  // transaction, so their cost is paid by every write of the node.
  await sql`
    with entry as (
      insert into audit_log (seq, at, actor, action, subject, detail, prev_hash, hash)
      values ${values}
      returning seq
    )
    update audit_head set seq = (select max(seq) from entry), hash = ${last.hash} where id = 1`.execute(tx);
  return entries;
}

/** Outcome of a chain check: the first broken link, if any. */
export type AuditVerifyResult =
  | { ok: true; entries: number; head: { seq: number; hash: string } }
  | {
      ok: false;
      entries: number;
      brokenAt: number;
      reason: 'hashMismatch' | 'prevHashMismatch' | 'missingEntry' | 'headMismatch';
      message: string;
    };

/**
 * Walks the whole chain in order and recomputes every hash. Detects an altered entry
 * (hash mismatch), a removed entry (gap in sequence numbers or broken back-link) and a
 * truncated tail (head row ahead of the last entry).
 */
export async function verifyAuditChain(
  db: Db,
  options: { batchSize?: number } = {},
): Promise<AuditVerifyResult> {
  const batch = options.batchSize ?? 2000;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return {
          ok: false,
          entries: count,
          brokenAt: expectedSeq,
          reason: 'missingEntry',
          message: `entry ${expectedSeq} is missing (next present entry is ${seq})`,
        };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          entries: count,
          brokenAt: seq,
          reason: 'prevHashMismatch',
          message: `entry ${seq} does not link to entry ${seq - 1}`,
        };
      }
      const recomputed = hashAuditEntry({
        seq,
        at: new Date(row.at),
        actor: row.actor,
        action: row.action,
        subject: row.subject,
        detail: row.detail,
        prevHash: row.prev_hash,
      });
      if (recomputed !== row.hash) {
        return {
          ok: false,
          entries: count,
          brokenAt: seq,
          reason: 'hashMismatch',
          message: `entry ${seq} was altered after it was written`,
        };
      }
      prevHash = row.hash;
      expectedSeq = seq + 1;
      count++;
    }
    if (rows.length < batch) break;
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  if (Number(head.seq) !== count || head.hash !== prevHash) {
    return {
      ok: false,
      entries: count,
      brokenAt: count + 1,
      reason: 'headMismatch',
      message: `the log ends at entry ${count} but entries up to ${head.seq} were written`,
    };
  }
  return { ok: true, entries: count, head: { seq: count, hash: prevHash } };
}

/** Reads entries newest first, for the administration and DPO views. */
export async function listAuditEntries(
  db: DbOrTx,
  filter: { actor?: string; action?: string; subject?: string; beforeSeq?: number; limit?: number } = {},
): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(Math.min(filter.limit ?? 100, 1000));
  if (filter.actor) q = q.where('actor', '=', filter.actor);
  if (filter.action) q = q.where('action', 'like', `${filter.action}%`);
  if (filter.subject) q = q.where('subject', '=', filter.subject);
  if (filter.beforeSeq) q = q.where('seq', '<', filter.beforeSeq);
  const rows = await q.execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at),
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/** The head of the chain (last sequence number and hash; 0 and the genesis hash when empty). */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** Reads the current head of the chain, without locking it. */
export async function readAuditHead(db: DbOrTx): Promise<AuditHead> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}
