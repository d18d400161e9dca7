/**
 * Receiving `case.share`, `case.ops` and `case.withdraw` (docs/PROTOCOL.md §8.8). Handlers run
 * in the federation inbox transaction: the operations, the replayed state and the audit entry
 * commit with the inbox row or not at all. Operations are idempotent by id, so a message
 * delivered twice, or operations relayed by the owner that this node already holds, change
 * nothing. The sender's authority is checked here; what each operation may touch is checked
 * again by the replay on every replica (state.ts).
 */
import { appendAudit, type Tx, ValidationError } from '../platform/index.js';
import {
  deleteCaseDocumentFiles,
  deleteRemovedDocumentFiles,
  sendCaseDocuments,
  storeReceivedDocument,
} from './document-transfer.js';
import { parseHlc } from './hlc.js';
import {
  type CaseOp,
  caseDocumentPayloadSchema,
  caseOpsPayloadSchema,
  caseSharePayloadSchema,
  caseWithdrawPayloadSchema,
} from './schema.js';
import type { CaseService } from './service.js';
import { activePartners } from './state.js';
import * as store from './store.js';

/** What a handler receives from the federation layer. */
export interface InboundCaseMessage {
  id: string;
  sender: string;
  type: string;
  receivedAt: Date;
  payload: unknown;
}

/** How far a partner's clock may run ahead of ours (a clock further ahead would win every edit). */
const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

function parse<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  payload: unknown,
  type: string,
): T {
  const r = schema.safeParse(payload);
  if (!r.success) {
    throw new ValidationError(
      `Invalid ${type} payload`,
      r.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        code: 'invalid',
        message: i.message,
      })),
    );
  }
  return r.data;
}

/** Receives joint-case messages for a {@link CaseService}. */
export class CaseSync {
  constructor(private readonly cases: CaseService) {}

  /** The handlers keyed by message type, for the federation service. */
  handlers(): Record<string, (tx: Tx, msg: InboundCaseMessage) => Promise<void>> {
    return {
      'case.share': (tx, msg) => this.receiveShare(tx, msg),
      'case.ops': (tx, msg) => this.receiveOps(tx, msg),
      'case.withdraw': (tx, msg) => this.receiveWithdraw(tx, msg),
      'case.document': (tx, msg) => this.receiveDocument(tx, msg),
    };
  }

  #checkClock(ops: readonly CaseOp[], now: Date): void {
    for (const op of ops) {
      if (parseHlc(op.hlc).ms > now.getTime() + MAX_CLOCK_AHEAD_MS) {
        throw new ValidationError(
          `Operation ${op.id} is dated more than 5 minutes ahead of this node's clock`,
        );
      }
    }
  }

  async #audit(
    tx: Tx,
    msg: InboundCaseMessage,
    action: string,
    caseId: string,
    detail: Record<string, unknown>,
  ) {
    await appendAudit(tx, this.cases.o.clock, {
      actor: `partner:${msg.sender}`,
      action,
      subject: `case:${caseId}`,
      detail: { message: msg.id, ...detail },
    });
  }

  /** The owner shares (or shares again) a case with this node. */
  async receiveShare(tx: Tx, msg: InboundCaseMessage): Promise<void> {
    const p = parse(caseSharePayloadSchema, msg.payload, 'case.share');
    if (p.owner !== msg.sender) throw new ValidationError('Only its owner shares a case');
    // A re-share carries this node's own earlier operations too: inserting them is a no-op.
    this.#checkClock(p.ops, msg.receivedAt);
    let row = await store.getCase(tx, p.caseId, true);
    if (row && row.owner_node !== msg.sender) throw new ValidationError('The case belongs to another node');
    if (!row) {
      await store.insertCase(tx, { id: p.caseId, owner: msg.sender, now: msg.receivedAt });
      row = (await store.getCase(tx, p.caseId, true))!;
    }
    if (row.withdrawn_at && p.part === 1) {
      await tx.updateTable('cases').set({ withdrawn_at: null }).where('id', '=', p.caseId).execute();
    }
    const fresh = await store.insertOps(tx, p.caseId, p.ops, msg.receivedAt);
    const shared = await store.rebuildCase(tx, row, this.cases.o.nodeId, msg.receivedAt);
    await deleteRemovedDocumentFiles(tx, this.cases.o, shared, `partner:${msg.sender}`);
    await this.#audit(tx, msg, 'case.shared_in', p.caseId, {
      part: p.part,
      parts: p.parts,
      operations: fresh.length,
    });
  }

  /** Operations made on the other side (or relayed by the owner from another partner). */
  async receiveOps(tx: Tx, msg: InboundCaseMessage): Promise<void> {
    const p = parse(caseOpsPayloadSchema, msg.payload, 'case.ops');
    this.#checkClock(p.ops, msg.receivedAt);
    const self = this.cases.o.nodeId;
    let row = await store.getCase(tx, p.caseId, true);
    if (!row) {
      // Changes of the owner may overtake the share they follow: the owner is the sender.
      if (p.ops.some((op) => op.origin === self)) throw new ValidationError('Unknown case');
      await store.insertCase(tx, { id: p.caseId, owner: msg.sender, now: msg.receivedAt });
      row = (await store.getCase(tx, p.caseId, true))!;
    }
    const state = store.loadState(row);
    const fromOwner = row.owner_node === msg.sender;
    const weOwn = row.owner_node === self;
    const senderIsPartner = weOwn && activePartners(state).includes(msg.sender);
    if ((!fromOwner && !senderIsPartner) || (row.withdrawn_at && !weOwn)) {
      // Accepted at the protocol level (the sender cannot do better), kept out of the case.
      await this.#audit(tx, msg, 'case.ops_refused', p.caseId, {
        reason: row.withdrawn_at ? 'withdrawn' : 'not_a_partner',
        operations: p.ops.length,
      });
      return;
    }
    // A partner speaks only for itself; the owner may relay other partners' operations.
    const foreign = p.ops.filter((op) => (fromOwner ? op.origin === self : op.origin !== msg.sender));
    if (foreign.length > 0) throw new ValidationError('Operations must originate from their sender');
    const fresh = await store.insertOps(tx, p.caseId, p.ops, msg.receivedAt);
    if (fresh.length === 0) return;
    const next = await store.rebuildCase(tx, row, self, msg.receivedAt);
    await deleteRemovedDocumentFiles(tx, this.cases.o, next, `partner:${msg.sender}`);
    if (weOwn) await this.cases.sendOps(tx, row.owner_node, next, fresh, msg.sender);
    await this.#audit(tx, msg, 'case.ops_in', p.caseId, { operations: fresh.length });
  }

  /**
   * The file of a document attached on the other side (the owner relays a partner's file to
   * the other partners). The sender's authority is the same as for `case.ops`.
   */
  async receiveDocument(tx: Tx, msg: InboundCaseMessage): Promise<void> {
    const p = parse(caseDocumentPayloadSchema, msg.payload, 'case.document');
    const self = this.cases.o.nodeId;
    let row = await store.getCase(tx, p.caseId, true);
    if (!row) {
      // A file may overtake the share it follows: only the owner sends a case this node lacks.
      await store.insertCase(tx, { id: p.caseId, owner: msg.sender, now: msg.receivedAt });
      row = (await store.getCase(tx, p.caseId, true))!;
    }
    const weOwn = row.owner_node === self;
    const fromOwner = row.owner_node === msg.sender;
    const senderIsPartner = weOwn && activePartners(store.loadState(row)).includes(msg.sender);
    if ((!fromOwner && !senderIsPartner) || (row.withdrawn_at && !weOwn)) {
      await this.#audit(tx, msg, 'case.document_refused', p.caseId, {
        reason: row.withdrawn_at ? 'withdrawn' : 'not_a_partner',
        document: p.documentId,
      });
      return;
    }
    const fresh = await storeReceivedDocument(tx, this.cases.o, p, msg.sender);
    if (!fresh) return;
    if (weOwn) {
      const others = this.cases.recipients(row.owner_node, store.loadState(row), msg.sender);
      await sendCaseDocuments(tx, this.cases.o, p.caseId, [p.documentId], others);
    }
    await this.#audit(tx, msg, 'case.document_in', p.caseId, {
      document: p.documentId,
      size: p.file.size,
      sha256: p.file.sha256,
    });
  }

  /**
   * The owner stops sharing the case with this node: the copy becomes read-only and the
   * document files this node holds for it are deleted (tombstones kept).
   */
  async receiveWithdraw(tx: Tx, msg: InboundCaseMessage): Promise<void> {
    const p = parse(caseWithdrawPayloadSchema, msg.payload, 'case.withdraw');
    const row = await store.getCase(tx, p.caseId, true);
    if (!row || row.owner_node !== msg.sender) throw new ValidationError('Only the owner withdraws a case');
    await tx.updateTable('cases').set({ withdrawn_at: msg.receivedAt }).where('id', '=', p.caseId).execute();
    // No longer a member: this node keeps no copy of the case's files (docs/CASES.md).
    await deleteCaseDocumentFiles(tx, this.cases.o, p.caseId, null, `partner:${msg.sender}`, 'withdrawn');
    await this.#audit(tx, msg, 'case.withdrawn', p.caseId, { reason: p.reason });
  }
}
