import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Secret } from '../secret.js';
import { lockDataFolder } from './data-lock.js';
import { tightenFileModes } from './file-modes.js';
import { migrationProvider } from './migrations/index.js';
import { PgliteDialect } from './pglite-dialect.js';
import type { Db } from './schema.js';

/** Where a node keeps its data: embedded PGlite in a folder, or a PostgreSQL server. */
export type DatabaseConfig =
  | { kind: 'pglite'; dir: string | null }
  | { kind: 'postgres'; url: Secret; poolSize?: number };

/** An open database; `close` releases the pool or the embedded engine. */
export interface Database {
  db: Db;
  kind: DatabaseConfig['kind'];
  /**
   * Calls `onNotify` for every `NOTIFY channel` (pg_notify), delivered when the notifying
   * transaction commits, from this process or any other sharing the database. Returns the
   * function that stops listening. `onNotify` is given the notification's payload.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Makes this process visible to every other process on the database, as a session
   * advisory lock held on a dedicated connection (PostgreSQL); null on embedded PGlite,
   * which one process alone opens. See {@link Presence}.
   */
  presence(): Promise<Presence | null>;
  close(): Promise<void>;
}

/**
 * A process's presence on a shared PostgreSQL database. Work a process claims (an outbox
 * lease) is tagged with its `id`; the server drops the advisory lock the moment the
 * process's connection closes (SIGKILL, crash, lost network), so {@link liveProcessIds}
 * stops listing it and other processes take its work back at once instead of waiting for
 * a lease to run out. A lost connection is reopened under a new id.
 */
export interface Presence {
  /** The current id, or null while the dedicated connection is down. */
  readonly id: number | null;
  /** Called with each id acquired (the first one and after every reconnection). */
  onAcquired(fn: (id: number) => Promise<void> | void): void;
  stop(): Promise<void>;
}

/** Advisory lock space (`pg_advisory_lock(space, id)`) of process presence: "PASS". */
export const PRESENCE_LOCK_SPACE = 0x50415353;

/**
 * SQL subquery listing the presence ids of the processes alive on this PostgreSQL server
 * (`pg_locks` is readable by every role). Use as `locked_by not in (…)`.
 */
export const liveProcessIds = sql`(select objid::bigint from pg_locks where locktype = 'advisory' and granted and objsubid = 2 and classid::bigint = ${PRESENCE_LOCK_SPACE})`;

function presenceOnServer(url: string, onError: (err: Error) => void): Promise<Presence> {
  let client: pg.Client | null = null;
  let id: number | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const listeners: Array<(id: number) => Promise<void> | void> = [];
  const announce = (acquired: number) => {
    for (const fn of listeners)
      Promise.resolve()
        .then(() => fn(acquired))
        .catch((err) => onError(err as Error));
  };
  const retry = () => {
    if (!stopped) timer = setTimeout(() => void connect(), 500);
  };
  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url });
    client = c;
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      if (client === c) id = null;
      onError(err);
      c.end().catch(() => {});
      retry();
    };
    c.on('error', fail);
    try {
      await c.connect();
      for (;;) {
        // 31-bit positive ids; a clash with a live process is refused by the lock itself.
        const candidate = 1 + randomInt(0x7ffffffe);
        const res = await c.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [
          PRESENCE_LOCK_SPACE,
          candidate,
        ]);
        if (res.rows[0]?.ok) {
          id = candidate;
          break;
        }
      }
      announce(id);
    } catch (err) {
      fail(err as Error);
    }
  };
  const ready = connect();
  const presence: Presence = {
    get id() {
      return id;
    },
    onAcquired(fn) {
      listeners.push(fn);
      if (id !== null) announce(id);
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      id = null;
      await client?.end().catch(() => {});
    },
  };
  return ready.then(() => presence);
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * LISTEN on a dedicated PostgreSQL connection (a pooled one would be handed to other
 * queries). A lost connection is reopened after a second; notifications sent meanwhile
 * are lost, which is why listeners must also poll.
 */
function listenOnServer(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onError: (err: Error) => void,
) {
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on('notification', (n) => {
      if (n.channel === channel) onNotify(n.payload ?? '');
    });
    c.on('error', (err) => {
      onError(err);
      c.end().catch(() => {});
      if (!stopped) timer = setTimeout(connect, 1000);
    });
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
    } catch (err) {
      onError(err as Error);
      await c.end().catch(() => {});
      if (!stopped) timer = setTimeout(connect, 1000);
    }
  };
  return {
    ready: connect(),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
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
  let listen: Database['listen'];
  let presence: Database['presence'] = async () => null;
  const listeners = new Set<() => Promise<void>>();
  if (config.kind === 'pglite') {
    let unlock = () => {};
    if (config.dir) {
      mkdirSync(config.dir, { recursive: true, mode: 0o700 });
      unlock = lockDataFolder(config.dir);
    }
    let engine: PGlite;
    try {
      engine = new PGlite(config.dir ?? undefined);
      await engine.waitReady;
      if (config.dir) tightenFileModes(config.dir);
    } catch (err) {
      unlock();
      throw err;
    }
    db = new Kysely({ dialect: new PgliteDialect(engine) });
    listen = async (channel, onNotify) => {
      if (!CHANNEL.test(channel)) throw new Error(`invalid channel name ${channel}`);
      return engine.listen(channel, (payload) => onNotify(payload ?? ''));
    };
    const dir = config.dir;
    closeEngine = async () => {
      try {
        await engine.close();
        if (dir) tightenFileModes(dir);
      } finally {
        unlock();
      }
    };
  } else {
    const pool = new pg.Pool({
      connectionString: config.url.reveal(),
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
    listen = async (channel, onNotify) => {
      if (!CHANNEL.test(channel)) throw new Error(`invalid channel name ${channel}`);
      const l = listenOnServer(config.url.reveal(), channel, onNotify, (err) =>
        options.onConnectionError?.(err),
      );
      await l.ready;
      return l.stop;
    };
    presence = async () => {
      const p = await presenceOnServer(config.url.reveal(), (err) => options.onConnectionError?.(err));
      listeners.add(p.stop);
      return p;
    };
    closeEngine = async () => {};
  }
  const database: Database = {
    db,
    kind: config.kind,
    listen: async (channel, onNotify) => {
      const stop = await listen(channel, onNotify);
      const tracked = async () => {
        listeners.delete(tracked);
        await stop();
      };
      listeners.add(tracked);
      return tracked;
    },
    presence: () => presence(),
    close: async () => {
      for (const stop of [...listeners]) await stop();
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
