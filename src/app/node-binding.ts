import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  type Clock,
  type Config,
  ConfigError,
  type Database,
  type Db,
  dataFiles,
} from '../platform/index.js';

/**
 * A data folder started against a database other than its own: a forgotten or wrong
 * `DATABASE_URL`, or a database that belongs to another node. Nothing was written.
 */
export class NodeBindingError extends ConfigError {
  override name = 'NodeBindingError';
}

const bindingFileSchema = z.object({
  version: z.literal(1),
  engine: z.enum(['pglite', 'postgres']),
  databaseId: z.uuid(),
  nodeId: z.string(),
  /** Where the database was (host, port and name; never credentials), for the error message. */
  location: z.string(),
  boundAt: z.string(),
});
type BindingFile = z.infer<typeof bindingFileSchema>;

/** Where a configured database lives, without credentials. */
export function databaseLocation(config: Config): string {
  if (config.db.kind === 'pglite') return `embedded database in ${config.db.dir ?? '(memory)'}`;
  try {
    const url = new URL(config.db.url.reveal());
    return `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'PostgreSQL (unparsable DATABASE_URL)';
  }
}

function bindingPath(config: Config): string {
  return join(config.dataDir, dataFiles.binding);
}

function readBindingFile(config: Config): BindingFile | null {
  const path = bindingPath(config);
  if (!existsSync(path)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new NodeBindingError(`${path} is not valid JSON; restore it from a backup`);
  }
  const file = bindingFileSchema.safeParse(parsed);
  if (!file.success) throw new NodeBindingError(`${path}: ${z.prettifyError(file.error)}`);
  return file.data;
}

function engineName(engine: 'pglite' | 'postgres'): string {
  return engine === 'pglite' ? 'the embedded database' : 'PostgreSQL';
}

/**
 * Refuses, before any database is opened, a data folder bound to another engine: with
 * `DATABASE_URL` forgotten, opening would create a fresh, empty embedded database and run a
 * second node under the same identity and keys.
 */
export function checkDataFolderEngine(config: Config, engine: 'pglite' | 'postgres' = config.db.kind): void {
  const file = readBindingFile(config);
  if (!file || file.engine === engine) return;
  const hint =
    file.engine === 'postgres'
      ? 'DATABASE_URL is not set: every passerelle command of this node needs it'
      : 'DATABASE_URL is set: unset it, or move the node with "passerelle backup" and "passerelle restore"';
  throw new NodeBindingError(
    `node ${file.nodeId} runs on ${engineName(file.engine)} (${file.location}), not on ${engineName(engine)}: ${hint}. Nothing was changed.`,
  );
}

/**
 * Checks that the open database is this data folder's, and records the pair on first use:
 * a row in the database names the node and a random database id, and the folder's
 * `database.json` keeps the engine and that id. A database of another node, an empty
 * database for a folder already bound, or another database of the same node are refused.
 */
export async function bindDatabase(config: Config, database: Database, clock: Clock): Promise<void> {
  checkDataFolderEngine(config, database.kind);
  const file = readBindingFile(config);
  const row = await readBinding(database.db);
  const location = databaseLocation(config);
  if (row && row.node_id !== config.node.id) {
    throw new NodeBindingError(
      `${location} belongs to node ${row.node_id}, not to ${config.node.id}: check DATABASE_URL. Nothing was changed.`,
    );
  }
  if (file && !row) {
    throw new NodeBindingError(
      `${location} holds no node, but node ${file.nodeId} runs on ${file.location}: check DATABASE_URL (to move a node, use "passerelle restore"). Nothing was changed.`,
    );
  }
  if (file && row && file.databaseId !== row.database_id) {
    throw new NodeBindingError(
      `${location} is another database of node ${config.node.id} than the one this data folder runs on (${file.location}): check DATABASE_URL. Nothing was changed.`,
    );
  }
  if (file) return;
  // First start of this folder (or a folder restored beside its database): bind them.
  let bound = row;
  if (!bound) {
    await database.db
      .insertInto('node_binding')
      .values({ node_id: config.node.id, database_id: randomUUID(), created_at: clock.now() })
      .onConflict((oc) => oc.column('singleton').doNothing())
      .execute();
    bound = await readBinding(database.db);
    if (!bound || bound.node_id !== config.node.id)
      throw new NodeBindingError(`${location} was bound to another node meanwhile. Nothing was changed.`);
  }
  writeBindingFile(config, database.kind, bound.database_id, location, clock);
}

/** Writes the folder's binding file (also used by restore, which binds a folder to its new database). */
export function writeBindingFile(
  config: Config,
  engine: 'pglite' | 'postgres',
  databaseId: string,
  location: string,
  clock: Clock,
): void {
  const file: BindingFile = {
    version: 1,
    engine,
    databaseId,
    nodeId: config.node.id,
    location,
    boundAt: clock.now().toISOString(),
  };
  writeFileSync(bindingPath(config), `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
}

/** The database's binding row, if any. */
export async function readBinding(db: Db): Promise<{ node_id: string; database_id: string } | undefined> {
  return db.selectFrom('node_binding').select(['node_id', 'database_id']).executeTakeFirst();
}
