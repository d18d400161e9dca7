import { sql } from 'kysely';
import type { AppContext } from './context.js';
import { type RotateKeysResult, rotateKeysAs } from './key-rotation.js';

/** A card is renewed this long before it expires (it is valid for a year). */
export const CARD_RENEW_BEFORE_MS = 30 * 24 * 60 * 60 * 1000;
/** How often a running node looks at its card's expiry. */
export const CARD_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;
const JOB = 'card.renewal';
/** A process that claimed the renewal has this long before another may try again. */
const CLAIM_MS = 60 * 60 * 1000;

/**
 * Renews the node's card before it expires, with partners told: the renewal is a key
 * rotation (PROTOCOL §2.1), so the successor card, valid for another year, is signed by the
 * old key and pushed to every verified partner, which accept it without a new fingerprint
 * check; a partner that was unreachable gets it again on its next refused delivery. With
 * several processes one claims the renewal (a conditional update of its `scheduled_jobs`
 * row) and the others adopt the new keys when it commits. A card that expired while the node
 * was stopped is renewed at start for the same keys (a late renewal) and pushed likewise.
 * Returns null when nothing was due.
 */
export async function renewCardIfDue(
  ctx: AppContext,
  options: { renewBeforeMs?: number } = {},
): Promise<(RotateKeysResult & { previousValidUntil: string; validUntil: string }) | null> {
  const renewBefore = options.renewBeforeMs ?? CARD_RENEW_BEFORE_MS;
  const now = ctx.clock.now();
  const { card } = await ctx.federation.ownCard();
  if (Date.parse(card.validUntil) - now.getTime() > renewBefore) return null;
  await ctx.db
    .insertInto('scheduled_jobs')
    .values({ name: JOB, next_run_at: now, last_run_at: null })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const claimed = await sql<{ name: string }>`
    update scheduled_jobs set last_run_at = ${now}, next_run_at = ${new Date(now.getTime() + CLAIM_MS)}
     where name = ${JOB} and next_run_at <= ${now}
    returning name`.execute(ctx.db);
  if (claimed.rows.length === 0) return null;
  // Another process may have renewed since: the card read again adopts its keys.
  const { card: current } = await ctx.federation.ownCard();
  if (current.signingKey.kid !== card.signingKey.kid || current.validUntil !== card.validUntil) return null;
  // An expired card (the node was stopped through its last month) can no longer vouch for
  // new keys; its key may still renew it as is, within the partners' grace period.
  const expired = Date.parse(card.validUntil) <= now.getTime();
  const result = expired ? await renewExpiredCard(ctx) : await rotateKeysAs(ctx, 'system:card-renewal');
  const { card: renewed } = await ctx.federation.ownCard();
  ctx.logger.warn(expired ? 'expired node card renewed' : 'node card renewed before expiry', {
    event: 'card.renewed',
    expired,
    previousValidUntil: card.validUntil,
    validUntil: renewed.validUntil,
    pushed: result.pushed,
  });
  return { ...result, previousValidUntil: card.validUntil, validUntil: renewed.validUntil };
}

async function renewExpiredCard(ctx: AppContext): Promise<RotateKeysResult> {
  const { pushed } = await ctx.federation.renewCard('system:card-renewal');
  return { fingerprint: ctx.fingerprint, pushed };
}
