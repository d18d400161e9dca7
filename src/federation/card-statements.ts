import { appendAudit, claimText } from '../platform/index.js';
import { computeFingerprint } from './fingerprint.js';
import { verifyCardRotation, verifyRevocation } from './node-card.js';
import { findPartner, keepRetiredCard, replacePartnerCard, setPartnerRevoked } from './partner-store.js';
import { FederationRefusal } from './refusal.js';
import type { FederationRuntime } from './runtime.js';

// Statements partners push to us about their own cards: rotation (a new card signed by the
// key we trust, PROTOCOL §2.1) and revocation (§2.2). Refusals are audited.

/**
 * A partner's rotation statement (PROTOCOL §2.1): a new card signed by the key we trust.
 * Trust carries over; queued messages are sealed to the new key when they are sent.
 */
export async function acceptRotation(
  rt: FederationRuntime,
  nudge: () => void,
  rotationJws: string,
): Promise<{ accepted: true; fingerprint: ReturnType<typeof computeFingerprint> }> {
  const claimed = readUnverifiedNodeId(rotationJws);
  const partner = claimed ? await findPartner(rt.db, claimed) : undefined;
  if (!partner) throw await refuseStatement(rt, 'unknown_partner', 403, 'card.rotation', claimed);
  if (partner.status !== 'verified')
    throw await refuseStatement(
      rt,
      partner.status === 'revoked' ? 'partner_revoked' : 'partner_not_verified',
      403,
      'card.rotation',
      claimed,
    );
  const v = await verifyCardRotation(rt.parseCard(partner.cardJws), rotationJws, { clock: rt.clock });
  if (!v.ok)
    throw await refuseStatement(rt, 'invalid_statement', 400, 'card.rotation', claimed, v.reason.type);
  const fp = computeFingerprint(v.card);
  const oldCard = rt.parseCard(partner.cardJws);
  await rt.db.transaction().execute(async (tx) => {
    // The old key stays known with the instant it stopped speaking for the partner, so that a
    // statement it signed just before the rotation still verifies (a matching answer, §12.2).
    await keepRetiredCard(tx, {
      nodeId: partner.nodeId,
      cardHash: partner.cardHash,
      cardJws: partner.cardJws,
      signingKid: oldCard.signingKey.kid,
      validFrom: new Date(oldCard.validFrom),
      retiredAt: new Date(v.rotation.issuedAt),
      replacedAt: rt.clock.now(),
    });
    await replacePartnerCard(
      tx,
      partner.nodeId,
      {
        cardJws: v.cardJws,
        cardHash: v.cardHash,
        signingKid: v.card.signingKey.kid,
        agency: v.card.agency,
        endpoint: v.card.endpoint,
        cardValidUntil: new Date(v.card.validUntil),
        fingerprintText: fp.text,
        fingerprintNumeric: fp.numeric,
      },
      rt.clock.now(),
    );
    await appendAudit(tx, rt.clock, {
      actor: `partner:${partner.nodeId}`,
      action: 'partner.rotate',
      subject: partner.nodeId,
      detail: { previousFingerprint: partner.fingerprintText, fingerprint: fp.text, cardHash: v.cardHash },
    });
  });
  nudge();
  return { accepted: true, fingerprint: fp };
}

/** A partner's signed revocation of its own card (PROTOCOL §2.2). */
export async function acceptRevocation(
  rt: FederationRuntime,
  revocationJws: string,
): Promise<{ accepted: true }> {
  const claimed = readUnverifiedNodeId(revocationJws);
  const partner = claimed ? await findPartner(rt.db, claimed) : undefined;
  if (!partner) throw await refuseStatement(rt, 'unknown_partner', 403, 'card.revocation', claimed);
  const v = await verifyRevocation(rt.parseCard(partner.cardJws), revocationJws);
  if (!v.ok)
    throw await refuseStatement(rt, 'invalid_statement', 400, 'card.revocation', claimed, v.reason.type);
  if (partner.status !== 'revoked') {
    await rt.db.transaction().execute(async (tx) => {
      await setPartnerRevoked(
        tx,
        partner.nodeId,
        `revoked by partner: ${v.revocation.reason}`,
        rt.clock.now(),
      );
      await appendAudit(tx, rt.clock, {
        actor: `partner:${partner.nodeId}`,
        action: 'partner.revoke',
        subject: partner.nodeId,
        detail: { reason: v.revocation.reason, revokedAt: v.revocation.revokedAt, bySelf: true },
      });
    });
  }
  return { accepted: true };
}

async function refuseStatement(
  rt: FederationRuntime,
  code: string,
  status: number,
  kind: string,
  sender?: string,
  reason?: string,
) {
  // Nothing about a refused statement is verified: the node id it names is recorded as a
  // claim (cut short), never as the actor or the subject.
  await rt.db.transaction().execute((tx) =>
    appendAudit(tx, rt.clock, {
      actor: 'anonymous',
      action: 'federation.statement.refuse',
      subject: null,
      detail: {
        kind,
        code,
        ...(reason ? { reason } : {}),
        ...(sender ? { claimedNodeId: claimText(sender) } : {}),
      },
    }),
  );
  return new FederationRefusal(status, code, `${kind} refused: ${reason ?? code}`, reason);
}

function readUnverifiedNodeId(jws: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof payload?.nodeId === 'string' ? payload.nodeId : undefined;
  } catch {
    return undefined;
  }
}
