/**
 * Inbound handlers: what this node does with an operational message a verified partner
 * delivered. They run inside the federation inbox transaction, so the message, its
 * effects (answered request, acknowledgement) and the audit entry commit with the inbox
 * row, or not at all. A `ValidationError` refuses the message: the sender gets 422.
 */
import type { InboundHandler, InboundMessage } from '../federation/index.js';
import { appendAudit, type FieldIssue, type Tx, ValidationError } from '../platform/index.js';
import { messageColumns } from './message-record.js';
import { RECEPTION_UNIT } from './routing.js';
import { type OperationalMessage, parseOperationalMessage } from './schema.js';
import type { ExchangeService } from './service.js';
import * as store from './store.js';
import { exchangePayloadSchema } from './wire.js';

/**
 * How far a message's `createdAt` may lie after the envelope's `iat` (clock skew between the
 * sender's composition and sealing clocks). There is deliberately no lower bound: a message
 * waits in the sender's outbox through a partner outage for up to its time-to-live (7 days by
 * default, longer when an administrator requeues a dead letter), and every attempt is sealed
 * afresh, so `iat` bounds the freshness of the attempt (replay window) and `createdAt` only
 * records when the officer wrote the message. Replays are stopped by message-id
 * de-duplication, not by this time.
 */
const CREATED_AT_MAX_AHEAD_MS = 5 * 60_000;

function refuse(message: string, issues: FieldIssue[] = []): never {
  throw new ValidationError(message, issues);
}

/** Handlers for `rfi`, `reply`, `info`, `alert` and `ack`, keyed by wire message type. */
export function createExchangeHandlers(service: ExchangeService): Record<string, InboundHandler> {
  const handler: InboundHandler = (tx, msg) => receiveMessage(service, tx, msg);
  return { rfi: handler, reply: handler, info: handler, alert: handler, ack: handler };
}

/** Validates and stores one received message; refuses anything inconsistent. */
export async function receiveMessage(service: ExchangeService, tx: Tx, msg: InboundMessage): Promise<void> {
  const { clock, vault } = service.o;
  const wire = exchangePayloadSchema.safeParse(msg.payload);
  if (!wire.success) {
    refuse(
      'Not an exchange payload',
      wire.error.issues.map((i) => ({ path: i.path.join('.'), code: 'invalid', message: i.message })),
    );
  }
  const parsed = parseOperationalMessage(wire.data.message);
  if (!parsed.ok) {
    refuse(
      `Invalid operational message: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      parsed.issues.map((i) => ({ ...i, path: i.path ? `message.${i.path}` : 'message' })),
    );
  }
  const m: OperationalMessage = parsed.message;
  if (m.id !== msg.id || m.type !== msg.type) {
    refuse('The message id and type must be those of the envelope');
  }
  if (Date.parse(m.createdAt) - msg.createdAt.getTime() > CREATED_AT_MAX_AHEAD_MS) {
    refuse('The message createdAt is later than the envelope time', [
      { path: 'message.createdAt', code: 'invalid', message: 'Later than the envelope iat plus 5 minutes' },
    ]);
  }
  if (await store.getMessage(tx, m.id)) refuse('A message with this id is already stored');

  // A partner may only write into its own conversations and refer to its own messages.
  const partners = await store.conversationPartners(tx, m.conversationId);
  if (partners.some((p) => p !== msg.sender)) {
    refuse('The conversation belongs to another partner', [
      { path: 'message.conversationId', code: 'invalid', message: 'Unknown conversation' },
    ]);
  }
  let target: store.MessageRow | undefined;
  if (m.inReplyTo) {
    target = await store.getMessage(tx, m.inReplyTo, true);
    if (!target || target.partner !== msg.sender || target.conversation_id !== m.conversationId) {
      refuse('inReplyTo names no message exchanged with this node in this conversation', [
        { path: 'message.inReplyTo', code: 'invalid', message: 'Unknown message' },
      ]);
    }
    if (
      (m.type === 'reply' && !(target.type === 'rfi' && target.direction === 'out')) ||
      (m.type === 'ack' && (target.direction !== 'out' || target.type === 'ack'))
    ) {
      refuse(`A ${m.type} must refer to a message this node sent`, [
        { path: 'message.inReplyTo', code: 'invalid', message: 'Not a message this node sent' },
      ]);
    }
  }

  const attachments = m.type === 'ack' ? [] : m.attachments;
  const keys = wire.data.transferKeys;
  for (const [i, a] of attachments.entries()) {
    if (!keys[a.id]) {
      refuse('An attachment has no transfer key', [
        { path: `transferKeys.${a.id}`, code: 'required', message: `Missing for attachments.${i}` },
      ]);
    }
    if (await store.getAttachment(tx, a.id)) {
      refuse('An attachment id is already in use on this node', [
        { path: `message.attachments.${i}.id`, code: 'duplicate', message: 'Already known' },
      ]);
    }
  }
  // A key for no attachment is a sender error (PROTOCOL §8.3): refused, not silently kept.
  const named = new Set(attachments.map((a) => a.id));
  const stray = Object.keys(keys).filter((id) => !named.has(id));
  if (stray.length > 0) {
    refuse(
      'A transfer key names no attachment of the message',
      stray.map((id) => ({
        path: `transferKeys.${id}`,
        code: 'invalid',
        message: 'No attachment has this id',
      })),
    );
  }

  await store.insertMessage(tx, {
    ...messageColumns(m),
    ...(await routeReceived(tx, m)),
    direction: 'in',
    partner: msg.sender,
    status: 'received',
    createdBy: null,
    receivedAt: msg.receivedAt,
  });
  for (const a of attachments) {
    await store.insertAttachment(tx, {
      id: a.id,
      messageId: m.id,
      origin: 'partner',
      partner: msg.sender,
      name: a.name,
      mediaType: a.mediaType,
      size: a.size,
      sha256: a.sha256,
      wrappedKey: vault.wrapKey(a.id, Buffer.from(keys[a.id]!, 'base64url')),
      kekId: vault.kekId,
      status: 'pending',
      uploadedBy: null,
      createdAt: msg.receivedAt,
      nextFetchAt: msg.receivedAt,
    });
  }
  if (m.type === 'reply' && m.final && target) await store.markAnswered(tx, target.id);
  if (m.type === 'ack' && target) {
    await store.setAck(tx, target.id, { status: m.status, reason: m.reason ?? null, at: msg.receivedAt });
  }
  await appendAudit(tx, clock, {
    actor: `partner:${msg.sender}`,
    action: 'message.receive',
    subject: `message:${m.id}`,
    detail: {
      type: m.type,
      conversationId: m.conversationId,
      ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
      ...(m.type === 'ack' ? { status: m.status } : {}),
      attachments: attachments.map((a) => a.id),
    },
  });
  await service.o.onMessageReceived?.(tx, { message: m, partner: msg.sender, receivedAt: msg.receivedAt });
  if (attachments.length > 0) service.o.onAttachmentsPending?.();
}

/**
 * Where a received message belongs on this node (need-to-know): the unit and officers it is
 * addressed to, as far as they exist here. Restricted material (H3, TLP:RED), or anything
 * addressed to a unit or officers unknown here, goes to the reception desk, which routes it;
 * an ordinary message addressed to nobody belongs to the whole organisation.
 */
async function routeReceived(
  tx: Tx,
  m: OperationalMessage,
): Promise<{ unit: string | null; addressedOfficers: string[] }> {
  if (m.type === 'ack') return { unit: null, addressedOfficers: [] };
  const asked = m.addressedTo;
  const known = await store.knownAddressees(tx, asked?.unit, asked?.officers ?? []);
  const unit = asked?.unit && known.unit ? asked.unit : null;
  const restricted = m.handlingCode === 'H3' || m.tlp === 'RED';
  const unrouted = (asked !== undefined || restricted) && unit === null && known.officers.length === 0;
  return { unit: unrouted ? RECEPTION_UNIT : unit, addressedOfficers: known.officers };
}
