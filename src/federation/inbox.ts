import {
  type AuditEntryInput,
  appendAudit,
  claimText,
  findInvalidText,
  readAuditHead,
  runInTransaction,
  ValidationError,
} from '../platform/index.js';
import { endpointUrl } from './backoff.js';
import { type EnvelopeFailure, inspectEnvelope, openEnvelope } from './envelope.js';
import { verifyRequest } from './http-signature.js';
import { findInboxReceipt, insertInbox } from './inbox-store.js';
import type { NodeCard } from './node-card.js';
import { findPartner, type PartnerRecord, recordPartnerAuditHead } from './partner-store.js';
import { createReceipt, hashEnvelope } from './receipt.js';
import { FederationRefusal } from './refusal.js';
import type { FederationRuntime } from './runtime.js';
import type { InboundHandler } from './schema.js';

/** The request the inbox endpoint hands over: raw body text, exactly as received. */
export interface InboxRequest {
  method: string;
  url: string;
  headers: Headers | Record<string, string | readonly string[] | undefined>;
  body: string;
}

/** What an accepted (or already known) message gets back: the signed receipt. */
export interface InboxReceipt {
  receiptJws: string;
}

/** Path of the inbox endpoint (PROTOCOL §7). */
export const INBOX_PATH = '/federation/v1/inbox';

/** Why an inbound request was refused; `code` is the wire error code (PROTOCOL §7.1). */
export interface InboxRefusal {
  status: number;
  code: string;
  message: string;
  reason?: string;
  /** `headerMismatch`: the header members whose outer and signed copies differ. */
  fields?: string[];
}

export function envelopeRefusal(reason: EnvelopeFailure): InboxRefusal {
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

/** What is known of a refused request: claims until its signature verified. */
export interface RefusalFacts {
  sender?: string;
  messageId?: string;
  type?: string;
  authenticated?: boolean;
}

/** The audit entry of a refusal (`federation.inbox.refuse`). */
export function refusalAuditEntry(refusal: InboxRefusal, facts: RefusalFacts): AuditEntryInput {
  return {
    // Until the request signature has been checked, the sender is only a claim: it is
    // recorded as such (cut short), never as the actor.
    actor: facts.authenticated && facts.sender ? `partner:${facts.sender}` : 'anonymous',
    action: 'federation.inbox.refuse',
    subject: facts.authenticated ? (facts.messageId ?? null) : null,
    detail: {
      code: refusal.code,
      ...(refusal.reason ? { reason: refusal.reason } : {}),
      ...(refusal.fields ? { fields: refusal.fields } : {}),
      ...(facts.type ? { type: claimText(facts.type) } : {}),
      ...(facts.sender ? { claimedSender: claimText(facts.sender) } : {}),
      ...(facts.messageId && !facts.authenticated ? { claimedMessageId: claimText(facts.messageId) } : {}),
    },
  };
}

/** Logs a refusal (the audit log has it too). */
export function logRefusal(rt: FederationRuntime, refusal: InboxRefusal, facts: RefusalFacts): void {
  rt.logger.info('federation: inbound message refused', {
    code: refusal.code,
    reason: refusal.reason,
    sender: claimText(facts.sender),
    messageId: claimText(facts.messageId),
  });
}

/**
 * Writes the refusal to the audit log in its own transaction (the request itself changes
 * nothing) and returns the error for the caller to throw.
 */
export async function refuseInbound(
  rt: FederationRuntime,
  refusal: InboxRefusal,
  facts: RefusalFacts,
): Promise<FederationRefusal> {
  await rt.db.transaction().execute(async (tx) => {
    await appendAudit(tx, rt.clock, refusalAuditEntry(refusal, facts));
  });
  logRefusal(rt, refusal, facts);
  return new FederationRefusal(
    refusal.status,
    refusal.code,
    refusal.message,
    refusal.reason,
    refusal.fields,
    facts.authenticated ? facts.sender : undefined,
  );
}

/**
 * The node id of the verified partner whose RFC 9421 signature this inbox request carries,
 * or undefined. Writes nothing: the rate limiter uses it to let a partner's signed traffic
 * through when other clients behind the same address have exhausted the refusal budget.
 */
export async function authenticatedSender(
  rt: FederationRuntime,
  req: InboxRequest,
): Promise<string | undefined> {
  if (typeof req.body !== 'string' || Buffer.byteLength(req.body, 'utf8') > rt.settings.maxEnvelopeBytes)
    return undefined;
  const inspected = inspectEnvelope(req.body, rt.settings.maxEnvelopeBytes);
  if (!inspected.ok) return undefined;
  const partner = await findPartner(rt.db, inspected.header.sender);
  if (!partner || partner.status !== 'verified') return undefined;
  const signed = await verifyPartnerSignature(rt, req, rt.parseCard(partner.cardJws), INBOX_PATH);
  return signed.ok ? partner.nodeId : undefined;
}

/** What {@link examineEnvelope} found out about one envelope of an authenticated partner. */
export type ExaminedEnvelope =
  | { kind: 'known'; receiptJws: string }
  | { kind: 'refused'; refusal: InboxRefusal }
  | { kind: 'opened'; msg: OpenedEnvelope; handler: InboundHandler };

type OpenedEnvelope = Extract<Awaited<ReturnType<typeof openEnvelope>>, { ok: true }>['envelope'];

/**
 * Steps 4–6 of PROTOCOL §7.4 for one envelope whose sender's request signature verified:
 * a known id gets its original receipt (nothing decrypted), then the type must have a
 * handler, the envelope must open under the partner's key, and its text must be valid.
 * Writes nothing; shared by the single and the batch inbox.
 */
export async function examineEnvelope(
  rt: FederationRuntime,
  partnerId: string,
  card: NodeCard,
  jwe: string,
  outer: { id: string; sender: string; recipient: string; type: string },
  /** The stored receipt of this id, when the caller already looked it up (null: none). */
  knownReceipt?: string | null,
): Promise<ExaminedEnvelope> {
  const known =
    knownReceipt === undefined
      ? await findInboxReceipt(rt.db, outer.id, outer.sender)
      : (knownReceipt ?? undefined);
  if (known !== undefined) return { kind: 'known', receiptJws: known };
  const unknownType = (type: string): ExaminedEnvelope => ({
    kind: 'refused',
    refusal: { status: 422, code: 'unknown_type', message: `This node does not accept "${type}" messages` },
  });
  if (outer.recipient === rt.nodeId && !rt.handler(outer.type)) return unknownType(outer.type);
  const opened = await openEnvelope(jwe, {
    recipient: { nodeId: rt.nodeId, encryptionKeys: rt.decryptionKeys() },
    resolveSenderKey: (nodeId, kid) =>
      nodeId === partnerId && kid === card.signingKey.kid ? card.signingKey : undefined,
    clock: rt.clock,
    replayWindowMs: rt.settings.replayWindowMs,
    maxBytes: rt.settings.maxEnvelopeBytes,
  });
  if (!opened.ok) return { kind: 'refused', refusal: envelopeRefusal(opened.reason) };
  const msg = opened.envelope;
  const textIssue = findInvalidText(msg.payload, 'payload');
  if (textIssue) {
    return {
      kind: 'refused',
      refusal: {
        status: 400,
        code: 'invalid_text',
        message: `Invalid text in ${textIssue.message}`,
        reason: 'invalidText',
      },
    };
  }
  const handler = rt.handler(msg.type);
  if (!handler) return unknownType(msg.type);
  return { kind: 'opened', msg, handler };
}

/**
 * Steps 2–3 of PROTOCOL §7.4 for a request to `path` (the inbox, or the batch inbox): the
 * claimed sender must be a verified partner (403) whose card key signed the request under
 * RFC 9421 (401). Refusals are audited and thrown.
 */
export async function authenticatePartnerRequest(
  rt: FederationRuntime,
  req: InboxRequest,
  path: string,
  facts: RefusalFacts & { sender: string },
): Promise<{ partner: PartnerRecord; card: NodeCard }> {
  const partner = await findPartner(rt.db, facts.sender);
  if (!partner)
    throw await refuseInbound(
      rt,
      { status: 403, code: 'unknown_partner', message: 'Unknown sender node' },
      facts,
    );
  if (partner.status === 'revoked') {
    throw await refuseInbound(
      rt,
      { status: 403, code: 'partner_revoked', message: 'Sender node is revoked' },
      facts,
    );
  }
  if (partner.status !== 'verified') {
    throw await refuseInbound(
      rt,
      { status: 403, code: 'partner_not_verified', message: 'Sender node is not verified yet' },
      facts,
    );
  }
  const card = rt.parseCard(partner.cardJws);
  const signed = await verifyPartnerSignature(rt, req, card, path);
  if (!signed.ok) {
    throw await refuseInbound(
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
  return { partner, card };
}

/**
 * Checks a request's RFC 9421 signature against a partner card's key. The target URI is
 * rebuilt from this node's public endpoint, not from what a proxy in front of it saw
 * (PROTOCOL §6).
 */
export function verifyPartnerSignature(
  rt: FederationRuntime,
  req: InboxRequest,
  card: NodeCard,
  path: string,
) {
  return verifyRequest(
    { method: 'POST', url: endpointUrl(rt.endpoint(), path), headers: req.headers, body: req.body },
    { clock: rt.clock, resolveKey: (kid) => (kid === card.signingKey.kid ? card.signingKey : undefined) },
  );
}

/**
 * The idempotent inbox (PROTOCOL §7.4). Cheap checks first (size, outer header, partner
 * trust, RFC 9421 request signature), then a known id is answered with its original
 * receipt before any decryption; a new message is opened (signature, freshness, headers),
 * and the inbox row, the type handler's work and the audit entry commit in one transaction,
 * so a message is processed exactly once however often it arrives.
 */
export async function receiveInbound(rt: FederationRuntime, req: InboxRequest): Promise<InboxReceipt> {
  const { settings } = rt;
  if (req.method.toUpperCase() !== 'POST') {
    throw await refuseInbound(rt, { status: 405, code: 'method_not_allowed', message: 'Use POST' }, {});
  }
  if (typeof req.body !== 'string' || Buffer.byteLength(req.body, 'utf8') > settings.maxEnvelopeBytes) {
    throw await refuseInbound(
      rt,
      { status: 413, code: 'payload_too_large', message: `Body over ${settings.maxEnvelopeBytes} bytes` },
      {},
    );
  }
  const inspected = inspectEnvelope(req.body, settings.maxEnvelopeBytes);
  if (!inspected.ok) throw await refuseInbound(rt, envelopeRefusal(inspected.reason), {});
  const outer = inspected.header;
  const facts = { sender: outer.sender, messageId: outer.id, type: outer.type };

  const { partner, card } = await authenticatePartnerRequest(rt, req, INBOX_PATH, facts);

  const verified = { ...facts, authenticated: true };
  const examined = await examineEnvelope(rt, partner.nodeId, card, req.body, outer);
  if (examined.kind === 'known') return { receiptJws: examined.receiptJws };
  if (examined.kind === 'refused') throw await refuseInbound(rt, examined.refusal, verified);
  const { msg, handler } = examined;

  const receivedAt = rt.clock.now();
  const { receiptJws } = await createReceipt({
    messageId: msg.id,
    sender: msg.sender,
    receiver: rt.nodeId,
    jwe: req.body,
    signingKey: { privateKey: rt.keys().signing.privateKey, kid: rt.keys().signing.publicJwk.kid },
    clock: rt.clock,
    // The receipt tells the sender where this node's audit chain stands (PROTOCOL §9.1).
    auditHead: await readAuditHead(rt.db),
  });
  let duplicate = false;
  try {
    // Through the helper, so a handler's after-commit work (e.g. fetching attachments) starts
    // when the message is visible.
    await runInTransaction(rt.db, async (tx) => {
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
      if (msg.senderAuditHead) await recordPartnerAuditHead(tx, msg.sender, msg.senderAuditHead, receivedAt);
      await appendAudit(tx, rt.clock, {
        actor: `partner:${msg.sender}`,
        action: 'federation.receive',
        subject: msg.id,
        detail: { type: msg.type, sender: msg.sender, payloadHash: hashEnvelope(req.body) },
      });
    });
  } catch (err) {
    if (err instanceof ValidationError) {
      throw await refuseInbound(
        rt,
        { status: 422, code: 'invalid_message', message: err.message, reason: 'invalidPayload' },
        verified,
      );
    }
    throw err;
  }
  if (duplicate) {
    // A concurrent delivery of the same id committed first: answer with its receipt.
    const original = await findInboxReceipt(rt.db, msg.id, msg.sender);
    if (original !== undefined) return { receiptJws: original };
    throw await refuseInbound(
      rt,
      { status: 409, code: 'conflict', message: 'Message id already used' },
      verified,
    );
  }
  return { receiptJws };
}

/** Audits a request refused before {@link receiveInbound} could read it (body over the limit). */
export function refuseOversized(rt: FederationRuntime): Promise<FederationRefusal> {
  return refuseInbound(
    rt,
    {
      status: 413,
      code: 'payload_too_large',
      message: `Body over ${rt.settings.maxEnvelopeBytes} bytes`,
    },
    {},
  );
}

/** Records, once per window, that an address hit the limit of refused inbox requests. */
export async function recordRateLimited(rt: FederationRuntime, client: string): Promise<void> {
  await rt.db.transaction().execute((tx) =>
    appendAudit(tx, rt.clock, {
      actor: 'anonymous',
      action: 'federation.inbox.rate_limited',
      detail: { client },
    }),
  );
  rt.logger.warn('federation: refused requests rate-limited', { client });
}
