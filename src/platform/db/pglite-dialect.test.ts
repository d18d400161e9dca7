import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, testEngines } from '../../../test/_util.js';
import type { Database } from './database.js';

for (const engine of await testEngines()) {
  describe(`storage basics on ${engine}`, () => {
    let database: Database & { drop(): Promise<void> };
    before(async () => {
      database = await openTestDatabase(engine);
      await sql`create table t (id int primary key, v text)`.execute(database.db);
    });
    after(async () => database.drop());

    test('reports affected rows of insert, update and delete', async () => {
      const db = database.db as any;
      const ins = await db
        .insertInto('t')
        .values([
          { id: 1, v: 'a' },
          { id: 2, v: 'b' },
          { id: 3, v: 'c' },
        ])
        .executeTakeFirst();
      assert.equal(Number(ins.numInsertedOrUpdatedRows), 3);
      const upd = await db.updateTable('t').set({ v: 'z' }).where('id', '<', 3).executeTakeFirst();
      assert.equal(Number(upd.numUpdatedRows), 2);
      const del = await db.deleteFrom('t').where('id', '=', 3).executeTakeFirst();
      assert.equal(Number(del.numDeletedRows), 1);
    });

    test('a failed transaction rolls back all of its writes', async () => {
      const db = database.db as any;
      await assert.rejects(
        db.transaction().execute(async (tx: any) => {
          await tx.insertInto('t').values({ id: 10, v: 'x' }).execute();
          await tx.insertInto('t').values({ id: 10, v: 'duplicate' }).execute();
        }),
      );
      const rows = await db.selectFrom('t').selectAll().where('id', '=', 10).execute();
      assert.equal(rows.length, 0);
    });

    test('queries outside a transaction do not see its uncommitted writes', async () => {
      const db = database.db as any;
      let inside!: () => void;
      const gate = new Promise<void>((r) => {
        inside = r;
      });
      const trx = db.transaction().execute(async (tx: any) => {
        await tx.insertInto('t').values({ id: 20, v: 'pending' }).execute();
        inside();
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('abort');
      });
      await gate;
      const seen = await db.selectFrom('t').selectAll().where('id', '=', 20).execute();
      await assert.rejects(trx);
      assert.equal(seen.length, 0);
    });

    test('int8 columns come back as numbers on both engines', async () => {
      const r = await sql<{ n: number }>`select 9007199254740::int8 as n`.execute(database.db);
      assert.equal(r.rows[0]!.n, 9007199254740);
    });

    test('LISTEN/NOTIFY: a notification arrives when its transaction commits, never on rollback', async () => {
      let got = 0;
      const stop = await database.listen('test_channel', () => {
        got++;
      });
      const settle = () => new Promise((r) => setTimeout(r, 150));
      await assert.rejects(
        database.db.transaction().execute(async (tx) => {
          await sql`select pg_notify('test_channel', '')`.execute(tx);
          throw new Error('roll back');
        }),
      );
      await settle();
      assert.equal(got, 0, 'a rolled-back notification is never delivered');
      let seenInside = -1;
      await database.db.transaction().execute(async (tx) => {
        await sql`select pg_notify('test_channel', '')`.execute(tx);
        await settle();
        seenInside = got;
      });
      await settle();
      assert.equal(seenInside, 0, 'not before the commit');
      assert.equal(got, 1, 'delivered after the commit');
      await stop();
      await sql`select pg_notify('test_channel', '')`.execute(database.db);
      await settle();
      assert.equal(got, 1, 'nothing after unlisten');
      await assert.rejects(
        database.listen('bad channel; drop table t', () => {}),
        /invalid channel/,
      );
    });

    test('migrations are idempotent at start-up', async () => {
      const { migrateToLatest } = await import('./database.js');
      await migrateToLatest(database.db);
      const r = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(
        database.db,
      );
      assert.ok(r.rows[0]!.n >= 1);
    });
  });
}
