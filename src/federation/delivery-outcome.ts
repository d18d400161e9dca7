import { type AuditEntryInput, appendAuditEntries } from '../platform/index.js';
import { retryDelayMs } from './backoff.js';
import { insertNotification } from './notification-store.js';
import { type OutboxRecord, recordAttempt, recordDelivered } from './outbox-store.js';
import { recordPartnerAuditHead } from './partner-store.js';
import { hashEnvelope } from './receipt.js';
import type { FederationRuntime } from './runtime.js';
import type { DeliveryError } from './schema.js';
import { uuidv7 } from './uuidv7.js';

/** What one attempt at one message came to, before it is recorded. */
export type Outcome =
  | { kind: 'delivered'; receiptJws: string; receiverAuditHead?: { seq: number; hash: string } }
  | { kind: 'retry'; error: DeliveryError }
  | { kind: 'failed'; error: DeliveryError };

/** Most of a partner's error answer kept with the message (STYLE: structured, truncated detail). */
export const MAX_ERROR_BODY = 1024;

/**
 * The outcome of a non-200 answer, from its status and error code (PROTOCOL §7.1): timeouts,
 * rate limits and server errors are transient (RFC 9110 §15.5.9, RFC 6585 §4); other 4xx are
 * the partner's decision, which retrying cannot change.
 */
function outcomeOfRefusal(status: number, error: DeliveryError): Outcome {
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', error };
  if (status >= 400 && status < 500) return { kind: 'failed', error };
  return { kind: 'retry', error };
}

/**
 * The outcome of a non-200 answer to a request to a partner's inbox. A `401
 * bad_http_signature` means the partner does not know our signing key: it missed our key
 * rotation (it was down), so it is handed the rotation statement again and the message
 * retried, rather than failed.
 */
export async function outcomeOfAnswer(
  rt: FederationRuntime,
  partnerId: string,
  status: number,
  error: DeliveryError,
): Promise<Outcome> {
  if (status === 401 && error.message.startsWith('bad_http_signature')) {
    const pushed = await rt.pushRotation(partnerId);
    if (pushed === 200)
      return { kind: 'retry', error: { ...error, message: `${error.message} (rotation sent again)` } };
  }
  return outcomeOfRefusal(status, error);
}

/**
 * Records the outcomes of attempts at messages to one partner in one transaction: the
 * outbox rows (delivered ones in one statement), notifications of permanent failures, the
 * partner's latest announced audit head, and one audit entry per message (one append for
 * all of them, so a batch holds the audit chain's head once). An outcome whose row moved on
 * meanwhile (lease lost to another worker) records nothing. Observers hear of each
 * recorded outcome after the commit.
 */
export async function recordOutcomes(
  rt: FederationRuntime,
  items: { row: OutboxRecord; outcome: Outcome }[],
): Promise<void> {
  if (items.length === 0) return;
  const now = rt.clock.now();
  const recorded = await rt.db.transaction().execute(async (tx) => {
    const done: typeof items = [];
    const audit: AuditEntryInput[] = [];
    const delivered = items.filter((i) => i.outcome.kind === 'delivered');
    const deliveredIds = await recordDelivered(
      tx,
      delivered.map(({ row, outcome }) => ({
        id: row.id,
        attempt: row.attempts,
        receiptJws: (outcome as { receiptJws: string }).receiptJws,
      })),
      now,
    );
    let head: { seq: number; hash: string } | undefined;
    for (const item of items) {
      const { row, outcome } = item;
      if (outcome.kind === 'delivered') {
        if (!deliveredIds.has(row.id)) continue;
        if (outcome.receiverAuditHead && (!head || outcome.receiverAuditHead.seq > head.seq))
          head = outcome.receiverAuditHead;
        audit.push({
          actor: 'system',
          action: 'federation.deliver',
          subject: row.id,
          detail: {
            recipient: row.recipient,
            type: row.type,
            attempts: row.attempts,
            receipt: hashEnvelope(outcome.receiptJws),
          },
        });
      } else if (outcome.kind === 'retry') {
        const delay = retryDelayMs(row.attempts, rt.random, rt.settings.baseDelayMs, rt.settings.maxDelayMs);
        // Never schedule past the time-to-live: the dead-letter pass then picks it up on time.
        const next = new Date(Math.min(now.getTime() + delay, row.expiresAt.getTime()));
        const ok = await recordAttempt(tx, row.id, row.attempts, {
          status: 'queued',
          nextAttemptAt: next,
          error: outcome.error,
        });
        if (!ok) continue;
        rt.logger.warn('federation: delivery will be retried', {
          event: 'delivery.retry',
          id: row.id,
          recipient: row.recipient,
          attempts: row.attempts,
          error: outcome.error,
          nextAttemptAt: next.toISOString(),
        });
        audit.push({
          actor: 'system',
          action: 'federation.send_retry',
          subject: row.id,
          detail: {
            recipient: row.recipient,
            attempts: row.attempts,
            error: outcome.error,
            nextAttemptAt: next.toISOString(),
          },
        });
      } else {
        const ok = await recordAttempt(tx, row.id, row.attempts, { status: 'failed', error: outcome.error });
        if (!ok) continue;
        // Refused for good: as visible to administrators as a dead letter.
        await insertNotification(tx, {
          id: uuidv7(rt.clock, rt.randomBytes),
          audience: 'admin',
          kind: 'delivery.failed',
          title: `Message refused by ${row.recipient}`,
          detail: `Message ${row.id} (${row.type}) to ${row.recipient} failed permanently after ${row.attempts} attempt(s): ${outcome.error.message}.`,
          subject: row.id,
          at: now,
        });
        rt.logger.error('federation: delivery failed permanently', {
          event: 'delivery.failed',
          id: row.id,
          recipient: row.recipient,
          type: row.type,
          attempts: row.attempts,
          error: outcome.error,
        });
        audit.push({
          actor: 'system',
          action: 'federation.send_failed',
          subject: row.id,
          detail: { recipient: row.recipient, attempts: row.attempts, error: outcome.error },
        });
      }
      done.push(item);
    }
    if (head) await recordPartnerAuditHead(tx, items[0]!.row.recipient, head, now);
    await appendAuditEntries(tx, rt.clock, audit);
    return done;
  });
  for (const { row, outcome } of recorded) {
    rt.observe({
      id: row.id,
      partner: row.recipient,
      outcome: outcome.kind,
      attempts: row.attempts,
      ...(outcome.kind === 'delivered'
        ? { latencyMs: rt.clock.now().getTime() - row.createdAt.getTime() }
        : {}),
    });
  }
}
