import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Actor } from '../governance/index.js';
import { requirePermission } from '../governance/index.js';
import { type ApiRouter, createApiRouter, type Db, SharedWindowCounter } from '../platform/index.js';
import { inspectEnvelope } from './envelope.js';
import { claimedSender as batchSender, inboxBatchAnswerSchema } from './inbox-batch.js';
import { completeInboxOperation, describeOtherFederationEndpoints } from './openapi-doc.js';
import { FederationRefusal } from './refusal.js';
import {
  deliveryQuerySchema,
  deliveryViewSchema,
  fingerprintSchema,
  idParamsSchema,
  importPartnerSchema,
  notificationViewSchema,
  partnerParamsSchema,
  partnerViewSchema,
  revokePartnerSchema,
  verifyPartnerSchema,
} from './schema.js';
import type { FederationService } from './service.js';

/** What {@link registerFederationRoutes} needs. */
export interface FederationRoutesOptions {
  service: FederationService;
  /** The Hono app, for the node-to-node endpoints under /federation/v1. */
  app: Hono;
  /** The client address of a request, for limiting refused inbox requests per address. */
  clientIp?: (c: Context) => string | null;
  /** Holds the refusal counters, shared by every process of the node. */
  db: Db;
}

export const FEDERATION_BASE = '/federation/v1';
const REFUSALS_PER_MINUTE = 60;

/**
 * Registers the administration API (partners, deliveries, notifications, own card) on the
 * /api/v1 router and the public node-to-node endpoints under /federation/v1 (PROTOCOL §7).
 */
export function registerFederationRoutes(router: ApiRouter<Actor>, options: FederationRoutesOptions): void {
  const { service, app } = options;
  // Accepted deliveries are not counted, so a partner's burst is never slowed.
  const refusals = new SharedWindowCounter(options.db, service.clock, 'federation');

  router.route({
    method: 'get',
    path: '/node/card',
    tag: 'federation',
    summary: "This node's signed card and fingerprint, to give to a partner",
    auth: 'user',
    response: z.object({ card: z.unknown(), cardJws: z.string(), fingerprint: fingerprintSchema }),
    handler: async ({ actor }) => {
      requirePermission(actor, 'node.read');
      const { card, cardJws, fingerprint } = await service.ownCard();
      return { card, cardJws, fingerprint: { text: fingerprint.text, numeric: fingerprint.numeric } };
    },
  });
  router.route({
    method: 'get',
    path: '/partners',
    tag: 'federation',
    summary: 'Partner nodes with trust state and delivery counters',
    auth: 'user',
    response: z.object({ partners: z.array(partnerViewSchema) }),
    handler: async ({ actor }) => ({ partners: await service.listPartners(actor) }),
  });
  router.route({
    method: 'post',
    path: '/partners',
    tag: 'federation',
    summary: "Import a partner's card (pending until its fingerprint is verified)",
    auth: 'user',
    status: 201,
    body: importPartnerSchema,
    response: z.object({ partner: partnerViewSchema }),
    errors: ['invalid_card', 'partner_exists', 'card_unreachable'],
    handler: async ({ actor, body }) => ({ partner: await service.importPartner(actor, body) }),
  });
  router.route({
    method: 'post',
    path: '/partners/:nodeId/verify',
    tag: 'federation',
    summary: 'Confirm the fingerprint read out of band; the partner becomes verified',
    auth: 'user',
    params: partnerParamsSchema,
    body: verifyPartnerSchema,
    response: z.object({ partner: partnerViewSchema }),
    errors: ['fingerprint_mismatch', 'partner_revoked', 'not_found'],
    handler: async ({ actor, params, body }) => ({
      partner: await service.verifyPartner(actor, params.nodeId, body.fingerprint),
    }),
  });
  router.route({
    method: 'post',
    path: '/partners/:nodeId/revoke',
    tag: 'federation',
    summary: 'Revoke a partner: nothing more is sent to it or accepted from it',
    auth: 'user',
    params: partnerParamsSchema,
    body: revokePartnerSchema,
    response: z.object({ partner: partnerViewSchema }),
    errors: ['not_found'],
    handler: async ({ actor, params, body }) => ({
      partner: await service.revokePartner(actor, params.nodeId, body.reason),
    }),
  });
  router.route({
    method: 'get',
    path: '/deliveries',
    tag: 'federation',
    summary: 'Outgoing messages and their delivery state',
    auth: 'user',
    query: deliveryQuerySchema,
    response: z.object({ deliveries: z.array(deliveryViewSchema) }),
    handler: async ({ actor, query }) => ({ deliveries: await service.listDeliveries(actor, query) }),
  });
  router.route({
    method: 'post',
    path: '/deliveries/:id/retry',
    tag: 'federation',
    summary: 'Queue a dead or failed message again',
    auth: 'user',
    params: idParamsSchema,
    response: z.object({ delivery: deliveryViewSchema }),
    errors: ['not_found', 'not_retryable'],
    handler: async ({ actor, params }) => ({ delivery: await service.retryDelivery(actor, params.id) }),
  });
  router.route({
    method: 'get',
    path: '/notifications',
    tag: 'federation',
    summary: 'Notifications for the caller’s roles (dead letters for administrators)',
    auth: 'user',
    response: z.object({ notifications: z.array(notificationViewSchema) }),
    handler: async ({ actor }) => ({ notifications: await service.listNotifications(actor) }),
  });
  router.route({
    method: 'post',
    path: '/notifications/:id/read',
    tag: 'federation',
    summary: 'Mark a notification read',
    auth: 'user',
    params: idParamsSchema,
    status: 204,
    errors: ['not_found'],
    handler: async ({ actor, params }) => {
      await service.markNotificationRead(actor, params.id);
      return undefined;
    },
  });

  // Node-to-node endpoints: public, authenticated by signatures rather than sessions.
  // Every refusal there is audited, so refusals are counted first: past REFUSALS_PER_MINUTE
  // the counter's key gets 429 (with Retry-After) without work or audit until the minute
  // ends. A refusal of a request whose RFC 9421 signature verified for a verified partner is
  // counted under that partner, any other under the client address; and when an address is
  // over the limit, a request a verified partner signed still goes through, so junk from a
  // neighbour behind the same address (NAT, proxy) cannot block a partner (PROTOCOL §7.4).
  const clientOf = (c: Context) => options.clientIp?.(c) ?? 'unknown';
  const partnerKey = (nodeId: string) => `partner:${nodeId}`;
  const tooMany = async (c: Context, key: string) =>
    c.json({ error: { code: 'rate_limited', message: 'Too many refused requests; wait a minute' } }, 429, {
      'retry-after': String(Math.max(1, Math.ceil((await refusals.resetInMs(key)) / 1000))),
    });
  const limited = async (c: Context) => {
    const key = clientOf(c);
    const [n] = await refusals.peek(key);
    return (n ?? 0) >= REFUSALS_PER_MINUTE ? await tooMany(c, key) : null;
  };
  /** Counts a refusal; the one that reaches the limit is audited once. */
  const countRefusal = async (c: Context, err?: { partner?: string | undefined }) => {
    const key = err?.partner ? partnerKey(err.partner) : clientOf(c);
    if ((await refusals.count(key)) === REFUSALS_PER_MINUTE) await service.recordRateLimited(key);
  };
  /** Runs a node-to-node operation; a refusal (already audited) is counted and answered in the wire form. */
  const answer = async <T extends object>(c: Context, work: () => Promise<T>) => {
    try {
      return c.json(await work(), 200);
    } catch (err) {
      if (!(err instanceof FederationRefusal)) throw err;
      await countRefusal(c, err);
      return c.json(err.toBody(), err.status as 400);
    }
  };
  app.use(
    `${FEDERATION_BASE}/*`,
    bodyLimit({
      maxSize: service.maxEnvelopeBytes + 1024,
      onError: async (c) => {
        // Counted before anything is written: a flood of oversized bodies is one audit row a minute at most.
        const blocked = await limited(c);
        if (blocked) return blocked;
        await countRefusal(c);
        const refused = await service.refuseOversized();
        return c.json(refused.toBody(), 413, { connection: 'close' });
      },
    }),
  );
  const fed = createApiRouter<Actor>({
    app,
    base: FEDERATION_BASE,
    surface: 'federation',
    authenticate: async () => {
      throw new Error('federation endpoints are public');
    },
  });
  fed.route({
    method: 'get',
    path: '/card',
    tag: 'federation-v1',
    summary: "This node's self-signed card (PROTOCOL §2)",
    auth: 'public',
    response: z.object({ cardJws: z.string() }),
    handler: async () => ({ cardJws: (await service.ownCard()).cardJws }),
  });
  fed.route({
    method: 'post',
    path: '/inbox',
    tag: 'federation-v1',
    summary: 'Deliver an envelope (compact JWE, application/jose, RFC 9421 signed); answers a signed receipt',
    auth: 'public',
    errors: [
      'unknown_partner',
      'partner_not_verified',
      'partner_revoked',
      'bad_http_signature',
      'bad_envelope',
      'expired',
      'payload_too_large',
      'unknown_type',
      'invalid_message',
      'invalid_text',
      'conflict',
      'rate_limited',
    ],
    handler: async ({ c }) => {
      const body = await c.req.text();
      const req = { method: c.req.method, url: c.req.url, headers: c.req.raw.headers, body };
      // The partner's own refusals limit that partner (the claimed sender is enough here:
      // only refusals of requests it signed are counted under its name).
      const inspected = inspectEnvelope(body, service.maxEnvelopeBytes);
      const claimed = inspected.ok ? inspected.header.sender : undefined;
      // One read of both counters (the partner's, the address's) per request.
      const client = clientOf(c);
      const [byPartner, byClient] = await refusals.peek(claimed ? partnerKey(claimed) : client, client);
      if (claimed && (byPartner ?? 0) >= REFUSALS_PER_MINUTE) return await tooMany(c, partnerKey(claimed));
      const blocked = (byClient ?? 0) >= REFUSALS_PER_MINUTE ? await tooMany(c, client) : null;
      if (blocked && (claimed === undefined || (await service.authenticatedSender(req)) !== claimed))
        return blocked;
      return answer(c, () => service.receive(req));
    },
  });
  // A node that does not serve batches (`acceptBatches: false`) has no such route at all, so
  // the path answers exactly as on a node that predates it: the app's 404 `not_found`.
  if (service.acceptsBatches)
    fed.route({
      method: 'post',
      path: '/inbox/batch',
      tag: 'federation-v1',
      summary:
        'Deliver several envelopes of one sender (RFC 9421 signed JSON, PROTOCOL §7.6); one signed receipt or error per envelope',
      auth: 'public',
      response: inboxBatchAnswerSchema,
      errors: [
        'bad_batch',
        'unknown_partner',
        'partner_not_verified',
        'partner_revoked',
        'bad_http_signature',
        'payload_too_large',
        'rate_limited',
      ],
      handler: async ({ c }) => {
        const body = await c.req.text();
        const req = { method: c.req.method, url: c.req.url, headers: c.req.raw.headers, body };
        const claimed = batchSender(body);
        const client = clientOf(c);
        const [byPartner, byClient] = await refusals.peek(claimed ? partnerKey(claimed) : client, client);
        if (claimed && (byPartner ?? 0) >= REFUSALS_PER_MINUTE) return await tooMany(c, partnerKey(claimed));
        const blocked = (byClient ?? 0) >= REFUSALS_PER_MINUTE ? await tooMany(c, client) : null;
        if (
          blocked &&
          (claimed === undefined || (await service.authenticatedSender(req, 'batch')) !== claimed)
        )
          return blocked;
        return answer(c, async () => {
          const { results, partner } = await service.receiveBatch(req);
          // Each refused envelope counts against the partner that signed the batch, as it would alone.
          for (const r of results) if ('error' in r) await countRefusal(c, { partner });
          return { results };
        });
      },
    });
  fed.route({
    method: 'post',
    path: '/card-rotation',
    tag: 'federation-v1',
    summary: 'A verified partner announces its successor card, signed by its current key',
    auth: 'public',
    body: z.object({
      rotationJws: z
        .string()
        .min(1)
        .max(64 * 1024),
    }),
    errors: [
      'unknown_partner',
      'partner_not_verified',
      'partner_revoked',
      'invalid_statement',
      'rate_limited',
    ],
    handler: async ({ c, body }) => {
      const blocked = await limited(c);
      if (blocked) return blocked;
      return answer(c, () => service.acceptRotation(body.rotationJws));
    },
  });
  fed.route({
    method: 'post',
    path: '/revocation',
    tag: 'federation-v1',
    summary: 'A partner revokes its own card',
    auth: 'public',
    body: z.object({
      revocationJws: z
        .string()
        .min(1)
        .max(64 * 1024),
    }),
    errors: ['unknown_partner', 'invalid_statement', 'rate_limited'],
    handler: async ({ c, body }) => {
      const blocked = await limited(c);
      if (blocked) return blocked;
      return answer(c, () => service.acceptRevocation(body.revocationJws));
    },
  });
  describeOtherFederationEndpoints(fed, 'federation-v1');
  app.get(`${FEDERATION_BASE}/openapi.json`, (c) => {
    const doc = fed.openapi({
      title: 'Passerelle federation protocol',
      version: '1',
      description: 'Node-to-node endpoints; the wire formats are specified in docs/PROTOCOL.md.',
      tags: { 'federation-v1': 'Endpoints partner nodes call (PROTOCOL §7)' },
    });
    completeInboxOperation(doc as unknown as Parameters<typeof completeInboxOperation>[0]);
    return c.json(doc);
  });
}
