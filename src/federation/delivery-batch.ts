import { readAuditHead } from '../platform/index.js';
import { endpointUrl } from './backoff.js';
import { MAX_ERROR_BODY, type Outcome, outcomeOfAnswer, recordOutcomes } from './delivery-outcome.js';
import { sealEnvelope } from './envelope.js';
import { signRequest } from './http-signature.js';
import { batchResultSchema, INBOX_BATCH_PATH } from './inbox-batch.js';
import type { OutboxRecord } from './outbox-store.js';
import type { PartnerRecord } from './partner-store.js';
import { describeReceiptFailure, receiptProvesDelivery, verifyReceipt } from './receipt.js';
import type { FederationRuntime } from './runtime.js';
import type { DeliveryError } from './schema.js';

/**
 * How long a partner found without the batch inbox gets single deliveries before this
 * process tries a batch again (it may have been upgraded meanwhile).
 */
export const NO_BATCH_RETRY_MS = 60 * 60 * 1000;

/**
 * Answers that say the partner has no batch inbox (PROTOCOL §7.6): a node that predates it
 * answers 404 for the unknown path; 405, 415 and 501 are what a proxy or another
 * implementation may answer for an endpoint it does not serve. Nothing was accepted.
 */
const NO_BATCH_INBOX = new Set([404, 405, 415, 501]);

/**
 * Whether this process sends batches to the partner: not while it is remembered (in
 * `noBatchUntil`, node id → epoch ms) as lacking the batch inbox; once that has run out, the
 * entry is dropped and the next batch tries again.
 */
export function mayBatchTo(noBatchUntil: Map<string, number>, nodeId: string, now: Date): boolean {
  const until = noBatchUntil.get(nodeId);
  if (until === undefined) return true;
  if (now.getTime() < until) return false;
  noBatchUntil.delete(nodeId);
  return true;
}

/**
 * Sends several messages to one verified partner in one `POST /federation/v1/inbox/batch`
 * (PROTOCOL §7.6), and records every outcome in one transaction. Batching is discovered by
 * trying it: nothing on the partner's card names it. Each message is sealed on its own (its
 * own signature, its own encryption), gets its own receipt or error and its own outcome: one
 * refused envelope leaves the others delivered. A batch that would exceed the body limit
 * gets the messages one by one through `deliverAlone`; so does a partner that answers as
 * one without the batch inbox (404, 405, 415, 501), which is then remembered for
 * {@link NO_BATCH_RETRY_MS} so that the next messages go alone at once.
 */
export async function deliverBatch(
  rt: FederationRuntime,
  rows: OutboxRecord[],
  partner: PartnerRecord,
  deliverAlone: (row: OutboxRecord) => Promise<void>,
): Promise<void> {
  const card = rt.parseCard(partner.cardJws);
  const keys = rt.keys();
  const signingKey = { privateKey: keys.signing.privateKey, kid: keys.signing.publicJwk.kid };
  // Every envelope tells the partner where this node's audit chain stands (PROTOCOL §9.1).
  const auditHead = await readAuditHead(rt.db);
  const jwes: string[] = [];
  for (const row of rows) {
    const sealed = await sealEnvelope({
      id: row.id,
      sender: { nodeId: rt.nodeId, signingKey },
      recipient: { nodeId: partner.nodeId, encryptionKey: card.encryptionKey },
      type: row.type,
      payload: JSON.parse(row.payload) as unknown,
      clock: rt.clock,
      random: rt.randomBytes,
      auditHead,
    });
    jwes.push(sealed.jwe);
  }
  const body = JSON.stringify({ sender: rt.nodeId, envelopes: jwes });
  const alone = async () => {
    for (const row of rows) await deliverAlone(row);
  };
  if (Buffer.byteLength(body, 'utf8') > rt.settings.maxEnvelopeBytes) return alone();

  const url = endpointUrl(partner.endpoint, INBOX_BATCH_PATH);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signature = signRequest({ method: 'POST', url, headers, body }, signingKey, { clock: rt.clock });
  const all = (outcome: Outcome) =>
    recordOutcomes(
      rt,
      rows.map((row) => ({ row, outcome })),
    );
  let res: Response;
  let text: string;
  try {
    res = await rt.fetch(url, {
      method: 'POST',
      headers: { ...headers, ...signature },
      body,
      signal: AbortSignal.timeout(rt.settings.requestTimeoutMs),
    });
    text = await res.text();
  } catch (err) {
    return all({ kind: 'retry', error: { message: `network: ${(err as Error).message}` } });
  }
  const snippet = text.slice(0, MAX_ERROR_BODY);
  if (NO_BATCH_INBOX.has(res.status)) {
    // The partner read none of the envelopes: sending each alone neither loses nor repeats one.
    rt.noBatchUntil.set(partner.nodeId, rt.clock.now().getTime() + NO_BATCH_RETRY_MS);
    rt.logger.info('federation: partner has no batch inbox; single deliveries', {
      event: 'delivery.no_batch',
      partner: partner.nodeId,
      status: res.status,
      retryBatchAfterMs: NO_BATCH_RETRY_MS,
    });
    return alone();
  }
  if (res.status !== 200) {
    let message = `HTTP ${res.status}`;
    try {
      const e = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
      if (e?.code) message = `${e.code}: ${e.message ?? ''}`.trim();
    } catch {
      // not JSON: keep the status line
    }
    const error: DeliveryError = { status: res.status, message, ...(snippet ? { body: snippet } : {}) };
    return all(await outcomeOfAnswer(rt, partner.nodeId, res.status, error));
  }
  let results: unknown[] | undefined;
  try {
    const answer = JSON.parse(text) as { results?: unknown };
    if (Array.isArray(answer.results) && answer.results.length === rows.length) results = answer.results;
  } catch {
    results = undefined;
  }
  if (!results) {
    return all({
      kind: 'failed',
      error: { status: 200, message: 'bad batch answer: not one result per envelope', body: snippet },
    });
  }
  const items: { row: OutboxRecord; outcome: Outcome }[] = [];
  for (const [i, row] of rows.entries()) {
    const parsed = batchResultSchema.safeParse(results[i]);
    if (!parsed.success) {
      items.push({
        row,
        outcome: { kind: 'failed', error: { status: 200, message: 'bad batch answer entry' } },
      });
      continue;
    }
    const result = parsed.data;
    if ('error' in result) {
      const e = result.error;
      const error: DeliveryError = { status: e.status, message: `${e.code}: ${e.message}`.trim() };
      items.push({ row, outcome: await outcomeOfAnswer(rt, partner.nodeId, e.status, error) });
      continue;
    }
    const verified = await verifyReceipt(result.receiptJws, card.signingKey, {
      messageId: row.id,
      sender: rt.nodeId,
      receiver: partner.nodeId,
      jwe: jwes[i]!,
    });
    // As for a single delivery (PROTOCOL §7.3): a resend may be answered with the receipt of
    // the first arrival, which names the first envelope's hash.
    if (verified.ok || receiptProvesDelivery(verified, row.attempts)) {
      items.push({
        row,
        outcome: {
          kind: 'delivered',
          receiptJws: result.receiptJws,
          ...(verified.ok && verified.receipt.auditHead
            ? { receiverAuditHead: verified.receipt.auditHead }
            : {}),
        },
      });
    } else {
      items.push({
        row,
        outcome: {
          kind: 'failed',
          error: { status: 200, message: `bad receipt: ${describeReceiptFailure(verified.reason)}` },
        },
      });
    }
  }
  await recordOutcomes(rt, items);
}
