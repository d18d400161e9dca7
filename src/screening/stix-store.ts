/** Queries on `stix_objects` and `stix_object_messages` (the TAXII collections). */
import { type SelectQueryBuilder, sql } from 'kysely';
import type { DbOrTx } from '../platform/index.js';
import type { StixObject } from './stix.js';

/** A stored STIX object version. */
export interface StoredStixObject {
  seq: number;
  id: string;
  version: string;
  type: string;
  specVersion: string;
  object: StixObject;
  dateAdded: Date;
}

/** Stores the objects of one alert; an object version already stored is kept as it was. */
export async function insertAlertObjects(
  db: DbOrTx,
  input: { objects: readonly StixObject[]; messageId: string; partner: string; at: Date },
): Promise<void> {
  const rows = input.objects.map((o) => ({
    stix_id: o.id,
    modified: String(o.modified ?? o.created ?? '1970-01-01T00:00:00.000Z'),
    type: o.type,
    spec_version: String(o.spec_version ?? '2.1'),
    object: JSON.stringify(o),
    date_added: input.at,
  }));
  if (rows.length === 0) return;
  await db
    .insertInto('stix_objects')
    .values(rows)
    .onConflict((oc) => oc.columns(['stix_id', 'modified']).doNothing())
    .execute();
  await db
    .insertInto('stix_object_messages')
    .values(
      rows.map((r) => ({
        stix_id: r.stix_id,
        modified: r.modified,
        message_id: input.messageId,
        partner: input.partner,
      })),
    )
    .onConflict((oc) => oc.columns(['stix_id', 'modified', 'message_id']).doNothing())
    .execute();
}

/**
 * Deletes what TAXII serves of one alert message: its links, and every object version no
 * other message links to (objects shared with another alert stay). Returns how many object
 * versions were deleted.
 */
export async function deleteAlertObjects(db: DbOrTx, messageId: string): Promise<number> {
  const links = await db
    .deleteFrom('stix_object_messages')
    .where('message_id', '=', messageId)
    .returning(['stix_id', 'modified'])
    .execute();
  let deleted = 0;
  for (const l of links) {
    const res = await db
      .deleteFrom('stix_objects')
      .where('stix_id', '=', l.stix_id)
      .where('modified', '=', l.modified)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('stix_object_messages as other')
              .select('other.stix_id')
              .whereRef('other.stix_id', '=', 'stix_objects.stix_id')
              .whereRef('other.modified', '=', 'stix_objects.modified'),
          ),
        ),
      )
      .executeTakeFirst();
    deleted += Number(res.numDeletedRows);
  }
  return deleted;
}

/** Partners that exchanged threat alerts with this node. */
export async function alertPartners(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectFrom('stix_object_messages')
    .select('partner')
    .distinct()
    .orderBy('partner')
    .execute();
  return rows.map((r) => r.partner);
}

/** A subquery selecting message ids (need-to-know is decided by the exchange module). */
// biome-ignore lint/suspicious/noExplicitAny: the subquery's source tables belong to another module
export type MessageIdSubquery = SelectQueryBuilder<any, any, { id: string }>;

/** Filter of a TAXII objects or manifest request. */
export interface StixObjectQuery {
  /** Only objects of this partner's alerts (null: every alert). */
  partner: string | null;
  /** Only objects of alerts from these messages (the reader's need-to-know). */
  visibleMessageIds?: MessageIdSubquery | undefined;
  addedAfter?: Date | undefined;
  /** Continue after this position (the `next` cursor). */
  afterSeq?: number | undefined;
  ids?: string[] | undefined;
  types?: string[] | undefined;
  /** `last` (default), `first`, `all`, or an exact `modified` timestamp. */
  version?: string | undefined;
  specVersions?: string[] | undefined;
  limit: number;
}

/** One page of objects in date_added order, and whether more follow. */
export async function queryObjects(
  db: DbOrTx,
  q: StixObjectQuery,
): Promise<{ rows: StoredStixObject[]; more: boolean }> {
  let query = db.selectFrom('stix_objects as o').selectAll('o');
  if (q.partner !== null) {
    const partner = q.partner;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('stix_object_messages as m')
          .select(sql`1`.as('one'))
          .whereRef('m.stix_id', '=', 'o.stix_id')
          .whereRef('m.modified', '=', 'o.modified')
          .where('m.partner', '=', partner),
      ),
    );
  }
  if (q.visibleMessageIds) {
    const visible = q.visibleMessageIds;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('stix_object_messages as v')
          .select(sql`1`.as('one'))
          .whereRef('v.stix_id', '=', 'o.stix_id')
          .whereRef('v.modified', '=', 'o.modified')
          .where('v.message_id', 'in', visible),
      ),
    );
  }
  if (q.addedAfter) query = query.where('o.date_added', '>', q.addedAfter);
  if (q.afterSeq !== undefined) query = query.where('o.seq', '>', q.afterSeq);
  if (q.ids && q.ids.length > 0) query = query.where('o.stix_id', 'in', q.ids);
  if (q.types && q.types.length > 0) query = query.where('o.type', 'in', q.types);
  if (q.specVersions && q.specVersions.length > 0)
    query = query.where('o.spec_version', 'in', q.specVersions);
  const version = q.version ?? 'last';
  if (version === 'last' || version === 'first') {
    const op = version === 'last' ? '>' : '<';
    query = query.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('stix_objects as n')
            .select(sql`1`.as('one'))
            .whereRef('n.stix_id', '=', 'o.stix_id')
            .where(sql<boolean>`n.modified ${sql.raw(op)} o.modified`),
        ),
      ),
    );
  } else if (version !== 'all') {
    query = query.where('o.modified', 'in', version.split(','));
  }
  const rows = await query
    .orderBy('o.seq')
    .limit(q.limit + 1)
    .execute();
  return {
    more: rows.length > q.limit,
    rows: rows.slice(0, q.limit).map((r) => ({
      seq: Number(r.seq),
      id: r.stix_id,
      version: r.modified,
      type: r.type,
      specVersion: r.spec_version,
      object: r.object as StixObject,
      dateAdded: r.date_added,
    })),
  };
}
