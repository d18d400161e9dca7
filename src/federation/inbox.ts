import { appendAudit, ValidationError } from '../platform/index.js';
import { endpointUrl } from './backoff.js';
import { type EnvelopeFailure, inspectEnvelope, openEnvelope } from './envelope.js';
import { verifyRequest } from './http-signature.js';
import { findInboxReceipt, insertInbox } from './inbox-store.js';
import { findPartner } from './partner-store.js';
import { createReceipt, hashEnvelope } from './receipt.js';
import type { FederationRuntime } from './runtime.js';

/** The request the inbox endpoint hands over: raw body text, exactly as received. */
export interface InboxRequest {
  method: string;
  url: string;
  headers: Headers | Record<string, string | readonly string[] | undefined>;
  body: string;
}

/** The answer to send back: 200 `{ receiptJws }` or a JSON error. */
export interface InboxResponse {
  status: number;
  body: unknown;
}

/** Path of the inbox endpoint (PROTOCOL §7). */
export const INBOX_PATH = '/federation/v1/inbox';

/** Why an inbound request was refused; `code` is the wire error code (PROTOCOL §7.3). */
export interface InboxRefusal {
  status: number;
  code: string;
  message: string;
  reason?: string;
  /** `headerMismatch`: the header members whose outer and signed copies differ. */
  fields?: string[];
}

function envelopeRefusal(reason: EnvelopeFailure): InboxRefusal {
  switch (reason.type) {
    case 'tooLarge':
      return {
        status: 413,
        code: 'payload_too_large',
        message: `Envelope of ${reason.bytes} bytes is too large`,
      };
    case 'expired':
      return {
        status: 400,
        code: 'expired',
        message: 'Envelope is older than the replay window',
        reason: 'expired',
      };
    case 'headerMismatch':
      return {
        status: 400,
        code: 'bad_envelope',
        message: `Envelope refused: headerMismatch (${reason.fields.join(', ')})`,
        reason: reason.type,
        fields: reason.fields,
      };
    default:
      return {
        status: 400,
        code: 'bad_envelope',
        message: `Envelope refused: ${reason.type}`,
        reason: reason.type,
      };
  }
}

/**
 * Writes the refusal to the audit log in its own transaction (the request itself changes
 * nothing) and builds the error answer.
 */
export async function refuseInbound(
  rt: FederationRuntime,
  refusal: InboxRefusal,
  facts: { sender?: string; messageId?: string; type?: string },
): Promise<InboxResponse> {
  await rt.db.transaction().execute(async (tx) => {
    await appendAudit(tx, rt.clock, {
      actor: facts.sender ? `partner:${facts.sender}` : 'anonymous',
      action: 'federation.inbox.refuse',
      subject: facts.messageId ?? null,
      detail: {
        code: refusal.code,
        ...(refusal.reason ? { reason: refusal.reason } : {}),
        ...(refusal.fields ? { fields: refusal.fields } : {}),
        ...(facts.type ? { type: facts.type } : {}),
        // Unauthenticated claims are recorded as such, never as facts.
        ...(facts.sender ? { claimedSender: facts.sender } : {}),
      },
    });
  });
  rt.logger.info('federation: inbound message refused', {
    code: refusal.code,
    reason: refusal.reason,
    ...facts,
  });
  return {
    status: refusal.status,
    body: {
      error: {
        code: refusal.code,
        message: refusal.message,
        ...(refusal.reason ? { reason: refusal.reason } : {}),
        ...(refusal.fields ? { fields: refusal.fields } : {}),
      },
    },
  };
}

/**
 * The idempotent inbox (PROTOCOL §7.3). Cheap checks first (size, outer header, partner
 * trust, RFC 9421 request signature), then a known id is answered with its original
 * receipt before any decryption; a new message is opened (signature, freshness, headers),
 * and the inbox row, the type handler's work and the audit entry commit in one transaction,
 * so a message is processed exactly once however often it arrives.
 */
export async function receiveInbound(rt: FederationRuntime, req: InboxRequest): Promise<InboxResponse> {
  const { settings } = rt;
  if (req.method.toUpperCase() !== 'POST') {
    return refuseInbound(rt, { status: 405, code: 'method_not_allowed', message: 'Use POST' }, {});
  }
  if (typeof req.body !== 'string' || Buffer.byteLength(req.body, 'utf8') > settings.maxEnvelopeBytes) {
    return refuseInbound(
      rt,
      { status: 413, code: 'payload_too_large', message: `Body over ${settings.maxEnvelopeBytes} bytes` },
      {},
    );
  }
  const inspected = inspectEnvelope(req.body, settings.maxEnvelopeBytes);
  if (!inspected.ok) return refuseInbound(rt, envelopeRefusal(inspected.reason), {});
  const outer = inspected.header;
  const facts = { sender: outer.sender, messageId: outer.id, type: outer.type };

  const partner = await findPartner(rt.db, outer.sender);
  if (!partner) {
    return refuseInbound(rt, { status: 403, code: 'unknown_partner', message: 'Unknown sender node' }, facts);
  }
  if (partner.status === 'revoked') {
    return refuseInbound(
      rt,
      { status: 403, code: 'partner_revoked', message: 'Sender node is revoked' },
      facts,
    );
  }
  if (partner.status !== 'verified') {
    return refuseInbound(
      rt,
      { status: 403, code: 'partner_not_verified', message: 'Sender node is not verified yet' },
      facts,
    );
  }
  const card = rt.parseCard(partner.cardJws);

  // RFC 9421: the target URI is rebuilt from this node's public endpoint, not from what a
  // proxy in front of it saw (PROTOCOL §6).
  const signed = await verifyRequest(
    { method: 'POST', url: endpointUrl(rt.endpoint(), INBOX_PATH), headers: req.headers, body: req.body },
    { clock: rt.clock, resolveKey: (kid) => (kid === card.signingKey.kid ? card.signingKey : undefined) },
  );
  if (!signed.ok) {
    return refuseInbound(
      rt,
      {
        status: 401,
        code: 'bad_http_signature',
        message: `HTTP message signature refused: ${signed.reason.type}`,
        reason: signed.reason.type,
      },
      facts,
    );
  }

  // A resend of a message already processed gets the receipt it got the first time.
  const known = await findInboxReceipt(rt.db, outer.id, outer.sender);
  if (known !== undefined) return { status: 200, body: { receiptJws: known } };

  if (outer.recipient === rt.nodeId && !rt.handler(outer.type)) {
    return refuseInbound(
      rt,
      { status: 422, code: 'unknown_type', message: `This node does not accept "${outer.type}" messages` },
      facts,
    );
  }

  const opened = await openEnvelope(req.body, {
    recipient: { nodeId: rt.nodeId, encryptionKeys: rt.decryptionKeys() },
    resolveSenderKey: (nodeId, kid) =>
      nodeId === partner.nodeId && kid === card.signingKey.kid ? card.signingKey : undefined,
    clock: rt.clock,
    replayWindowMs: settings.replayWindowMs,
    maxBytes: settings.maxEnvelopeBytes,
  });
  if (!opened.ok) return refuseInbound(rt, envelopeRefusal(opened.reason), facts);
  const msg = opened.envelope;
  const handler = rt.handler(msg.type);
  if (!handler) {
    return refuseInbound(
      rt,
      { status: 422, code: 'unknown_type', message: `Unknown type "${msg.type}"` },
      facts,
    );
  }

  const receivedAt = rt.clock.now();
  const { receiptJws } = await createReceipt({
    messageId: msg.id,
    sender: msg.sender,
    receiver: rt.nodeId,
    jwe: req.body,
    signingKey: { privateKey: rt.keys().signing.privateKey, kid: rt.keys().signing.publicJwk.kid },
    clock: rt.clock,
  });
  let duplicate = false;
  try {
    await rt.db.transaction().execute(async (tx) => {
      const inserted = await insertInbox(tx, {
        id: msg.id,
        sender: msg.sender,
        type: msg.type,
        createdAt: msg.createdAt,
        receivedAt,
        payloadHash: hashEnvelope(req.body),
        receiptJws,
      });
      if (!inserted) {
        duplicate = true;
        return;
      }
      await handler(tx, {
        id: msg.id,
        sender: msg.sender,
        recipient: msg.recipient,
        type: msg.type,
        createdAt: msg.createdAt,
        receivedAt,
        payload: msg.payload,
      });
      await appendAudit(tx, rt.clock, {
        actor: `partner:${msg.sender}`,
        action: 'federation.receive',
        subject: msg.id,
        detail: { type: msg.type, sender: msg.sender, payloadHash: hashEnvelope(req.body) },
      });
    });
  } catch (err) {
    if (err instanceof ValidationError) {
      return refuseInbound(
        rt,
        { status: 422, code: 'invalid_message', message: err.message, reason: 'invalidPayload' },
        facts,
      );
    }
    throw err;
  }
  if (duplicate) {
    // A concurrent delivery of the same id committed first: answer with its receipt.
    const original = await findInboxReceipt(rt.db, msg.id, msg.sender);
    if (original !== undefined) return { status: 200, body: { receiptJws: original } };
    return refuseInbound(rt, { status: 409, code: 'conflict', message: 'Message id already used' }, facts);
  }
  return { status: 200, body: { receiptJws } };
}
