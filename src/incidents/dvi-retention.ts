/**
 * Retention of DVI records (issue #13 with DESIGN §8): post-mortem and ante-mortem records
 * have a review date, their creation plus the period the DPO set for their record type under
 * their legal basis (`retention_rules`, the form's `legalBasis`, else `*`). The retention scan
 * lists the due ones on the DPO's list beside messages; the DPO extends one with a reason or
 * purges it, leaving an audit tombstone. A record that a confirmed identification board
 * decision locks is not purged while its incident's joint case is open (or the incident has
 * none) unless the DPO says so explicitly: identified remains and their family's data stay
 * until the case is closed (docs/INCIDENTS.md, "Retention").
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import {
  type Actor,
  auditActor,
  type RetentionDueRecord,
  type RetentionPurgeInput,
  type RetentionSource,
  requirePermission,
} from '../governance/index.js';
import { ApiError, appendAudit, type Clock, type Db, type Tx } from '../platform/index.js';
import type { DviDeletedPayload } from './wire.js';

/** The two record types with retention periods, named as in `retention_rules`. */
export const DVI_RETENTION_TYPES = ['dvi_post_mortem', 'dvi_ante_mortem'] as const;
type DviRecordType = (typeof DVI_RETENTION_TYPES)[number];

/** Dependencies of {@link DviRetention}. */
export interface DviRetentionOptions {
  db: Db;
  clock: Clock;
  /** Whether a joint case (of the cases module) is closed, read in the caller's transaction. */
  isCaseClosed: (tx: Tx, caseId: string) => Promise<boolean>;
  /** Called in the purge's transaction: the incident's status board changed. */
  onBoardChanged?: (tx: Tx, incidentId: string) => Promise<void>;
  /**
   * Called in the purge's transaction for an ante-mortem record a partner sent us: the
   * provider is told (`dvi.deleted`, PROTOCOL §8.7) as it is for messages.
   */
  tellProvider?: (tx: Tx, partner: string, payload: DviDeletedPayload) => Promise<void>;
  /** Called after a purge that told a provider commits (the outbox has a message to send). */
  nudge?: () => void;
}

/** The due date of a record of `type` in table alias `t`, in SQL. */
const dueOn = (type: DviRecordType) => sql<string>`(t.created_at + make_interval(days => (
    select r.review_after_days from retention_rules r
    where r.record_type = ${type} and (r.legal_basis = t.form->>'legalBasis' or r.legal_basis = '*')
    order by (r.legal_basis = '*') limit 1)))::date`;

/** DVI records as a {@link RetentionSource} of the DPO's retention work. */
export class DviRetention implements RetentionSource {
  constructor(private readonly o: DviRetentionOptions) {}

  async scan(tx: Tx, now: Date): Promise<string[]> {
    const today = now.toISOString().slice(0, 10);
    const ids: string[] = [];
    for (const type of DVI_RETENTION_TYPES) {
      const listed = await sql<{ record_id: string }>`
        insert into retention_due (record_kind, record_id, due_on, listed_at)
        select ${type}, t.id, ${dueOn(type)}, ${now} from ${sql.table(type)} t
        where coalesce(t.retention_extended_until, ${dueOn(type)}) <= ${today}::date
        on conflict do nothing
        returning record_id`.execute(tx);
      ids.push(...listed.rows.map((r) => r.record_id));
    }
    return ids;
  }

  async listDue(): Promise<RetentionDueRecord[]> {
    const out: RetentionDueRecord[] = [];
    for (const type of DVI_RETENTION_TYPES) {
      const partner = type === 'dvi_ante_mortem' ? sql<string | null>`t.partner` : sql<null>`null`;
      const rows = await sql<{
        id: string;
        reference: string;
        created_at: Date;
        due_on: string | Date;
        legal_basis: string | null;
        partner: string | null;
      }>`
        select t.id, t.reference, t.created_at, d.due_on, t.form->>'legalBasis' as legal_basis,
               ${partner} as partner
          from retention_due d join ${sql.table(type)} t on t.id = d.record_id
         where d.record_kind = ${type}`.execute(this.o.db);
      for (const r of rows.rows) {
        out.push({
          id: r.id,
          type,
          direction: r.partner ? 'in' : 'local',
          partner: r.partner ?? '',
          subject: r.reference,
          createdAt: new Date(r.created_at).toISOString(),
          dueOn: typeof r.due_on === 'string' ? r.due_on : new Date(r.due_on).toISOString().slice(0, 10),
          legalBasis: r.legal_basis,
          handlingCode: null,
        });
      }
    }
    return out;
  }

  async extend(actor: Actor, id: string, input: { until: string; reason: string }): Promise<boolean> {
    requirePermission(actor, 'retention.manage');
    return this.o.db.transaction().execute(async (tx) => {
      const type = await this.#typeOf(tx, id);
      if (!type) return false;
      await tx
        .updateTable(type)
        .set({ retention_extended_until: input.until, retention_extension_reason: input.reason })
        .where('id', '=', id)
        .execute();
      await tx.deleteFrom('retention_due').where('record_id', '=', id).execute();
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'retention.extend',
        subject: `${type}:${id}`,
        detail: { until: input.until, reason: input.reason },
      });
      return true;
    });
  }

  async purge(actor: Actor, id: string, input: RetentionPurgeInput): Promise<boolean> {
    requirePermission(actor, 'retention.manage');
    const { db, clock } = this.o;
    let told = false;
    const found = await db.transaction().execute(async (tx) => {
      const type = await this.#typeOf(tx, id);
      if (!type) return false;
      const record = await tx
        .selectFrom(type)
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const side = type === 'dvi_post_mortem' ? 'pm_id' : 'am_id';
      const decisions = await tx
        .selectFrom('dvi_identifications')
        .select(['id', 'status', 'pm_id', 'am_id', 'death_certificate_ref'])
        .where(side, '=', id)
        .execute();
      const incident = await tx
        .selectFrom('incidents')
        .select('joint_case_id')
        .where('id', '=', record.incident_id)
        .executeTakeFirstOrThrow();
      const locked = decisions.some((d) => d.status === 'confirmed');
      const caseClosed = incident.joint_case_id
        ? await this.o.isCaseClosed(tx, incident.joint_case_id)
        : false;
      if (locked && !caseClosed && !input.overrideBoardLock) {
        throw new ApiError(
          409,
          'identification_locked',
          "A confirmed identification locks this record while its case is open; purging it needs the DPO's explicit override",
        );
      }
      // What hangs on the record goes with it: the experts' identifiers, the board's
      // decisions, the family notifications, the repatriation, the transfers.
      await tx.deleteFrom('dvi_identifiers').where(side, '=', id).execute();
      await tx.deleteFrom('dvi_identifications').where(side, '=', id).execute();
      if (type === 'dvi_post_mortem') {
        await tx.deleteFrom('dvi_repatriations').where('pm_id', '=', id).execute();
      } else {
        await tx.deleteFrom('dvi_family_notifications').where('am_id', '=', id).execute();
        await tx.deleteFrom('dvi_transfers').where('am_id', '=', id).execute();
      }
      await tx.deleteFrom(type).where('id', '=', id).execute();
      await tx.deleteFrom('retention_due').where('record_id', '=', id).execute();
      await tx.deleteFrom('break_glass').where('record_id', '=', id).execute();
      await appendAudit(tx, clock, {
        actor: auditActor(actor),
        action: 'retention.purge',
        subject: `${type}:${id}`,
        detail: {
          tombstone: {
            type,
            incident: record.incident_id,
            reference: record.reference,
            createdAt: new Date(record.created_at).toISOString(),
            formSha256: createHash('sha256').update(JSON.stringify(record.form)).digest('hex'),
            identifications: decisions.map((d) => ({ id: d.id, status: d.status })),
            ...('partner' in record && record.partner
              ? { partner: record.partner, remoteId: record.remote_id }
              : {}),
          },
          reason: input.reason,
          ...(locked ? { overrodeBoardLock: !caseClosed, caseClosed } : {}),
        },
      });
      if ('partner' in record && record.partner && record.remote_id) {
        await this.o.tellProvider?.(tx, record.partner, {
          recordId: record.remote_id,
          reference: record.reference,
          deletedAt: clock.now().toISOString(),
          reason: 'retention',
        });
        told = true;
      }
      await this.o.onBoardChanged?.(tx, record.incident_id);
      return true;
    });
    if (told) this.o.nudge?.();
    return found;
  }

  async #typeOf(tx: Tx, id: string): Promise<DviRecordType | null> {
    for (const type of DVI_RETENTION_TYPES) {
      const row = await tx.selectFrom(type).select('id').where('id', '=', id).executeTakeFirst();
      if (row) return type;
    }
    return null;
  }
}
