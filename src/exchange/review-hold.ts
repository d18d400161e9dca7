import { findPartner } from '../federation/index.js';
import { notifyDpo, type ReviewFlag } from '../governance/index.js';
import { ApiError, type Tx } from '../platform/index.js';

/**
 * Holds a new outgoing message for review (inside the sender's transaction): the partner is
 * checked now, as enqueue would, so a hopeless message is not held, and the DPO is notified.
 */
export async function holdForReview(
  tx: Tx,
  m: { id: string; recipient: string; type: string; flags: ReviewFlag[]; at: Date },
): Promise<void> {
  const partner = await findPartner(tx, m.recipient);
  if (partner?.status !== 'verified') {
    throw new ApiError(409, 'partner_not_verified', `${m.recipient} is not a verified partner`);
  }
  await notifyDpo(tx, {
    kind: 'review_pending',
    title: `Outgoing ${m.type} to ${m.recipient} awaits review`,
    detail: m.flags
      .map((f) =>
        f.kind === 'personal_data'
          ? `personal data: ${f.categories.join(', ')}`
          : `neutrality: ${f.category} (${f.rule})`,
      )
      .join('; '),
    subject: `message:${m.id}`,
    at: m.at,
  });
}
