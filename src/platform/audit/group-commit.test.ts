import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, testEngines, testPgUrl } from '../../../test/_util.js';
import { ManualClock } from '../clock.js';
import type { Database } from '../db/database.js';
import { appendAudit, verifyAuditChain } from './audit-log.js';
import { AuditGroupCommit, appendAuditGrouped } from './group-commit.js';

async function entriesBySubject(database: Database): Promise<Map<string, number>> {
  const rows = await database.db.selectFrom('audit_log').select(['seq', 'subject']).execute();
  return new Map(rows.map((r) => [r.subject ?? '', Number(r.seq)]));
}

for (const engine of await testEngines()) {
  describe(`audit group commit on ${engine}`, () => {
    let database: Database & { drop(): Promise<void> };
    const clock = new ManualClock();
    before(async () => {
      database = await openTestDatabase(engine);
      await sql`create table group_probe (n int primary key)`.execute(database.db);
      await sql`create table group_deferred (n int unique deferrable initially deferred)`.execute(
        database.db,
      );
    });
    after(async () => database.drop());

    test('concurrent appends share commits, in arrival order, and the chain verifies', async () => {
      const group = new AuditGroupCommit(database.db);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          group.run({
            clock,
            audit: { actor: 'user:alice', action: 'message.read', subject: `message:${i}` },
          }),
        ),
      );
      const seqs = results.map((r) => r.entry.seq);
      assert.deepEqual(
        seqs,
        Array.from({ length: 40 }, (_, i) => i + 1),
        'one total order, the order the requests arrived in',
      );
      assert.ok(group.stats.groups < 40, `40 appends took ${group.stats.groups} commits`);
      const stored = await entriesBySubject(database);
      for (let i = 0; i < 40; i++) assert.equal(stored.get(`message:${i}`), i + 1);
      const r = await verifyAuditChain(database.db);
      assert.equal(r.ok && r.entries, 40);
    });

    test("a member whose work fails gets its error and leaves nothing; the others' work and entries commit", async () => {
      const before = (await verifyAuditChain(database.db)) as { ok: true; entries: number };
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, (_, n) =>
          appendAuditGrouped(database.db, {
            clock,
            work: async (tx) => {
              await sql`insert into group_probe (n) values (${n})`.execute(tx);
              if (n === 3) throw new Error('member 3 refused');
              return n * 10;
            },
            audit: (result: number) => ({
              actor: 'system',
              action: 'probe',
              subject: `probe:${n}`,
              detail: { result },
            }),
          }),
        ),
      );
      assert.equal(outcomes[3]!.status, 'rejected');
      assert.match(String((outcomes[3] as PromiseRejectedResult).reason), /member 3 refused/);
      for (const n of [0, 1, 2, 4, 5]) {
        const o = outcomes[n]!;
        assert.equal(o.status, 'fulfilled');
        assert.equal((o as PromiseFulfilledResult<{ result: number }>).value.result, n * 10);
      }
      const probes = await sql<{ n: number }>`select n from group_probe order by n`.execute(database.db);
      assert.deepEqual(
        probes.rows.map((r) => r.n),
        [0, 1, 2, 4, 5],
      );
      const stored = await entriesBySubject(database);
      assert.equal(stored.has('probe:3'), false);
      const r = await verifyAuditChain(database.db);
      assert.equal(r.ok && r.entries, before.entries + 5);
    });

    test('when the commit fails, every member is refused and nothing is written', async () => {
      const before = (await verifyAuditChain(database.db)) as { ok: true; entries: number };
      const outcomes = await Promise.allSettled(
        [1, 2, 2].map((n, i) =>
          appendAuditGrouped(database.db, {
            clock,
            // Checked only at commit: two members insert the same value.
            work: async (tx) => {
              await sql`insert into group_deferred (n) values (${n})`.execute(tx);
            },
            audit: { actor: 'system', action: 'probe.deferred', subject: `deferred:${i}` },
          }),
        ),
      );
      assert.deepEqual(
        outcomes.map((o) => o.status),
        ['rejected', 'rejected', 'rejected'],
      );
      const r = await verifyAuditChain(database.db);
      assert.equal(r.ok && r.entries, before.entries);
      const rows = await sql<{ c: number }>`select count(*)::int as c from group_deferred`.execute(
        database.db,
      );
      assert.equal(rows.rows[0]!.c, 0);
    });

    test('grouped appends interleave with appends inside other transactions without forking the chain', async () => {
      const before = (await verifyAuditChain(database.db)) as { ok: true; entries: number };
      await Promise.all([
        ...Array.from({ length: 30 }, (_, i) =>
          appendAuditGrouped(database.db, {
            clock,
            audit: { actor: 'system', action: 'mixed.grouped', subject: `g:${i}` },
          }),
        ),
        ...Array.from({ length: 10 }, (_, i) =>
          database.db
            .transaction()
            .execute((tx) =>
              appendAudit(tx, clock, { actor: 'system', action: 'mixed.single', subject: `s:${i}` }),
            ),
        ),
      ]);
      const r = await verifyAuditChain(database.db);
      assert.equal(r.ok && r.entries, before.entries + 40);
    });
  });
}

/** A writer process (test/fixtures/audit-group-writer.ts); collects its acknowledged entries. */
function writer(url: string, name: string, count: number) {
  const script = new URL('../../../test/fixtures/audit-group-writer.ts', import.meta.url).pathname;
  const { DATABASE_URL: _inherited, ...env } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...env, DATABASE_URL: url, WRITER: name, COUNT: String(count), CONCURRENCY: '16' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked = new Map<string, number>();
  let done = false;
  let buffer = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      const [kind, seq, subject] = line.split(' ');
      if (kind === 'ack') acked.set(subject!, Number(seq));
      if (kind === 'done') done = true;
    }
  });
  const exited = once(child, 'exit');
  return { child, acked, exited, isDone: () => done };
}

if ((await testEngines()).includes('postgres')) {
  describe('audit group commit across processes on one PostgreSQL', () => {
    let database: Database & { drop(): Promise<void> };
    before(async () => {
      database = await openTestDatabase('postgres');
    });
    after(async () => database.drop());

    test('two processes grouping their own appends keep one chain with every acknowledged entry', async () => {
      const url = await databaseUrl(database);
      const a = writer(url, 'a', 150);
      const b = writer(url, 'b', 150);
      const [[codeA], [codeB]] = await Promise.all([a.exited, b.exited]);
      assert.equal(codeA, 0);
      assert.equal(codeB, 0);
      assert.ok(a.isDone() && b.isDone());
      const stored = await entriesBySubject(database);
      for (const w of [a, b]) {
        assert.equal(w.acked.size, 150);
        for (const [subject, seq] of w.acked)
          assert.equal(stored.get(subject), seq, `${subject} stored as acknowledged`);
      }
      const r = await verifyAuditChain(database.db);
      assert.equal(r.ok && r.entries, 300);
    });

    test('a process killed in the middle of a group loses no acknowledged entry', async () => {
      const url = await databaseUrl(database);
      const w = writer(url, 'k', 0);
      const deadline = Date.now() + 60_000;
      while (w.acked.size < 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.ok(w.acked.size >= 200, 'the writer acknowledged entries');
      w.child.kill('SIGKILL');
      await w.exited;
      const stored = await entriesBySubject(database);
      for (const [subject, seq] of w.acked)
        assert.equal(stored.get(subject), seq, `${subject} acknowledged, then lost`);
      const r = await verifyAuditChain(database.db);
      assert.equal(r.ok, true, JSON.stringify(r));
    });
  });
}

/** The connection string of a test database (its name read from the server). */
async function databaseUrl(database: Database): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
  const base = new URL(testPgUrl);
  base.pathname = `/${rows[0]!.name}`;
  return base.toString();
}
