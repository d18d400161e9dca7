import type { Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../governance/index.js';
import type { ApiRouter } from '../platform/index.js';
import { AUDIT_HEAD_PATH, type AuditCheckpointService, CHECKPOINTS_PATH } from './checkpoints.js';
import { nodeIdSchema } from './node-card.js';
import type { FederationService } from './service.js';

const checkpointViewSchema = z.object({
  nodeId: z.string(),
  seq: z.number(),
  hash: z.string(),
  at: z.string(),
  receivedAt: z.string().nullable(),
});

/** What `POST /audit/checkpoints/verify` answers (`CheckpointCheck`). */
const checkpointCheckSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int().nonnegative(),
  findings: z.array(
    z.object({
      seq: z.number().int(),
      hash: z.string(),
      source: z.string().describe('"own", or the partner node id that returned the copy'),
      problem: z.enum(['missingEntry', 'hashMismatch', 'badSignature', 'unknownKey']),
    }),
  ),
  partners: z.record(z.string(), z.object({ held: z.number().int(), error: z.string().optional() })),
});

/** Registers the checkpoint API (/api/v1/audit/checkpoints…) and the partner endpoint. */
export function registerCheckpointRoutes(
  router: ApiRouter<Actor>,
  app: Hono,
  checkpoints: AuditCheckpointService,
  federation: FederationService,
): void {
  router.route({
    method: 'get',
    path: '/audit/checkpoints',
    tag: 'audit',
    summary: "Signed audit checkpoints: this node's own, or those a partner sent (admin, DPO)",
    auth: 'user',
    query: z.object({ node: nodeIdSchema.optional() }),
    response: z.object({ checkpoints: z.array(checkpointViewSchema) }),
    handler: async ({ actor, query }) => ({ checkpoints: await checkpoints.list(actor, query.node) }),
  });

  router.route({
    method: 'post',
    path: '/audit/checkpoints',
    tag: 'audit',
    summary: 'Sign the current head of the audit chain and send it to every verified partner (admin, DPO)',
    auth: 'user',
    status: 201,
    response: z.object({ checkpoint: checkpointViewSchema }),
    handler: async ({ actor }) => ({ checkpoint: await checkpoints.publish(actor) }),
  });

  router.route({
    method: 'post',
    path: '/audit/checkpoints/verify',
    tag: 'audit',
    summary:
      "Compare this node's audit chain with its signed checkpoints, and with the copies its partners hold",
    auth: 'user',
    body: z.object({ partners: z.boolean().default(true) }),
    response: checkpointCheckSchema,
    handler: async ({ actor, body }) => checkpoints.verify(actor, { partners: body.partners }),
  });

  // A partner asks for the checkpoints of its own log that this node holds (signed GET).
  app.get(CHECKPOINTS_PATH, async (c) => {
    const auth = await federation.verifyPartnerRequest({
      method: 'GET',
      path: new URL(c.req.url).pathname,
      headers: c.req.raw.headers,
    });
    if (!auth.ok) return c.json({ error: { code: auth.code, message: auth.message } }, auth.status as 401);
    return c.json({ checkpoints: await checkpoints.heldOf(auth.partner) });
  });

  // A partner asks for the latest audit head of its own it announced to this node (signed GET).
  app.get(AUDIT_HEAD_PATH, async (c) => {
    const auth = await federation.verifyPartnerRequest({
      method: 'GET',
      path: new URL(c.req.url).pathname,
      headers: c.req.raw.headers,
    });
    if (!auth.ok) return c.json({ error: { code: auth.code, message: auth.message } }, auth.status as 401);
    return c.json({ head: await checkpoints.heldHeadOf(auth.partner) });
  });
}
