import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'kysely';
import type { Db, Tx } from './schema.js';

const pending = new AsyncLocalStorage<Array<() => void>>();

/**
 * Runs `work` in one transaction and, once it has committed, the hooks registered with
 * {@link onCommit} during it (never after a rollback). Side effects that need the data to be
 * visible — waking a worker, starting a fetch — belong there, not behind a timer.
 */
export async function runInTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const hooks: Array<() => void> = [];
  const result = await pending.run(hooks, () => db.transaction().execute(work));
  for (const hook of hooks) {
    try {
      hook();
    } catch {
      // A hook is a wake-up call; the commit has happened and must not be reported as failed.
    }
  }
  return result;
}

/**
 * Registers `hook` to run after the enclosing {@link runInTransaction} commits. Returns false
 * (and does nothing) outside one, so the caller can rely on its own fallback (a database
 * notification, the poll).
 */
export function onCommit(hook: () => void): boolean {
  const hooks = pending.getStore();
  if (!hooks) return false;
  hooks.push(hook);
  return true;
}

/**
 * Runs `work` inside a savepoint of the enclosing transaction `tx`. If it throws, the
 * transaction is rolled back to the savepoint — the work's writes and the {@link onCommit}
 * hooks it registered are dropped, the transaction stays usable — and the error rethrown.
 * For one item of a batch that must fail alone.
 */
export async function inSavepoint<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  const hooks = pending.getStore();
  const mark = hooks?.length ?? 0;
  await sql`savepoint batch_item`.execute(tx);
  try {
    const result = await work();
    await sql`release savepoint batch_item`.execute(tx);
    return result;
  } catch (err) {
    await sql`rollback to savepoint batch_item`.execute(tx);
    hooks?.splice(mark);
    throw err;
  }
}
