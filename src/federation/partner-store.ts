import { sql } from 'kysely';
import type { DbOrTx } from '../platform/index.js';
import type { PartnerStatus, PartnerView } from './schema.js';

/** A partner row as the services use it. */
export interface PartnerRecord {
  nodeId: string;
  agency: string;
  country: string;
  endpoint: string;
  status: PartnerStatus;
  cardJws: string;
  cardHash: string;
  signingKid: string;
  cardValidUntil: Date;
  fingerprintText: string;
  fingerprintNumeric: string;
  importedAt: Date;
  importedBy: string;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  revokedAt: Date | null;
  revocationReason: string | null;
}

type Row = {
  node_id: string;
  agency: string;
  country: string;
  endpoint: string;
  status: PartnerStatus;
  card_jws: string;
  card_hash: string;
  signing_kid: string;
  card_valid_until: Date;
  fingerprint_text: string;
  fingerprint_numeric: string;
  imported_at: Date;
  imported_by: string;
  verified_at: Date | null;
  verified_by: string | null;
  revoked_at: Date | null;
  revocation_reason: string | null;
};

function toRecord(r: Row): PartnerRecord {
  return {
    nodeId: r.node_id,
    agency: r.agency,
    country: r.country,
    endpoint: r.endpoint,
    status: r.status,
    cardJws: r.card_jws,
    cardHash: r.card_hash,
    signingKid: r.signing_kid,
    cardValidUntil: new Date(r.card_valid_until),
    fingerprintText: r.fingerprint_text,
    fingerprintNumeric: r.fingerprint_numeric,
    importedAt: new Date(r.imported_at),
    importedBy: r.imported_by,
    verifiedAt: r.verified_at ? new Date(r.verified_at) : null,
    verifiedBy: r.verified_by,
    revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
    revocationReason: r.revocation_reason,
  };
}

/** Reads one partner; `forUpdate` locks the row for the rest of the transaction. */
export async function findPartner(
  db: DbOrTx,
  nodeId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PartnerRecord | undefined> {
  let q = db.selectFrom('partners').selectAll().where('node_id', '=', nodeId);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toRecord(row as Row) : undefined;
}

/** Every partner, by node id. */
export async function listPartnerRecords(db: DbOrTx): Promise<PartnerRecord[]> {
  const rows = await db.selectFrom('partners').selectAll().orderBy('node_id').execute();
  return rows.map((r) => toRecord(r as Row));
}

/** Inserts a freshly imported (pending) partner; false if the node id is already known. */
export async function insertPartner(db: DbOrTx, p: PartnerRecord, at: Date): Promise<boolean> {
  const res = await db
    .insertInto('partners')
    .values({
      node_id: p.nodeId,
      agency: p.agency,
      country: p.country,
      endpoint: p.endpoint,
      status: p.status,
      card_jws: p.cardJws,
      card_hash: p.cardHash,
      signing_kid: p.signingKid,
      card_valid_until: p.cardValidUntil,
      fingerprint_text: p.fingerprintText,
      fingerprint_numeric: p.fingerprintNumeric,
      imported_at: p.importedAt,
      imported_by: p.importedBy,
      verified_at: p.verifiedAt,
      verified_by: p.verifiedBy,
      revoked_at: p.revokedAt,
      revocation_reason: p.revocationReason,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('node_id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Marks a partner verified. */
export async function setPartnerVerified(db: DbOrTx, nodeId: string, by: string, at: Date): Promise<void> {
  await db
    .updateTable('partners')
    .set({ status: 'verified', verified_at: at, verified_by: by, updated_at: at })
    .where('node_id', '=', nodeId)
    .execute();
}

/** Marks a partner revoked: nothing more is sent to it or accepted from it. */
export async function setPartnerRevoked(db: DbOrTx, nodeId: string, reason: string, at: Date): Promise<void> {
  await db
    .updateTable('partners')
    .set({ status: 'revoked', revoked_at: at, revocation_reason: reason, updated_at: at })
    .where('node_id', '=', nodeId)
    .execute();
}

/** Keeps a partner's card that a rotation replaces (its key verifies what it signed before). */
export async function keepRetiredCard(
  db: DbOrTx,
  c: {
    nodeId: string;
    cardHash: string;
    cardJws: string;
    signingKid: string;
    validFrom: Date;
    retiredAt: Date;
    replacedAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('partner_card_history')
    .values({
      node_id: c.nodeId,
      card_hash: c.cardHash,
      card_jws: c.cardJws,
      signing_kid: c.signingKid,
      valid_from: c.validFrom,
      retired_at: c.retiredAt,
      replaced_at: c.replacedAt,
    })
    .onConflict((oc) => oc.columns(['node_id', 'card_hash']).doNothing())
    .execute();
}

/** A partner's cards replaced by rotations (those of one signing key id if given), newest first. */
export async function retiredCards(
  db: DbOrTx,
  nodeId: string,
  signingKid?: string,
): Promise<Array<{ cardJws: string; signingKid: string; validFrom: Date; retiredAt: Date }>> {
  let q = db
    .selectFrom('partner_card_history')
    .select(['card_jws', 'signing_kid', 'valid_from', 'retired_at'])
    .where('node_id', '=', nodeId);
  if (signingKid !== undefined) q = q.where('signing_kid', '=', signingKid);
  const rows = await q.orderBy('retired_at', 'desc').execute();
  return rows.map((r) => ({
    cardJws: r.card_jws,
    signingKid: r.signing_kid,
    validFrom: new Date(r.valid_from),
    retiredAt: new Date(r.retired_at),
  }));
}

/** Replaces a partner's card after an accepted rotation; trust carries over. */
export async function replacePartnerCard(
  db: DbOrTx,
  nodeId: string,
  card: {
    cardJws: string;
    cardHash: string;
    signingKid: string;
    agency: string;
    endpoint: string;
    cardValidUntil: Date;
    fingerprintText: string;
    fingerprintNumeric: string;
  },
  at: Date,
): Promise<void> {
  await db
    .updateTable('partners')
    .set({
      card_jws: card.cardJws,
      card_hash: card.cardHash,
      signing_kid: card.signingKid,
      agency: card.agency,
      endpoint: card.endpoint,
      card_valid_until: card.cardValidUntil,
      fingerprint_text: card.fingerprintText,
      fingerprint_numeric: card.fingerprintNumeric,
      updated_at: at,
    })
    .where('node_id', '=', nodeId)
    .execute();
}

/** Per-recipient delivery counters shown beside each partner. */
export async function partnerDeliveryStats(
  db: DbOrTx,
): Promise<Map<string, { queued: number; dead: number; lastDeliveredAt: Date | null }>> {
  const rows = await db
    .selectFrom('outbox')
    .select([
      'recipient',
      sql<number>`count(*) filter (where status in ('queued', 'sending'))`.as('queued'),
      sql<number>`count(*) filter (where status = 'dead')`.as('dead'),
      sql<Date | null>`max(delivered_at)`.as('last_delivered_at'),
    ])
    .groupBy('recipient')
    .execute();
  return new Map(
    rows.map((r) => [
      r.recipient,
      {
        queued: Number(r.queued),
        dead: Number(r.dead),
        lastDeliveredAt: r.last_delivered_at ? new Date(r.last_delivered_at) : null,
      },
    ]),
  );
}

/** The API view of a partner. */
export function partnerView(
  p: PartnerRecord,
  stats: { queued: number; dead: number; lastDeliveredAt: Date | null } | undefined,
): PartnerView {
  return {
    nodeId: p.nodeId,
    agency: p.agency,
    country: p.country,
    endpoint: p.endpoint,
    status: p.status,
    fingerprint: { text: p.fingerprintText, numeric: p.fingerprintNumeric },
    importedAt: p.importedAt.toISOString(),
    verifiedAt: p.verifiedAt?.toISOString() ?? null,
    verifiedBy: p.verifiedBy,
    revokedAt: p.revokedAt?.toISOString() ?? null,
    revocationReason: p.revocationReason,
    cardValidUntil: p.cardValidUntil.toISOString(),
    queued: stats?.queued ?? 0,
    dead: stats?.dead ?? 0,
    lastDeliveredAt: stats?.lastDeliveredAt?.toISOString() ?? null,
  };
}

/** This node's latest own card, if one was stored. */
export async function latestOwnCard(
  db: DbOrTx,
): Promise<
  | { cardJws: string; cardHash: string; signingKid: string; endpoint: string; rotationJws: string | null }
  | undefined
> {
  const row = await db
    .selectFrom('node_cards')
    .select(['card_jws', 'card_hash', 'signing_kid', 'endpoint', 'rotation_jws'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        cardJws: row.card_jws,
        cardHash: row.card_hash,
        signingKid: row.signing_kid,
        endpoint: row.endpoint,
        rotationJws: row.rotation_jws,
      }
    : undefined;
}

/** Records a new own card (the newest is current). */
export async function insertOwnCard(
  db: DbOrTx,
  c: { cardJws: string; cardHash: string; signingKid: string; endpoint: string; rotationJws?: string | null },
  at: Date,
): Promise<void> {
  await db
    .insertInto('node_cards')
    .values({
      card_jws: c.cardJws,
      card_hash: c.cardHash,
      signing_kid: c.signingKid,
      endpoint: c.endpoint,
      rotation_jws: c.rotationJws ?? null,
      created_at: at,
    })
    .execute();
}

/**
 * Keeps the audit head a partner announced (PROTOCOL §9.1) when it is newer than the one on
 * file: a conditional update, so concurrent deliveries never move it backwards.
 */
export async function recordPartnerAuditHead(
  db: DbOrTx,
  nodeId: string,
  head: { seq: number; hash: string },
  at: Date,
): Promise<void> {
  await db
    .updateTable('partners')
    .set({ audit_head_seq: head.seq, audit_head_hash: head.hash, audit_head_at: at })
    .where('node_id', '=', nodeId)
    .where((eb) => eb.or([eb('audit_head_seq', 'is', null), eb('audit_head_seq', '<', head.seq)]))
    .execute();
}

/** The latest audit head a partner announced to this node, if any. */
export async function partnerAuditHead(
  db: DbOrTx,
  nodeId: string,
): Promise<{ seq: number; hash: string; at: Date } | null> {
  const row = await db
    .selectFrom('partners')
    .select(['audit_head_seq', 'audit_head_hash', 'audit_head_at'])
    .where('node_id', '=', nodeId)
    .executeTakeFirst();
  if (!row || row.audit_head_seq === null || !row.audit_head_hash || !row.audit_head_at) return null;
  return { seq: Number(row.audit_head_seq), hash: row.audit_head_hash, at: new Date(row.audit_head_at) };
}
