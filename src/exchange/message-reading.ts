import {
  type Actor,
  auditActor,
  can,
  canSee,
  isAddressee,
  type NeedToKnowContext,
  requirePermission,
  visibleCondition,
} from '../governance/index.js';
import { appendAudit, appendAuditGrouped, NotFoundError } from '../platform/index.js';
import { MESSAGE_NTK_COLUMNS, messageRecord } from './message-record.js';
import type { ExchangeOptions } from './options.js';
import * as store from './store.js';
import type { DeliveryView } from './transport.js';
import {
  type ExchangeDashboard,
  type MessageDetail,
  type MessageSummary,
  toDetail,
  toSummary,
} from './views.js';

/**
 * Reading messages: listings, one message, a thread, the dashboard counters, and the
 * need-to-know gate other modules use. Content reads are audited; listings hold no
 * personal data.
 */
export class MessageReading {
  constructor(private readonly o: ExchangeOptions) {}

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
    const delivery = await this.deliveries(rows);
    return rows.map((r) => toSummary(r, now, delivery.get(r.id) ?? null));
  }

  /**
   * A message with its content, if it is within the actor's need-to-know (otherwise 404, and
   * the attempt is audited). The read is audited; it marks an incoming message read only
   * when one of its addressees who acts on messages opens it.
   */
  async get(actor: Actor, id: string): Promise<MessageDetail> {
    requirePermission(actor, 'message.read');
    // Three independent reads at once (each on its own pooled connection on PostgreSQL):
    // the row, the actor's need-to-know context and the attachments. The attachments are
    // shown only once the row is found visible.
    const [found, ntk, attachments] = await Promise.all([
      store.getMessage(this.o.db, id),
      this.o.access.contextFor(actor),
      store.listAttachmentsOf(this.o.db, [id]),
    ]);
    if (!found) throw new NotFoundError('No such message');
    const seen = await this.o.access.requireVisible(actor, messageRecord(found), ntk);
    const marksRead = this.#marksRead(actor, ntk);
    const now = this.o.clock.now();
    // The row read above is the one shown: the transaction only confirms the message still
    // exists (retention may have purged it meanwhile), marks it read and audits the read. It
    // is the audit log's group commit: concurrent reads share one transaction and one commit,
    // and this answers only once that commit has made the entry durable and chained.
    const markable = found.direction === 'in' && found.read_at === null && marksRead(found);
    const { result: row } = await appendAuditGrouped(this.o.db, {
      clock: this.o.clock,
      work: async (tx) => {
        const state = markable
          ? await store.markReadReturning(tx, id, now)
          : await store.getReadState(tx, id);
        if (!state) throw new NotFoundError('No such message');
        return { ...found, read_at: state.read_at };
      },
      audit: {
        actor: auditActor(actor),
        action: 'message.read',
        subject: `message:${id}`,
        detail: { partner: found.partner, type: found.type, via: seen.via },
      },
    });
    const delivery = await this.deliveries([row]);
    return toDetail(row, attachments, now, delivery.get(id) ?? null);
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
      this.deliveries(rows),
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
    // Failed deliveries are not counted here: the one figure is the admin dashboard's
    // (GET /dashboard, card deliveriesFailed), over the whole outbox.
    return store.countExchange(this.o.db, now);
  }

  /**
   * Whether the actor's opening of a received message counts as this node reading it: only
   * an addressee who acts on messages (not a viewer, not a break-glass reader).
   */
  #marksRead(actor: Actor, ntk: NeedToKnowContext): (row: store.MessageRow) => boolean {
    return (row) => can(actor, 'message.send') && isAddressee(ntk, messageRecord(row));
  }

  /** Delivery state of the outgoing ones among `rows` (unknown when it cannot be read). */
  async deliveries(
    rows: ReadonlyArray<Pick<store.MessageRow, 'id' | 'direction'>>,
  ): Promise<Map<string, DeliveryView>> {
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
