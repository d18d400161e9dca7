import { appendAudit, readAuditHead } from '../platform/index.js';
import { endpointUrl } from './backoff.js';
import { deliverBatch, mayBatchTo } from './delivery-batch.js';
import { MAX_ERROR_BODY, type Outcome, outcomeOfAnswer, recordOutcomes } from './delivery-outcome.js';
import { sealEnvelope } from './envelope.js';
import { signRequest } from './http-signature.js';
import { INBOX_PATH } from './inbox.js';
import { insertNotification } from './notification-store.js';
import {
  claimDueMessages,
  deadLetterExpired,
  type OutboxRecord,
  releaseLease,
  releaseLeasesOf,
} from './outbox-store.js';
import { findPartner, type PartnerRecord } from './partner-store.js';
import { describeReceiptFailure, receiptProvesDelivery, verifyReceipt } from './receipt.js';
import type { FederationRuntime } from './runtime.js';
import type { DeliveryError } from './schema.js';
import { uuidv7 } from './uuidv7.js';

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
  // One job per message, or per batch of messages to a partner not known to lack the batch
  // inbox (PROTOCOL §7.6: tried, and remembered when it answers 404). Jobs keep the claim's order (highest priority first),
  // and so do the envelopes within a batch.
  const jobs: OutboxRecord[][] = [];
  const open = new Map<string, OutboxRecord[]>();
  for (const row of claimed) {
    const partner = await partnerOf(row.recipient);
    const batches =
      rt.settings.batchEnvelopes > 1 &&
      partner?.status === 'verified' &&
      mayBatchTo(rt.noBatchUntil, partner.nodeId, rt.clock.now());
    if (!batches) {
      jobs.push([row]);
      continue;
    }
    let batch = open.get(row.recipient);
    if (!batch || batch.length >= rt.settings.batchEnvelopes) {
      batch = [];
      open.set(row.recipient, batch);
      jobs.push(batch);
    }
    batch.push(row);
  }
  let next = 0;
  const lanes = Array.from({ length: Math.min(rt.settings.concurrency, jobs.length) }, async () => {
    while (next < jobs.length && !rt.stopping.requested) {
      const rows = jobs[next++]!;
      try {
        const partner = await partnerOf(rows[0]!.recipient);
        if (rows.length === 1) await deliverOne(rt, rows[0]!, partner);
        else await deliverBatch(rt, rows, partner!, (row) => deliverOne(rt, row, partner));
      } catch (err) {
        // Handed back at the next round (the receiver deduplicates a resend); log, never
        // crash the worker.
        for (const row of rows) rt.orphans.set(row.id, row.attempts);
        rt.logger.error('federation: delivery bookkeeping failed', { ids: rows.map((r) => r.id), err });
      }
    }
  });
  await Promise.all(lanes);
  // Stopping: what was claimed but not sent is due again now, not when its lease runs out.
  const unsent = jobs.slice(next).flat();
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
  await recordOutcomes(rt, [{ row, outcome }]);
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
  return outcomeOfAnswer(rt, partner.nodeId, res.status, error);
}
