import { z } from 'zod';
import type { DeliveryBacklog } from '../federation/index.js';
import { type Actor, can } from '../governance/index.js';
import type { ApiRouter } from '../platform/index.js';
import type { AppContext } from './context.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The node's one "failed deliveries" figure (card `deliveriesFailed`): the outgoing messages,
 * of any type and to any partner, that will not be delivered unless an administrator retries
 * them (`POST /deliveries/:id/retry`): refused for good by the partner (`failed`) or expired
 * undelivered (`dead`). Each raised an administrator notification; the figure equals the sum
 * of the `passerelle_outbox_messages{status="failed"}` and `{status="dead"}` series.
 */
export function countFailedDeliveries(backlog: DeliveryBacklog): number {
  return backlog.byStatus.failed + backlog.byStatus.dead;
}

/**
 * The dashboard's counts, gathered from the services the actor may read (each card appears
 * only when its permission allows it). Exchange counters have their own endpoint in the
 * exchange module; this one covers the rest.
 */
export async function dashboardCards(
  ctx: AppContext,
  actor: Actor,
): Promise<Array<{ id: string; value: number }>> {
  const cards: Array<{ id: string; value: number }> = [];
  if (can(actor, 'partner.read')) {
    const partners = await ctx.federation.listPartners(actor);
    cards.push({ id: 'partnersPaired', value: partners.filter((p) => p.status === 'verified').length });
    cards.push({
      id: 'deliveriesFailed',
      value: countFailedDeliveries(await ctx.federation.deliveryBacklog()),
    });
  }
  if (can(actor, 'user.manage')) {
    cards.push({ id: 'accountsLocked', value: await ctx.governance.countLockedAccounts(actor) });
  }
  if (can(actor, 'message.review')) {
    const queue = await ctx.review.counts(actor);
    cards.push({ id: 'disclosuresPending', value: queue.pending });
    cards.push({ id: 'neutralityFlags', value: queue.neutrality });
  }
  if (can(actor, 'retention.manage')) {
    cards.push({ id: 'retentionDue', value: (await ctx.retention.listDue(actor)).length });
  }
  if (can(actor, 'breakglass.review')) {
    cards.push({ id: 'breakGlassToReview', value: await ctx.access.countUnreviewedBreakGlass(actor) });
  }
  if (can(actor, 'case.read')) {
    const cases = await ctx.cases.cases.list(actor);
    cards.push({ id: 'casesOpen', value: cases.filter((c) => c.status !== 'closed').length });
  }
  if (can(actor, 'message.read')) {
    const since = ctx.clock.now().getTime() - WEEK_MS;
    const alerts = await ctx.exchange.list(actor, { type: 'alert', direction: 'in', limit: 500 });
    cards.push({ id: 'alertsRecent', value: alerts.filter((m) => Date.parse(m.createdAt) >= since).length });
  }
  return cards;
}

/** Registers `GET /api/v1/dashboard`. */
export function registerDashboardRoute(router: ApiRouter<Actor>, ctx: AppContext): void {
  router.route({
    method: 'get',
    path: '/dashboard',
    tag: 'dashboard',
    summary: "Counts for the signed-in user's dashboard cards",
    auth: 'user',
    response: z.object({ cards: z.array(z.object({ id: z.string(), value: z.number() })) }),
    handler: async ({ actor }) => ({ cards: await dashboardCards(ctx, actor) }),
  });
}
