// Queries of the matching module (`db` first). Bulk paths insert in multi-row batches.
import { sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../platform/index.js';
import type { MatchingPolicy } from './schema.js';

const CHUNK = 2000;
/** Hex of bytes (PGlite returns bytea as a Uint8Array, whose toString is not hex). */
const hex = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('hex');
/** Rows per bulk write: each column travels as one array parameter (unnest), not one per value. */
const BULK = 20_000;

/** Content hash of every source the index draws from: messages (not acks) and holdings. */
export async function currentSources(
  db: DbOrTx,
): Promise<Map<string, { source: 'message' | 'holding'; id: string; hash: string }>> {
  const messages = await db
    .selectFrom('messages')
    .select(['id', sql<string>`md5(payload::text || coalesce(handling_code, ''))`.as('hash')])
    .where('type', '!=', 'ack')
    .where(sql<boolean>`jsonb_array_length(coalesce(payload->'entities', '[]'::jsonb)) > 0`)
    .execute();
  const holdings = await db
    .selectFrom('matching_holdings')
    .select(['id', sql<string>`md5(entity::text || array_to_string(crime_areas, ','))`.as('hash')])
    .execute();
  const out = new Map<string, { source: 'message' | 'holding'; id: string; hash: string }>();
  for (const m of messages) out.set(`message:${m.id}`, { source: 'message', id: m.id, hash: m.hash });
  for (const h of holdings) out.set(`holding:${h.id}`, { source: 'holding', id: h.id, hash: h.hash });
  return out;
}

/** The sources the index was built from, with their hashes. */
export async function indexedSources(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db.selectFrom('matching_sources').selectAll().execute();
  return new Map(rows.map((r) => [`${r.source}:${r.source_id}`, r.content_hash]));
}

/** What a source holds, as the index needs it. */
export interface SourceContent {
  entities: unknown[];
  crimeAreas: string[];
  originPartner: string | null;
  restricted: boolean;
}

/** Content of sources, by kind and ids. */
export async function sourceContents(
  db: DbOrTx,
  source: 'message' | 'holding',
  ids: string[],
): Promise<Map<string, SourceContent>> {
  const out = new Map<string, SourceContent>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    if (source === 'message') {
      const rows = await db
        .selectFrom('messages')
        .select(['id', 'direction', 'partner', 'crime_areas', 'handling_code', 'payload'])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) {
        const incoming = r.direction === 'in';
        out.set(r.id, {
          entities: ((r.payload as { entities?: unknown[] }).entities ?? []) as unknown[],
          crimeAreas: r.crime_areas,
          originPartner: incoming ? r.partner : null,
          // H2/H3: no onward transmission without the sender's permission; a hit for another
          // partner would say that this node holds what the sender gave it.
          restricted: incoming && (r.handling_code === 'H2' || r.handling_code === 'H3'),
        });
      }
    } else {
      const rows = await db
        .selectFrom('matching_holdings')
        .select(['id', 'entity', 'crime_areas'])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) {
        out.set(r.id, {
          entities: [r.entity],
          crimeAreas: r.crime_areas,
          originPartner: null,
          restricted: false,
        });
      }
    }
  }
  return out;
}

/** Refs of the live records of many sources of one kind: source id → entity id → ref. */
export async function liveRecordsOf(
  tx: DbOrTx,
  source: 'message' | 'holding',
  sourceIds: string[],
): Promise<Map<string, Map<string, Buffer>>> {
  const out = new Map<string, Map<string, Buffer>>();
  for (let i = 0; i < sourceIds.length; i += CHUNK) {
    const rows = await tx
      .selectFrom('matching_records')
      .select(['ref', 'entity_id', 'source_id'])
      .where('source', '=', source)
      .where('source_id', 'in', sourceIds.slice(i, i + CHUNK))
      .where('removed_at', 'is', null)
      .execute();
    for (const r of rows) {
      const m = out.get(r.source_id) ?? new Map<string, Buffer>();
      out.set(r.source_id, m);
      m.set(r.entity_id, Buffer.from(r.ref));
    }
  }
  return out;
}

/** Records the hashes sources were indexed at (null: forgets a source that is gone), in bulk. */
export async function setSourceHashes(
  tx: Tx,
  rows: Array<{ source: 'message' | 'holding'; id: string; hash: string | null }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += BULK) {
    const part = rows.slice(i, i + BULK);
    await sql`delete from matching_sources s using unnest(${part.map((r) => r.source)}::text[],
        ${part.map((r) => r.id)}::text[]) as t(source, id)
      where s.source = t.source and s.source_id = t.id`.execute(tx);
    const keep = part.filter((r) => r.hash !== null);
    if (keep.length > 0)
      await sql`insert into matching_sources (source, source_id, content_hash)
        select * from unnest(${keep.map((r) => r.source)}::text[], ${keep.map((r) => r.id)}::text[],
          ${keep.map((r) => r.hash)}::text[])`.execute(tx);
  }
}

/** Marks records withdrawn and their entries removed at `version`. */
export async function withdrawRecords(tx: Tx, refs: Buffer[], version: number, at: Date): Promise<void> {
  for (let i = 0; i < refs.length; i += CHUNK) {
    const part = refs.slice(i, i + CHUNK);
    await tx.updateTable('matching_records').set({ removed_at: at }).where('ref', 'in', part).execute();
    await tx
      .updateTable('matching_entries')
      .set({ removed_version: version })
      .where('ref', 'in', part)
      .where('removed_version', 'is', null)
      .execute();
  }
}

/** Inserts records, in bulk; `at` is when they enter the index. */
export async function insertRecords(
  tx: Tx,
  rows: Array<{
    ref: Buffer;
    source: 'message' | 'holding';
    source_id: string;
    entity_id: string;
    record_type: string;
    crime_areas: string[];
    origin_partner: string | null;
    restricted: boolean;
    tokens: number;
  }>,
  at: Date,
): Promise<void> {
  for (let i = 0; i < rows.length; i += BULK) {
    const part = rows.slice(i, i + BULK);
    const col = <T>(f: (r: (typeof rows)[number]) => T) => part.map(f);
    // Crime areas are codes without commas (schema enum): one comma-joined string per record.
    await sql`insert into matching_records
        (ref, source, source_id, entity_id, record_type, crime_areas, origin_partner, restricted, tokens, removed_at, added_at)
      select decode(ref, 'hex'), source, source_id, entity_id, record_type,
        case when areas = '' then '{}'::text[] else string_to_array(areas, ',') end,
        origin_partner, restricted, tokens, null, ${at.toISOString()}::timestamptz
      from unnest(${col((r) => hex(r.ref))}::text[], ${col((r) => r.source)}::text[],
        ${col((r) => r.source_id)}::text[], ${col((r) => r.entity_id)}::text[], ${col((r) => r.record_type)}::text[],
        ${col((r) => r.crime_areas.join(','))}::text[], ${col((r) => r.origin_partner)}::text[],
        ${col((r) => r.restricted)}::boolean[], ${col((r) => r.tokens)}::int[])
        as t(ref, source, source_id, entity_id, record_type, areas, origin_partner, restricted, tokens)`.execute(
      tx,
    );
  }
}

/** Inserts filter entries (16 bytes each) of one epoch, in bulk. */
export async function insertEntries(
  tx: Tx,
  epoch: number,
  version: number,
  refs: Buffer[],
  entries: Buffer,
): Promise<void> {
  for (let i = 0; i < refs.length; i += BULK) {
    const part = refs.slice(i, i + BULK);
    const refHex = part.map(hex);
    const entryHex = part.map((_, j) => entries.toString('hex', (i + j) * 16, (i + j + 1) * 16));
    await sql`insert into matching_entries (epoch, ref, entry, added_version, removed_version)
      select ${epoch}::int, decode(r, 'hex'), decode(e, 'hex'), ${version}::bigint, null
      from unnest(${refHex}::text[], ${entryHex}::text[]) as t(r, e)`.execute(tx);
  }
}

/** The state row, locked for the transaction (one index writer at a time across processes). */
export async function lockState(tx: Tx) {
  return tx
    .selectFrom('matching_state')
    .selectAll()
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function readState(db: DbOrTx) {
  return db.selectFrom('matching_state').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

/** A partner's policy; a partner without one is not allowed to match (deny by default). */
export async function getPolicy(db: DbOrTx, partner: string) {
  return db.selectFrom('matching_policies').selectAll().where('partner', '=', partner).executeTakeFirst();
}

export async function listPolicies(db: DbOrTx) {
  return db.selectFrom('matching_policies').selectAll().orderBy('partner').execute();
}

export async function upsertPolicy(tx: Tx, partner: string, p: MatchingPolicy, by: string, at: Date) {
  const old = await getPolicy(tx, partner);
  const row = {
    partner,
    enabled: p.enabled,
    record_types: p.recordTypes,
    crime_areas: p.crimeAreas,
    daily_quota: p.dailyQuota,
    version: (old?.version ?? 0) + 1,
    updated_by: by,
    updated_at: at,
  };
  if (old) await tx.updateTable('matching_policies').set(row).where('partner', '=', partner).execute();
  else await tx.insertInto('matching_policies').values(row).execute();
  return row;
}

type PolicyRow = NonNullable<Awaited<ReturnType<typeof getPolicy>>>;

/** The filter entries a partner may see under its policy: the whole filter, or a delta. */
export async function filterEntries(
  db: Db,
  epoch: number,
  policy: PolicyRow,
  partner: string,
  sinceVersion: number | null,
): Promise<{ added: Buffer; removed: Buffer }> {
  const base = () => {
    let q = db
      .selectFrom('matching_entries as e')
      .innerJoin('matching_records as r', 'r.ref', 'e.ref')
      .select('e.entry')
      .where('e.epoch', '=', epoch)
      .where('r.record_type', 'in', policy.record_types.length > 0 ? policy.record_types : ['-'])
      .where((w) => w.or([w('r.restricted', '=', false), w('r.origin_partner', '=', partner)]));
    if (policy.crime_areas.length > 0)
      q = q.where(sql<boolean>`r.crime_areas && ${sql.val(policy.crime_areas)}::text[]`);
    return q;
  };
  if (sinceVersion === null) {
    const rows = await base().where('e.removed_version', 'is', null).execute();
    return { added: Buffer.concat(rows.map((r) => r.entry)), removed: Buffer.alloc(0) };
  }
  const added = await base()
    .where('e.added_version', '>', sinceVersion)
    .where('e.removed_version', 'is', null)
    .execute();
  const removed = await base()
    .where('e.added_version', '<=', sinceVersion)
    .where('e.removed_version', '>', sinceVersion)
    .execute();
  return {
    added: Buffer.concat(added.map((r) => r.entry)),
    removed: Buffer.concat(removed.map((r) => r.entry)),
  };
}

/**
 * What a blind evaluation for `partner` needs, in one statement (it is on the path of every
 * check): the index state, the partner's policy (null: none) and its evaluations since `since`.
 */
export async function evaluationContext(
  db: DbOrTx,
  partner: string,
  since: Date,
): Promise<{
  epoch: number;
  version: number;
  policy: { enabled: boolean; recordTypes: number; dailyQuota: number; version: number } | null;
  used: number;
}> {
  const { rows } = await sql<{
    epoch: number;
    version: string | number;
    enabled: boolean | null;
    record_types: number | null;
    daily_quota: number | null;
    policy_version: number | null;
    used: number;
  }>`select s.epoch, s.version, p.enabled, cardinality(p.record_types) as record_types,
      p.daily_quota, p.version as policy_version,
      (select coalesce(sum(q.evaluations), 0)::int from matching_queries q
        where q.partner = ${partner} and q.direction = 'received' and q.outcome = 'evaluated'
          and q.created_at >= ${since.toISOString()}::timestamptz) as used
    from matching_state s left join matching_policies p on p.partner = ${partner}
    where s.id = 1`.execute(db);
  const r = rows[0]!;
  return {
    epoch: Number(r.epoch),
    version: Number(r.version),
    policy:
      r.enabled === null
        ? null
        : {
            enabled: r.enabled,
            recordTypes: Number(r.record_types ?? 0),
            dailyQuota: Number(r.daily_quota),
            version: Number(r.policy_version),
          },
    used: Number(r.used),
  };
}

/** Blind evaluations received from a partner since `since`. */
export async function evaluationsSince(db: DbOrTx, partner: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('matching_queries')
    .select(sql<number>`coalesce(sum(evaluations), 0)::int`.as('n'))
    .where('partner', '=', partner)
    .where('direction', '=', 'received')
    .where('outcome', '=', 'evaluated')
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The last evaluated check received from a partner in [`from`, `to`] (`from` null: any time
 * up to `to`), or undefined.
 */
export async function lastEvaluationBetween(
  db: DbOrTx,
  partner: string,
  from: Date | null,
  to: Date,
): Promise<Date | undefined> {
  let q = db
    .selectFrom('matching_queries')
    .select(sql<Date | null>`max(created_at)`.as('last'))
    .where('partner', '=', partner)
    .where('direction', '=', 'received')
    .where('outcome', '=', 'evaluated')
    .where('created_at', '<=', to);
  if (from) q = q.where('created_at', '>=', from);
  const row = await q.executeTakeFirst();
  return row?.last ? new Date(row.last) : undefined;
}

/** Logs a query (counts, purpose, legal basis; never the values). */
export async function logQuery(
  tx: DbOrTx,
  q: {
    id: string;
    direction: 'made' | 'received';
    partner: string;
    officer: string | null;
    purpose: string;
    legalBasis: string;
    items: number;
    evaluations: number;
    hits: number | null;
    outcome: string;
    at: Date;
    answerJws?: string;
  },
): Promise<void> {
  await tx
    .insertInto('matching_queries')
    .values({
      id: q.id,
      direction: q.direction,
      partner: q.partner,
      officer: q.officer,
      purpose: q.purpose,
      legal_basis: q.legalBasis,
      items: q.items,
      evaluations: q.evaluations,
      hits: q.hits,
      outcome: q.outcome,
      created_at: q.at,
      answer_jws: q.answerJws ?? null,
    })
    .execute();
}

export async function listQueries(db: DbOrTx, partner: string | undefined, limit: number) {
  let q = db.selectFrom('matching_queries').selectAll().orderBy('created_at', 'desc').limit(limit);
  if (partner) q = q.where('partner', '=', partner);
  return q.execute();
}

/** Totals per partner and direction. */
export async function queryTotals(db: DbOrTx) {
  return db
    .selectFrom('matching_queries')
    .select([
      'partner',
      'direction',
      'outcome',
      sql<number>`count(*)::int`.as('queries'),
      sql<number>`coalesce(sum(items), 0)::int`.as('items'),
      sql<number>`coalesce(sum(evaluations), 0)::int`.as('evaluations'),
      sql<number>`coalesce(sum(hits), 0)::int`.as('hits'),
      sql<Date>`max(created_at)`.as('last'),
    ])
    .groupBy(['partner', 'direction', 'outcome'])
    .execute();
}
