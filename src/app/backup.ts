import { randomUUID } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { AttachmentCheck } from '../exchange/index.js';
import {
  type AuditVerifyResult,
  type BlobStore,
  type BlobStoreDescription,
  type Config,
  ConfigError,
  createBlobStore,
  type Db,
  dataFiles,
  loadConfig,
  migrateToLatest,
  migrateUpTo,
  migrationNames,
  openDatabase,
  type Secret,
  systemClock,
  type Tx,
  verifyAuditChain,
} from '../platform/index.js';
import { BackupError, BackupWriter, readBackup } from './backup-archive.js';
import { createAppContext } from './context.js';
import { databaseLocation, writeBindingFile } from './node-binding.js';

export { BackupError } from './backup-archive.js';

const ROWS_PER_RECORD = 500;
const FILE_PIECE_BYTES = 512 * 1024;
/** Kysely's own bookkeeping: the manifest lists the migrations instead. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/** What a backup holds, as {@link createBackup} reports it. */
export interface BackupSummary {
  nodeId: string;
  engine: 'pglite' | 'postgres';
  tables: Record<string, number>;
  files: number;
  attachments: number;
  /** Attachment rows whose file was gone when copied (purged meanwhile, or already lost). */
  missingAttachments: string[];
  /** The store the attachment files were read from. */
  store: BlobStoreDescription;
}

/** What {@link restoreBackup} did and what the verification found. */
export interface RestoreReport {
  dataDir: string;
  nodeId: string;
  engine: 'pglite' | 'postgres';
  tables: Record<string, number>;
  attachments: number;
  /** The store the attachment files were written to (null when the backup held none). */
  store: BlobStoreDescription | null;
  verification: RestoreVerification;
}

/** The checks run on a restored node (also by `passerelle audit verify`). */
export interface RestoreVerification {
  ok: boolean;
  chain: AuditVerifyResult;
  checkpoints: { ok: boolean; checked: number; findings: number };
  attachments: AttachmentCheck;
}

/** Tables in foreign-key order (referenced first), and the self-references to order rows by. */
async function tableOrder(
  db: Db | Tx,
): Promise<{ tables: string[]; selfRefs: Map<string, [string, string]> }> {
  const tables = (
    await sql<{
      name: string;
    }>`select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(db)
  ).rows
    .map((r) => r.name)
    .filter((t) => !MIGRATION_TABLES.has(t));
  const fks = (
    await sql<{ child: string; parent: string; col: string; refcol: string }>`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
             a.attname as col, af.attname as refcol
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        join pg_attribute af on af.attrelid = c.confrelid and af.attnum = c.confkey[1]
       where c.contype = 'f'`.execute(db)
  ).rows;
  const selfRefs = new Map<string, [string, string]>();
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const fk of fks) {
    if (fk.child === fk.parent) selfRefs.set(fk.child, [fk.col, fk.refcol]);
    else parents.get(fk.child)?.add(fk.parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error('foreign keys form a cycle between tables');
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return { tables: ordered, selfRefs };
}

/** Rows of a self-referencing table, each after the row it points to. */
function orderSelfReferencing(rows: Array<Record<string, unknown>>, col: string, refcol: string) {
  const present = new Set(rows.map((r) => r[refcol]));
  const emitted = new Set<unknown>();
  const out: Array<Record<string, unknown>> = [];
  let pending = rows;
  while (pending.length > 0) {
    const next: Array<Record<string, unknown>> = [];
    for (const r of pending) {
      const ref = r[col];
      if (ref === null || ref === undefined || !present.has(ref) || emitted.has(ref)) {
        out.push(r);
        emitted.add(r[refcol]);
      } else next.push(r);
    }
    if (next.length === pending.length) throw new Error('rows reference each other in a cycle');
    pending = next;
  }
  return out;
}

async function* tableRows(tx: Tx, table: string): AsyncGenerator<Array<Record<string, unknown>>> {
  let last = '(0,0)';
  for (;;) {
    // Keyset paging on the physical row id: stable inside the snapshot, no sort of the table.
    const res = await sql<{ tid: string; row: string }>`
      select ctid::text as tid, row_to_json(t)::text as row from ${sql.table(table)} t
       where ctid > ${last}::tid order by ctid limit ${ROWS_PER_RECORD}`.execute(tx);
    if (res.rows.length === 0) return;
    last = res.rows[res.rows.length - 1]!.tid;
    yield res.rows.map((r) => JSON.parse(r.row) as Record<string, unknown>);
  }
}

/** Copies one stored blob (already encrypted at rest) into the backup; false when it is gone. */
async function writeBlobRecords(
  writer: BackupWriter,
  name: string,
  store: BlobStore,
  key: string,
): Promise<boolean> {
  let blob: Awaited<ReturnType<BlobStore['get']>>;
  try {
    blob = await store.get(key);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  await writer.write({ k: 'file', name });
  let piece: Buffer[] = [];
  let held = 0;
  for await (const chunk of blob.stream) {
    piece.push(chunk as Buffer);
    held += (chunk as Buffer).length;
    if (held >= FILE_PIECE_BYTES) {
      await writer.write({ k: 'data', b64: Buffer.concat(piece).toString('base64') });
      piece = [];
      held = 0;
    }
  }
  if (held > 0) await writer.write({ k: 'data', b64: Buffer.concat(piece).toString('base64') });
  await writer.write({ k: 'file-end', name });
  return true;
}

async function writeFileRecords(writer: BackupWriter, name: string, path: string): Promise<boolean> {
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  try {
    await writer.write({ k: 'file', name });
    const buffer = Buffer.alloc(FILE_PIECE_BYTES);
    for (;;) {
      const { bytesRead } = await fh.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      await writer.write({ k: 'data', b64: buffer.subarray(0, bytesRead).toString('base64') });
    }
    await writer.write({ k: 'file-end', name });
    return true;
  } finally {
    await fh.close();
  }
}

/**
 * Writes an encrypted backup of a node: its settings, keys and key passphrase, every table
 * of its database (read in one repeatable-read snapshot, so a running PostgreSQL node can
 * be backed up), and its attachment files (already encrypted at rest; copied as they are).
 * The embedded database is locked by a running node: stop it first.
 */
export async function createBackup(config: Config, out: string, passphrase: Secret): Promise<BackupSummary> {
  const blobs = createBlobStore(config);
  // An unreachable bucket is said before anything is written.
  try {
    await blobs.check();
  } catch (err) {
    await blobs.close();
    throw new ConfigError(`cannot back up the attachments: ${(err as Error).message}`);
  }
  const database = await openDatabase(config.db, { migrate: false });
  const stream = createWriteStream(out, { mode: 0o600, flags: 'wx' });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  const summary: BackupSummary = {
    nodeId: config.node.id,
    engine: database.kind,
    tables: {},
    files: 0,
    attachments: 0,
    missingAttachments: [],
    store: blobs.describe(),
  };
  try {
    const writer = await BackupWriter.open(stream, passphrase);
    const applied = (
      await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db)
    ).rows.map((r) => r.name);
    await writer.write({
      k: 'manifest',
      version: 1,
      nodeId: config.node.id,
      createdAt: new Date().toISOString(),
      engine: database.kind,
      migrations: applied,
      // PostgreSQL nodes often keep it in the environment only: without it the keys are lost.
      keyPassphrase: config.keys.passphrase.reveal(),
    });
    for (const [name, path] of [
      [dataFiles.node, join(config.dataDir, dataFiles.node)],
      [dataFiles.keys, config.keys.path],
    ] as const) {
      if (!(await writeFileRecords(writer, name, path))) throw new ConfigError(`${path} is missing`);
      summary.files++;
    }
    const attachmentIds: string[] = [];
    await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        const { tables } = await tableOrder(tx);
        for (const table of tables) {
          await writer.write({ k: 'table', name: table });
          let count = 0;
          for await (const rows of tableRows(tx, table)) {
            await writer.write({ k: 'rows', rows });
            count += rows.length;
            if (table === 'attachments') {
              for (const r of rows) if (r.status === 'stored') attachmentIds.push(String(r.id));
            }
            // Case documents keep their files in the same store, under their storage id.
            if (table === 'case_documents') for (const r of rows) attachmentIds.push(String(r.storage_id));
          }
          await writer.write({ k: 'table-end', name: table, count });
          summary.tables[table] = count;
        }
      });
    for (const id of attachmentIds) {
      if (await writeBlobRecords(writer, `attachments/${id}`, blobs, id)) summary.attachments++;
      else summary.missingAttachments.push(id);
    }
    await writer.write({ k: 'end', tables: summary.tables, attachments: summary.attachments });
    await writer.close();
    return summary;
  } catch (err) {
    stream.destroy();
    rmSync(out, { force: true });
    throw err;
  } finally {
    await database.close();
    await blobs.close();
  }
}

/** The target of a restore must be new: no node in the folder, no table in the database. */
async function requireEmptyDatabase(db: Db, where: string): Promise<void> {
  const n = (
    await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(db)
  ).rows[0]!.n;
  if (Number(n) > 0) throw new ConfigError(`${where} is not empty: restore into a new, empty database`);
}

function safeFileName(name: string): string | null {
  if (name === dataFiles.node || name === dataFiles.keys) return name;
  const m = /^attachments\/([0-9a-f-]{36})$/.exec(name);
  return m ? `attachments/${m[1]}` : null;
}

/**
 * Restores a backup into a new data folder (and, with `DATABASE_URL` in `env`, into a new,
 * empty PostgreSQL database; else the embedded one in the folder; attachment files into the
 * store `env` names: its S3 bucket, its folder, or the data folder's): files first, then every
 * table in one transaction on the schema of the backup's migrations, then the migrations
 * added since. The folder is bound to its new database, and the node is verified: audit
 * chain, signed checkpoints, and every attachment against its recorded hash. A failed
 * restore removes the folder it created.
 */
export async function restoreBackup(options: {
  archive: string;
  passphrase: Secret;
  dataDir: string;
  env: Record<string, string | undefined>;
}): Promise<RestoreReport> {
  const dir = options.dataDir;
  if (existsSync(join(dir, dataFiles.node)))
    throw new ConfigError(`${dir} already holds a node; restore into a new folder`);
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new ConfigError(`${dir} is not empty; restore into a new folder`);
  const records = readBackup(createReadStream(options.archive), options.passphrase);
  const first = (await records.next()).value as Record<string, unknown> | undefined;
  if (!first || first.k !== 'manifest' || first.version !== 1)
    throw new BackupError('backup manifest missing');
  const manifest = first as {
    nodeId: string;
    engine: 'pglite' | 'postgres';
    migrations: string[];
    keyPassphrase: string;
  };
  const known = migrationNames();
  const unknown = manifest.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0)
    throw new BackupError(
      `the backup comes from a newer Passerelle (migrations ${unknown.join(', ')}): upgrade first`,
    );
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let database: Awaited<ReturnType<typeof openDatabase>> | null = null;
  let config: Config | null = null;
  const tables: Record<string, number> = {};
  let attachments = 0;
  let blobs: BlobStore | null = null;
  /** Blobs this restore created, removed again if it fails. */
  const written: string[] = [];
  try {
    writeFileSync(join(dir, dataFiles.keySecret), `${manifest.keyPassphrase}\n`, { mode: 0o600 });
    const env = { ...options.env };
    // The restored folder opens with the passphrase file written above.
    delete env.PASSERELLE_KEY_PASSPHRASE;
    delete env.PASSERELLE_KEY_FILE;
    let file: { fh: Awaited<ReturnType<typeof open>>; name: string } | null = null;
    let ended = false;
    for (let next = await records.next(); !next.done; next = await records.next()) {
      const r = next.value;
      if (r.k === 'file') {
        const name = safeFileName(String(r.name));
        if (!name) throw new BackupError(`unexpected file ${String(r.name)} in the backup`);
        if (name.startsWith('attachments/')) {
          // Attachment files follow the tables: the node's settings name their store.
          if (!config) throw new BackupError('damaged backup: an attachment before the tables');
          if (!blobs) {
            blobs = createBlobStore(config);
            try {
              await blobs.check();
            } catch (err) {
              throw new ConfigError(`cannot restore the attachments: ${(err as Error).message}`);
            }
          }
          const key = name.slice('attachments/'.length);
          const existed = await blobs.exists(key);
          await blobs.put(key, fileData(records));
          if (!existed) written.push(key);
          attachments++;
          continue;
        }
        file = { fh: await open(join(dir, name), 'wx', 0o600), name };
      } else if (r.k === 'data') {
        if (!file) throw new BackupError('damaged backup: data outside a file');
        await file.fh.write(Buffer.from(String(r.b64), 'base64'));
      } else if (r.k === 'file-end') {
        if (!file) throw new BackupError('damaged backup: file end outside a file');
        await file.fh.close();
        file = null;
      } else if (r.k === 'table') {
        // The settings and keys came first: the folder is a node now; open its new database.
        if (!database) {
          config = loadConfig(dir, env, { logLevel: 'warn' });
          database = await openDatabase(config.db, { migrate: false });
          await requireEmptyDatabase(database.db, databaseLocation(config));
          const last = manifest.migrations[manifest.migrations.length - 1];
          if (last) await migrateUpTo(database.db, last);
          await importTables(database.db, String(r.name), records, tables);
        }
      } else if (r.k === 'end') {
        ended = true;
      } else {
        throw new BackupError(`damaged backup: unexpected record ${String(r.k)}`);
      }
    }
    if (!ended || !database || !config) throw new BackupError('backup incomplete');
    await migrateToLatest(database.db);
    // A new database of the same node: a fresh id, and the folder bound to it.
    const databaseId = randomUUID();
    await database.db.updateTable('node_binding').set({ database_id: databaseId }).execute();
    writeBindingFile(config, database.kind, databaseId, databaseLocation(config), systemClock);
    await database.close();
    database = null;
    const verification = await verifyRestoredNode(config);
    return {
      dataDir: dir,
      nodeId: manifest.nodeId,
      engine: config.db.kind,
      tables,
      attachments,
      store: blobs?.describe() ?? null,
      verification,
    };
  } catch (err) {
    await database?.close().catch(() => {});
    for (const key of written) await blobs?.delete(key).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    await blobs?.close();
  }
}

/** The data records of one file of the backup, up to its end record. */
async function* fileData(records: AsyncGenerator<Record<string, unknown>>): AsyncGenerator<Buffer> {
  for (;;) {
    const next = await records.next();
    if (next.done) throw new BackupError('backup truncated inside a file');
    const r = next.value;
    if (r.k === 'data') yield Buffer.from(String(r.b64), 'base64');
    else if (r.k === 'file-end') return;
    else throw new BackupError(`damaged backup: unexpected record ${String(r.k)} inside a file`);
  }
}

/**
 * Imports every table record in one transaction: the seed rows the migrations wrote go
 * first, then the backup's rows in foreign-key order; sequences continue after the largest
 * restored value. `first` is the name of the table record already read.
 */
async function importTables(
  db: Db,
  first: string,
  records: AsyncGenerator<Record<string, unknown>>,
  counts: Record<string, number>,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { tables, selfRefs } = await tableOrder(tx);
    for (const t of [...tables].reverse()) await sql`delete from ${sql.table(t)}`.execute(tx);
    let table: string | null = first;
    let buffered: Array<Record<string, unknown>> = [];
    let count = 0;
    const insert = async (rows: Array<Record<string, unknown>>) => {
      if (rows.length === 0 || !table) return;
      await sql`insert into ${sql.table(table)} select * from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(
        tx,
      );
    };
    for (;;) {
      if (table === null) {
        const next = await records.next();
        if (next.done) throw new BackupError('backup truncated inside its tables');
        const r = next.value;
        if (r.k === 'tables-end') break;
        if (r.k !== 'table') {
          // The first non-table record after the last table: hand it back by stopping here.
          throw new BackupError(`damaged backup: unexpected record ${String(r.k)} among tables`);
        }
        table = String(r.name);
      }
      if (!tables.includes(table)) throw new BackupError(`the backup holds an unknown table ${table}`);
      const self = selfRefs.get(table);
      for (;;) {
        const next = await records.next();
        if (next.done) throw new BackupError('backup truncated inside a table');
        const r = next.value;
        if (r.k === 'rows') {
          const rows = r.rows as Array<Record<string, unknown>>;
          count += rows.length;
          if (self) buffered.push(...rows);
          else await insert(rows);
        } else if (r.k === 'table-end') {
          if (Number(r.count) !== count) throw new BackupError(`damaged backup: table ${table} incomplete`);
          if (self) await insert(orderSelfReferencing(buffered, self[0], self[1]));
          counts[table] = count;
          break;
        } else throw new BackupError(`damaged backup: unexpected record ${String(r.k)} in table ${table}`);
      }
      table = null;
      buffered = [];
      count = 0;
      if (Object.keys(counts).length === tables.length) break;
    }
    // Serial columns continue after the restored rows.
    const serials = (
      await sql<{ t: string; c: string }>`
        select table_name as t, column_name as c from information_schema.columns
         where table_schema = 'public' and column_default like 'nextval(%'`.execute(tx)
    ).rows;
    for (const { t, c } of serials) {
      await sql`select setval(pg_get_serial_sequence(${t}, ${c}), coalesce((select max(${sql.ref(c)}) from ${sql.table(t)}), 0) + 1, false)`.execute(
        tx,
      );
    }
  });
}

/**
 * Verifies a node's data as a restore must: the audit chain, its signed checkpoints, and
 * every stored attachment against its recorded hash.
 */
export async function verifyRestoredNode(config: Config): Promise<RestoreVerification> {
  const ctx = await createAppContext(config);
  try {
    const chain = await verifyAuditChain(ctx.db);
    const cp = await ctx.checkpoints.verify(null, { partners: false });
    const files = await ctx.exchange.verifyAttachments();
    return {
      ok: chain.ok && cp.findings.length === 0 && files.ok,
      chain,
      checkpoints: { ok: cp.findings.length === 0, checked: cp.checked, findings: cp.findings.length },
      attachments: files,
    };
  } finally {
    await ctx.close();
  }
}
