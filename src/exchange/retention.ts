/**
 * Retention of messages (DESIGN §8): every message has a review date, the earlier of the
 * one its sender set and the period configured for its legal basis (`retention_rules`). A
 * scheduled scan lists the messages due for the DPO, who extends one (until a date, with a
 * reason) or purges it. A purge deletes the message, its acknowledgements and its files,
 * leaves an audit tombstone, and tells the partner that provided it (`retention.deleted`,
 * docs/PROTOCOL.md §8.5). Consent requests about a purged message stay as tombstones
 * without their free text.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { InboundMessage } from '../federation/index.js';
import {
  type Actor,
  auditActor,
  notifyDpo,
  type RetentionPurgeInput,
  type RetentionSource,
  requirePermission,
} from '../governance/index.js';
import {
  appendAudit,
  ConflictError,
  type Db,
  NotFoundError,
  type Tx,
  ValidationError,
} from '../platform/index.js';
import { purgeConsentRequests } from './consent.js';
import type { ExchangeService } from './service.js';

/** Type of the federation message that tells a provider its data was deleted. */
export const RETENTION_DELETED_TYPE = 'retention.deleted';

/** Payload of `retention.deleted`. */
export const retentionDeletedSchema = z.strictObject({
  /** Id of the message the receiver deleted (the provider's own outgoing message). */
  messageId: z.uuid(),
  deletedAt: z.iso.datetime({ offset: true }),
  reason: z.enum(['retention', 'erasure']),
});

export const retentionDueViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  direction: z.string(),
  partner: z.string(),
  subject: z.string().nullable(),
  createdAt: z.string(),
  dueOn: z.string(),
  legalBasis: z.string().nullable(),
  handlingCode: z.string().nullable(),
});
/** A message due for its retention review. */
export type RetentionDueView = z.infer<typeof retentionDueViewSchema>;

export const retentionRuleSchema = z.object({
  recordType: z.enum(['message', 'dvi_post_mortem', 'dvi_ante_mortem', 'case_document']),
  legalBasis: z.string().trim().min(1).max(500),
  reviewAfterDays: z.number().int().min(1).max(36_500),
});

const SCAN_EVERY_MS = 60 * 60_000;

/** The due date of a message, in SQL: its own review date or its legal basis's period. */
const dueOn = sql<string>`least(
  m.retention_review_date,
  (m.created_at + make_interval(days => (
    select r.review_after_days from retention_rules r
    where r.record_type = 'message' and (r.legal_basis = m.payload->>'legalBasis' or r.legal_basis = '*')
    order by (r.legal_basis = '*') limit 1)))::date)`;

/** Retention reviews and purges of messages. */
export class MessageRetention {
  #timer: NodeJS.Timeout | undefined;
  readonly #sources: RetentionSource[] = [];
  constructor(private readonly exchange: ExchangeService) {}

  /** Adds another module's records (DVI records, case documents) to the scan, the due list, extend and purge. */
  addSource(source: RetentionSource): void {
    this.#sources.push(source);
  }

  get #db(): Db {
    return this.exchange.o.db;
  }

  /**
   * Lists the messages due for review into `retention_due`, if the job is due. The job row
   * is claimed with FOR UPDATE SKIP LOCKED: with several processes on one database, one
   * runs the scan and the others skip it rather than wait. `force` runs it now (the DPO's
   * "scan now"). Returns the number of newly listed messages, or null when skipped.
   */
  async scan(force = false): Promise<number | null> {
    const { clock } = this.exchange.o;
    const now = clock.now();
    return this.#db.transaction().execute(async (tx) => {
      let q = tx.selectFrom('scheduled_jobs').select('name').where('name', '=', 'retention.scan');
      if (!force) q = q.where('next_run_at', '<=', now);
      const job = await q.forUpdate().skipLocked().executeTakeFirst();
      if (!job) return null;
      const today = now.toISOString().slice(0, 10);
      const listed = await sql<{ record_id: string }>`
        insert into retention_due (record_kind, record_id, due_on, listed_at)
        select 'message', m.id, ${dueOn}, ${now} from messages m
        where m.type <> 'ack'
          and coalesce(m.retention_extended_until, ${dueOn}) <= ${today}::date
        on conflict do nothing
        returning record_id`.execute(tx);
      for (const source of this.#sources) {
        for (const id of await source.scan(tx, now)) listed.rows.push({ record_id: id });
      }
      await tx
        .updateTable('scheduled_jobs')
        .set({ last_run_at: now, next_run_at: new Date(now.getTime() + SCAN_EVERY_MS) })
        .where('name', '=', 'retention.scan')
        .execute();
      const count = listed.rows.length;
      if (count > 0) {
        await notifyDpo(tx, {
          kind: 'retention_due',
          title: `${count} record(s) due for retention review`,
          detail: 'Extend with a reason, or purge.',
          subject: 'retention',
          at: now,
        });
        await appendAudit(tx, clock, {
          actor: 'system',
          action: 'retention.scan',
          subject: 'retention',
          detail: { listed: listed.rows.map((r) => r.record_id) },
        });
      }
      return count;
    });
  }

  /** Runs the scan on a schedule until {@link stop}. */
  start(intervalMs = 5 * 60_000): void {
    const tick = () =>
      this.scan().catch((err) => this.exchange.o.logger.warn('retention scan failed', { err }));
    this.#timer = setInterval(tick, intervalMs);
    this.#timer.unref();
  }

  /** Stops the schedule. */
  stop(): void {
    clearInterval(this.#timer);
  }

  /** Messages due for review (DPO). */
  async listDue(actor: Actor): Promise<RetentionDueView[]> {
    requirePermission(actor, 'retention.manage');
    const rows = await this.#db
      .selectFrom('retention_due as d')
      .innerJoin('messages as m', 'm.id', 'd.record_id')
      .select([
        'm.id',
        'm.type',
        'm.direction',
        'm.partner',
        'm.subject',
        'm.created_at',
        'd.due_on',
        'm.handling_code',
        sql<string | null>`m.payload->>'legalBasis'`.as('legal_basis'),
      ])
      .orderBy('d.due_on')
      .execute();
    const messages: RetentionDueView[] = rows.map((r) => ({
      id: r.id,
      type: r.type,
      direction: r.direction,
      partner: r.partner,
      subject: r.subject,
      createdAt: new Date(r.created_at).toISOString(),
      dueOn: typeof r.due_on === 'string' ? r.due_on : new Date(r.due_on).toISOString().slice(0, 10),
      legalBasis: r.legal_basis,
      handlingCode: r.handling_code,
    }));
    const others = await Promise.all(this.#sources.map((s) => s.listDue()));
    return [...messages, ...others.flat()].sort((x, y) => x.dueOn.localeCompare(y.dueOn));
  }

  /** Sets the review period of a record type under a legal basis (`*`: the default). */
  async setRule(actor: Actor, rule: z.infer<typeof retentionRuleSchema>): Promise<void> {
    requirePermission(actor, 'retention.manage');
    const { clock } = this.exchange.o;
    await this.#db.transaction().execute(async (tx) => {
      await tx
        .insertInto('retention_rules')
        .values({
          record_type: rule.recordType,
          legal_basis: rule.legalBasis,
          review_after_days: rule.reviewAfterDays,
          updated_at: clock.now(),
        })
        .onConflict((oc) =>
          oc.columns(['record_type', 'legal_basis']).doUpdateSet({
            review_after_days: rule.reviewAfterDays,
            updated_at: clock.now(),
          }),
        )
        .execute();
      await appendAudit(tx, clock, {
        actor: auditActor(actor),
        action: 'retention.rule',
        subject: `retention-rule:${rule.recordType}`,
        detail: { ...rule },
      });
    });
  }

  /** Keeps a message (or another module's record) until `until`, for a stated reason; it leaves the due list. */
  async extend(actor: Actor, id: string, input: { until: string; reason: string }): Promise<void> {
    requirePermission(actor, 'retention.manage');
    const { clock } = this.exchange.o;
    if (input.until <= clock.now().toISOString().slice(0, 10)) {
      throw new ValidationError('The new review date must be in the future', [
        { path: 'body.until', code: 'not_future', message: 'Must be after today' },
      ]);
    }
    if (!(await this.#isMessage(id))) {
      for (const source of this.#sources) if (await source.extend(actor, id, input)) return;
      throw new NotFoundError('No such record');
    }
    await this.#db.transaction().execute(async (tx) => {
      const res = await tx
        .updateTable('messages')
        .set({ retention_extended_until: input.until, retention_extension_reason: input.reason })
        .where('id', '=', id)
        .where('type', '!=', 'ack')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new NotFoundError('No such message');
      await tx.deleteFrom('retention_due').where('record_id', '=', id).execute();
      await appendAudit(tx, clock, {
        actor: auditActor(actor),
        action: 'retention.extend',
        subject: `message:${id}`,
        detail: { until: input.until, reason: input.reason },
      });
    });
  }

  /**
   * Purges a message everywhere on this node: the row, its acknowledgements, its attachment
   * rows and files, its review and break-glass traces, its outbox copy and what other
   * features derived from it (the `onMessagePurged` hook); the audit keeps a tombstone (what
   * it was, never its content). A received message's provider is told.
   */
  async purge(actor: Actor, id: string, input: RetentionPurgeInput): Promise<void> {
    requirePermission(actor, 'retention.manage');
    if (!(await this.#isMessage(id))) {
      for (const source of this.#sources) if (await source.purge(actor, id, input)) return;
      throw new NotFoundError('No such record');
    }
    const { clock, transport, vault } = this.exchange.o;
    const files = await this.#db.transaction().execute(async (tx) => {
      const m = await tx
        .selectFrom('messages')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!m || m.type === 'ack') throw new NotFoundError('No such message');
      if (m.review_status === 'pending') {
        throw new ConflictError('The message awaits review: return it first', 'review_pending');
      }
      const attachments = await tx
        .selectFrom('attachments')
        .select('id')
        .where('message_id', '=', id)
        .execute();
      await tx.deleteFrom('messages').where('type', '=', 'ack').where('in_reply_to', '=', id).execute();
      await tx.deleteFrom('attachments').where('message_id', '=', id).execute();
      await tx.deleteFrom('messages').where('id', '=', id).execute();
      await tx.deleteFrom('retention_due').where('record_id', '=', id).execute();
      await tx
        .deleteFrom('break_glass')
        .where('record_kind', '=', 'message')
        .where('record_id', '=', id)
        .execute();
      // Copies and derivatives elsewhere on this node: the outbox's copy of an outgoing
      // message, and what other features derived from it (screening subjects, STIX objects).
      await transport.discard?.(tx, id);
      await this.exchange.o.onMessagePurged?.(tx, id);
      const now = clock.now();
      // Consent requests about it keep who asked whom and the answer, not their free text.
      const consentRequests = await purgeConsentRequests(tx, id, now, transport.rewrite?.bind(transport));
      if (m.direction === 'in') {
        await transport.enqueue(tx, {
          id: this.exchange.newId(),
          recipient: m.partner,
          type: RETENTION_DELETED_TYPE,
          payload: { messageId: id, deletedAt: now.toISOString(), reason: 'retention' },
        });
      }
      await appendAudit(tx, clock, {
        actor: auditActor(actor),
        action: 'retention.purge',
        subject: `message:${id}`,
        detail: {
          tombstone: {
            type: m.type,
            direction: m.direction,
            partner: m.partner,
            createdAt: new Date(m.created_at).toISOString(),
            payloadSha256: createHash('sha256').update(JSON.stringify(m.payload)).digest('hex'),
            attachments: attachments.map((a) => a.id),
            consentRequests,
          },
          reason: input.reason,
        },
      });
      return attachments.map((a) => a.id);
    });
    // The purge is committed: a file the store cannot remove now (store down) is logged for
    // the operator rather than failing a purge that happened.
    for (const f of files) {
      await vault.remove(f).catch((err: Error) =>
        this.exchange.o.logger.warn('purged attachment file not removed from the store', {
          attachment: f,
          reason: err.message,
        }),
      );
    }
    transport.nudge?.();
  }

  async #isMessage(id: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('messages')
      .select('id')
      .where('id', '=', id)
      .where('type', '!=', 'ack')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Handles `retention.deleted` from a partner: records that it deleted what we provided. */
  async receiveDeleted(tx: Tx, msg: InboundMessage): Promise<void> {
    const parsed = retentionDeletedSchema.safeParse(msg.payload);
    if (!parsed.success) throw new ValidationError('Invalid retention.deleted payload');
    const { clock } = this.exchange.o;
    const res = await tx
      .updateTable('messages')
      .set({ partner_deleted_at: new Date(parsed.data.deletedAt) })
      .where('id', '=', parsed.data.messageId)
      .where('direction', '=', 'out')
      .where('partner', '=', msg.sender)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0)
      throw new ValidationError('No message sent to this partner has this id');
    await notifyDpo(tx, {
      kind: 'partner_deleted',
      title: `${msg.sender} deleted message ${parsed.data.messageId}`,
      detail: `Reason: ${parsed.data.reason}`,
      subject: `message:${parsed.data.messageId}`,
      at: msg.receivedAt,
    });
    await appendAudit(tx, clock, {
      actor: `partner:${msg.sender}`,
      action: 'retention.partner_deleted',
      subject: `message:${parsed.data.messageId}`,
      detail: { reason: parsed.data.reason, deletedAt: parsed.data.deletedAt },
    });
  }
}
