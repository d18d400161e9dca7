/**
 * Data-subject requests over the victim identification records (DESIGN §8): the DPO finds the
 * missing persons (ante-mortem records) and survivors the node holds under a name, in any
 * script, and corrects or erases them. A record bound by an identification board decision is
 * corrected, not erased: the decision and the death certificate rest on it.
 */
import type { SubjectChange, SubjectHit, SubjectRecordSource } from '../governance/index.js';
import { compareNames } from '../names/index.js';
import { ConflictError, type Db, type Tx } from '../platform/index.js';

type FormNames = { names: Array<{ full: string; script: string; lang?: string }> };

const TABLES = { ante_mortem: 'dvi_ante_mortem', survivor: 'dvi_survivors' } as const;

/** The incidents module as a source of data-subject requests. */
export function incidentSubjectSource(db: Db): SubjectRecordSource {
  return {
    module: 'incidents',
    async find(name, threshold): Promise<Omit<SubjectHit, 'module'>[]> {
      const hits: Omit<SubjectHit, 'module'>[] = [];
      for (const [kind, table] of Object.entries(TABLES)) {
        const rows = await db
          .selectFrom(table)
          .select(['id', 'form', 'created_at', ...(kind === 'ante_mortem' ? (['partner'] as const) : [])])
          .execute();
        for (const row of rows as Array<{
          id: string;
          form: unknown;
          created_at: Date;
          partner?: string | null;
        }>) {
          const form = row.form as FormNames;
          let best: { score: number; full: string } | null = null;
          for (const n of form.names) {
            const score = compareNames(name, n.full).score;
            if (!best || score > best.score) best = { score, full: n.full };
          }
          if (!best || best.score < threshold) continue;
          hits.push({
            recordKind: kind,
            recordId: row.id,
            entityId: 'person',
            score: Math.round(best.score * 1000) / 1000,
            matchedName: { full: best.full },
            names: form.names,
            role: kind === 'survivor' ? 'victim' : 'missing',
            partner: row.partner ?? null,
            direction: row.partner ? 'in' : null,
            createdAt: new Date(row.created_at).toISOString(),
            handlingCode: null,
            tlp: null,
            purpose: 'Identification of the victims of an incident',
          });
        }
      }
      return hits;
    },
    async change(tx: Tx, c: SubjectChange): Promise<boolean> {
      for (const [kind, table] of Object.entries(TABLES)) {
        const row = await tx
          .selectFrom(table)
          .select(['id', 'form'])
          .where('id', '=', c.recordId)
          .forUpdate()
          .executeTakeFirst();
        if (!row) continue;
        if (c.action === 'correct') {
          const form = row.form as FormNames;
          const names = (c.names ?? []).flatMap((n) =>
            n.full ? [{ full: n.full, script: n.script ?? 'Latn' }] : [],
          );
          await tx
            .updateTable(table)
            .set({ form: JSON.stringify({ ...form, names: names.length > 0 ? names : form.names }) })
            .where('id', '=', c.recordId)
            .execute();
          return true;
        }
        if (kind === 'ante_mortem') {
          const bound = await tx
            .selectFrom('dvi_identifications')
            .select('id')
            .where('am_id', '=', c.recordId)
            .executeTakeFirst();
          if (bound)
            throw new ConflictError(
              'An identification board decision rests on this record: correct it instead of erasing it',
              'match_locked',
            );
          for (const dependent of ['dvi_transfers', 'dvi_family_notifications', 'dvi_identifiers'] as const)
            await tx.deleteFrom(dependent).where('am_id', '=', c.recordId).execute();
        }
        await tx.deleteFrom(table).where('id', '=', c.recordId).execute();
        return true;
      }
      return false;
    },
  };
}
