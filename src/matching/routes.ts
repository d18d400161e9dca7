import type { Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../governance/index.js';
import { ApiError, type ApiRouter, statusOf, ValidationError } from '../platform/index.js';
import { parseCheckCsv } from './batch-csv.js';
import type { MatchingHolder } from './holder.js';
import {
  batchRequestSchema,
  batchViewSchema,
  checkRequestSchema,
  checkResponseSchema,
  checkResultSchema,
  evaluateRequestSchema,
  followUpRecordsSchema,
  followUpRequestSchema,
  hitRecordSchema,
  holdingRequestSchema,
  holdingViewSchema,
  indexStatusSchema,
  partnerReportSchema,
  policySchema,
  policyViewSchema,
  queryLogSchema,
} from './schema.js';
import { MATCHING_EVALUATE_PATH, MATCHING_FILTER_PATH, type MatchingService } from './service.js';

/** Largest evaluate request body accepted from a partner (100,000 elements and change). */
export const MAX_EVALUATE_BYTES = 8 * 1024 * 1024;

const idParams = z.object({ id: z.uuid() });
const partnerParams = z.object({ partner: z.string().min(2).max(63) });

/** Registers the matching API under /matching. */
export function registerMatchingRoutes(
  router: ApiRouter<Actor>,
  service: MatchingService,
  holder: MatchingHolder,
): void {
  router.route({
    method: 'post',
    path: '/matching/checks',
    tag: 'matching',
    summary:
      'Check persons, passports, phones, vessels or IBANs with a partner (hit/no-hit; the partner never sees the values). Purpose and legal basis are logged on both sides.',
    auth: 'user',
    body: checkRequestSchema,
    response: checkResponseSchema,
    errors: [
      'item_not_matchable',
      'matching_not_allowed',
      'matching_quota_exceeded',
      'matching_epoch_changed',
      'token_version_mismatch',
      'matching_unavailable',
      'partner_not_verified',
    ],
    handler: async ({ actor, body }) => service.check(actor, body),
  });

  router.route({
    method: 'post',
    path: '/matching/batches',
    tag: 'matching',
    summary:
      'Start a batch check from CSV (columns kind, name, birth_year, number, country, imo, mmsi, iban; one item per row)',
    auth: 'user',
    body: batchRequestSchema,
    response: batchViewSchema,
    status: 202,
    errors: ['item_not_matchable'],
    handler: async ({ actor, body }) => {
      const parsed = parseCheckCsv(body.csv);
      if (!parsed.ok) throw new ApiError(422, 'item_not_matchable', parsed.message);
      return service.startBatch(actor, { ...body, items: parsed.items });
    },
  });

  router.route({
    method: 'get',
    path: '/matching/batches/:id',
    tag: 'matching',
    summary: 'Progress of a batch check',
    auth: 'user',
    params: idParams,
    response: batchViewSchema,
    errors: ['not_found'],
    handler: async ({ actor, params }) => service.batch(actor, params.id),
  });

  router.route({
    method: 'get',
    path: '/matching/batches/:id/results',
    tag: 'matching',
    summary: 'Results of a batch check, one per item',
    auth: 'user',
    params: idParams,
    response: z.object({ results: z.array(checkResultSchema) }),
    errors: ['not_found'],
    handler: async ({ actor, params }) => ({ results: await service.batchResults(actor, params.id) }),
  });

  router.route({
    method: 'post',
    path: '/matching/follow-ups',
    tag: 'matching',
    summary: 'Turn a hit into a request for information (rfi) to the holder, carrying the hit reference',
    auth: 'user',
    body: followUpRequestSchema,
    response: z.object({ messageId: z.uuid() }),
    status: 201,
    errors: ['partner_not_verified', 'not_found'],
    handler: async ({ actor, body }) => service.followUp(actor, body),
  });

  router.route({
    method: 'get',
    path: '/matching/follow-ups/:id',
    tag: 'matching',
    summary:
      "The holder's side of a follow-up: the record(s) a partner's received rfi refers to by its hit reference (need-to-know on the rfi and on the record's source), only if the sender could have obtained that reference under its current matching policy (else 409 hit_ref_not_valid with details.reason)",
    auth: 'user',
    params: idParams,
    response: followUpRecordsSchema,
    errors: ['not_found', 'hit_ref_not_valid'],
    handler: async ({ actor, params }) => service.followUpRecords(actor, params.id),
  });

  router.route({
    method: 'get',
    path: '/matching/hits/:ref',
    tag: 'matching',
    summary:
      "The holder's side: which of this node's records a hit reference quoted by a partner points at — only if that partner could have obtained it by its own checks under its current policy (else 409 hit_ref_not_valid with details.reason)",
    auth: 'user',
    params: z.object({ ref: z.string().min(3).max(40) }),
    query: z.object({ partner: z.string().min(2).max(63) }),
    response: z.object({ records: z.array(hitRecordSchema) }),
    errors: ['not_found', 'hit_ref_not_valid'],
    handler: async ({ actor, params, query }) => ({
      records: await service.resolveHit(actor, params.ref, query.partner),
    }),
  });

  router.route({
    method: 'get',
    path: '/matching/index',
    tag: 'matching',
    summary: "This node's matching index: size, filter size per record, key age, last refresh",
    auth: 'user',
    response: indexStatusSchema,
    handler: async ({ actor }) => holder.status(actor),
  });

  router.route({
    method: 'post',
    path: '/matching/index/refresh',
    tag: 'matching',
    summary: 'Bring the index up to date with messages and holdings now (it also refreshes on its own)',
    auth: 'user',
    response: indexStatusSchema,
    handler: async ({ actor }) => holder.refresh(actor),
  });

  router.route({
    method: 'post',
    path: '/matching/index/rebuild',
    tag: 'matching',
    summary: 'Rotate the matching key and rebuild the index under it (partners fetch the new filter)',
    auth: 'user',
    response: indexStatusSchema,
    handler: async ({ actor }) => holder.rebuild(actor),
  });

  router.route({
    method: 'get',
    path: '/matching/policies',
    tag: 'matching',
    summary: 'Per-partner matching policy: record types, crime areas, daily quota (none set: not allowed)',
    auth: 'user',
    response: z.object({ policies: z.array(policyViewSchema) }),
    handler: async ({ actor }) => ({ policies: await holder.policies(actor) }),
  });

  router.route({
    method: 'put',
    path: '/matching/policies/:partner',
    tag: 'matching',
    summary:
      "Set a partner's matching policy (DPO; audited). Victims are never matchable, whatever the policy.",
    auth: 'user',
    params: partnerParams,
    body: policySchema,
    response: policyViewSchema,
    errors: ['not_found'],
    handler: async ({ actor, params, body }) => holder.setPolicy(actor, params.partner, body),
  });

  router.route({
    method: 'post',
    path: '/matching/holdings',
    tag: 'matching',
    summary:
      'Register records for matching (entities: person, identity_document, phone, vessel, financial), then refresh the index',
    auth: 'user',
    body: holdingRequestSchema,
    response: z.object({ added: z.number().int() }),
    status: 201,
    handler: async ({ actor, body }) => ({ added: (await holder.addHoldings(actor, body)).added }),
  });

  router.route({
    method: 'get',
    path: '/matching/holdings',
    tag: 'matching',
    summary: 'Records registered for matching, newest first',
    auth: 'user',
    response: z.object({ holdings: z.array(holdingViewSchema) }),
    handler: async ({ actor }) => ({ holdings: await holder.holdings(actor) }),
  });

  router.route({
    method: 'delete',
    path: '/matching/holdings/:id',
    tag: 'matching',
    summary: 'Withdraw a registered record from matching',
    auth: 'user',
    params: idParams,
    status: 204,
    errors: ['not_found'],
    handler: async ({ actor, params, c }) => {
      await holder.deleteHolding(actor, params.id);
      return c.body(null, 204);
    },
  });

  router.route({
    method: 'get',
    path: '/matching/reports',
    tag: 'matching',
    summary: 'Per-partner report of checks made and received (counts only), quota used today',
    auth: 'user',
    response: z.object({ partners: z.array(partnerReportSchema) }),
    handler: async ({ actor }) => ({ partners: await holder.report(actor) }),
  });

  router.route({
    method: 'get',
    path: '/matching/queries',
    tag: 'matching',
    summary: 'Log of checks made and received: purpose, legal basis, counts; never the values',
    auth: 'user',
    query: z.object({ partner: z.string().min(2).max(63).optional() }),
    response: z.object({ queries: z.array(queryLogSchema) }),
    handler: async ({ actor, query }) => ({ queries: await holder.queries(actor, query.partner) }),
  });
}

function refusal(err: unknown): Response {
  if (err instanceof ApiError) {
    return Response.json(
      { error: { code: err.code, message: err.message } },
      { status: statusOf(err.code as Parameters<typeof statusOf>[0], 'federation') },
    );
  }
  throw err;
}

async function readLimited(req: Request, limit: number): Promise<string> {
  const buf = Buffer.from(await req.arrayBuffer());
  if (buf.length > limit) throw new ApiError(413, 'payload_too_large', `The body is over ${limit} bytes`);
  return buf.toString('utf8');
}

/**
 * Registers the partner-facing endpoints under /federation/v1/matching (PROTOCOL §12): the
 * filter (signed GET) and the blind evaluation (signed POST with content digest).
 */
export function registerPartnerMatchingRoutes(
  app: Hono,
  holder: MatchingHolder,
  authenticate: (req: {
    method: string;
    path: string;
    headers: Headers;
    body?: string;
  }) => Promise<
    | { ok: true; partner: string }
    | { ok: false; status: number; code: string; message: string; reason?: string }
  >,
): void {
  app.get(MATCHING_FILTER_PATH, async (c) => {
    const url = new URL(c.req.url);
    const auth = await authenticate({
      method: 'GET',
      path: url.pathname + url.search,
      headers: c.req.raw.headers,
    });
    if (!auth.ok)
      return Response.json(
        { error: { code: auth.code, message: auth.message, reason: auth.reason } },
        { status: auth.status },
      );
    const num = (name: string) => {
      const v = url.searchParams.get(name);
      return v !== null && /^\d{1,15}$/.test(v) ? Number(v) : undefined;
    };
    try {
      const body = await holder.publishFilter(auth.partner, {
        epoch: num('epoch'),
        policyVersion: num('policyVersion'),
        version: num('version'),
      });
      return Response.json(body, { headers: { 'cache-control': 'no-store' } });
    } catch (err) {
      return refusal(err);
    }
  });
  app.post(MATCHING_EVALUATE_PATH, async (c) => {
    try {
      const text = await readLimited(c.req.raw, MAX_EVALUATE_BYTES);
      const url = new URL(c.req.url);
      const auth = await authenticate({
        method: 'POST',
        path: url.pathname,
        headers: c.req.raw.headers,
        body: text,
      });
      if (!auth.ok)
        return Response.json(
          { error: { code: auth.code, message: auth.message, reason: auth.reason } },
          { status: auth.status },
        );
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new ValidationError('The body is not JSON');
      }
      const parsed = evaluateRequestSchema.safeParse(json);
      if (!parsed.success)
        throw new ValidationError(`Malformed evaluate request: ${parsed.error.issues[0]?.message}`);
      return Response.json(await holder.evaluate(auth.partner, parsed.data), {
        headers: { 'cache-control': 'no-store' },
      });
    } catch (err) {
      return refusal(err);
    }
  });
}
