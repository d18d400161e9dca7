import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataFolder } from './data-lock.js';
import { migrationProvider } from './migrations/index.js';
import { PgliteDialect } from './pglite-dialect.js';
import type { Db } from './schema.js';

/** Where a node keeps its data: embedded PGlite in a folder, or a PostgreSQL server. */
export type DatabaseConfig =
  | { kind: 'pglite'; dir: string | null }
  | { kind: 'postgres'; url: string; poolSize?: number };

/** An open database; `close` releases the pool or the embedded engine. */
export interface Database {
  db: Db;
  kind: DatabaseConfig['kind'];
  close(): Promise<void>;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Opens the database and runs pending migrations. Both engines return int8 as JS numbers
 * (our counters stay far below 2^53), so stores behave the same on either.
 */
export async function openDatabase(
  config: DatabaseConfig,
  options: { migrate?: boolean; onConnectionError?: (err: Error) => void } = {},
): Promise<Database> {
  let db: Db;
  let closeEngine: () => Promise<void>;
  if (config.kind === 'pglite') {
    let unlock = () => {};
    if (config.dir) {
      mkdirSync(config.dir, { recursive: true });
      unlock = lockDataFolder(config.dir);
    }
    let engine: PGlite;
    try {
      engine = new PGlite(config.dir ?? undefined);
      await engine.waitReady;
    } catch (err) {
      unlock();
      throw err;
    }
    db = new Kysely({ dialect: new PgliteDialect(engine) });
    closeEngine = async () => {
      try {
        await engine.close();
      } finally {
        unlock();
      }
    };
  } else {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize ?? 10,
      types: {
        getTypeParser: (oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID
            ? Number
            : oid === NUMERIC_OID
              ? Number
              : pg.types.getTypeParser(oid, format as 'text'),
      },
    });
    // An idle connection dropped by the server (restart, failover, admin) is an 'error'
    // event on the pool; without a listener it would crash the process. The pool discards
    // the connection and the next query opens a fresh one.
    pool.on('error', (err) => options.onConnectionError?.(err));
    // A connection lost while checked out also emits 'error' on the client itself; the query
    // in flight rejects on its own and the caller's transaction fails cleanly.
    pool.on('connect', (client) => client.on('error', (err) => options.onConnectionError?.(err)));
    db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    closeEngine = async () => {};
  }
  const database: Database = {
    db,
    kind: config.kind,
    close: async () => {
      await db.destroy();
      await closeEngine();
    },
  };
  if (options.migrate !== false) {
    try {
      await migrateToLatest(db);
    } catch (err) {
      await database.close();
      throw err;
    }
  }
  return database;
}

/** Applies every migration not yet applied; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? ''} failed: ${(error as Error).message ?? error}`);
  }
}
