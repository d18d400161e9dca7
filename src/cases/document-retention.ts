/**
 * Retention of case documents, on the rules of messages (src/exchange/retention.ts): a
 * document falls due for review the given number of days after it was stored on this node,
 * under the `case_document` rule of its case's legal basis (or the `*` rule). Case documents
 * are a {@link RetentionSource} of the DPO's retention work: the retention scan lists them in
 * `retention_due`, they appear on the one due list (`GET /retention/due`, type
 * `case_document`), and the DPO keeps one longer (a date and a reason) or purges it through
 * the common endpoints: the file and its row go on this node (tombstone, audit), and the
 * document is removed from the case, so every other node of the case — the provider
 * included — deletes its copy when it applies the removal.
 */
import {
  type Actor,
  auditActor,
  type RetentionDueRecord,
  type RetentionSource,
  requirePermission,
} from '../governance/index.js';
import { appendAudit, runInTransaction, type Tx } from '../platform/index.js';
import { deleteCaseDocumentFiles } from './document-transfer.js';
import type { CaseService } from './service.js';
import * as store from './store.js';

/** The record type of case documents in `retention_rules`, `retention_due` and the due list. */
export const CASE_DOCUMENT_RETENTION_TYPE = 'case_document';

const day = (d: Date) => d.toISOString().slice(0, 10);
const dateText = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : day(d));
const legalBasisOf = (caseId: string, state: unknown) =>
  (store.loadState({ id: caseId, state } as store.CaseRow).fields.legalBasis?.value as string | undefined) ??
  null;

/** Case documents as a {@link RetentionSource} of the DPO's retention work. */
export class CaseDocumentRetention implements RetentionSource {
  constructor(private readonly cases: CaseService) {}

  /** Lists the documents due on `now` into `retention_due`, in the scan's transaction. */
  async scan(tx: Tx, now: Date): Promise<string[]> {
    const today = day(now);
    const rules = await tx
      .selectFrom('retention_rules')
      .select(['legal_basis', 'review_after_days'])
      .where('record_type', '=', CASE_DOCUMENT_RETENTION_TYPE)
      .execute();
    const period = new Map(rules.map((r) => [r.legal_basis, r.review_after_days]));
    const rows = await tx
      .selectFrom('case_documents as d')
      .innerJoin('cases as c', 'c.id', 'd.case_id')
      .leftJoin('retention_due as r', (j) =>
        j.onRef('r.record_id', '=', 'd.document_id').on('r.record_kind', '=', CASE_DOCUMENT_RETENTION_TYPE),
      )
      .select(['d.case_id', 'd.document_id', 'd.created_at', 'd.retention_extended_until', 'c.state'])
      .where('r.record_id', 'is', null)
      .execute();
    const listed: string[] = [];
    for (const r of rows) {
      const legalBasis = legalBasisOf(r.case_id, r.state);
      const days = (legalBasis !== null ? period.get(legalBasis) : undefined) ?? period.get('*');
      if (days === undefined) continue;
      const dueOn = day(new Date(new Date(r.created_at).getTime() + days * 86_400_000));
      const reviewOn = r.retention_extended_until ? dateText(r.retention_extended_until) : dueOn;
      if (reviewOn > today) continue;
      await tx
        .insertInto('retention_due')
        .values({
          record_kind: CASE_DOCUMENT_RETENTION_TYPE,
          record_id: r.document_id,
          due_on: reviewOn,
          listed_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      listed.push(r.document_id);
    }
    return listed;
  }

  /**
   * Case documents due for review, as rows of the DPO's due list: what they are (media type,
   * size, case, providing node), never their content, title or file name.
   */
  async listDue(): Promise<RetentionDueRecord[]> {
    const { db, nodeId } = this.cases.o;
    const rows = await db
      .selectFrom('retention_due as r')
      .innerJoin('case_documents as d', 'd.document_id', 'r.record_id')
      .innerJoin('cases as c', 'c.id', 'd.case_id')
      .select([
        'd.case_id',
        'd.document_id',
        'd.origin_node',
        'd.media_type',
        'd.size',
        'd.created_at',
        'r.due_on',
        'c.state',
        'c.handling_code',
      ])
      .where('r.record_kind', '=', CASE_DOCUMENT_RETENTION_TYPE)
      .execute();
    return rows.map((r) => {
      const local = r.origin_node === nodeId;
      return {
        id: r.document_id,
        type: CASE_DOCUMENT_RETENTION_TYPE,
        direction: local ? 'local' : 'in',
        partner: local ? '' : r.origin_node,
        subject: `${r.media_type}, ${Number(r.size)} bytes, case ${r.case_id}`,
        createdAt: new Date(r.created_at).toISOString(),
        dueOn: dateText(r.due_on),
        legalBasis: legalBasisOf(r.case_id, r.state),
        handlingCode: r.handling_code,
      };
    });
  }

  /** Keeps a case document until `until`, for a stated reason; it leaves the due list. */
  async extend(actor: Actor, documentId: string, input: { until: string; reason: string }): Promise<boolean> {
    requirePermission(actor, 'retention.manage');
    const { clock, db } = this.cases.o;
    return runInTransaction(db, async (tx) => {
      const row = await this.#row(tx, documentId);
      if (!row) return false;
      await tx
        .updateTable('case_documents')
        .set({ retention_extended_until: input.until, retention_extension_reason: input.reason })
        .where('document_id', '=', documentId)
        .execute();
      await tx
        .deleteFrom('retention_due')
        .where('record_kind', '=', CASE_DOCUMENT_RETENTION_TYPE)
        .where('record_id', '=', documentId)
        .execute();
      await appendAudit(tx, clock, {
        actor: auditActor(actor),
        action: 'retention.extend',
        subject: `case-document:${documentId}`,
        detail: { case: row.case_id, until: input.until, reason: input.reason },
      });
      return true;
    });
  }

  /**
   * Purges a case document: this node's file and row go (tombstone `retention`, audit), and
   * the document is removed from the case, which every other node applies by deleting its
   * copy (the provider learns of it that way).
   */
  async purge(actor: Actor, documentId: string, input: { reason: string }): Promise<boolean> {
    requirePermission(actor, 'retention.manage');
    const { clock, db } = this.cases.o;
    return runInTransaction(db, async (tx) => {
      const row = await this.#row(tx, documentId);
      if (!row) return false;
      const caseRow = (await store.getCase(tx, row.case_id, true))!;
      await deleteCaseDocumentFiles(
        tx,
        this.cases.o,
        row.case_id,
        [documentId],
        auditActor(actor),
        'retention',
      );
      await tx
        .deleteFrom('retention_due')
        .where('record_kind', '=', CASE_DOCUMENT_RETENTION_TYPE)
        .where('record_id', '=', documentId)
        .execute();
      const item = store.loadState(caseRow).collections.documents.get(documentId);
      const removeFromCase = !caseRow.withdrawn_at && item && item.fields.removed?.value !== true;
      if (removeFromCase) {
        await this.cases.applyForNode(tx, actor, row.case_id, [
          { kind: 'item.put', collection: 'documents', itemId: documentId, fields: { removed: true } },
        ]);
      }
      await appendAudit(tx, clock, {
        actor: auditActor(actor),
        action: 'retention.purge',
        subject: `case-document:${documentId}`,
        detail: {
          tombstone: {
            case: row.case_id,
            originNode: row.origin_node,
            sha256: row.sha256,
            size: Number(row.size),
            createdAt: new Date(row.created_at).toISOString(),
          },
          removedFromCase: Boolean(removeFromCase),
          reason: input.reason,
        },
      });
      return true;
    });
  }

  #row(tx: Tx, documentId: string) {
    return tx
      .selectFrom('case_documents')
      .selectAll()
      .where('document_id', '=', documentId)
      .forUpdate()
      .executeTakeFirst();
  }
}
