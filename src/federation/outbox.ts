import { sql } from 'kysely';
import { type Actor, auditActor, requirePermission } from '../governance/index.js';
import {
  ApiError,
  appendAudit,
  CanonicalJsonError,
  ConflictError,
  canonicalize,
  NotFoundError,
  onCommit,
  type Tx,
  ValidationError,
} from '../platform/index.js';
import { messageTypeSchema } from './envelope.js';
import { deliveryView, findOutbox, insertOutbox, listOutbox, requeueMessage } from './outbox-store.js';
import { findPartner } from './partner-store.js';
import type { FederationRuntime } from './runtime.js';
import type { DeliveryStatus, DeliveryView } from './schema.js';
import { isUuidv7, uuidv7 } from './uuidv7.js';

/** Notification channel of new outbox messages (the delivery loop listens on it). */
export const OUTBOX_CHANNEL = 'passerelle_outbox';

/** Largest canonical payload accepted into the outbox: its envelope must stay under 4 MiB. */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;

/** A message a feature module hands to the outbox. */
export interface OutgoingMessage {
  /** Fixed by the caller when its payload repeats the message id (a UUIDv7). */
  id?: string;
  recipient: string;
  type: string;
  payload: unknown;
  ttlMs?: number;
  /** Drains first after an outage (higher first; 0 by default). */
  priority?: number;
}

/**
 * The transactional outbox (PROTOCOL §7): messages are written in the caller's transaction
 * and the delivery loop is woken when it commits. Also the administrators' view of
 * outgoing messages and their manual retry.
 */
export class Outbox {
  readonly #rt: FederationRuntime;
  readonly #notify: boolean;
  readonly #nudge: () => void;

  /**
   * @param notify whether to `pg_notify` listening workers (several processes on one
   *   PostgreSQL); @param nudge wakes this process's delivery loop.
   */
  constructor(rt: FederationRuntime, o: { notify: boolean; nudge: () => void }) {
    this.#rt = rt;
    this.#notify = o.notify;
    this.#nudge = o.nudge;
  }

  /**
   * Writes a message inside the caller's transaction; throws ApiError 409
   * 'partner_not_verified' for an unknown/unverified/revoked recipient.
   */
  async enqueue(tx: Tx, msg: OutgoingMessage): Promise<{ id: string; createdAt: Date }> {
    if (msg.id !== undefined && !isUuidv7(msg.id)) throw new ValidationError('Message id must be a UUIDv7');
    const type = messageTypeSchema.safeParse(msg.type);
    if (!type.success) throw new ValidationError(`Invalid message type "${msg.type}"`);
    let payload: string;
    try {
      payload = canonicalize(msg.payload);
    } catch (err) {
      if (err instanceof CanonicalJsonError || err instanceof TypeError)
        throw new ValidationError(`Payload is not JSON: ${err.message}`);
      throw err;
    }
    if (Buffer.byteLength(payload, 'utf8') > MAX_PAYLOAD_BYTES) {
      throw new ApiError(413, 'payload_too_large', `Payload over ${MAX_PAYLOAD_BYTES} bytes`);
    }
    const partner = await findPartner(tx, msg.recipient);
    if (!partner || partner.status !== 'verified') {
      throw new ApiError(409, 'partner_not_verified', `${msg.recipient} is not a verified partner`);
    }
    const { clock, settings } = this.#rt;
    const createdAt = clock.now();
    const id = msg.id ?? uuidv7(clock, this.#rt.randomBytes);
    const ttl = msg.ttlMs ?? settings.ttlMs;
    await insertOutbox(tx, {
      id,
      recipient: msg.recipient,
      type: type.data,
      payload,
      priority: Math.max(0, Math.min(100, Math.trunc(msg.priority ?? 0))),
      createdAt,
      expiresAt: new Date(createdAt.getTime() + ttl),
    });
    await appendAudit(tx, clock, {
      actor: 'system',
      action: 'federation.enqueue',
      subject: id,
      detail: { recipient: msg.recipient, type: type.data },
    });
    // Delivered to every listening worker (this process or another on the same database)
    // when the caller's transaction commits: the exact moment the message becomes visible.
    if (this.#notify) await sql`select pg_notify(${OUTBOX_CHANNEL}, '')`.execute(tx);
    // And this process's worker, right after the commit, through the transaction helper's
    // hook (the notification above covers callers that opened a raw transaction).
    onCommit(() => this.#nudge());
    return { id, createdAt };
  }

  /**
   * Removes a message from the outbox inside the caller's transaction (its record was
   * purged: the copy waiting here, or kept after delivery, must go too). A send already in
   * flight completes; its outcome then updates nothing. Returns whether a row was removed.
   */
  async discard(tx: Tx, id: string): Promise<boolean> {
    const res = await tx.deleteFrom('outbox').where('id', '=', id).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  /**
   * Rewrites the payload of a message still in the outbox inside the caller's transaction
   * (a person was erased or corrected in its record: a later send, or a retry, carries the
   * change). `change` returns the new payload. Returns whether a row was rewritten.
   */
  async rewrite(tx: Tx, id: string, change: (payload: unknown) => unknown): Promise<boolean> {
    const row = await tx
      .selectFrom('outbox')
      .select('payload')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return false;
    const payload = canonicalize(change(JSON.parse(row.payload)));
    await tx.updateTable('outbox').set({ payload }).where('id', '=', id).execute();
    return true;
  }

  /** Delivery state of outgoing messages by id (ids not found are absent). */
  async status(ids: string[]): Promise<Map<string, DeliveryView>> {
    const rows = await findOutbox(
      this.#rt.db,
      ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
    );
    return new Map(rows.map((r) => [r.id, deliveryView(r)]));
  }

  /** Outgoing messages, newest first. */
  async list(
    actor: Actor,
    filter: { status?: DeliveryStatus; recipient?: string; limit?: number },
  ): Promise<DeliveryView[]> {
    requirePermission(actor, 'partner.read');
    return (await listOutbox(this.#rt.db, filter)).map(deliveryView);
  }

  /** Puts a dead (or failed) message back in the queue with a fresh time-to-live. */
  async retry(actor: Actor, id: string): Promise<DeliveryView> {
    requirePermission(actor, 'partner.manage');
    const { db, clock, settings } = this.#rt;
    await db.transaction().execute(async (tx) => {
      const [row] = await findOutbox(tx, [id]);
      if (!row) throw new NotFoundError(`No message ${id}`);
      if (!(await requeueMessage(tx, id, clock.now(), settings.ttlMs))) {
        throw new ConflictError(`Message ${id} is ${row.status}, not dead or failed`, 'not_retryable');
      }
      await appendAudit(tx, clock, {
        actor: auditActor(actor),
        action: 'federation.retry',
        subject: id,
        detail: { recipient: row.recipient, previousStatus: row.status },
      });
    });
    this.#nudge();
    const [row] = await findOutbox(db, [id]);
    return deliveryView(row!);
  }
}
