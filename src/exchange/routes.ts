import type { Hono } from 'hono';
import { z } from 'zod';
import { type Actor, requirePermission } from '../governance/index.js';
import {
  type ApiRouter,
  findInvalidText,
  hasBidiControl,
  IDEMPOTENCY_HEADER,
  InvalidTextError,
  idempotencyKeyOf,
  ValidationError,
} from '../platform/index.js';
import { PARTNER_ATTACHMENT_PATH, serveAttachmentToPartner } from './attachment-transfer.js';
import { AttachmentTooLargeError, toWebStream } from './attachments.js';
import { consentViewSchema, type OnwardTransmission } from './consent.js';
import { type MessageRetention, retentionDueViewSchema, retentionRuleSchema } from './retention.js';
import {
  approveRequestSchema,
  type OutgoingReview,
  returnRequestSchema,
  reviewItemSchema,
} from './review.js';
import type { ExchangeService } from './service.js';
import {
  ackRequestSchema,
  exchangeDashboardSchema,
  listQuerySchema,
  messageDetailSchema,
  messageSummarySchema,
  sendRequestSchema,
} from './views.js';

const idParams = z.object({ id: z.uuid() });
const attachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
});

/** Path of the upload route, which streams its body and so has its own size limit. */
export const ATTACHMENT_UPLOAD_PATH = '/attachments';

/** RFC 6266 / RFC 8187 content-disposition with an ASCII fallback and the UTF-8 name. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Registers the exchange API: messages, conversations, attachments, dashboard counters. */
export function registerExchangeRoutes(router: ApiRouter<Actor>, service: ExchangeService): void {
  router.route({
    method: 'get',
    path: '/messages',
    tag: 'exchange',
    summary: 'Inbox and sent messages, newest first, with filters',
    auth: 'user',
    query: listQuerySchema,
    response: z.object({ messages: z.array(messageSummarySchema) }),
    handler: async ({ actor, query }) => ({
      messages: await service.list(actor, {
        ...query,
        overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      }),
    }),
  });

  router.route({
    method: 'get',
    path: '/messages/:id',
    tag: 'exchange',
    summary: 'A message with its content (the read is audited)',
    auth: 'user',
    params: idParams,
    response: z.object({ message: messageDetailSchema }),
    errors: ['not_found'],
    handler: async ({ actor, params }) => ({ message: await service.get(actor, params.id) }),
  });

  router.route({
    method: 'get',
    path: '/conversations/:id',
    tag: 'exchange',
    summary: 'A conversation: every message of the thread, oldest first (the read is audited)',
    auth: 'user',
    params: idParams,
    response: z.object({
      conversation: z.object({
        id: z.string(),
        subject: z.string().nullable(),
        partner: z.string(),
        messages: z.array(messageDetailSchema),
      }),
    }),
    errors: ['not_found'],
    handler: async ({ actor, params }) => ({ conversation: await service.conversation(actor, params.id) }),
  });

  router.route({
    method: 'post',
    path: '/messages',
    tag: 'exchange',
    summary:
      'Send an rfi, reply, info or alert to a partner (validated, stored and queued at once). ' +
      'With an Idempotency-Key header (1–255 visible ASCII characters, kept 24 hours per user) a retry ' +
      'answers the same message with Idempotent-Replayed: true instead of sending it twice; the same key ' +
      'with another body answers 422 idempotency_key_reused',
    auth: 'user',
    body: sendRequestSchema,
    status: 201,
    response: z.object({ message: messageSummarySchema }),
    errors: ['bad_request', 'partner_not_verified', 'not_found', 'idempotency_key_reused'],
    handler: async ({ actor, body, c }) => {
      const key = idempotencyKeyOf(c.req.header(IDEMPOTENCY_HEADER));
      if (key === null) return { message: await service.send(actor, body) };
      const sent = await service.sendIdempotent(actor, body, key);
      return c.json({ message: sent.message }, 201, { 'idempotent-replayed': String(sent.replayed) });
    },
  });

  router.route({
    method: 'post',
    path: '/messages/:id/ack',
    tag: 'exchange',
    summary: 'Acknowledge a received message (read, accepted, declined with a reason)',
    auth: 'user',
    params: idParams,
    body: ackRequestSchema,
    status: 201,
    response: z.object({ message: messageSummarySchema }),
    errors: [
      'not_found',
      'not_acknowledgeable',
      'already_acknowledged',
      'partner_not_verified',
      'not_addressee',
    ],
    handler: async ({ actor, params, body }) => ({ message: await service.ack(actor, params.id, body) }),
  });

  router.route({
    method: 'post',
    path: ATTACHMENT_UPLOAD_PATH,
    tag: 'exchange',
    summary:
      'Upload a file (raw body, up to 50 MiB; headers content-type and x-filename, URI-encoded) to attach to a message',
    auth: 'user',
    status: 201,
    response: z.object({ attachment: attachmentSchema }),
    errors: [
      'payload_too_large',
      'unsupported_media_type',
      'bad_request',
      'invalid_text',
      'storage_unavailable',
    ],
    handler: async ({ actor, c }) => {
      const rawName = c.req.header('x-filename');
      let name: string | undefined;
      try {
        name = rawName === undefined ? undefined : decodeURIComponent(rawName);
      } catch {
        name = undefined;
      }
      if (!name) throw new ValidationError('Header x-filename (URI-encoded file name) is required');
      const nameIssue = findInvalidText(name, 'header.x-filename');
      if (nameIssue) throw new InvalidTextError(nameIssue);
      if (hasBidiControl(name))
        throw new InvalidTextError({
          path: 'header.x-filename',
          code: 'bidi_control',
          message: 'header.x-filename: must not contain bidirectional control characters',
        });
      const body = c.req.raw.body;
      if (!body) throw new ValidationError('The request has no body');
      const lengthHeader = c.req.header('content-length');
      try {
        const attachment = await service.uploadAttachment(actor, {
          body: body as unknown as AsyncIterable<Uint8Array>,
          name,
          mediaType: c.req.header('content-type'),
          length: lengthHeader ? Number(lengthHeader) : undefined,
        });
        return { attachment };
      } catch (err) {
        // The rest of the body is not read, so the connection cannot be reused: say so.
        if (err instanceof AttachmentTooLargeError) {
          return c.json({ error: { code: err.code, message: err.message } }, 413, { connection: 'close' });
        }
        throw err;
      }
    },
  });

  router.route({
    method: 'get',
    path: '/attachments/:id',
    tag: 'exchange',
    summary: 'Download an attachment (the download is audited)',
    auth: 'user',
    params: idParams,
    errors: ['not_found', 'attachment_pending', 'attachment_unavailable', 'storage_unavailable'],
    produces: 'application/octet-stream',
    handler: async ({ actor, params }) => {
      const { attachment, content } = await service.openAttachment(actor, params.id);
      return new Response(toWebStream(content), {
        status: 200,
        headers: {
          'content-type': attachment.mediaType,
          'content-length': String(attachment.size),
          'content-disposition': contentDisposition(attachment.name),
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        },
      });
    },
  });

  router.route({
    method: 'get',
    path: '/dashboard/exchange',
    tag: 'exchange',
    summary: 'Counters for the dashboard: overdue and awaiting requests, unread alerts',
    auth: 'user',
    response: exchangeDashboardSchema,
    handler: async ({ actor }) => service.dashboard(actor),
  });
}

/** Registers the partner-facing attachment endpoint under `/federation/v1`. */
export function registerPartnerAttachmentRoute(app: Hono, service: ExchangeService): void {
  app.get(`${PARTNER_ATTACHMENT_PATH}/:id`, (c) =>
    serveAttachmentToPartner(
      service.o,
      { method: 'GET', path: new URL(c.req.url).pathname, headers: c.req.raw.headers },
      c.req.param('id'),
    ),
  );
}

/** Registers the DPO's outgoing review queue. */
export function registerReviewRoutes(router: ApiRouter<Actor>, review: OutgoingReview): void {
  router.route({
    method: 'get',
    path: '/reviews',
    tag: 'exchange',
    summary:
      'Outgoing messages awaiting the DPO: held ones and threat-to-life ones sent first (the look is audited)',
    auth: 'user',
    response: z.object({ messages: z.array(reviewItemSchema) }),
    handler: async ({ actor }) => ({ messages: await review.queue(actor) }),
  });
  router.route({
    method: 'post',
    path: '/reviews/:id/approve',
    tag: 'exchange',
    summary:
      'Approve a held message, optionally redacted, and send it; or record the review of one sent first',
    auth: 'user',
    params: idParams,
    body: approveRequestSchema,
    response: z.object({ message: messageSummarySchema }),
    errors: ['not_found', 'not_pending', 'already_sent', 'bad_request', 'partner_not_verified'],
    handler: async ({ actor, params, body }) => ({ message: await review.approve(actor, params.id, body) }),
  });
  router.route({
    method: 'post',
    path: '/reviews/:id/return',
    tag: 'exchange',
    summary: 'Return a held message to its author with a comment; nothing leaves',
    auth: 'user',
    params: idParams,
    body: returnRequestSchema,
    response: z.object({ message: messageSummarySchema }),
    errors: ['not_found', 'not_pending'],
    handler: async ({ actor, params, body }) => ({
      message: await review.returnToAuthor(actor, params.id, body),
    }),
  });
}

/** Registers retention: the due list, the scan, extensions, purges and rules (DPO). */
export function registerRetentionRoutes(router: ApiRouter<Actor>, retention: MessageRetention): void {
  router.route({
    method: 'get',
    path: '/retention/due',
    tag: 'exchange',
    summary: 'Messages, DVI records and case documents due for their retention review (DPO)',
    auth: 'user',
    response: z.object({ messages: z.array(retentionDueViewSchema) }),
    handler: async ({ actor }) => ({ messages: await retention.listDue(actor) }),
  });
  router.route({
    method: 'post',
    path: '/retention/scan',
    tag: 'exchange',
    summary: 'Run the retention scan now (DPO); it also runs on a schedule',
    auth: 'user',
    response: z.object({ listed: z.number().nullable() }),
    handler: async ({ actor }) => {
      requirePermission(actor, 'retention.manage');
      return { listed: await retention.scan(true) };
    },
  });
  router.route({
    method: 'put',
    path: '/retention/rules',
    tag: 'exchange',
    summary: 'Set the review period of a record type under a legal basis ("*": the default) (DPO)',
    auth: 'user',
    body: retentionRuleSchema,
    status: 204,
    handler: async ({ actor, body }) => {
      await retention.setRule(actor, body);
      return undefined;
    },
  });
  router.route({
    method: 'post',
    path: '/retention/:id/extend',
    tag: 'exchange',
    summary: 'Keep a message, a DVI record or a case document until a later review date, with a reason (DPO)',
    auth: 'user',
    params: idParams,
    body: z.object({ until: z.iso.date(), reason: z.string().trim().min(5).max(2000) }),
    status: 204,
    errors: ['not_found', 'bad_request'],
    handler: async ({ actor, params, body }) => {
      await retention.extend(actor, params.id, body);
      return undefined;
    },
  });
  router.route({
    method: 'post',
    path: '/retention/:id/purge',
    tag: 'exchange',
    summary:
      'Purge a message and its files, a DVI record, or a case document (removed from its case, so every node deletes its copy), everywhere on this node; the audit keeps a tombstone and a message’s provider is told (DPO)',
    auth: 'user',
    params: idParams,
    body: z.object({
      reason: z.string().trim().min(5).max(2000),
      /** Purge a DVI record an identification board decision locks while its case is open. */
      overrideBoardLock: z.boolean().optional(),
    }),
    status: 204,
    errors: [
      'not_found',
      'review_pending',
      'partner_not_verified',
      'identification_locked',
      'storage_unavailable',
    ],
    handler: async ({ actor, params, body }) => {
      await retention.purge(actor, params.id, body);
      return undefined;
    },
  });
}

/** Registers consent requests and onward transmission (H2/H3 need the provider's consent). */
export function registerOnwardRoutes(router: ApiRouter<Actor>, onward: OnwardTransmission): void {
  router.route({
    method: 'post',
    path: '/messages/:id/consent-requests',
    tag: 'exchange',
    summary: "Ask a received message's provider for consent to pass it to another partner",
    auth: 'user',
    params: idParams,
    body: z.object({ recipient: z.string().min(2).max(63), purpose: z.string().trim().min(1).max(1000) }),
    status: 201,
    response: z.object({ request: consentViewSchema }),
    errors: ['not_found', 'not_received', 'partner_not_verified', 'bad_request'],
    handler: async ({ actor, params, body }) => ({ request: await onward.ask(actor, params.id, body) }),
  });
  router.route({
    method: 'get',
    path: '/consent-requests',
    tag: 'exchange',
    summary: 'Consent requests: those we sent to providers, and those partners sent about our data',
    auth: 'user',
    response: z.object({ requests: z.array(consentViewSchema) }),
    handler: async ({ actor }) => ({ requests: await onward.list(actor) }),
  });
  router.route({
    method: 'get',
    path: '/consent-requests/:id',
    tag: 'exchange',
    summary: 'One consent request (404 outside the need-to-know of the message it concerns)',
    auth: 'user',
    params: idParams,
    response: z.object({ request: consentViewSchema }),
    errors: ['not_found'],
    handler: async ({ actor, params }) => ({ request: await onward.get(actor, params.id) }),
  });
  router.route({
    method: 'post',
    path: '/consent-requests/:id/reply',
    tag: 'exchange',
    summary: "Grant or refuse a partner's request to pass our data on (the answer goes back to it)",
    auth: 'user',
    params: idParams,
    body: z.object({ granted: z.boolean(), conditions: z.string().trim().min(1).max(2000).optional() }),
    status: 204,
    errors: ['not_found', 'already_answered', 'partner_not_verified'],
    handler: async ({ actor, params, body }) => {
      await onward.reply(actor, params.id, body);
      return undefined;
    },
  });
  router.route({
    method: 'post',
    path: '/messages/:id/forward',
    tag: 'exchange',
    summary:
      'Pass a received message on to another partner with its markings (H2/H3: only with the provider’s consent; never TLP:RED or AMBER+STRICT)',
    auth: 'user',
    params: idParams,
    body: z.object({ recipient: z.string().min(2).max(63) }),
    status: 201,
    response: z.object({ message: messageSummarySchema }),
    errors: [
      'not_found',
      'consent_required',
      'onward_transmission_forbidden',
      'not_received',
      'bad_request',
      'partner_not_verified',
    ],
    handler: async ({ actor, params, body }) => ({ message: await onward.forward(actor, params.id, body) }),
  });
}
