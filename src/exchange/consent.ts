/**
 * Purpose and restrictions travel with the data (DESIGN §4, Europol handling codes): data
 * received under H2 (or H3) goes on to a third partner only with its provider's consent,
 * asked and given through the federation (`consent.request` / `consent.reply`,
 * docs/PROTOCOL.md §8.6). TLP:RED and TLP:AMBER+STRICT never go on. A forwarded message
 * keeps the provider's handling code, restriction, legal basis and purpose, and passes the
 * outgoing review like any other.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { InboundMessage } from '../federation/index.js';
import { type Actor, auditActor, canSee, notifyDpo, requirePermission } from '../governance/index.js';
import {
  ApiError,
  appendAudit,
  ConflictError,
  type DatabaseSchema,
  NotFoundError,
  type Tx,
  ValidationError,
} from '../platform/index.js';
import { messageRecord } from './message-record.js';
import type { ExchangeService } from './service.js';
import * as store from './store.js';
import type { MessageSummary } from './views.js';

export const CONSENT_REQUEST_TYPE = 'consent.request';
export const CONSENT_REPLY_TYPE = 'consent.reply';

/** Payload of `consent.request`. */
export const consentRequestPayloadSchema = z.strictObject({
  requestId: z.uuid(),
  /** The provider's message the asker would pass on. */
  messageId: z.uuid(),
  /** Node id of the third partner it would go to. */
  recipient: z.string().min(2).max(63),
  purpose: z.string().trim().min(1).max(1000),
});

/** Payload of `consent.reply`. */
export const consentReplyPayloadSchema = z.strictObject({
  requestId: z.uuid(),
  granted: z.boolean(),
  /** Conditions of the consent, or why it is refused. */
  conditions: z.string().trim().min(1).max(2000).optional(),
});

export const consentViewSchema = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  messageId: z.string(),
  partner: z.string(),
  recipient: z.string(),
  purpose: z.string(),
  status: z.enum(['pending', 'granted', 'refused']),
  conditions: z.string().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
});
/** A consent request as the API shows it. */
export type ConsentView = z.infer<typeof consentViewSchema>;

const NEEDS_CONSENT = ['H2', 'H3'];
const NEVER_ONWARD = ['RED', 'AMBER+STRICT'];

/** Consent requests and onward transmission. */
export class OnwardTransmission {
  constructor(private readonly exchange: ExchangeService) {}

  async #received(actor: Actor, id: string): Promise<store.MessageRow> {
    const row = await store.getMessage(this.exchange.o.db, id);
    if (!row || row.type === 'ack') throw new NotFoundError('No such message');
    await this.exchange.o.access.requireVisible(actor, messageRecord(row));
    if (row.direction !== 'in') {
      throw new ConflictError('Only data received from a partner is passed on', 'not_received');
    }
    return row;
  }

  /** Asks the provider of a received message for consent to pass it to `recipient`. */
  async ask(
    actor: Actor,
    messageId: string,
    input: { recipient: string; purpose: string },
  ): Promise<ConsentView> {
    requirePermission(actor, 'message.send');
    const row = await this.#received(actor, messageId);
    if (input.recipient === row.partner) throw new ValidationError('The provider already holds its data');
    const { db, clock, transport } = this.exchange.o;
    const id = randomUUID();
    const envelopeId = this.exchange.newId();
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('consent_requests')
        .values({
          id,
          direction: 'out',
          message_id: messageId,
          partner: row.partner,
          recipient: input.recipient,
          purpose: input.purpose,
          status: 'pending',
          conditions: null,
          requested_by: auditActor(actor),
          created_at: clock.now(),
          answered_at: null,
          answered_by: null,
          request_envelope_id: envelopeId,
        })
        .execute();
      await transport.enqueue(tx, {
        id: envelopeId,
        recipient: row.partner,
        type: CONSENT_REQUEST_TYPE,
        payload: { requestId: id, messageId, recipient: input.recipient, purpose: input.purpose },
      });
      await appendAudit(tx, clock, {
        actor: auditActor(actor),
        action: 'consent.request',
        subject: `message:${messageId}`,
        detail: {
          request: id,
          provider: row.partner,
          recipient: input.recipient,
          purposeSha256: sha256(input.purpose),
        },
      });
    });
    transport.nudge?.();
    return (await this.list(actor)).find((c) => c.id === id)!;
  }

  /** Consent requests both ways, newest first. */
  async list(actor: Actor): Promise<ConsentView[]> {
    requirePermission(actor, 'message.read');
    const { db } = this.exchange.o;
    const all = await db
      .selectFrom('consent_requests')
      .selectAll()
      .orderBy('created_at', 'desc')
      .limit(500)
      .execute();
    // A request is about a message: it is listed only to those who may see that message.
    const ntk = await this.exchange.o.access.contextFor(actor);
    const ids = [...new Set(all.map((r) => r.message_id))];
    const messages =
      ids.length > 0 ? await db.selectFrom('messages').selectAll().where('id', 'in', ids).execute() : [];
    const visible = new Set(messages.filter((m) => canSee(ntk, messageRecord(m))).map((m) => m.id));
    return all.filter((r) => visible.has(r.message_id)).map(toConsentView);
  }

  /**
   * One consent request, seen under the need-to-know of the message it concerns: outside
   * it, or once that message is purged, the answer is 404; a refusal by need-to-know is
   * audited.
   */
  async get(actor: Actor, id: string): Promise<ConsentView> {
    requirePermission(actor, 'message.read');
    const { db, access } = this.exchange.o;
    const r = await db.selectFrom('consent_requests').selectAll().where('id', '=', id).executeTakeFirst();
    const original = r ? await store.getMessage(db, r.message_id) : undefined;
    if (!r || !original) throw new NotFoundError('No such consent request');
    if (!canSee(await access.contextFor(actor), messageRecord(original))) {
      await access.auditDenied(actor, { kind: 'consent_request', id });
      throw new NotFoundError('No such consent request');
    }
    return toConsentView(r);
  }

  /** Answers a partner's request about our data; the answer goes back through the federation. */
  async reply(
    actor: Actor,
    id: string,
    input: { granted: boolean; conditions?: string | undefined },
  ): Promise<void> {
    requirePermission(actor, 'message.send');
    const { db, clock, transport } = this.exchange.o;
    const ntk = await this.exchange.o.access.contextFor(actor);
    const outcome = await db.transaction().execute(async (tx) => {
      const r = await tx
        .selectFrom('consent_requests')
        .selectAll()
        .where('id', '=', id)
        .where('direction', '=', 'in')
        .forUpdate()
        .executeTakeFirst();
      const original = r ? await store.getMessage(tx, r.message_id) : undefined;
      // Only someone who may see the data decides whether it goes on.
      if (!r || !original) throw new NotFoundError('No such consent request');
      if (!canSee(ntk, messageRecord(original))) {
        await appendAudit(tx, clock, {
          actor: auditActor(actor),
          action: 'access.denied',
          subject: `consent_request:${id}`,
          detail: { reason: 'need_to_know' },
        });
        return 'denied' as const;
      }
      if (r.status !== 'pending')
        throw new ConflictError('This request was already answered', 'already_answered');
      const now = clock.now();
      const envelopeId = this.exchange.newId();
      await tx
        .updateTable('consent_requests')
        .set({
          status: input.granted ? 'granted' : 'refused',
          conditions: input.conditions ?? null,
          answered_at: now,
          answered_by: auditActor(actor),
          reply_envelope_id: envelopeId,
        })
        .where('id', '=', id)
        .execute();
      await transport.enqueue(tx, {
        id: envelopeId,
        recipient: r.partner,
        type: CONSENT_REPLY_TYPE,
        payload: {
          requestId: id,
          granted: input.granted,
          ...(input.conditions ? { conditions: input.conditions } : {}),
        },
      });
      await appendAudit(tx, clock, {
        actor: auditActor(actor),
        action: input.granted ? 'consent.grant' : 'consent.refuse',
        subject: `message:${r.message_id}`,
        detail: {
          request: id,
          asker: r.partner,
          recipient: r.recipient,
          conditionsSha256: input.conditions ? sha256(input.conditions) : null,
        },
      });
      return 'answered' as const;
    });
    if (outcome === 'denied') throw new NotFoundError('No such consent request');
    transport.nudge?.();
  }

  /**
   * Passes a received message on to another partner, with the provider's markings. H2/H3
   * need the provider's granted consent for that recipient; TLP:RED and AMBER+STRICT never go.
   */
  async forward(actor: Actor, messageId: string, input: { recipient: string }): Promise<MessageSummary> {
    requirePermission(actor, 'message.send');
    const row = await this.#received(actor, messageId);
    if (row.tlp && NEVER_ONWARD.includes(row.tlp)) {
      throw new ApiError(
        409,
        'onward_transmission_forbidden',
        `TLP:${row.tlp} is not passed on to another partner`,
      );
    }
    if (input.recipient === row.partner) throw new ValidationError('The provider already holds its data');
    let consent: string | null = null;
    if (row.handling_code && NEEDS_CONSENT.includes(row.handling_code)) {
      const granted = await this.exchange.o.db
        .selectFrom('consent_requests')
        .select(['id', 'conditions'])
        .where('direction', '=', 'out')
        .where('message_id', '=', messageId)
        .where('recipient', '=', input.recipient)
        .where('status', '=', 'granted')
        .executeTakeFirst();
      if (!granted) {
        throw new ApiError(
          409,
          'consent_required',
          `${row.handling_code}: ${row.partner} must consent before this goes to ${input.recipient}`,
        );
      }
      consent = granted.id;
    }
    const p = row.payload as Record<string, unknown>;
    const keep = [
      'language',
      'crimeAreas',
      'priority',
      'handlingCode',
      'handlingRestriction',
      'tlp',
      'evaluation',
      'legalBasis',
      'purpose',
      'entities',
      'retentionReviewDate',
    ];
    const draft: Record<string, unknown> = Object.fromEntries(
      keep.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]),
    );
    draft.type = 'info';
    draft.subject = `Fwd (${row.partner}): ${String(p.subject ?? '')}`.slice(0, 300);
    draft.body = `Provided by ${row.partner}${consent ? ` and passed on with its consent (${consent})` : ''}.\n\n${String(p.body ?? '')}`;
    const sent = await this.exchange.send(actor, { recipient: input.recipient, message: draft });
    await this.exchange.o.db.transaction().execute((tx) =>
      appendAudit(tx, this.exchange.o.clock, {
        actor: auditActor(actor),
        action: 'message.forward',
        subject: `message:${messageId}`,
        detail: { provider: row.partner, recipient: input.recipient, forwardedAs: sent.id, consent },
      }),
    );
    return sent;
  }

  /** `consent.request` from a partner about a message we sent it. */
  async receiveRequest(tx: Tx, msg: InboundMessage): Promise<void> {
    const p = consentRequestPayloadSchema.safeParse(msg.payload);
    if (!p.success) throw new ValidationError('Invalid consent.request payload');
    const original = await store.getMessage(tx, p.data.messageId);
    if (!original || original.direction !== 'out' || original.partner !== msg.sender) {
      throw new ValidationError('No message sent to this partner has this id');
    }
    await tx
      .insertInto('consent_requests')
      .values({
        id: p.data.requestId,
        direction: 'in',
        message_id: p.data.messageId,
        partner: msg.sender,
        recipient: p.data.recipient,
        purpose: p.data.purpose,
        status: 'pending',
        conditions: null,
        requested_by: `partner:${msg.sender}`,
        created_at: msg.receivedAt,
        answered_at: null,
        answered_by: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await notifyDpo(tx, {
      kind: 'consent_request',
      title: `${msg.sender} asks to pass message ${p.data.messageId} to ${p.data.recipient}`,
      detail: p.data.purpose,
      subject: `message:${p.data.messageId}`,
      at: msg.receivedAt,
    });
    await appendAudit(tx, this.exchange.o.clock, {
      actor: `partner:${msg.sender}`,
      action: 'consent.requested',
      subject: `message:${p.data.messageId}`,
      detail: {
        request: p.data.requestId,
        recipient: p.data.recipient,
        purposeSha256: sha256(p.data.purpose),
      },
    });
  }

  /** `consent.reply` from the provider we asked. */
  async receiveReply(tx: Tx, msg: InboundMessage): Promise<void> {
    const p = consentReplyPayloadSchema.safeParse(msg.payload);
    if (!p.success) throw new ValidationError('Invalid consent.reply payload');
    const res = await tx
      .updateTable('consent_requests')
      .set({
        status: p.data.granted ? 'granted' : 'refused',
        conditions: p.data.conditions ?? null,
        answered_at: msg.receivedAt,
        answered_by: `partner:${msg.sender}`,
      })
      .where('id', '=', p.data.requestId)
      .where('direction', '=', 'out')
      .where('partner', '=', msg.sender)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0)
      throw new ValidationError('No pending request to this partner has this id');
    await appendAudit(tx, this.exchange.o.clock, {
      actor: `partner:${msg.sender}`,
      action: p.data.granted ? 'consent.granted' : 'consent.refused',
      subject: `consent:${p.data.requestId}`,
      detail: { conditionsSha256: p.data.conditions ? sha256(p.data.conditions) : null },
    });
  }
}

function toConsentView(r: Selectable<DatabaseSchema['consent_requests']>): ConsentView {
  return {
    id: r.id,
    direction: r.direction,
    messageId: r.message_id,
    partner: r.partner,
    recipient: r.recipient,
    purpose: r.purpose,
    status: r.status as ConsentView['status'],
    conditions: r.conditions,
    createdAt: new Date(r.created_at).toISOString(),
    answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
  };
}

/** Free text is recorded in the audit (which is never rewritten) by its hash only. */
function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What a purged text becomes where a schema needs some text (an envelope still to be sent). */
const PURGED_TEXT = '[purged]';

/**
 * Empties the free text (purpose, conditions) of every consent request about a message that
 * retention purges, of the outbox copies of the consent envelopes this node sent about it
 * (through `rewrite`, the transport's), and of the DPO notifications that quoted it; the
 * rows stay as tombstones (who asked whom, for which recipient, the answer and its dates).
 * The audit holds only hashes of that text. Returns the requests' ids.
 */
export async function purgeConsentRequests(
  tx: Tx,
  messageId: string,
  now: Date,
  rewrite?: (tx: Tx, id: string, change: (payload: unknown) => unknown) => Promise<boolean>,
): Promise<string[]> {
  const purged = await tx
    .updateTable('consent_requests')
    .set({ purpose: '', conditions: null, purged_at: now })
    .where('message_id', '=', messageId)
    .returning(['id', 'request_envelope_id', 'reply_envelope_id'])
    .execute();
  for (const r of purged) {
    if (r.request_envelope_id) {
      await rewrite?.(tx, r.request_envelope_id, (p) => ({ ...(p as object), purpose: PURGED_TEXT }));
    }
    if (r.reply_envelope_id) {
      await rewrite?.(tx, r.reply_envelope_id, (p) => {
        const { conditions: _dropped, ...rest } = p as Record<string, unknown>;
        return rest;
      });
    }
  }
  if (purged.length > 0) {
    await tx
      .updateTable('notifications')
      .set({ detail: '' })
      .where('kind', '=', 'consent_request')
      .where('subject', '=', `message:${messageId}`)
      .execute();
  }
  return purged.map((r) => r.id);
}
