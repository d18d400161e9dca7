/** Queries of the cases module; `db` first, no rules (those live in the service). */
import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../platform/index.js';
import { type CaseOp, type CaseView, COLLECTIONS } from './schema.js';
import {
  activePartners,
  type CaseState,
  caseValue,
  type ItemState,
  liveItems,
  membersOn,
  replayCase,
} from './state.js';

/** A case row. */
export interface CaseRow {
  id: string;
  owner_node: string;
  title: string;
  status: string;
  handling_code: string;
  tlp: string;
  state: unknown;
  head_hlc: string | null;
  created_at: Date;
  updated_at: Date;
  withdrawn_at: Date | null;
}

/** The stored form of a replayed state (maps become arrays). */
interface StoredState {
  owner: string;
  fields: CaseState['fields'];
  collections: Record<string, ItemState[]>;
  conflicts: CaseState['conflicts'];
  opCount: number;
  head: string | null;
}

/** Turns a stored state back into a {@link CaseState}. */
export function loadState(row: Pick<CaseRow, 'id' | 'owner_node' | 'state'>): CaseState {
  const s = row.state as StoredState;
  return {
    id: row.id,
    owner: row.owner_node,
    fields: s.fields,
    collections: Object.fromEntries(
      COLLECTIONS.map((c) => [c, new Map((s.collections[c] ?? []).map((i) => [i.id, i]))]),
    ) as CaseState['collections'],
    conflicts: s.conflicts,
    opCount: s.opCount,
    head: s.head,
  };
}

function storedState(state: CaseState): StoredState {
  return {
    owner: state.owner,
    fields: state.fields,
    collections: Object.fromEntries(COLLECTIONS.map((c) => [c, [...state.collections[c].values()]])),
    conflicts: state.conflicts,
    opCount: state.opCount,
    head: state.head,
  };
}

/** Reads a case row, locking it for the rest of the transaction when asked. */
export async function getCase(db: DbOrTx, id: string, lock = false): Promise<CaseRow | undefined> {
  let q = db.selectFrom('cases').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) as CaseRow | undefined;
}

/** Whether `username` is a local member of the case. */
export async function isMember(db: DbOrTx, caseId: string, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('case_members')
    .select('case_id')
    .where('case_id', '=', caseId)
    .where('username', '=', username)
    .executeTakeFirst();
  return !!row;
}

/** Cases `username` is a member of, newest change first, optionally matching `q`. */
export async function listMemberCases(
  db: DbOrTx,
  username: string,
  q: string | undefined,
  limit: number,
): Promise<CaseRow[]> {
  let query = db
    .selectFrom('cases')
    .innerJoin('case_members', 'case_members.case_id', 'cases.id')
    .selectAll('cases')
    .where('case_members.username', '=', username);
  if (q) {
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where(sql<boolean>`cases.search_text like ${pattern}`);
  }
  return (await query.orderBy('cases.updated_at', 'desc').limit(limit).execute()) as CaseRow[];
}

/** Cases shared with this node that nobody here is a member of yet (metadata only). */
export async function listUnassigned(db: DbOrTx, self: string): Promise<CaseRow[]> {
  return (await db
    .selectFrom('cases')
    .selectAll()
    .where('owner_node', '!=', self)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('case_members').select('case_id').whereRef('case_members.case_id', '=', 'cases.id'),
        ),
      ),
    )
    .orderBy('updated_at', 'desc')
    .limit(200)
    .execute()) as CaseRow[];
}

/** Every operation of a case. */
export async function caseOps(db: DbOrTx, caseId: string): Promise<CaseOp[]> {
  const rows = await db
    .selectFrom('case_ops')
    .select('op')
    .where('case_id', '=', caseId)
    .orderBy('hlc')
    .execute();
  return rows.map((r) => r.op as CaseOp);
}

/** Stores operations not seen before; returns those that were new. */
export async function insertOps(
  tx: Tx,
  caseId: string,
  ops: readonly CaseOp[],
  now: Date,
): Promise<CaseOp[]> {
  if (ops.length === 0) return [];
  const inserted = await tx
    .insertInto('case_ops')
    .values(
      ops.map((op) => ({
        id: op.id,
        case_id: caseId,
        hlc: op.hlc,
        origin: op.origin,
        author: op.author,
        op: JSON.stringify(op),
        received_at: now,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  const ids = new Set(inserted.map((r) => r.id));
  return ops.filter((op) => ids.has(op.id));
}

/** Creates the row of a case before its first operations are stored. */
export async function insertCase(tx: Tx, c: { id: string; owner: string; now: Date }): Promise<void> {
  await tx
    .insertInto('cases')
    .values({
      id: c.id,
      owner_node: c.owner,
      title: '',
      status: 'open',
      handling_code: 'H0',
      tlp: 'AMBER',
      state: JSON.stringify({
        owner: c.owner,
        fields: {},
        collections: {},
        conflicts: [],
        opCount: 0,
        head: null,
      }),
      search_text: '',
      head_hlc: null,
      created_at: c.now,
      updated_at: c.now,
      withdrawn_at: null,
    })
    // A share, a file and operations of a new case may arrive at once: the first creates it,
    // the others wait for its commit and then lock the row it created.
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

function searchText(state: CaseState): string {
  const parts = [caseValue<string>(state, 'title') ?? '', caseValue<string>(state, 'summary') ?? ''];
  for (const e of liveItems(state, 'entities')) {
    parts.push(String(e.label), ...((e.aliases as string[]) ?? []), ...((e.identifiers as string[]) ?? []));
  }
  return parts.join('\n').toLowerCase();
}

/**
 * Replays the whole log of a case and stores the result: the row's columns, the state and the
 * local membership. Called in the transaction that added operations (the row is locked).
 */
export async function rebuildCase(
  tx: Tx,
  row: Pick<CaseRow, 'id' | 'owner_node'>,
  self: string,
  now: Date,
): Promise<CaseState> {
  const state = replayCase(row.id, row.owner_node, await caseOps(tx, row.id));
  await tx
    .updateTable('cases')
    .set({
      title: caseValue<string>(state, 'title') ?? '',
      status: caseValue<string>(state, 'status') ?? 'open',
      handling_code: caseValue<string>(state, 'handlingCode') ?? 'H0',
      tlp: caseValue<string>(state, 'tlp') ?? 'AMBER',
      state: JSON.stringify(storedState(state)),
      search_text: searchText(state),
      head_hlc: state.head,
      updated_at: now,
    })
    .where('id', '=', row.id)
    .execute();
  const members = membersOn(state, self);
  await tx.deleteFrom('case_members').where('case_id', '=', row.id).execute();
  if (members.length > 0) {
    await tx
      .insertInto('case_members')
      .values(members.map((username) => ({ case_id: row.id, username })))
      .execute();
  }
  return state;
}

/** The API view of a case. */
export function caseView(row: CaseRow, state: CaseState): CaseView {
  const version: Record<string, string> = {};
  for (const [k, r] of Object.entries(state.fields)) if (r) version[k] = r.op;
  const entities = liveItems(state, 'entities');
  return {
    id: row.id,
    owner: row.owner_node,
    title: caseValue<string>(state, 'title') ?? '',
    summary: caseValue<string>(state, 'summary') ?? '',
    status: caseValue<string>(state, 'status') ?? 'open',
    crimeAreas: caseValue<string[]>(state, 'crimeAreas') ?? [],
    legalBasis: caseValue<string>(state, 'legalBasis') ?? '',
    handlingCode: caseValue<string>(state, 'handlingCode') ?? 'H0',
    tlp: caseValue<string>(state, 'tlp') ?? 'AMBER',
    partners: activePartners(state),
    entityCount: entities.filter((e) => !e.mergedInto).length,
    linkCount: liveItems(state, 'links').length,
    updatedAt: row.updated_at.toISOString(),
    withdrawnAt: row.withdrawn_at ? row.withdrawn_at.toISOString() : null,
    version,
    members: liveItems(state, 'members'),
    tasks: liveItems(state, 'tasks'),
    events: liveItems(state, 'events'),
    documents: liveItems(state, 'documents'),
    references: liveItems(state, 'references'),
    entities,
    links: liveItems(state, 'links'),
    legs: liveItems(state, 'legs'),
    conflicts: state.conflicts,
    opCount: state.opCount,
  };
}

/** The stored file of a case document. */
export interface CaseDocumentRow {
  case_id: string;
  document_id: string;
  storage_id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  wrapped_key: string;
  kek_id: string;
  origin_node: string;
  created_at: Date;
}

/** The file of one document of a case, when this node holds it. */
export async function getCaseDocument(
  db: DbOrTx,
  caseId: string,
  documentId: string,
): Promise<CaseDocumentRow | undefined> {
  return db
    .selectFrom('case_documents')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
}

/** Every document file of a case this node holds. */
export async function caseDocuments(db: DbOrTx, caseId: string): Promise<CaseDocumentRow[]> {
  return db
    .selectFrom('case_documents')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

/** Records a document file; answers false when the document already has one (idempotent). */
export async function insertCaseDocument(tx: Tx, row: CaseDocumentRow): Promise<boolean> {
  const r = await tx
    .insertInto('case_documents')
    .values(row)
    .onConflict((oc) => oc.columns(['case_id', 'document_id']).doNothing())
    .returning('document_id')
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * Deletes the rows of document files of a case (all, or the ones named) and leaves a
 * tombstone for each; answers the rows deleted, whose vault files the caller removes.
 */
export async function deleteCaseDocuments(
  tx: Tx,
  caseId: string,
  documentIds: string[] | null,
  tombstone: { by: string; at: Date; reason: 'removed' | 'withdrawn' | 'retention' },
): Promise<CaseDocumentRow[]> {
  if (documentIds !== null && documentIds.length === 0) return [];
  let q = tx.deleteFrom('case_documents').where('case_id', '=', caseId);
  if (documentIds !== null) q = q.where('document_id', 'in', documentIds);
  const rows = (await q.returningAll().execute()) as CaseDocumentRow[];
  if (rows.length > 0) {
    await tx
      .insertInto('case_document_tombstones')
      .values(
        rows.map((r) => ({
          case_id: caseId,
          document_id: r.document_id,
          sha256: r.sha256,
          deleted_by: tombstone.by,
          deleted_at: tombstone.at,
          reason: tombstone.reason,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return rows;
}

/** Whether this node deleted the file of a case document (its latest tombstone). */
export async function documentTombstone(
  db: DbOrTx,
  caseId: string,
  documentId: string,
): Promise<{ reason: string; deleted_at: Date } | undefined> {
  return db
    .selectFrom('case_document_tombstones')
    .select(['reason', 'deleted_at'])
    .where('case_id', '=', caseId)
    .where('document_id', '=', documentId)
    .orderBy('deleted_at', 'desc')
    .executeTakeFirst();
}
