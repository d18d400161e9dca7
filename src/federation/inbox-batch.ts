import { z } from 'zod';
import {
  type AuditEntryInput,
  appendAuditEntries,
  inSavepoint,
  readAuditHead,
  runInTransaction,
  ValidationError,
} from '../platform/index.js';
import { inspectEnvelope } from './envelope.js';
import {
  authenticatePartnerRequest,
  envelopeRefusal,
  examineEnvelope,
  type InboxRefusal,
  type InboxRequest,
  logRefusal,
  type RefusalFacts,
  refusalAuditEntry,
  refuseInbound,
  verifyPartnerSignature,
} from './inbox.js';
import { deleteInboxRow, findInboxReceipt, findInboxReceipts, insertInboxRows } from './inbox-store.js';
import { nodeIdSchema } from './node-card.js';
import { findPartner, recordPartnerAuditHead } from './partner-store.js';
import { createReceipt, hashEnvelope } from './receipt.js';
import type { FederationRuntime } from './runtime.js';
import type { InboundHandler, InboundMessage } from './schema.js';
import { isUuidv7 } from './uuidv7.js';

/** Path of the batch inbox (PROTOCOL §7.6). */
export const INBOX_BATCH_PATH = '/federation/v1/inbox/batch';
/** Most envelopes one batch may carry. */
export const MAX_BATCH_ENVELOPES = 64;

/** Body of `POST /federation/v1/inbox/batch` (docs/schemas/inbox-batch.json). */
export const inboxBatchSchema = z.strictObject({
  sender: nodeIdSchema,
  envelopes: z.array(z.string().min(1)).min(1).max(MAX_BATCH_ENVELOPES),
});

/** One entry of the batch answer (docs/schemas/inbox-batch-answer.json). */
export const batchResultSchema = z.union([
  z.strictObject({ receiptJws: z.string() }),
  z.strictObject({
    error: z.strictObject({
      status: z.number().int(),
      code: z.string(),
      message: z.string(),
      reason: z.string().optional(),
      fields: z.array(z.string()).optional(),
    }),
  }),
]);

/** The answer to a batch (docs/schemas/inbox-batch-answer.json): one result per envelope, in order. */
export const inboxBatchAnswerSchema = z.strictObject({ results: z.array(batchResultSchema) });

/** The outcome of one envelope of a batch: its signed receipt, or the error the single inbox would answer. */
export type BatchResult = z.infer<typeof batchResultSchema>;

/** The answer to a batch: one result per envelope, in the order sent. */
export interface BatchReceipts {
  results: BatchResult[];
  /** The verified partner that signed the batch (its refused envelopes count against it). */
  partner: string;
}

interface Accepted {
  index: number;
  jwe: string;
  msg: InboundMessage & { senderAuditHead?: { seq: number; hash: string } | undefined };
  handler: InboundHandler;
  receiptJws: string;
}

const errorOf = (r: InboxRefusal): BatchResult => ({
  error: {
    status: r.status,
    code: r.code,
    message: r.message,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.fields ? { fields: r.fields } : {}),
  },
});

/** Reads the batch's claimed sender; undefined when the body is not a batch. */
export function claimedSender(body: string): string | undefined {
  try {
    const sender = (JSON.parse(body) as { sender?: unknown }).sender;
    return typeof sender === 'string' ? sender : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The verified partner whose RFC 9421 signature this batch request carries, or undefined.
 * Writes nothing (the rate limiter lets a partner's signed batches through, as single ones).
 */
export async function authenticatedBatchSender(
  rt: FederationRuntime,
  req: InboxRequest,
): Promise<string | undefined> {
  if (typeof req.body !== 'string' || Buffer.byteLength(req.body, 'utf8') > rt.settings.maxEnvelopeBytes)
    return undefined;
  const sender = claimedSender(req.body);
  if (!sender) return undefined;
  const partner = await findPartner(rt.db, sender);
  if (!partner || partner.status !== 'verified') return undefined;
  const signed = await verifyPartnerSignature(rt, req, rt.parseCard(partner.cardJws), INBOX_BATCH_PATH);
  return signed.ok ? partner.nodeId : undefined;
}

/**
 * The batch inbox (PROTOCOL §7.6). The request as a whole is checked as the single inbox
 * checks one (size, partner trust, RFC 9421 signature); each envelope is then checked as
 * on its own (§7.4 steps 1 and 4–6) and accepted or refused on its own. The accepted ones
 * commit in one transaction — inbox rows, handlers, audit entries — so a batch costs one
 * commit and one hold of the audit chain's head instead of one per message; a handler that
 * refuses its payload takes only its own envelope out (the transaction runs again without
 * it). A retried batch is answered from the stored receipts: nothing is stored twice.
 */
export async function receiveBatch(rt: FederationRuntime, req: InboxRequest): Promise<BatchReceipts> {
  const { settings } = rt;
  if (req.method.toUpperCase() !== 'POST') {
    throw await refuseInbound(rt, { status: 405, code: 'method_not_allowed', message: 'Use POST' }, {});
  }
  if (typeof req.body !== 'string' || Buffer.byteLength(req.body, 'utf8') > settings.maxEnvelopeBytes) {
    throw await refuseInbound(
      rt,
      { status: 413, code: 'payload_too_large', message: `Body over ${settings.maxEnvelopeBytes} bytes` },
      {},
    );
  }
  let parsed: z.infer<typeof inboxBatchSchema>;
  try {
    parsed = inboxBatchSchema.parse(JSON.parse(req.body));
  } catch {
    throw await refuseInbound(
      rt,
      {
        status: 400,
        code: 'bad_batch',
        message: `A batch is {"sender", "envelopes": [1–${MAX_BATCH_ENVELOPES} compact JWEs]}`,
      },
      {},
    );
  }
  const sender = parsed.sender;
  const { partner, card } = await authenticatePartnerRequest(rt, req, INBOX_BATCH_PATH, { sender });

  const results: (BatchResult | undefined)[] = new Array(parsed.envelopes.length);
  const refusals: { refusal: InboxRefusal; facts: RefusalFacts }[] = [];
  const refuse = (index: number, refusal: InboxRefusal, f: RefusalFacts) => {
    results[index] = errorOf(refusal);
    refusals.push({ refusal, facts: f });
  };
  const accepted: Accepted[] = [];
  /** Later copies of a message id within this batch: answered like the first. */
  const copies: [number, number][] = [];
  const firstOf = new Map<string, number>();
  const receiptOptions = {
    receiver: rt.nodeId,
    signingKey: { privateKey: rt.keys().signing.privateKey, kid: rt.keys().signing.publicJwk.kid },
    clock: rt.clock,
    // The receipts tell the sender where this node's audit chain stands (PROTOCOL §9.1).
    auditHead: await readAuditHead(rt.db),
  };
  const inspections = parsed.envelopes.map((jwe) => inspectEnvelope(jwe, settings.maxEnvelopeBytes));
  // Known ids in one query rather than one per envelope (a retried batch is all known).
  const known = await findInboxReceipts(
    rt.db,
    inspections.flatMap((i) => (i.ok && isUuidv7(i.header.id) ? [i.header.id] : [])),
    sender,
  );
  for (const [index, jwe] of parsed.envelopes.entries()) {
    const inspected = inspections[index]!;
    if (!inspected.ok) {
      refuse(index, envelopeRefusal(inspected.reason), { sender, authenticated: true });
      continue;
    }
    const outer = inspected.header;
    const f = { sender, messageId: outer.id, type: outer.type, authenticated: true };
    if (outer.sender !== sender) {
      // The batch's signer speaks only for itself.
      refuse(
        index,
        {
          status: 400,
          code: 'bad_envelope',
          message: 'Envelope refused: senderMismatch',
          reason: 'senderMismatch',
        },
        { ...f, authenticated: false },
      );
      continue;
    }
    const first = firstOf.get(outer.id);
    if (first !== undefined) {
      copies.push([index, first]);
      continue;
    }
    firstOf.set(outer.id, index);
    const examined = await examineEnvelope(rt, partner.nodeId, card, jwe, outer, known.get(outer.id) ?? null);
    if (examined.kind === 'known') results[index] = { receiptJws: examined.receiptJws };
    else if (examined.kind === 'refused') refuse(index, examined.refusal, f);
    else {
      const { msg, handler } = examined;
      const { receiptJws } = await createReceipt({
        ...receiptOptions,
        messageId: msg.id,
        sender: msg.sender,
        jwe,
      });
      accepted.push({
        index,
        jwe,
        handler,
        receiptJws,
        msg: {
          id: msg.id,
          sender: msg.sender,
          recipient: msg.recipient,
          type: msg.type,
          createdAt: msg.createdAt,
          receivedAt: rt.clock.now(),
          payload: msg.payload,
          senderAuditHead: msg.senderAuditHead,
        },
      });
    }
  }

  const duplicates: Accepted[] = [];
  // Savepoints cost a round trip per envelope: the common batch, every payload valid, runs
  // without them; only a batch in which a handler refused a payload runs again with them.
  let invalid: { item: Accepted; error: ValidationError }[];
  try {
    invalid = await storeAccepted(rt, accepted, duplicates, false);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    duplicates.length = 0;
    invalid = await storeAccepted(rt, accepted, duplicates, true);
  }
  for (const { item, error } of invalid) {
    // The handler refused this payload: it alone is refused, the others are stored.
    refuse(
      item.index,
      { status: 422, code: 'invalid_message', message: error.message, reason: 'invalidPayload' },
      { sender, messageId: item.msg.id, type: item.msg.type, authenticated: true },
    );
  }
  for (const a of accepted)
    if (!duplicates.includes(a) && !invalid.some((f) => f.item === a))
      results[a.index] = { receiptJws: a.receiptJws };
  for (const a of duplicates) {
    // A concurrent delivery of the same id committed first: answer with its receipt.
    const original = await findInboxReceipt(rt.db, a.msg.id, a.msg.sender);
    if (original !== undefined) results[a.index] = { receiptJws: original };
    else
      refuse(
        a.index,
        { status: 409, code: 'conflict', message: 'Message id already used' },
        { sender, messageId: a.msg.id, type: a.msg.type, authenticated: true },
      );
  }
  for (const [index, first] of copies) results[index] = results[first];

  if (refusals.length > 0) {
    // Every refusal is audited, as the single inbox does, in one transaction for the batch.
    await rt.db.transaction().execute((tx) =>
      appendAuditEntries(
        tx,
        rt.clock,
        refusals.map((r) => refusalAuditEntry(r.refusal, r.facts)),
      ),
    );
    for (const r of refusals) logRefusal(rt, r.refusal, r.facts);
  }
  return { results: results as BatchResult[], partner: partner.nodeId };
}

/**
 * One transaction for the accepted envelopes: inbox rows (one statement), each handler in
 * the order sent, the sender's announced audit head, the audit entries (one statement).
 * With `savepoints`, each handler runs in its own savepoint, and one that refuses its payload
 * (ValidationError) is rolled back alone and its inbox row removed, so the others commit;
 * without, such a refusal rolls the whole transaction back (the error is rethrown). Returns
 * the refused envelopes; `duplicates` gets the ids a concurrent copy stored first.
 */
async function storeAccepted(
  rt: FederationRuntime,
  items: Accepted[],
  duplicates: Accepted[],
  savepoints: boolean,
): Promise<{ item: Accepted; error: ValidationError }[]> {
  if (items.length === 0) return [];
  return runInTransaction(rt.db, async (tx) => {
    const invalid: { item: Accepted; error: ValidationError }[] = [];
    const inserted = await insertInboxRows(
      tx,
      items.map((a) => ({
        id: a.msg.id,
        sender: a.msg.sender,
        type: a.msg.type,
        createdAt: a.msg.createdAt,
        receivedAt: a.msg.receivedAt,
        payloadHash: hashEnvelope(a.jwe),
        receiptJws: a.receiptJws,
      })),
    );
    const audit: AuditEntryInput[] = [];
    let head: { seq: number; hash: string } | undefined;
    let at = rt.clock.now();
    for (const a of items) {
      if (!inserted.has(a.msg.id)) {
        duplicates.push(a);
        continue;
      }
      const { senderAuditHead, ...msg } = a.msg;
      try {
        if (savepoints) await inSavepoint(tx, () => a.handler(tx, msg));
        else await a.handler(tx, msg);
      } catch (err) {
        // Without savepoints the transaction cannot go on: the caller runs it again with them.
        if (!(err instanceof ValidationError) || !savepoints) throw err;
        await deleteInboxRow(tx, msg.id, msg.sender);
        invalid.push({ item: a, error: err });
        continue;
      }
      if (senderAuditHead && (!head || senderAuditHead.seq > head.seq)) {
        head = senderAuditHead;
        at = msg.receivedAt;
      }
      audit.push({
        actor: `partner:${msg.sender}`,
        action: 'federation.receive',
        subject: msg.id,
        detail: { type: msg.type, sender: msg.sender, payloadHash: hashEnvelope(a.jwe) },
      });
    }
    if (head) await recordPartnerAuditHead(tx, items[0]!.msg.sender, head, at);
    await appendAuditEntries(tx, rt.clock, audit);
    return invalid;
  });
}
