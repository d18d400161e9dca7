import type { Readable } from 'node:stream';
import { z } from 'zod';
import { uuidv7 } from '../federation/index.js';
import {
  type AccessService,
  type Actor,
  activeSharingPolicies,
  auditActor,
  can,
  canSee,
  decideOutgoingReview,
  isAddressee,
  type NeedToKnowContext,
  requirePermission,
  visibleCondition,
} from '../governance/index.js';
import {
  ApiError,
  appendAudit,
  type Clock,
  ConflictError,
  type Db,
  type FieldIssue,
  ForbiddenError,
  findIdempotentAnswer,
  idempotencyRequestHash,
  isUniqueViolation,
  type Logger,
  NotFoundError,
  type Random,
  recordIdempotentAnswer,
  type Tx,
  ValidationError,
} from '../platform/index.js';
import { type AttachmentCheck, verifyStoredAttachments } from './attachment-check.js';
import { AttachmentTooLargeError, type AttachmentVault } from './attachments.js';
import { MESSAGE_NTK_COLUMNS, messageColumns, messageRecord, reviewFacts } from './message-record.js';
import { holdForReview } from './review-hold.js';
import {
  type Attachment,
  attachmentSchema,
  type OperationalMessage,
  parseOperationalMessage,
} from './schema.js';
import * as store from './store.js';
import type { DeliveryView, ExchangeTransport } from './transport.js';
import {
  type AckRequest,
  type AttachmentView,
  type ExchangeDashboard,
  type MessageDetail,
  type MessageSummary,
  type SendRequest,
  toAttachmentView,
  toDetail,
  toSummary,
} from './views.js';
import type { ExchangePayload } from './wire.js';

/** Settings of {@link ExchangeService}. */
export interface ExchangeOptions {
  db: Db;
  clock: Clock;
  random: Random;
  logger: Logger;
  /** This node's id. */
  nodeId: string;
  transport: ExchangeTransport;
  vault: AttachmentVault;
  /** Need-to-know: who may see which message. */
  access: AccessService;
  /** Called after a received message brought attachments to fetch (the fetcher's kick). */
  onAttachmentsPending?: () => void;
  /**
   * Called inside the transaction that stores a received message, after it is stored (other
   * features queue their own work on it, e.g. screening of the persons it names).
   */
  onMessageReceived?: (tx: Tx, received: ReceivedMessageHookInput) => Promise<void>;
  /** Called inside the transaction that stores an outgoing message (same shape; `partner` is the recipient). */
  onMessageSent?: (tx: Tx, sent: ReceivedMessageHookInput) => Promise<void>;
}

/** What {@link ExchangeOptions.onMessageReceived} is given. */
export interface ReceivedMessageHookInput {
  message: OperationalMessage;
  partner: string;
  receivedAt: Date;
}

const attachmentIdsSchema = z.array(z.uuid()).max(100);
const SET_BY_NODE = ['id', 'createdAt', 'schemaVersion'] as const;
/** The operation name stored with an Idempotency-Key of a send. */
const SEND_OPERATION = 'POST /api/v1/messages';

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
  constructor(readonly o: ExchangeOptions) {}

  /** A fresh message id: UUIDv7, so ids sort by creation time on both nodes. */
  newId(): string {
    return uuidv7(this.o.clock, (n) => this.o.random.bytes(n));
  }

  /**
   * Validates, stores and queues a message to a partner in one transaction with its audit
   * entry: either the partner will receive it, or nothing happened.
   */
  /**
   * Reads back every stored attachment and checks it against its recorded SHA-256 (audit
   * verify, restore). Operator tooling: no actor, it reads no content out.
   */
  verifyAttachments(): Promise<AttachmentCheck> {
    return verifyStoredAttachments(this.o.db, this.o.vault);
  }

  async send(actor: Actor, input: SendRequest): Promise<MessageSummary> {
    return this.#send(actor, input);
  }

  /**
   * {@link send} under an `Idempotency-Key`: the first request with the key sends and stores
   * the message id with the key in the same transaction; a retry with the same key and body
   * gets the same message (its current summary) and `replayed: true`, never a second message.
   * The same key with another body answers 422 `idempotency_key_reused`.
   */
  async sendIdempotent(
    actor: Actor,
    input: SendRequest,
    key: string,
  ): Promise<{ message: MessageSummary; replayed: boolean }> {
    requirePermission(actor, 'message.send');
    const requestHash = idempotencyRequestHash(SEND_OPERATION, input);
    const lookup = { userId: actor.userId, key, requestHash };
    const replay = async (): Promise<{ message: MessageSummary; replayed: boolean } | null> => {
      const prior = await findIdempotentAnswer(this.o.db, { ...lookup, now: this.o.clock.now() });
      if (!prior) return null;
      const { messageId } = prior.response as { messageId: string };
      const row = await store.getMessage(this.o.db, messageId);
      if (!row) throw new NotFoundError('The message sent under this Idempotency-Key no longer exists');
      const delivery = await this.#deliveries([row]);
      return { message: toSummary(row, this.o.clock.now(), delivery.get(row.id) ?? null), replayed: true };
    };
    const earlier = await replay();
    if (earlier) return earlier;
    try {
      const message = await this.#send(actor, input, (tx, id) =>
        recordIdempotentAnswer(tx, {
          ...lookup,
          operation: SEND_OPERATION,
          status: 201,
          response: { messageId: id },
          now: this.o.clock.now(),
        }),
      );
      return { message, replayed: false };
    } catch (err) {
      // A concurrent request with the same key committed first: answer as it did.
      if (!isUniqueViolation(err)) throw err;
      const winner = await replay();
      if (!winner) throw err;
      return winner;
    }
  }

  async #send(
    actor: Actor,
    input: SendRequest,
    inTransaction?: (tx: Tx, id: string) => Promise<void>,
  ): Promise<MessageSummary> {
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
        await this.o.transport.enqueue(tx, { id, recipient, type: message.type, payload });
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
      await inTransaction?.(tx, id);
      return (await store.getMessage(tx, id))!;
    });
    this.o.transport.nudge?.();
    const delivery = await this.#deliveries([row]);
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

  /**
   * The ids of the messages `actor` may see (need-to-know), as a subquery other modules put
   * in their own listings (the TAXII collections serve only alerts from visible messages).
   */
  visibleMessageIds(actor: Actor) {
    const visible = visibleCondition(actor, MESSAGE_NTK_COLUMNS, this.o.clock.now());
    return this.o.db.selectFrom('messages').select('messages.id').where(visible);
  }

  /** The inbox and sent messages, filtered; summaries hold no personal data, so no audit. */
  async list(actor: Actor, filter: store.MessageFilter): Promise<MessageSummary[]> {
    requirePermission(actor, 'message.read');
    const now = this.o.clock.now();
    const visible = visibleCondition(actor, MESSAGE_NTK_COLUMNS, now);
    const rows = await store.listMessages(this.o.db, filter, now, visible);
    const delivery = await this.#deliveries(rows);
    return rows.map((r) => toSummary(r, now, delivery.get(r.id) ?? null));
  }

  /**
   * A message with its content, if it is within the actor's need-to-know (otherwise 404, and
   * the attempt is audited). The read is audited; it marks an incoming message read only
   * when one of its addressees who acts on messages opens it.
   */
  async get(actor: Actor, id: string): Promise<MessageDetail> {
    requirePermission(actor, 'message.read');
    const found = await store.getMessage(this.o.db, id);
    if (!found) throw new NotFoundError('No such message');
    const ntk = await this.o.access.contextFor(actor);
    const seen = await this.o.access.requireVisible(actor, messageRecord(found), ntk);
    const marksRead = this.#marksRead(actor, ntk);
    const row = await this.o.db.transaction().execute(async (tx) => {
      const r = await store.getMessage(tx, id);
      if (!r) throw new NotFoundError('No such message');
      if (r.direction === 'in' && marksRead(r)) await store.markRead(tx, id, this.o.clock.now());
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'message.read',
        subject: `message:${id}`,
        detail: { partner: r.partner, type: r.type, via: seen.via },
      });
      return (await store.getMessage(tx, id))!;
    });
    const [attachments, delivery] = await Promise.all([
      store.listAttachmentsOf(this.o.db, [id]),
      this.#deliveries([row]),
    ]);
    return toDetail(row, attachments, this.o.clock.now(), delivery.get(id) ?? null);
  }

  /**
   * Need-to-know gate for other modules that show something derived from a message (its
   * screening flags, its STIX objects): 404 and an audit entry when the actor may not see it.
   */
  async requireVisible(actor: Actor, id: string): Promise<void> {
    const found = await store.getMessage(this.o.db, id);
    if (!found) throw new NotFoundError('No such message');
    await this.o.access.requireVisible(actor, messageRecord(found));
  }

  /** A whole thread, oldest first; one audit entry names every message read. */
  async conversation(
    actor: Actor,
    conversationId: string,
  ): Promise<{ id: string; subject: string | null; partner: string; messages: MessageDetail[] }> {
    requirePermission(actor, 'message.read');
    const ntk = await this.o.access.contextFor(actor);
    const visibleOf = (list: store.MessageRow[]) => list.filter((r) => canSee(ntk, messageRecord(r)));
    const all = await store.listConversation(this.o.db, conversationId);
    if (all.length === 0) throw new NotFoundError('No such conversation');
    if (visibleOf(all).length === 0) {
      await this.o.access.auditDenied(actor, { kind: 'conversation', id: conversationId });
      throw new NotFoundError('No such conversation');
    }
    const marksRead = this.#marksRead(actor, ntk);
    const rows = await this.o.db.transaction().execute(async (tx) => {
      const list = visibleOf(await store.listConversation(tx, conversationId));
      const now = this.o.clock.now();
      for (const r of list)
        if (r.direction === 'in' && r.read_at === null && marksRead(r)) await store.markRead(tx, r.id, now);
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'message.read',
        subject: `conversation:${conversationId}`,
        detail: { partner: list[0]!.partner, messages: list.map((r) => r.id) },
      });
      return visibleOf(await store.listConversation(tx, conversationId));
    });
    const [attachments, delivery] = await Promise.all([
      store.listAttachmentsOf(
        this.o.db,
        rows.map((r) => r.id),
      ),
      this.#deliveries(rows),
    ]);
    const now = this.o.clock.now();
    const first = rows.find((r) => r.subject !== null) ?? rows[0]!;
    return {
      id: conversationId,
      subject: first.subject,
      partner: first.partner,
      messages: rows.map((r) =>
        toDetail(
          r,
          attachments.filter((a) => a.message_id === r.id),
          now,
          delivery.get(r.id) ?? null,
        ),
      ),
    };
  }

  /** Counters for the dashboard. */
  async dashboard(actor: Actor): Promise<ExchangeDashboard> {
    requirePermission(actor, 'dashboard.read');
    const now = this.o.clock.now();
    const counts = await store.countExchange(this.o.db, now);
    // Delivery state lives in the federation outbox; a message fails or dies within its
    // time-to-live (7 days by default), so the last 30 days cover every recent failure.
    const recent = await store.recentOutgoingIds(this.o.db, new Date(now.getTime() - 30 * 86_400_000), 2000);
    const delivery = recent.length > 0 ? await this.o.transport.deliveryStatus(recent) : new Map();
    let deliveriesFailed = 0;
    for (const d of delivery.values()) if (d.status === 'failed' || d.status === 'dead') deliveriesFailed++;
    return { ...counts, deliveriesFailed };
  }

  /**
   * Stores an uploaded file, streamed: hashed, type-checked and encrypted on the way to
   * disk. Only the uploader may send or download it until it is sent.
   */
  async uploadAttachment(
    actor: Actor,
    input: {
      body: AsyncIterable<Uint8Array>;
      name: string;
      mediaType?: string | undefined;
      length?: number | undefined;
    },
  ): Promise<Omit<AttachmentView, 'status'>> {
    requirePermission(actor, 'message.send');
    const name = attachmentSchema.shape.name.safeParse(input.name);
    if (!name.success) {
      throw new ValidationError('Invalid file name (header x-filename)', [
        { path: 'x-filename', code: 'invalid', message: name.error.issues[0]?.message ?? 'invalid' },
      ]);
    }
    if (input.length !== undefined && input.length > this.o.vault.maxBytes)
      throw new AttachmentTooLargeError();
    const id = this.newId();
    const file = await this.o.vault.store(id, input.body, { mediaType: input.mediaType, name: name.data });
    try {
      await this.o.db.transaction().execute(async (tx) => {
        await store.insertAttachment(tx, {
          id,
          messageId: null,
          origin: 'upload',
          partner: null,
          name: name.data,
          mediaType: file.mediaType,
          size: file.size,
          sha256: file.sha256,
          wrappedKey: this.o.vault.wrapKey(id, file.key),
          kekId: this.o.vault.kekId,
          status: 'stored',
          uploadedBy: auditActor(actor),
          createdAt: this.o.clock.now(),
          nextFetchAt: null,
        });
        await appendAudit(tx, this.o.clock, {
          actor: auditActor(actor),
          action: 'attachment.upload',
          subject: `attachment:${id}`,
          detail: { mediaType: file.mediaType, size: file.size, sha256: file.sha256 },
        });
      });
    } catch (err) {
      await this.o.vault.remove(id);
      throw err;
    }
    return { id, name: name.data, mediaType: file.mediaType, size: file.size, sha256: file.sha256 };
  }

  /**
   * Opens an attachment for download by someone who may read its message (or, before it is
   * sent, its uploader). The download is audited.
   */
  async openAttachment(actor: Actor, id: string): Promise<{ attachment: AttachmentView; content: Readable }> {
    requirePermission(actor, 'message.read');
    // A file follows its message: outside the message's need-to-know it does not exist.
    const found = await store.getAttachment(this.o.db, id);
    const message = found?.message_id ? await store.getMessage(this.o.db, found.message_id) : undefined;
    if (found && message) {
      const ntk = await this.o.access.contextFor(actor);
      if (!canSee(ntk, messageRecord(message))) {
        await this.o.access.auditDenied(actor, { kind: 'attachment', id });
        throw new NotFoundError('No such attachment');
      }
    }
    const row = await this.o.db.transaction().execute(async (tx) => {
      const a = await store.getAttachment(tx, id);
      // An unsent upload is its uploader's draft: to anyone else it does not exist.
      if (!a || (a.message_id === null && a.uploaded_by !== auditActor(actor))) {
        throw new NotFoundError('No such attachment');
      }
      if (a.status === 'pending') {
        throw new ApiError(409, 'attachment_pending', 'The file is still being fetched from the partner');
      }
      if (a.status === 'failed') {
        throw new ApiError(409, 'attachment_unavailable', 'The file could not be fetched from the partner');
      }
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'attachment.read',
        subject: `attachment:${id}`,
        detail: { message: a.message_id },
      });
      return a;
    });
    const content = await this.o.vault.openPlaintext(id, this.o.vault.unwrapKey(id, row.wrapped_key));
    return { attachment: toAttachmentView(row), content };
  }

  /**
   * Whether the actor's opening of a received message counts as this node reading it: only
   * an addressee who acts on messages (not a viewer, not a break-glass reader).
   */
  #marksRead(actor: Actor, ntk: NeedToKnowContext): (row: store.MessageRow) => boolean {
    return (row) => can(actor, 'message.send') && isAddressee(ntk, messageRecord(row));
  }

  async #deliveries(rows: store.MessageRow[]): Promise<Map<string, DeliveryView>> {
    const out = rows.filter((r) => r.direction === 'out').map((r) => r.id);
    if (out.length === 0) return new Map();
    try {
      return await this.o.transport.deliveryStatus(out);
    } catch (err) {
      // The inbox stays readable when delivery state cannot be read; it shows as unknown.
      this.o.logger.warn('delivery status unavailable', { err });
      return new Map();
    }
  }
}
