import type { Readable } from 'node:stream';
import { z } from 'zod';
import { uuidv7 } from '../federation/index.js';
import {
  type Actor,
  activeSharingPolicies,
  auditActor,
  canSee,
  decideOutgoingReview,
  isAddressee,
  type NeedToKnowContext,
  requirePermission,
} from '../governance/index.js';
import {
  appendAudit,
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  type Tx,
  ValidationError,
} from '../platform/index.js';
import { AttachmentAccess } from './attachment-access.js';
import { MessageReading } from './message-reading.js';
import { messageColumns, messageRecord, reviewFacts } from './message-record.js';
import type { ExchangeOptions } from './options.js';
import { holdForReview } from './review-hold.js';
import { type Attachment, deliveryRank, parseOperationalMessage } from './schema.js';
import * as store from './store.js';
import {
  type AckRequest,
  type AttachmentView,
  type ExchangeDashboard,
  type MessageDetail,
  type MessageSummary,
  type SendRequest,
  toSummary,
} from './views.js';
import type { ExchangePayload } from './wire.js';

export type { ExchangeOptions, ReceivedMessageHookInput } from './options.js';

const attachmentIdsSchema = z.array(z.uuid()).max(100);
const SET_BY_NODE = ['id', 'createdAt', 'schemaVersion'] as const;

function prefixed(
  issues: readonly FieldIssue[] | readonly { path: string; code: string; message: string }[],
  prefix: string,
) {
  return issues.map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix }));
}

function invalid(issues: FieldIssue[]): never {
  throw new ValidationError(
    `Invalid message: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    issues,
  );
}

/**
 * Messages between partner agencies: compose, send, acknowledge, read, thread, and the
 * attachments that go with them. Permissions are checked here; every change and every
 * read of a message's content is audited in the same transaction.
 */
export class ExchangeService {
  readonly #reading: MessageReading;
  readonly #attachments: AttachmentAccess;

  constructor(readonly o: ExchangeOptions) {
    this.#reading = new MessageReading(o);
    this.#attachments = new AttachmentAccess(o, () => this.newId());
  }

  /** A fresh message id: UUIDv7, so ids sort by creation time on both nodes. */
  newId(): string {
    return uuidv7(this.o.clock, (n) => this.o.random.bytes(n));
  }

  /**
   * Validates, stores and queues a message to a partner in one transaction with its audit
   * entry: either the partner will receive it, or nothing happened.
   */
  async send(actor: Actor, input: SendRequest): Promise<MessageSummary> {
    requirePermission(actor, 'message.send');
    const draft: Record<string, unknown> = { ...input.message };
    const issues: FieldIssue[] = [];
    for (const key of SET_BY_NODE) {
      if (key in draft) issues.push({ path: `message.${key}`, code: 'invalid', message: 'Set by the node' });
    }
    if ('attachments' in draft) {
      issues.push({
        path: 'message.attachments',
        code: 'invalid',
        message: 'Upload files to /attachments and list their ids in attachmentIds',
      });
    }
    if (draft.type === 'ack') {
      issues.push({
        path: 'message.type',
        code: 'invalid',
        message: 'Acknowledge with POST /messages/:id/ack',
      });
    }
    const ids = attachmentIdsSchema.safeParse(draft.attachmentIds ?? []);
    if (!ids.success) {
      issues.push(
        ...ids.error.issues.map((i) => ({
          path: ['message', 'attachmentIds', ...i.path.map(String)].join('.'),
          code: 'invalid',
          message: i.message,
        })),
      );
    }
    if (issues.length > 0) invalid(issues);
    delete draft.attachmentIds;
    const attachmentIds = ids.data ?? [];
    if (new Set(attachmentIds).size !== attachmentIds.length) {
      invalid([
        { path: 'message.attachmentIds', code: 'duplicate', message: 'An attachment is listed twice' },
      ]);
    }
    const ntk = await this.o.access.contextFor(actor);
    const unit = this.#owningUnit(ntk, input.unit);
    const addressed = draft.addressedTo as { officers?: unknown[] } | undefined;
    if (draft.tlp === 'RED' && !(Array.isArray(addressed?.officers) && addressed.officers.length > 0)) {
      invalid([
        {
          path: 'message.addressedTo.officers',
          code: 'named_recipients_required',
          message: 'TLP:RED is for named recipients only: name the officers it is for',
        },
      ]);
    }
    const recipient = input.recipient;
    const id = this.newId();
    const createdAt = this.o.clock.now();
    const by = auditActor(actor);

    const row = await this.o.db.transaction().execute(async (tx) => {
      const conversationId = await this.#conversationFor(tx, recipient, draft, id, ntk);
      const files = await this.#claimUploads(tx, actor, attachmentIds);
      const full = {
        ...draft,
        schemaVersion: 1,
        id,
        createdAt: createdAt.toISOString(),
        conversationId,
        attachments: files.map(
          (f): Attachment => ({
            id: f.id,
            name: f.name,
            mediaType: f.media_type,
            size: Number(f.size),
            sha256: f.sha256,
          }),
        ),
      };
      const parsed = parseOperationalMessage(full);
      if (!parsed.ok) invalid(prefixed(parsed.issues, 'message'));
      const message = parsed.message;
      const review = decideOutgoingReview(
        reviewFacts(message, recipient),
        await activeSharingPolicies(tx, recipient),
      );
      const held = review.outcome === 'hold';
      await store.insertMessage(tx, {
        ...messageColumns(message),
        unit,
        direction: 'out',
        partner: recipient,
        status: held ? 'held' : 'sent',
        createdBy: by,
        receivedAt: null,
        reviewStatus: held ? 'pending' : review.outcome === 'after' ? 'sent_before_review' : null,
        reviewFlags: review.flags,
      });
      const transferKeys: Record<string, string> = {};
      for (const f of files) {
        const key = this.o.random.bytes(32);
        transferKeys[f.id] = Buffer.from(key).toString('base64url');
        await store.bindAttachment(tx, f.id, id, this.o.vault.wrapKey(f.id, Buffer.from(key)));
      }
      if (held) {
        await holdForReview(tx, { id, recipient, type: message.type, flags: review.flags, at: createdAt });
      } else {
        if (message.type === 'reply' && message.final) await store.markAnswered(tx, message.inReplyTo);
        const payload: ExchangePayload = {
          message: message as unknown as Record<string, unknown>,
          transferKeys,
        };
        await this.o.transport.enqueue(tx, {
          id,
          recipient,
          type: message.type,
          payload,
          priority: deliveryRank((message as { priority?: unknown }).priority),
        });
        await this.o.onMessageSent?.(tx, { message, partner: recipient, receivedAt: createdAt });
      }
      await appendAudit(tx, this.o.clock, {
        actor: by,
        action: held ? 'message.hold' : 'message.send',
        subject: `message:${id}`,
        detail: {
          partner: recipient,
          type: message.type,
          conversationId,
          ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
          attachments: files.map((f) => f.id),
          review: { outcome: review.outcome, flags: review.flags, coveredBy: review.coveredBy },
        },
      });
      return (await store.getMessage(tx, id))!;
    });
    this.o.transport.nudge?.();
    const delivery = await this.#reading.deliveries([row]);
    return toSummary(row, this.o.clock.now(), delivery.get(row.id) ?? null);
  }

  /** The unit of this node an outgoing message belongs to: one of the author's units. */
  #owningUnit(ntk: NeedToKnowContext, asked: string | undefined): string | null {
    if (asked === undefined) return [...ntk.units].sort()[0] ?? null;
    if (!ntk.units.has(asked)) {
      invalid([{ path: 'unit', code: 'not_member', message: 'You are not a member of this unit' }]);
    }
    return asked;
  }

  /** The conversation a new outgoing message joins, checked against the recipient. */
  async #conversationFor(
    tx: Tx,
    recipient: string,
    draft: Record<string, unknown>,
    id: string,
    ntk: NeedToKnowContext,
  ): Promise<string> {
    const given = typeof draft.conversationId === 'string' ? draft.conversationId : undefined;
    if (typeof draft.inReplyTo === 'string') {
      const ref = z.uuid().safeParse(draft.inReplyTo).success
        ? await store.getMessage(tx, draft.inReplyTo)
        : undefined;
      // A message outside the author's need-to-know is answered as if it did not exist.
      if (!ref || ref.partner !== recipient || ref.type === 'ack' || !canSee(ntk, messageRecord(ref))) {
        invalid([
          {
            path: 'message.inReplyTo',
            code: 'not_found',
            message: 'No message exchanged with this partner has this id',
          },
        ]);
      }
      if (draft.type === 'reply' && !(ref.type === 'rfi' && ref.direction === 'in')) {
        invalid([
          {
            path: 'message.inReplyTo',
            code: 'invalid',
            message: 'A reply answers a request for information received from this partner',
          },
        ]);
      }
      if (given && given !== ref.conversation_id) {
        invalid([
          {
            path: 'message.conversationId',
            code: 'invalid',
            message: 'Not the conversation of the message replied to',
          },
        ]);
      }
      return ref.conversation_id;
    }
    if (given) {
      const thread = z.uuid().safeParse(given).success ? await store.listConversation(tx, given) : [];
      if (
        thread.length === 0 ||
        thread.some((m) => m.partner !== recipient) ||
        !thread.some((m) => canSee(ntk, messageRecord(m)))
      ) {
        invalid([
          {
            path: 'message.conversationId',
            code: 'not_found',
            message: 'No conversation with this partner has this id',
          },
        ]);
      }
      return given;
    }
    // A new thread is named after its first message.
    return id;
  }

  /** Locks the uploads a message will carry; only their uploader may send them, once. */
  async #claimUploads(tx: Tx, actor: Actor, ids: string[]): Promise<store.AttachmentRow[]> {
    const rows = await store.getAttachmentsForUpdate(tx, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const issues: FieldIssue[] = [];
    const files = ids.map((id, i) => {
      const r = byId.get(id);
      if (!r || r.origin !== 'upload' || r.uploaded_by !== auditActor(actor) || r.status !== 'stored') {
        issues.push({
          path: `message.attachmentIds.${i}`,
          code: 'not_found',
          message: 'No upload of yours has this id',
        });
      } else if (r.message_id !== null) {
        issues.push({
          path: `message.attachmentIds.${i}`,
          code: 'invalid',
          message: 'This file was already sent with another message; upload it again',
        });
      }
      return r!;
    });
    if (issues.length > 0) invalid(issues);
    return files;
  }

  /**
   * Acknowledges a received message (read, accepted, declined with a reason): records it
   * here and sends an `ack` to the partner, in one transaction.
   */
  async ack(actor: Actor, messageId: string, input: AckRequest): Promise<MessageSummary> {
    requirePermission(actor, 'message.send');
    const by = auditActor(actor);
    const ntk = await this.o.access.contextFor(actor);
    const found = await store.getMessage(this.o.db, messageId);
    if (!found) throw new NotFoundError('No such message');
    await this.o.access.requireVisible(actor, messageRecord(found), ntk);
    // Only an addressee speaks for this node; a break-glass reader does not acknowledge.
    if (found.direction === 'in' && !isAddressee(ntk, messageRecord(found))) {
      throw new ForbiddenError('Only those the message is addressed to acknowledge it', 'not_addressee');
    }
    const row = await this.o.db.transaction().execute(async (tx) => {
      const target = await store.getMessage(tx, messageId, true);
      if (!target) throw new NotFoundError('No such message');
      if (target.direction !== 'in' || target.type === 'ack') {
        throw new ConflictError(
          'Only messages received from a partner are acknowledged',
          'not_acknowledgeable',
        );
      }
      if (
        target.ack_status === 'accepted' ||
        target.ack_status === 'declined' ||
        target.ack_status === input.status
      ) {
        throw new ConflictError(`This message is already ${target.ack_status}`, 'already_acknowledged');
      }
      const id = this.newId();
      const now = this.o.clock.now();
      const parsed = parseOperationalMessage({
        schemaVersion: 1,
        type: 'ack',
        id,
        createdAt: now.toISOString(),
        conversationId: target.conversation_id,
        inReplyTo: target.id,
        status: input.status,
        ...(input.reason ? { reason: input.reason } : {}),
      });
      if (!parsed.ok) invalid(parsed.issues);
      await store.insertMessage(tx, {
        ...messageColumns(parsed.message),
        direction: 'out',
        partner: target.partner,
        status: 'sent',
        createdBy: by,
        receivedAt: null,
      });
      await store.setAck(tx, target.id, { status: input.status, reason: input.reason ?? null, at: now });
      await store.markRead(tx, target.id, now);
      const payload: ExchangePayload = {
        message: parsed.message as unknown as Record<string, unknown>,
        transferKeys: {},
      };
      await this.o.transport.enqueue(tx, { id, recipient: target.partner, type: 'ack', payload });
      await appendAudit(tx, this.o.clock, {
        actor: by,
        action: 'message.ack',
        subject: `message:${target.id}`,
        detail: { partner: target.partner, status: input.status, ack: id },
      });
      return (await store.getMessage(tx, target.id))!;
    });
    this.o.transport.nudge?.();
    return toSummary(row, this.o.clock.now(), null);
  }

  // --- Reading (message-reading.ts) ----------------------------------------------------------

  /**
   * The ids of the messages `actor` may see (need-to-know), as a subquery other modules put
   * in their own listings (the TAXII collections serve only alerts from visible messages).
   */
  visibleMessageIds(actor: Actor): ReturnType<MessageReading['visibleMessageIds']> {
    return this.#reading.visibleMessageIds(actor);
  }

  /** The inbox and sent messages, filtered; summaries hold no personal data, so no audit. */
  list(actor: Actor, filter: store.MessageFilter): Promise<MessageSummary[]> {
    return this.#reading.list(actor, filter);
  }

  /** A message with its content, within the actor's need-to-know (else 404, audited); the read is audited. */
  get(actor: Actor, id: string): Promise<MessageDetail> {
    return this.#reading.get(actor, id);
  }

  /** Need-to-know gate for what other modules derive from a message: 404 and an audit entry outside it. */
  requireVisible(actor: Actor, id: string): Promise<void> {
    return this.#reading.requireVisible(actor, id);
  }

  /** A whole thread, oldest first; one audit entry names every message read. */
  conversation(
    actor: Actor,
    conversationId: string,
  ): Promise<{ id: string; subject: string | null; partner: string; messages: MessageDetail[] }> {
    return this.#reading.conversation(actor, conversationId);
  }

  /** Counters for the dashboard. */
  dashboard(actor: Actor): Promise<ExchangeDashboard> {
    return this.#reading.dashboard(actor);
  }

  // --- Attachments (attachment-access.ts) ----------------------------------------------------

  /** Stores an uploaded file; only the uploader may send or download it until it is sent. */
  uploadAttachment(
    actor: Actor,
    input: {
      body: AsyncIterable<Uint8Array>;
      name: string;
      mediaType?: string | undefined;
      length?: number | undefined;
    },
  ): Promise<Omit<AttachmentView, 'status'>> {
    return this.#attachments.upload(actor, input);
  }

  /** Opens an attachment for download by someone who may read its message (or its uploader); audited. */
  openAttachment(actor: Actor, id: string): Promise<{ attachment: AttachmentView; content: Readable }> {
    return this.#attachments.open(actor, id);
  }
}
