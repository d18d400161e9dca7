/**
 * The exchange's persons for data-subject requests: person entities inside messages, found
 * by the names engine in any script, erased or corrected in this node's copy.
 */
import { sql } from 'kysely';
import type { SubjectChange, SubjectHit, SubjectRecordSource } from '../governance/index.js';
import { compareNames } from '../names/index.js';
import type { Db, Tx } from '../platform/index.js';

type PersonEntity = { kind: string; id: string; role?: string; names?: Array<Record<string, string>> };
type NameQuery = { given?: string; family?: string; father?: string; full?: string };

const NAME_PARTS = ['given', 'family', 'father', 'full'] as const;

function nameInput(n: Record<string, string>): NameQuery {
  const out: NameQuery = {};
  for (const part of NAME_PARTS) if (n[part]) out[part] = n[part];
  return out;
}

/** A {@link SubjectRecordSource} over the `messages` table. */
export function exchangeSubjectSource(db: Db): SubjectRecordSource {
  return {
    module: 'exchange',
    async find(name, threshold): Promise<Omit<SubjectHit, 'module'>[]> {
      // Only messages that carry a person at all; the names engine then scores each name.
      const rows = await db
        .selectFrom('messages')
        .select(['id', 'partner', 'direction', 'created_at', 'payload', 'handling_code', 'tlp'])
        .where(sql<boolean>`payload->'entities' @> '[{"kind":"person"}]'::jsonb`)
        .orderBy('created_at')
        .execute();
      const hits: Omit<SubjectHit, 'module'>[] = [];
      for (const row of rows) {
        const payload = row.payload as { entities?: PersonEntity[]; purpose?: string };
        for (const e of payload.entities ?? []) {
          if (e.kind !== 'person') continue;
          let best: { score: number; name: Record<string, string> } | null = null;
          for (const n of e.names ?? []) {
            const score = compareNames(name, nameInput(n)).score;
            if (!best || score > best.score) best = { score, name: n };
          }
          if (best && best.score >= threshold) {
            hits.push({
              recordKind: 'message',
              recordId: row.id,
              entityId: e.id,
              score: Math.round(best.score * 1000) / 1000,
              matchedName: best.name,
              names: e.names ?? [],
              role: e.role ?? null,
              partner: row.partner,
              direction: row.direction,
              createdAt: new Date(row.created_at).toISOString(),
              handlingCode: row.handling_code,
              tlp: row.tlp,
              purpose: payload.purpose ?? null,
            });
          }
        }
      }
      return hits;
    },
    async change(tx: Tx, c: SubjectChange): Promise<boolean> {
      const row = await tx
        .selectFrom('messages')
        .select('payload')
        .where('id', '=', c.recordId)
        .forUpdate()
        .executeTakeFirst();
      const payload = row?.payload as
        | { entities?: Array<PersonEntity & Record<string, unknown>> }
        | undefined;
      const entity = payload?.entities?.find((e) => e.kind === 'person' && e.id === c.entityId);
      if (!payload || !entity) return false;
      if (c.action === 'erase') {
        // The person and every relationship that names them leave this node's copy.
        payload.entities = payload.entities!.filter((e) => {
          if (e.id === c.entityId) return false;
          const refs = [e.from, e.to, e.holderRef].map((r) =>
            typeof r === 'object' && r !== null ? (r as { ref?: string }).ref : r,
          );
          return !refs.includes(c.entityId);
        });
      } else {
        entity.names = c.names ?? entity.names;
      }
      await sql`update messages set payload = ${JSON.stringify(payload)}::jsonb where id = ${c.recordId}`.execute(
        tx,
      );
      return true;
    },
  };
}
