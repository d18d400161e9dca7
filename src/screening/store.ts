/**
 * Queries on the screening tables. Plain functions with the database first; the service
 * decides transactions and audit.
 */
import type { Selectable } from 'kysely';
import type { DatabaseSchema, DbOrTx } from '../platform/index.js';

/** A `screening_lists` row. */
export type ListRow = Selectable<DatabaseSchema['screening_lists']>;
/** A `screening_designations` row. */
export type DesignationRow = Selectable<DatabaseSchema['screening_designations']>;
/** A `screening_changes` row. */
export type ChangeRow = Selectable<DatabaseSchema['screening_changes']>;
/** A `screening_batches` row. */
export type BatchRow = Selectable<DatabaseSchema['screening_batches']>;
/** A `screening_subjects` row. */
export type SubjectRow = Selectable<DatabaseSchema['screening_subjects']>;

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 bind parameters. */
const BATCH_ROWS = 500;

/** The active list version, if any. */
export async function getActiveList(db: DbOrTx): Promise<ListRow | undefined> {
  return db.selectFrom('screening_lists').selectAll().where('active', '=', true).executeTakeFirst();
}

/** One list version. */
export async function getList(db: DbOrTx, id: string): Promise<ListRow | undefined> {
  return db.selectFrom('screening_lists').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A list version by the SHA-256 of its file. */
export async function getListBySha256(db: DbOrTx, sha256: string): Promise<ListRow | undefined> {
  return db.selectFrom('screening_lists').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

/** Every list version, newest list first. */
export async function listLists(db: DbOrTx): Promise<ListRow[]> {
  return db
    .selectFrom('screening_lists')
    .selectAll()
    .orderBy('generated_at', 'desc')
    .orderBy('imported_at', 'desc')
    .execute();
}

/** Takes the active flag off every version (inside the import transaction). */
export async function deactivateLists(db: DbOrTx): Promise<void> {
  await db.updateTable('screening_lists').set({ active: false }).where('active', '=', true).execute();
}

/** Inserts a list version. */
export async function insertList(db: DbOrTx, row: ListRow): Promise<void> {
  await db.insertInto('screening_lists').values(row).execute();
}

/** Values of a designation row. */
export interface NewDesignationRow {
  listId: string;
  referenceNumber: string;
  kind: 'individual' | 'entity';
  name: string;
  regime: string;
  listedOn: string | null;
  record: Record<string, unknown>;
  recordHash: string;
}

/** Inserts designations in multi-row statements of {@link BATCH_ROWS}. */
export async function insertDesignations(db: DbOrTx, rows: readonly NewDesignationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    await db
      .insertInto('screening_designations')
      .values(
        rows.slice(i, i + BATCH_ROWS).map((r) => ({
          list_id: r.listId,
          reference_number: r.referenceNumber,
          kind: r.kind,
          name: r.name,
          regime: r.regime,
          listed_on: r.listedOn,
          record: JSON.stringify(r.record),
          record_hash: r.recordHash,
        })),
      )
      .execute();
  }
}

/** Reference number → record hash (and name) of a version, for the diff. */
export async function designationHashes(
  db: DbOrTx,
  listId: string,
): Promise<Map<string, { hash: string; name: string; record: Record<string, unknown> }>> {
  const rows = await db
    .selectFrom('screening_designations')
    .select(['reference_number', 'record_hash', 'name', 'record'])
    .where('list_id', '=', listId)
    .execute();
  return new Map(
    rows.map((r) => [r.reference_number, { hash: r.record_hash, name: r.name, record: r.record }]),
  );
}

/** Every designation record of a version, in reference-number order. */
export async function designationRecords(db: DbOrTx, listId: string): Promise<Record<string, unknown>[]> {
  const rows = await db
    .selectFrom('screening_designations')
    .select('record')
    .where('list_id', '=', listId)
    .orderBy('reference_number')
    .execute();
  return rows.map((r) => r.record);
}

/** One designation of a version. */
export async function getDesignation(
  db: DbOrTx,
  listId: string,
  referenceNumber: string,
): Promise<DesignationRow | undefined> {
  return db
    .selectFrom('screening_designations')
    .selectAll()
    .where('list_id', '=', listId)
    .where('reference_number', '=', referenceNumber)
    .executeTakeFirst();
}

/** Inserts the changes an import made, in multi-row statements. */
export async function insertChanges(db: DbOrTx, rows: readonly ChangeRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    await db
      .insertInto('screening_changes')
      .values(rows.slice(i, i + BATCH_ROWS))
      .execute();
  }
}

/** The changes recorded when a version was imported. */
export async function listChanges(db: DbOrTx, listId: string): Promise<ChangeRow[]> {
  return db
    .selectFrom('screening_changes')
    .selectAll()
    .where('list_id', '=', listId)
    .orderBy('reference_number')
    .execute();
}

/** The node's thresholds, if set. */
export async function getSettings(db: DbOrTx) {
  return db.selectFrom('screening_settings').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** Sets the thresholds. */
export async function putSettings(
  db: DbOrTx,
  s: { confident: number; review: number; at: Date; by: string },
): Promise<void> {
  const values = { confident_score: s.confident, review_score: s.review, updated_at: s.at, updated_by: s.by };
  await db
    .insertInto('screening_settings')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** Inserts a batch. */
export async function insertBatch(
  db: DbOrTx,
  b: Omit<BatchRow, 'queries' | 'results'> & { queries: unknown[] },
): Promise<void> {
  await db
    .insertInto('screening_batches')
    .values({ ...b, queries: JSON.stringify(b.queries), results: null })
    .execute();
}

/** A batch. */
export async function getBatch(db: DbOrTx, id: string): Promise<BatchRow | undefined> {
  return db.selectFrom('screening_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records progress of a running batch. */
export async function setBatchProgress(db: DbOrTx, id: string, done: number): Promise<void> {
  await db.updateTable('screening_batches').set({ done }).where('id', '=', id).execute();
}

/** Closes a batch with its results or its error. */
export async function finishBatch(
  db: DbOrTx,
  id: string,
  f: { status: 'done' | 'failed'; done: number; results: unknown[] | null; error: string | null; at: Date },
): Promise<void> {
  await db
    .updateTable('screening_batches')
    .set({
      status: f.status,
      done: f.done,
      results: f.results === null ? null : JSON.stringify(f.results),
      error: f.error,
      finished_at: f.at,
    })
    .where('id', '=', id)
    .execute();
}

/** Marks batches left running by a stopped process as failed. */
export async function failInterruptedBatches(
  db: DbOrTx,
  at: Date,
  runningIds: readonly string[],
): Promise<void> {
  let q = db
    .updateTable('screening_batches')
    .set({ status: 'failed', error: 'interrupted: the node stopped during the batch', finished_at: at })
    .where('status', '=', 'running');
  if (runningIds.length > 0) q = q.where('id', 'not in', [...runningIds]);
  await q.execute();
}

/** Values of a new subject (a person in a received message). */
export interface NewSubjectRow {
  id: string;
  source: string;
  sourceId: string;
  entityId: string;
  partner: string | null;
  query: Record<string, unknown>;
  createdAt: Date;
}

/** Queues subjects; a subject already queued is left as it is. */
export async function insertSubjects(db: DbOrTx, rows: readonly NewSubjectRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('screening_subjects')
    .values(
      rows.map((r) => ({
        id: r.id,
        source: r.source,
        source_id: r.sourceId,
        entity_id: r.entityId,
        partner: r.partner,
        query: JSON.stringify(r.query),
        created_at: r.createdAt,
      })),
    )
    .onConflict((oc) => oc.columns(['source', 'source_id', 'entity_id']).doNothing())
    .execute();
}

/** Deletes the subjects of one source (a message), or one entity of it; returns how many. */
export async function deleteSubjects(
  db: DbOrTx,
  source: string,
  sourceId: string,
  entityId?: string,
): Promise<number> {
  let q = db.deleteFrom('screening_subjects').where('source', '=', source).where('source_id', '=', sourceId);
  if (entityId !== undefined) q = q.where('entity_id', '=', entityId);
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Subjects of one source (a message), in entity order. */
export async function subjectsOf(db: DbOrTx, source: string, sourceId: string): Promise<SubjectRow[]> {
  return db
    .selectFrom('screening_subjects')
    .selectAll()
    .where('source', '=', source)
    .where('source_id', '=', sourceId)
    .orderBy('created_at')
    .orderBy('entity_id')
    .execute();
}

/** Subjects not yet screened against the given version (new ones, or screened on an older list). */
export async function staleSubjects(db: DbOrTx, listId: string, limit: number): Promise<SubjectRow[]> {
  return db
    .selectFrom('screening_subjects')
    .selectAll()
    .where((eb) => eb.or([eb('list_id', 'is', null), eb('list_id', '!=', listId)]))
    .orderBy('created_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Stores a subject's screening result. */
export async function setSubjectResult(
  db: DbOrTx,
  id: string,
  r: { listId: string; at: Date; topScore: number | null; level: string | null; candidates: unknown[] },
): Promise<void> {
  await db
    .updateTable('screening_subjects')
    .set({
      list_id: r.listId,
      screened_at: r.at,
      top_score: r.topScore,
      level: r.level,
      candidates: JSON.stringify(r.candidates),
    })
    .where('id', '=', id)
    .execute();
}

/** Flagged subjects (a candidate at or above the review threshold), newest first. */
export async function flaggedSubjects(db: DbOrTx, limit: number): Promise<SubjectRow[]> {
  return db
    .selectFrom('screening_subjects')
    .selectAll()
    .where('level', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
