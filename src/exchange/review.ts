/**
 * The DPO's outgoing review (DESIGN §8): messages held by `ExchangeService.send` wait here.
 * The reviewer sees exactly what would leave (the wire message and its files' metadata),
 * and approves it (optionally redacted: subject, body, entities or files taken out), or
 * returns it to its author with a comment. Approval is the moment it is queued to the
 * partner; threat-to-life messages that left first are reviewed after.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../governance/index.js';
import {
  appendAudit,
  ConflictError,
  type FieldIssue,
  NotFoundError,
  ValidationError,
} from '../platform/index.js';
import { deliveryRank, parseOperationalMessage } from './schema.js';
import type { ExchangeService } from './service.js';
import * as store from './store.js';
import { type MessageSummary, messageSummarySchema, toSummary } from './views.js';
import type { ExchangePayload } from './wire.js';

/** Body of an approval: a note and what to take out before it leaves. */
export const approveRequestSchema = z.object({
  note: z.string().trim().min(1).max(2000).optional(),
  redact: z
    .object({
      subject: z.string().trim().min(1).max(300).optional(),
      body: z.string().trim().min(1).max(100_000).optional(),
      removeEntityIds: z.array(z.string().min(1).max(100)).max(500).optional(),
      removeAttachmentIds: z.array(z.uuid()).max(100).optional(),
    })
    .optional(),
});

/** Body of a return to the author. */
export const returnRequestSchema = z.object({ comment: z.string().trim().min(1).max(2000) });

/** One item of the review queue: the summary and exactly what would leave. */
export const reviewItemSchema = messageSummarySchema.extend({
  createdBy: z.string().nullable(),
  /** The operational message as it would be sent. */
  payload: z.record(z.string(), z.unknown()),
});
/** A review queue item. */
export type ReviewItem = z.infer<typeof reviewItemSchema>;

const OPEN = ['pending', 'sent_before_review'];

/** The DPO's queue of outgoing messages. */
export class OutgoingReview {
  constructor(private readonly exchange: ExchangeService) {}

  /** Messages awaiting review (held, and sent first under threat to life); the look is audited. */
  async queue(actor: Actor): Promise<ReviewItem[]> {
    requirePermission(actor, 'message.review');
    const { db, clock } = this.exchange.o;
    const rows = await db
      .selectFrom('messages')
      .selectAll()
      .where('review_status', 'in', OPEN)
      .orderBy('created_at')
      .limit(500)
      .execute();
    await db.transaction().execute((tx) =>
      appendAudit(tx, clock, {
        actor: auditActor(actor),
        action: 'review.list',
        subject: 'review-queue',
        detail: { messages: rows.map((r) => r.id) },
      }),
    );
    const now = clock.now();
    return rows.map((r) => ({
      ...toSummary(r, now, null),
      createdBy: r.created_by,
      payload: r.payload as Record<string, unknown>,
    }));
  }

  /**
   * DPO dashboard figures: messages awaiting review (held or sent first), and those among
   * them that a neutrality rule flagged.
   */
  async counts(actor: Actor): Promise<{ pending: number; neutrality: number }> {
    requirePermission(actor, 'message.review');
    const row = await this.exchange.o.db
      .selectFrom('messages')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn
          .countAll<number>()
          .filterWhere(sql<boolean>`review_flags @> '[{"kind":"neutrality"}]'::jsonb`)
          .as('flagged'),
      ])
      .where('review_status', 'in', OPEN)
      .executeTakeFirstOrThrow();
    return { pending: Number(row.n), neutrality: Number(row.flagged) };
  }

  /**
   * Approves a held message, redacted if asked, and queues it to the partner in the same
   * transaction; for one sent first, records the review after the fact.
   */
  async approve(
    actor: Actor,
    id: string,
    input: z.infer<typeof approveRequestSchema>,
  ): Promise<MessageSummary> {
    requirePermission(actor, 'message.review');
    const { db, clock, vault, transport } = this.exchange.o;
    const removedFiles: string[] = [];
    const row = await db.transaction().execute(async (tx) => {
      const m = await store.getMessage(tx, id, true);
      if (!m || !m.review_status) throw new NotFoundError('No such message in the review queue');
      const now = clock.now();
      const by = auditActor(actor);
      if (m.review_status === 'sent_before_review') {
        if (input.redact)
          throw new ConflictError('This message has already left; it cannot be redacted', 'already_sent');
        await setReview(tx, id, {
          review_status: 'reviewed_after',
          reviewed_by: by,
          reviewed_at: now,
          review_note: input.note ?? null,
        });
        await appendAudit(tx, clock, {
          actor: by,
          action: 'review.after',
          subject: `message:${id}`,
          detail: { note: input.note ?? null },
        });
        return (await store.getMessage(tx, id))!;
      }
      if (m.review_status !== 'pending')
        throw new ConflictError(`This message is ${m.review_status}`, 'not_pending');
      const draft = { ...(m.payload as Record<string, unknown>) };
      const r = input.redact ?? {};
      const redacted: string[] = [];
      if (r.subject) {
        draft.subject = r.subject;
        redacted.push('subject');
      }
      if (r.body) {
        draft.body = r.body;
        redacted.push('body');
      }
      if (r.removeEntityIds?.length) {
        draft.entities = ((draft.entities as Array<{ id?: string }>) ?? []).filter(
          (e) => !r.removeEntityIds!.includes(e.id ?? ''),
        );
        redacted.push('entities');
      }
      const files = await store.listAttachmentsOf(tx, [id]);
      const drop = new Set(r.removeAttachmentIds ?? []);
      if (drop.size > 0) {
        draft.attachments = ((draft.attachments as Array<{ id: string }>) ?? []).filter(
          (a) => !drop.has(a.id),
        );
        redacted.push('attachments');
      }
      // The wire time is the release time: the receiver checks it against the envelope's.
      draft.createdAt = now.toISOString();
      const parsed = parseOperationalMessage(draft);
      if (!parsed.ok) {
        throw new ValidationError(
          `The message can no longer be sent as it is: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          parsed.issues.map((i): FieldIssue => ({ ...i, path: `message.${i.path}` })),
        );
      }
      const message = parsed.message;
      const transferKeys: Record<string, string> = {};
      for (const f of files) {
        if (drop.has(f.id)) {
          await tx.deleteFrom('attachments').where('id', '=', f.id).execute();
          removedFiles.push(f.id);
        } else if (f.transfer_key) {
          transferKeys[f.id] = vault.unwrapKey(f.id, f.transfer_key).toString('base64url');
        }
      }
      await sql`update messages set payload = ${JSON.stringify(message)}::jsonb, status = 'sent',
        has_attachments = ${Object.keys(transferKeys).length > 0},
        subject = ${message.type === 'ack' ? null : message.subject} where id = ${id}`.execute(tx);
      await setReview(tx, id, {
        review_status: 'approved',
        reviewed_by: by,
        reviewed_at: now,
        review_note: input.note ?? null,
      });
      if (message.type === 'reply' && message.final) await store.markAnswered(tx, message.inReplyTo);
      const payload: ExchangePayload = {
        message: message as unknown as Record<string, unknown>,
        transferKeys,
      };
      await transport.enqueue(tx, {
        id,
        recipient: m.partner,
        type: message.type,
        payload,
        priority: deliveryRank((message as { priority?: unknown }).priority),
      });
      await this.exchange.o.onMessageSent?.(tx, { message, partner: m.partner, receivedAt: now });
      await appendAudit(tx, clock, {
        actor: by,
        action: 'review.approve',
        subject: `message:${id}`,
        detail: { partner: m.partner, redacted, removedAttachments: [...drop], note: input.note ?? null },
      });
      return (await store.getMessage(tx, id))!;
    });
    for (const f of removedFiles) await vault.remove(f);
    transport.nudge?.();
    return toSummary(row, clock.now(), null);
  }

  /** Returns a held message to its author with a comment; nothing leaves. */
  async returnToAuthor(
    actor: Actor,
    id: string,
    input: z.infer<typeof returnRequestSchema>,
  ): Promise<MessageSummary> {
    requirePermission(actor, 'message.review');
    const { db, clock } = this.exchange.o;
    const row = await db.transaction().execute(async (tx) => {
      const m = await store.getMessage(tx, id, true);
      if (!m || !m.review_status) throw new NotFoundError('No such message in the review queue');
      if (m.review_status !== 'pending')
        throw new ConflictError(`This message is ${m.review_status}`, 'not_pending');
      const by = auditActor(actor);
      await sql`update messages set status = 'returned' where id = ${id}`.execute(tx);
      await setReview(tx, id, {
        review_status: 'returned',
        reviewed_by: by,
        reviewed_at: clock.now(),
        review_note: input.comment,
      });
      await appendAudit(tx, clock, {
        actor: by,
        action: 'review.return',
        subject: `message:${id}`,
        detail: { author: m.created_by, comment: input.comment },
      });
      return (await store.getMessage(tx, id))!;
    });
    return toSummary(row, clock.now(), null);
  }
}

async function setReview(
  tx: Parameters<typeof store.getMessage>[0],
  id: string,
  v: { review_status: string; reviewed_by: string; reviewed_at: Date; review_note: string | null },
): Promise<void> {
  await tx.updateTable('messages').set(v).where('id', '=', id).execute();
}
