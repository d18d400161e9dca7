import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, testEngines } from '../../../test/_util.js';
import { ManualClock } from '../clock.js';
import type { Database } from '../db/database.js';
import { appendAudit, verifyAuditChain } from './audit-log.js';

for (const engine of await testEngines()) {
  describe(`audit chain on ${engine}`, () => {
    let database: Database & { drop(): Promise<void> };
    const clock = new ManualClock();
    before(async () => {
      database = await openTestDatabase(engine);
    });
    after(async () => database.drop());

    async function append(n: number) {
      for (let i = 0; i < n; i++) {
        await database.db.transaction().execute(async (tx) => {
          await appendAudit(tx, clock, {
            actor: 'user:alice',
            action: 'message.send',
            subject: `message:${i}`,
            detail: { i, nested: { z: 1, a: [1, 'x'] }, é: true },
          });
        });
        clock.advance(1000);
      }
    }

    /** Runs a statement as someone with owner rights who bypasses the append-only trigger. */
    async function tamper(statement: ReturnType<typeof sql>) {
      await database.db.transaction().execute(async (tx) => {
        await sql`set local session_replication_role = replica`.execute(tx);
        await statement.execute(tx);
      });
    }

    test('an intact chain verifies, entry by entry', async () => {
      await append(25);
      const r = await verifyAuditChain(database.db, { batchSize: 7 });
      assert.deepEqual(r.ok && r.entries, 25);
    });

    test('a rolled-back change leaves no audit entry and keeps the chain intact', async () => {
      await assert.rejects(
        database.db.transaction().execute(async (tx) => {
          await appendAudit(tx, clock, { actor: 'user:bob', action: 'user.create' });
          throw new Error('business rule failed');
        }),
      );
      const r = await verifyAuditChain(database.db);
      assert.equal(r.ok && r.entries, 25);
    });

    test('concurrent appends queue up instead of forking the chain', async () => {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          database.db
            .transaction()
            .execute((tx) => appendAudit(tx, clock, { actor: 'system', action: `parallel.${i}` })),
        ),
      );
      const r = await verifyAuditChain(database.db);
      assert.equal(r.ok && r.entries, 35);
    });

    test('the database refuses to update or delete audit entries', async () => {
      await assert.rejects(
        sql`update audit_log set actor = 'user:mallory' where seq = 3`.execute(database.db),
        /append-only/,
      );
      await assert.rejects(sql`delete from audit_log where seq = 3`.execute(database.db), /append-only/);
    });

    test('an altered entry is reported as the first broken link', async () => {
      await tamper(sql`update audit_log set detail = '{"i": 99}'::jsonb where seq = 12`);
      const r = await verifyAuditChain(database.db);
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.brokenAt, 12);
      assert.equal(!r.ok && r.reason, 'hashMismatch');
    });

    test('a removed entry is reported', async () => {
      await tamper(sql`delete from audit_log where seq = 5`);
      const r = await verifyAuditChain(database.db);
      assert.equal(!r.ok && r.brokenAt, 5);
      assert.equal(!r.ok && r.reason, 'missingEntry');
    });

    test('wiping the log is reported: the head remembers how many entries were written', async () => {
      await tamper(sql`delete from audit_log`);
      const r = await verifyAuditChain(database.db);
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.reason, 'headMismatch');
      assert.equal(!r.ok && r.brokenAt, 1);
    });
  });
}
