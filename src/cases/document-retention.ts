/**
 * Retention of case documents, on the rules of messages (src/exchange/retention.ts): a
 * document falls due for review the given number of days after it was stored on this node,
 * under the `case_document` rule of its case's legal basis (or the `*` rule). The retention
 * scan lists it in `retention_due` for the DPO, who keeps it longer (a date and a reason) or
 * purges it: the file and its row go on this node (tombstone, audit), and the document is
 * removed from the case, so every other node of the case — the provider included — deletes
 * its copy when it applies the removal.
 */
import { z } from 'zod';
import { type Actor, auditActor, notifyDpo, requirePermission } from '../governance/index.js';
import { appendAudit, NotFoundError, runInTransaction, type Tx, ValidationError } from '../platform/index.js';
import { deleteCaseDocumentFiles } from './document-transfer.js';
import type { CaseService } from './service.js';
import * as store from './store.js';

export const caseDocumentDueViewSchema = z.object({
  caseId: z.string(),
  documentId: z.string(),
  originNode: z.string(),
  mediaType: z.string(),
  size: z.number(),
  createdAt: z.string(),
  dueOn: z.string(),
  legalBasis: z.string().nullable(),
});
/** A case document due for its retention review. */
export type CaseDocumentDueView = z.infer<typeof caseDocumentDueViewSchema>;

const day = (d: Date) => d.toISOString().slice(0, 10);
const dateText = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : day(d));

/** Retention reviews and purges of case documents (DPO). */
export class CaseDocumentRetention {
  constructor(private readonly cases: CaseService) {}

  /**
   * Lists the documents due into `retention_due`; called by the retention scan in its
   * transaction. Answers the document ids newly listed.
   */
  async listDueInto(tx: Tx, now: Date): Promise<string[]> {
    const today = day(now);
    const rules = await tx
      .selectFrom('retention_rules')
      .select(['legal_basis', 'review_after_days'])
      .where('record_type', '=', 'case_document')
      .execute();
    const period = new Map(rules.map((r) => [r.legal_basis, r.review_after_days]));
    const rows = await tx
      .selectFrom('case_documents as d')
      .innerJoin('cases as c', 'c.id', 'd.case_id')
      .leftJoin('retention_due as r', (j) =>
        j.onRef('r.record_id', '=', 'd.document_id').on('r.record_kind', '=', 'case_document'),
      )
      .select(['d.case_id', 'd.document_id', 'd.created_at', 'd.retention_extended_until', 'c.state'])
      .where('r.record_id', 'is', null)
      .execute();
    const listed: string[] = [];
    for (const r of rows) {
      const legalBasis = store.loadState({ id: r.case_id, state: r.state } as store.CaseRow).fields.legalBasis
        ?.value as string | undefined;
      const days = (legalBasis !== undefined ? period.get(legalBasis) : undefined) ?? period.get('*');
      if (days === undefined) continue;
      const dueOn = day(new Date(new Date(r.created_at).getTime() + days * 86_400_000));
      const reviewOn = r.retention_extended_until ? dateText(r.retention_extended_until) : dueOn;
      if (reviewOn > today) continue;
      await tx
        .insertInto('retention_due')
        .values({ record_kind: 'case_document', record_id: r.document_id, due_on: reviewOn, listed_at: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
      listed.push(r.document_id);
    }
    if (listed.length > 0) {
      await notifyDpo(tx, {
        kind: 'retention_due',
        title: `${listed.length} case document(s) due for retention review`,
        detail: 'Extend with a reason, or purge.',
        subject: 'retention',
        at: now,
      });
    }
    return listed;
  }

  /** Case documents due for review (DPO): what they are, never their content or name. */
  async listDue(actor: Actor): Promise<CaseDocumentDueView[]> {
    requirePermission(actor, 'retention.manage');
    const rows = await this.cases.o.db
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
      ])
      .where('r.record_kind', '=', 'case_document')
      .orderBy('r.due_on')
      .execute();
    return rows.map((r) => ({
      caseId: r.case_id,
      documentId: r.document_id,
      originNode: r.origin_node,
      mediaType: r.media_type,
      size: Number(r.size),
      createdAt: new Date(r.created_at).toISOString(),
      dueOn: dateText(r.due_on),
      legalBasis:
        (store.loadState({ id: r.case_id, state: r.state } as store.CaseRow).fields.legalBasis?.value as
          | string
          | undefined) ?? null,
    }));
  }

  async #row(tx: Tx, documentId: string) {
    const row = await tx
      .selectFrom('case_documents')
      .selectAll()
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('No such case document on this node');
    return row;
  }

  /** Keeps a case document until `until`, for a stated reason; it leaves the due list. */
  async extend(actor: Actor, documentId: string, input: { until: string; reason: string }): Promise<void> {
    requirePermission(actor, 'retention.manage');
    const { clock, db } = this.cases.o;
    if (input.until <= day(clock.now())) {
      throw new ValidationError('The new review date must be in the future', [
        { path: 'body.until', code: 'not_future', message: 'Must be after today' },
      ]);
    }
    await runInTransaction(db, async (tx) => {
      const row = await this.#row(tx, documentId);
      await tx
        .updateTable('case_documents')
        .set({ retention_extended_until: input.until, retention_extension_reason: input.reason })
        .where('document_id', '=', documentId)
        .execute();
      await tx
        .deleteFrom('retention_due')
        .where('record_kind', '=', 'case_document')
        .where('record_id', '=', documentId)
        .execute();
      await appendAudit(tx, clock, {
        actor: auditActor(actor),
        action: 'retention.extend',
        subject: `case-document:${documentId}`,
        detail: { case: row.case_id, until: input.until, reason: input.reason },
      });
    });
  }

  /**
   * Purges a case document: this node's file and row go (tombstone `retention`, audit), and
   * the document is removed from the case, which every other node applies by deleting its
   * copy (the provider learns of it that way).
   */
  async purge(actor: Actor, documentId: string, input: { reason: string }): Promise<void> {
    requirePermission(actor, 'retention.manage');
    const { clock, db } = this.cases.o;
    await runInTransaction(db, async (tx) => {
      const row = await this.#row(tx, documentId);
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
        .where('record_kind', '=', 'case_document')
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
    });
  }
}
