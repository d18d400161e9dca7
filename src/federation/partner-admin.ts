import { type Actor, auditActor, requirePermission } from '../governance/index.js';
import { ApiError, appendAudit, ConflictError, NotFoundError } from '../platform/index.js';
import { endpointUrl } from './backoff.js';
import { computeFingerprint, fingerprintMatches } from './fingerprint.js';
import { verifyNodeCard } from './node-card.js';
import {
  findPartner,
  insertPartner,
  listPartnerRecords,
  type PartnerRecord,
  partnerDeliveryStats,
  partnerView,
  setPartnerRevoked,
  setPartnerVerified,
} from './partner-store.js';
import type { FederationRuntime } from './runtime.js';
import type { PartnerView } from './schema.js';

// Partner administration (PROTOCOL §7.2): import a card as pending, verify its fingerprint
// read out of band, revoke. Every change is audited in its own transaction.

/** Every partner with its delivery counters. */
export async function listPartners(rt: FederationRuntime, actor: Actor): Promise<PartnerView[]> {
  requirePermission(actor, 'partner.read');
  const [partners, stats] = await Promise.all([listPartnerRecords(rt.db), partnerDeliveryStats(rt.db)]);
  return partners.map((p) => partnerView(p, stats.get(p.nodeId)));
}

async function partnerViewOf(rt: FederationRuntime, nodeId: string): Promise<PartnerView> {
  const p = await findPartner(rt.db, nodeId);
  if (!p) throw new NotFoundError(`No partner ${nodeId}`);
  const stats = await partnerDeliveryStats(rt.db);
  return partnerView(p, stats.get(nodeId));
}

/**
 * Imports a partner's card (given, or fetched from `<url>/federation/v1/card`) as
 * `pending`: nothing is exchanged with it until an administrator verifies the fingerprint.
 */
export async function importPartner(
  rt: FederationRuntime,
  actor: Actor,
  input: { cardJws: string } | { url: string },
): Promise<PartnerView> {
  requirePermission(actor, 'partner.manage');
  const cardJws = 'cardJws' in input ? input.cardJws : await fetchCard(rt, input.url);
  const v = await verifyNodeCard(cardJws, { clock: rt.clock });
  if (!v.ok)
    throw new ApiError(
      400,
      'invalid_card',
      `The card is not valid: ${v.reason.type}${v.reason.type === 'invalidCard' ? ` (${v.reason.issues.join('; ')})` : ''}`,
      {
        reason: v.reason,
      },
    );
  const card = v.card;
  if (card.nodeId === rt.nodeId) throw new ApiError(400, 'invalid_card', 'This is our own card');
  const fp = computeFingerprint(card);
  const now = rt.clock.now();
  const record: PartnerRecord = {
    nodeId: card.nodeId,
    agency: card.agency,
    country: card.country,
    endpoint: card.endpoint,
    status: 'pending',
    cardJws,
    cardHash: v.cardHash,
    signingKid: card.signingKey.kid,
    cardValidUntil: new Date(card.validUntil),
    fingerprintText: fp.text,
    fingerprintNumeric: fp.numeric,
    importedAt: now,
    importedBy: actor.username,
    verifiedAt: null,
    verifiedBy: null,
    revokedAt: null,
    revocationReason: null,
  };
  await rt.db.transaction().execute(async (tx) => {
    if (!(await insertPartner(tx, record, now))) {
      throw new ConflictError(`Partner ${card.nodeId} is already imported`, 'partner_exists');
    }
    await appendAudit(tx, rt.clock, {
      actor: auditActor(actor),
      action: 'partner.import',
      subject: card.nodeId,
      detail: { agency: card.agency, country: card.country, endpoint: card.endpoint, fingerprint: fp.text },
    });
  });
  return partnerViewOf(rt, card.nodeId);
}

async function fetchCard(rt: FederationRuntime, url: string): Promise<string> {
  let res: Response;
  try {
    res = await rt.fetch(endpointUrl(url, '/federation/v1/card'), {
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    throw new ApiError(502, 'card_unreachable', `Cannot fetch the card: ${(err as Error).message}`);
  }
  const body = (await res.json().catch(() => null)) as { cardJws?: unknown } | null;
  if (!res.ok || typeof body?.cardJws !== 'string') {
    throw new ApiError(502, 'card_unreachable', `No card at ${url} (HTTP ${res.status})`);
  }
  return body.cardJws;
}

/** Confirms the fingerprint read out of band; a mismatch changes nothing but is audited. */
export async function verifyPartner(
  rt: FederationRuntime,
  actor: Actor,
  nodeId: string,
  typedFingerprint: string,
): Promise<PartnerView> {
  requirePermission(actor, 'partner.manage');
  const ok = await rt.db.transaction().execute(async (tx) => {
    const p = await findPartner(tx, nodeId, { forUpdate: true });
    if (!p) throw new NotFoundError(`No partner ${nodeId}`);
    if (p.status === 'revoked') throw new ConflictError(`Partner ${nodeId} is revoked`, 'partner_revoked');
    const card = rt.parseCard(p.cardJws);
    if (!fingerprintMatches(computeFingerprint(card), typedFingerprint)) return false;
    if (p.status === 'verified') return true;
    const now = rt.clock.now();
    await setPartnerVerified(tx, nodeId, actor.username, now);
    await appendAudit(tx, rt.clock, {
      actor: auditActor(actor),
      action: 'partner.verify',
      subject: nodeId,
      detail: { fingerprint: p.fingerprintText },
    });
    return true;
  });
  if (!ok) {
    await rt.db.transaction().execute((tx) =>
      appendAudit(tx, rt.clock, {
        actor: auditActor(actor),
        action: 'partner.verify_refused',
        subject: nodeId,
        detail: { reason: 'fingerprint_mismatch' },
      }),
    );
    throw new ApiError(400, 'fingerprint_mismatch', 'The fingerprint does not match the partner card');
  }
  return partnerViewOf(rt, nodeId);
}

/** Stops all exchange with a partner; its queued messages fail instead of being sent. */
export async function revokePartner(
  rt: FederationRuntime,
  actor: Actor,
  nodeId: string,
  reason: string,
): Promise<PartnerView> {
  requirePermission(actor, 'partner.manage');
  await rt.db.transaction().execute(async (tx) => {
    const p = await findPartner(tx, nodeId, { forUpdate: true });
    if (!p) throw new NotFoundError(`No partner ${nodeId}`);
    if (p.status === 'revoked') return;
    await setPartnerRevoked(tx, nodeId, reason, rt.clock.now());
    await appendAudit(tx, rt.clock, {
      actor: auditActor(actor),
      action: 'partner.revoke',
      subject: nodeId,
      detail: { reason },
    });
  });
  return partnerViewOf(rt, nodeId);
}
