import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Database, openDatabase } from './database.js';
import { onCommit, runInTransaction } from './transaction.js';

describe('onCommit', () => {
  let database: Database;
  before(async () => {
    database = await openDatabase({ kind: 'pglite', dir: null });
  });
  after(async () => database.close());

  test('hooks run once the transaction has committed, when its rows are visible', async () => {
    const seen: number[] = [];
    let ran = false;
    await runInTransaction(database.db, async (tx) => {
      await tx
        .insertInto('notifications')
        .values({
          id: '00000000-0000-7000-8000-000000000001',
          audience: 'admin',
          kind: 't',
          title: 't',
          detail: 't',
          subject: null,
          at: new Date(),
          read_at: null,
          read_by: null,
        })
        .execute();
      assert.equal(
        onCommit(() => {
          ran = true;
        }),
        true,
      );
      assert.equal(ran, false, 'not before the commit');
    });
    assert.equal(ran, true);
    seen.push((await database.db.selectFrom('notifications').select('id').execute()).length);
    assert.deepEqual(seen, [1]);
  });

  test('hooks do not run after a rollback, and outside a transaction nothing is registered', async () => {
    let ran = false;
    await assert.rejects(
      runInTransaction(database.db, async () => {
        onCommit(() => {
          ran = true;
        });
        throw new Error('roll back');
      }),
    );
    assert.equal(ran, false);
    assert.equal(
      onCommit(() => {
        ran = true;
      }),
      false,
    );
    await database.db.transaction().execute(async () => {
      assert.equal(
        onCommit(() => {
          ran = true;
        }),
        false,
        'a raw transaction has no hooks',
      );
    });
    assert.equal(ran, false);
  });
});
