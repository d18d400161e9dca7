/**
 * The exchange's persons for data-subject requests: person entities inside messages, found
 * by the names engine in any script, erased or corrected in this node's copy.
 */
import { sql } from 'kysely';
import type { SubjectChange, SubjectHit, SubjectRecordSource } from '../governance/index.js';
import { compareNames } from '../names/index.js';
import type { Tx } from '../platform/index.js';
import type { ExchangeOptions } from './options.js';
import { parseOperationalMessage } from './schema.js';

type PersonEntity = { kind: string; id: string; role?: string; names?: Array<Record<string, string>> };
type NameQuery = { given?: string; family?: string; father?: string; full?: string };

const NAME_PARTS = ['given', 'family', 'father', 'full'] as const;

function nameInput(n: Record<string, string>): NameQuery {
  const out: NameQuery = {};
  for (const part of NAME_PARTS) if (n[part]) out[part] = n[part];
  return out;
}

/** A {@link SubjectRecordSource} over the `messages` table (and the outbox's copies). */
export function exchangeSubjectSource(o: ExchangeOptions): SubjectRecordSource {
  const { db } = o;
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
        .select(['payload', 'partner', 'direction'])
        .where('id', '=', c.recordId)
        .forUpdate()
        .executeTakeFirst();
      if (!row || !applySubjectChange(row.payload, c)) return false;
      await sql`update messages set payload = ${JSON.stringify(row.payload)}::jsonb where id = ${c.recordId}`.execute(
        tx,
      );
      // The outbox's copy of an outgoing message changes with it: a retry never carries the
      // erased person, and a delivered copy no longer holds it.
      await o.transport.rewrite?.(tx, c.recordId, (wire) => {
        const message = (wire as { message?: unknown }).message;
        if (message) applySubjectChange(message, c);
        return wire;
      });
      const parsed = parseOperationalMessage(row.payload);
      if (parsed.ok) {
        await o.onMessageChanged?.(tx, {
          message: parsed.message,
          partner: row.partner,
          direction: row.direction,
          entityId: c.entityId,
          at: o.clock.now(),
        });
      }
      return true;
    },
  };
}

/**
 * Erases or corrects one person entity in an operational message (in place): an erased
 * person leaves with every relationship and document that refers to them. False when the
 * message holds no such person.
 */
export function applySubjectChange(message: unknown, c: SubjectChange): boolean {
  const payload = message as { entities?: Array<PersonEntity & Record<string, unknown>> } | null;
  const entity = payload?.entities?.find((e) => e.kind === 'person' && e.id === c.entityId);
  if (!payload || !entity) return false;
  if (c.action === 'erase') {
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
  return true;
}
