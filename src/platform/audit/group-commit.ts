import type { Clock } from '../clock.js';
import type { Db, Tx } from '../db/schema.js';
import { inSavepoint, runInTransaction } from '../db/transaction.js';
import { type AuditEntry, type AuditEntryInput, appendAuditEntries } from './audit-log.js';

/** One request's share of a group: its own database work and the audit entry recording it. */
export interface GroupedAuditWork<T> {
  /** The clock that dates the entry (read when the group is written, as {@link appendAudit} does). */
  clock: Clock;
  /**
   * The request's own writes and checks, run inside the group's transaction before the
   * entries are appended. It may run twice (a first pass for the whole group, then, if any
   * member threw, a pass with one savepoint per member), so it must touch nothing but the
   * transaction. If it throws, the request fails with that error and has no entry; the
   * other members of the group are not affected.
   */
  work?: (tx: Tx) => Promise<T>;
  /** The entry, or a function of the work's result that gives it. */
  audit: AuditEntryInput | ((result: T) => AuditEntryInput);
}

interface Member {
  job: GroupedAuditWork<unknown>;
  resolve: (v: { result: unknown; entry: AuditEntry }) => void;
  reject: (err: unknown) => void;
}

/** Thrown inside the optimistic pass when a member failed, to roll the whole pass back. */
class MemberFailed extends Error {}

/** At most this many requests are written by one transaction. */
const MAX_GROUP = 256;

/**
 * Group commit of audit appends, as PostgreSQL groups WAL flushes: the requests that arrive
 * while a group is being written wait together and are then written by **one** transaction —
 * their own work, one lock of the chain's head row, one statement for all their entries,
 * one commit. Each request's promise settles only after that commit: an answer is never
 * given for an entry that is not durable and chained, and a crash before the commit loses
 * only entries nobody was told about.
 *
 * The head row is still locked by every group (and by every other append inside a feature's
 * own transaction), so processes sharing one PostgreSQL keep one total order: each process
 * groups its own requests, and the groups of several processes queue on that row as single
 * appends do. What changes is the number of commits: one per group instead of one per read,
 * so concurrent audited reads no longer wait for each other's commit one by one.
 *
 * One instance per database handle (see {@link auditGroupFor}).
 */
export class AuditGroupCommit {
  #queue: Member[] = [];
  #running = false;
  /** Groups written so far and the entries they held (for tests and metrics). */
  readonly stats = { groups: 0, entries: 0, largest: 0 };

  constructor(private readonly db: Db) {}

  /**
   * Runs `job.work` and appends its entry, grouped with the concurrent requests of this
   * process. Resolves once the group has committed.
   */
  run<T>(job: GroupedAuditWork<T>): Promise<{ result: T; entry: AuditEntry }> {
    return new Promise((resolve, reject) => {
      this.#queue.push({
        job: job as GroupedAuditWork<unknown>,
        resolve: resolve as Member['resolve'],
        reject,
      });
      if (!this.#running) {
        this.#running = true;
        // Let the requests of this turn of the event loop join the first group.
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const group = this.#queue.splice(0, MAX_GROUP);
        await this.#write(group);
      }
    } finally {
      this.#running = false;
    }
  }

  /** Writes one group; every member's promise is settled when this returns. */
  async #write(group: Member[]): Promise<void> {
    let done: Array<{ member: Member; result: unknown; entry: AuditEntry }>;
    const failed = new Map<Member, unknown>();
    try {
      try {
        // Optimistic pass: every member's work in a row, no savepoints (the common case).
        done = await this.#pass(group, async (m, tx) => {
          try {
            return await (m.job.work ? m.job.work(tx) : undefined);
          } catch (err) {
            failed.set(m, err);
            throw new MemberFailed();
          }
        });
      } catch (err) {
        if (!(err instanceof MemberFailed)) throw err;
        if (group.length === 1) {
          done = [];
        } else {
          // Some member's work threw: write the group again with a savepoint per member, so
          // only the members that fail are left out.
          failed.clear();
          done = await this.#pass(group, async (m, tx) => {
            const work = m.job.work;
            if (!work) return undefined;
            try {
              return await inSavepoint(tx, () => work(tx));
            } catch (memberErr) {
              failed.set(m, memberErr);
              return SKIP;
            }
          });
        }
      }
    } catch (err) {
      // The transaction itself failed (connection lost, commit refused): nothing of the
      // group was written, and every member is told so.
      for (const m of group) m.reject(err);
      return;
    }
    this.stats.groups++;
    this.stats.entries += done.length;
    this.stats.largest = Math.max(this.stats.largest, done.length);
    for (const [m, err] of failed) m.reject(err);
    for (const d of done) d.member.resolve({ result: d.result, entry: d.entry });
  }

  /** One transaction: each member's work (via `runWork`), then one append for all entries. */
  #pass(
    group: Member[],
    runWork: (m: Member, tx: Tx) => Promise<unknown>,
  ): Promise<Array<{ member: Member; result: unknown; entry: AuditEntry }>> {
    return runInTransaction(this.db, async (tx) => {
      const kept: Array<{ member: Member; result: unknown }> = [];
      for (const m of group) {
        const result = await runWork(m, tx);
        if (result !== SKIP) kept.push({ member: m, result });
      }
      const entries = await appendAuditEntriesDated(
        tx,
        kept.map((k) => ({
          clock: k.member.job.clock,
          input: typeof k.member.job.audit === 'function' ? k.member.job.audit(k.result) : k.member.job.audit,
        })),
      );
      return kept.map((k, i) => ({ ...k, entry: entries[i]! }));
    });
  }
}

const SKIP = Symbol('skip');

/** Appends entries that may come with different clocks (one per node in a test process). */
async function appendAuditEntriesDated(
  tx: Tx,
  items: Array<{ clock: Clock; input: AuditEntryInput }>,
): Promise<AuditEntry[]> {
  if (items.length === 0) return [];
  const clock = items[0]!.clock;
  if (items.every((i) => i.clock === clock)) {
    return appendAuditEntries(
      tx,
      clock,
      items.map((i) => i.input),
    );
  }
  // Mixed clocks: date each entry by its own.
  const dates = items.map((i) => i.clock.now());
  let n = 0;
  return appendAuditEntries(
    tx,
    { now: () => dates[n++]! } as Clock,
    items.map((i) => i.input),
  );
}

const groups = new WeakMap<Db, AuditGroupCommit>();

/** The group committer of a database handle (one per handle, so one per process and database). */
export function auditGroupFor(db: Db): AuditGroupCommit {
  let g = groups.get(db);
  if (!g) {
    g = new AuditGroupCommit(db);
    groups.set(db, g);
  }
  return g;
}

/**
 * Runs `job` in the next audit group of `db` (see {@link AuditGroupCommit}): for hot audited
 * paths whose requests run concurrently (reading a message). Resolves after the commit.
 */
export function appendAuditGrouped<T>(
  db: Db,
  job: GroupedAuditWork<T>,
): Promise<{ result: T; entry: AuditEntry }> {
  return auditGroupFor(db).run(job);
}
