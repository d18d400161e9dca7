import { appendAudit, readAuditHead } from '../platform/index.js';
import { endpointUrl, retryDelayMs } from './backoff.js';
import { sealEnvelope } from './envelope.js';
import { signRequest } from './http-signature.js';
import { INBOX_PATH } from './inbox.js';
import { insertNotification } from './notification-store.js';
import {
  claimDueMessages,
  deadLetterExpired,
  type OutboxRecord,
  recordAttempt,
  releaseLease,
  releaseLeasesOf,
} from './outbox-store.js';
import { findPartner, type PartnerRecord, recordPartnerAuditHead } from './partner-store.js';
import { describeReceiptFailure, hashEnvelope, receiptProvesDelivery, verifyReceipt } from './receipt.js';
import type { FederationRuntime } from './runtime.js';
import type { DeliveryError } from './schema.js';
import { uuidv7 } from './uuidv7.js';

type Outcome =
  | { kind: 'delivered'; receiptJws: string; receiverAuditHead?: { seq: number; hash: string } }
  | { kind: 'retry'; error: DeliveryError }
  | { kind: 'failed'; error: DeliveryError };

const MAX_ERROR_BODY = 1024;

/**
 * One round of the delivery worker: dead-letters what outlived its time-to-live (with an
 * administrator notification), claims due messages and sends them. Returns how many
 * messages it dealt with, so the caller can loop while there is work.
 */
export async function runDeliveryRound(
  rt: FederationRuntime,
  options: { deadLetters?: boolean } = {},
): Promise<number> {
  rt.sweep.rounds++;
  try {
    return await deliveryRound(rt, options);
  } finally {
    rt.sweep.rounds--;
  }
}

/**
 * Hands back the leases this process holds but no longer works on, so that recovery never
 * waits for a lease to run out: attempts whose bookkeeping failed (the connection was cut),
 * and, after a claim that failed mid-way (it may have committed unseen), every lease under
 * this process's id while no other round of this process is running.
 */
async function releaseOrphans(rt: FederationRuntime): Promise<void> {
  for (const [id, attempt] of [...rt.orphans]) {
    await releaseLease(rt.db, id, attempt);
    rt.orphans.delete(id);
  }
  const owner = rt.owner();
  if (rt.sweep.pending && rt.sweep.rounds === 1 && owner !== null) {
    await releaseLeasesOf(rt.db, owner);
    rt.sweep.pending = false;
  }
}

async function deliveryRound(rt: FederationRuntime, options: { deadLetters?: boolean }): Promise<number> {
  await releaseOrphans(rt);
  const dead = options.deadLetters === false ? 0 : await deadLetterRound(rt);
  let claimed: OutboxRecord[];
  try {
    claimed = await claimDueMessages(
      rt.db,
      rt.clock.now(),
      rt.settings.leaseMs,
      rt.settings.batchSize,
      rt.owner(),
    );
  } catch (err) {
    rt.sweep.pending = true;
    throw err;
  }
  if (claimed.length === 0) return dead;
  const partners = new Map<string, Promise<PartnerRecord | undefined>>();
  const partnerOf = (id: string) => {
    let p = partners.get(id);
    if (!p) {
      p = findPartner(rt.db, id);
      partners.set(id, p);
    }
    return p;
  };
  let next = 0;
  const lanes = Array.from({ length: Math.min(rt.settings.concurrency, claimed.length) }, async () => {
    while (next < claimed.length && !rt.stopping.requested) {
      const row = claimed[next++]!;
      try {
        await deliverOne(rt, row, await partnerOf(row.recipient));
      } catch (err) {
        // Handed back at the next round (the receiver deduplicates a resend); log, never
        // crash the worker.
        rt.orphans.set(row.id, row.attempts);
        rt.logger.error('federation: delivery bookkeeping failed', { id: row.id, err });
      }
    }
  });
  await Promise.all(lanes);
  // Stopping: what was claimed but not sent is due again now, not when its lease runs out.
  const unsent = claimed.slice(next);
  for (const row of unsent) {
    try {
      await releaseLease(rt.db, row.id, row.attempts);
    } catch (err) {
      rt.logger.error('federation: releasing a lease at stop failed', { id: row.id, err });
    }
  }
  if (unsent.length > 0)
    rt.logger.info('federation: stopping; leases handed back', { messages: unsent.length });
  return dead + claimed.length - unsent.length;
}

async function deadLetterRound(rt: FederationRuntime): Promise<number> {
  const dead = await rt.db.transaction().execute(async (tx) => {
    const now = rt.clock.now();
    const rows = await deadLetterExpired(tx, now);
    for (const row of rows) {
      const detail = `Message ${row.id} (${row.type}) to ${row.recipient} was not delivered within its time-to-live after ${row.attempts} attempt(s)${row.lastError ? `; last error: ${row.lastError.message}` : ''}.`;
      await insertNotification(tx, {
        id: uuidv7(rt.clock, rt.randomBytes),
        audience: 'admin',
        kind: 'delivery.dead',
        title: `Undelivered message to ${row.recipient}`,
        detail,
        subject: row.id,
        at: now,
      });
      await appendAudit(tx, rt.clock, {
        actor: 'system',
        action: 'federation.dead_letter',
        subject: row.id,
        detail: { recipient: row.recipient, type: row.type, attempts: row.attempts },
      });
      rt.logger.error('federation: message dead-lettered', {
        event: 'delivery.dead',
        id: row.id,
        recipient: row.recipient,
        type: row.type,
        attempts: row.attempts,
        lastError: row.lastError,
      });
    }
    return rows;
  });
  for (const row of dead)
    rt.observe({ id: row.id, partner: row.recipient, outcome: 'dead', attempts: row.attempts });
  return dead.length;
}

/** Seals at send time (current partner keys), posts, and records the outcome. */
async function deliverOne(
  rt: FederationRuntime,
  row: OutboxRecord,
  partner: PartnerRecord | undefined,
): Promise<void> {
  const outcome = await attempt(rt, row, partner);
  const now = rt.clock.now();
  const recorded = await rt.db.transaction().execute(async (tx): Promise<boolean> => {
    if (outcome.kind === 'delivered') {
      const recorded = await recordAttempt(tx, row.id, row.attempts, {
        status: 'delivered',
        at: now,
        receiptJws: outcome.receiptJws,
      });
      if (!recorded) return false;
      if (outcome.receiverAuditHead)
        await recordPartnerAuditHead(tx, row.recipient, outcome.receiverAuditHead, now);
      await appendAudit(tx, rt.clock, {
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
      return true;
    }
    if (outcome.kind === 'retry') {
      const delay = retryDelayMs(row.attempts, rt.random, rt.settings.baseDelayMs, rt.settings.maxDelayMs);
      // Never schedule past the time-to-live: the dead-letter pass then picks it up on time.
      const next = new Date(Math.min(now.getTime() + delay, row.expiresAt.getTime()));
      const recorded = await recordAttempt(tx, row.id, row.attempts, {
        status: 'queued',
        nextAttemptAt: next,
        error: outcome.error,
      });
      if (!recorded) return false;
      rt.logger.warn('federation: delivery will be retried', {
        event: 'delivery.retry',
        id: row.id,
        recipient: row.recipient,
        attempts: row.attempts,
        error: outcome.error,
        nextAttemptAt: next.toISOString(),
      });
      await appendAudit(tx, rt.clock, {
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
      return true;
    }
    const recorded = await recordAttempt(tx, row.id, row.attempts, {
      status: 'failed',
      error: outcome.error,
    });
    if (!recorded) return false;
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
    await appendAudit(tx, rt.clock, {
      actor: 'system',
      action: 'federation.send_failed',
      subject: row.id,
      detail: { recipient: row.recipient, attempts: row.attempts, error: outcome.error },
    });
    return true;
  });
  if (!recorded) return;
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

async function attempt(
  rt: FederationRuntime,
  row: OutboxRecord,
  partner: PartnerRecord | undefined,
): Promise<Outcome> {
  if (!partner || partner.status !== 'verified') {
    const code = !partner
      ? 'unknown_partner'
      : partner.status === 'revoked'
        ? 'partner_revoked'
        : 'partner_not_verified';
    return { kind: 'failed', error: { message: `${code}: recipient is not a verified partner` } };
  }
  const card = rt.parseCard(partner.cardJws);
  const keys = rt.keys();
  const signingKey = { privateKey: keys.signing.privateKey, kid: keys.signing.publicJwk.kid };
  const sealed = await sealEnvelope({
    id: row.id,
    sender: { nodeId: rt.nodeId, signingKey },
    recipient: { nodeId: partner.nodeId, encryptionKey: card.encryptionKey },
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    clock: rt.clock,
    random: rt.randomBytes,
    // Every envelope tells the partner where this node's audit chain stands (PROTOCOL §9.1).
    auditHead: await readAuditHead(rt.db),
  });
  const url = endpointUrl(partner.endpoint, INBOX_PATH);
  const headers: Record<string, string> = { 'content-type': 'application/jose' };
  const signature = signRequest({ method: 'POST', url, headers, body: sealed.jwe }, signingKey, {
    clock: rt.clock,
  });
  let res: Response;
  let text: string;
  try {
    res = await rt.fetch(url, {
      method: 'POST',
      headers: { ...headers, ...signature },
      body: sealed.jwe,
      signal: AbortSignal.timeout(rt.settings.requestTimeoutMs),
    });
    text = await res.text();
  } catch (err) {
    return { kind: 'retry', error: { message: `network: ${(err as Error).message}` } };
  }
  const body = text.slice(0, MAX_ERROR_BODY);
  if (res.status === 200) {
    let receiptJws: unknown;
    try {
      receiptJws = (JSON.parse(text) as { receiptJws?: unknown }).receiptJws;
    } catch {
      receiptJws = undefined;
    }
    const verified = await verifyReceipt(receiptJws, card.signingKey, {
      messageId: row.id,
      sender: rt.nodeId,
      receiver: partner.nodeId,
      jwe: sealed.jwe,
    });
    // A resend is re-sealed (fresh ephemeral key and time), so the receipt the partner kept
    // from the first arrival names the first envelope's hash: still a signed proof that this
    // message id arrived. On the first attempt the hash must match (PROTOCOL §7.3).
    if (verified.ok || receiptProvesDelivery(verified, row.attempts)) {
      return {
        kind: 'delivered',
        receiptJws: receiptJws as string,
        ...(verified.ok && verified.receipt.auditHead
          ? { receiverAuditHead: verified.receipt.auditHead }
          : {}),
      };
    }
    return {
      kind: 'failed',
      error: { status: 200, message: `bad receipt: ${describeReceiptFailure(verified.reason)}`, body },
    };
  }
  let message = `HTTP ${res.status}`;
  try {
    const e = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    if (e?.code) message = `${e.code}: ${e.message ?? ''}`.trim();
  } catch {
    // not JSON: keep the status line
  }
  const error: DeliveryError = { status: res.status, message, ...(body ? { body } : {}) };
  // RFC 9110 §15.5.9 / RFC 6585 §4: timeouts and rate limits are transient; other 4xx are
  // a decision by the partner, which retrying cannot change.
  if (res.status === 408 || res.status === 429 || res.status >= 500) return { kind: 'retry', error };
  // The partner does not know our signing key: it missed our key rotation (it was down).
  // Hand it the rotation statement again and retry, rather than failing the message.
  if (res.status === 401 && message.startsWith('bad_http_signature')) {
    const pushed = await rt.pushRotation(partner.nodeId);
    if (pushed === 200)
      return { kind: 'retry', error: { ...error, message: `${message} (rotation sent again)` } };
  }
  if (res.status >= 400 && res.status < 500) return { kind: 'failed', error };
  return { kind: 'retry', error };
}
