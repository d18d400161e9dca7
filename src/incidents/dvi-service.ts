/**
 * Victim identification (INTERPOL DVI Guide): post-mortem records of the bodies, ante-mortem
 * records of the missing, survivors as victims of smuggling, the ranked reconciliation, the
 * experts' primary identifiers, the identification board's decision (which locks the match),
 * families told and remains repatriated. Every record belongs to an incident and is seen only
 * by the dvi officers on its team.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, auditActor } from '../governance/index.js';
import {
  appendAudit,
  type Clock,
  ConflictError,
  type Db,
  NotFoundError,
  type Tx,
  ValidationError,
} from '../platform/index.js';
import { rankCandidates, scorePair } from './reconcile.js';
import type {
  AnteMortemView,
  anteMortemFormSchema,
  CandidateView,
  decisionInputSchema,
  IdentificationView,
  identifierInputSchema,
  notificationInputSchema,
  PostMortemView,
  postMortemFormSchema,
  repatriationInputSchema,
  StatusBoard,
  SurvivorView,
  survivorFormSchema,
} from './schema.js';
import type { IncidentService } from './service.js';
import { computeStatusBoard } from './status-board.js';
import * as store from './store.js';

const RECORD_TABLES = { pm: 'dvi_post_mortem', am: 'dvi_ante_mortem', survivor: 'dvi_survivors' } as const;

type RecordInput<F extends z.ZodType> = { reference: string; synthetic: boolean; form: z.infer<F> };

/** Dependencies of {@link DviService}. */
export interface DviServiceOptions {
  db: Db;
  clock: Clock;
  incidents: IncidentService;
  /** Called in the transaction of every change to the board: tells the partners involved. */
  onBoardChanged?: (tx: Tx, incidentId: string) => Promise<void>;
}

export class DviService {
  constructor(readonly o: DviServiceOptions) {}

  async #audit(tx: Tx, actor: Actor, action: string, subject: string, detail: Record<string, unknown>) {
    await appendAudit(tx, this.o.clock, { actor: auditActor(actor), action, subject, detail });
  }

  // --- records ---------------------------------------------------------------------------------

  /**
   * Inserts a DVI record collected on this node, its reference unique in the incident, with
   * its audit entry; the board is told when the record is on it (bodies, missing persons).
   */
  async #addRecord(
    actor: Actor,
    incidentId: string,
    kind: 'pm' | 'am' | 'survivor',
    input: { reference: string; synthetic: boolean; form: unknown },
  ): Promise<string> {
    await this.o.incidents.requireTeam(actor, incidentId, 'dvi.write');
    const table = RECORD_TABLES[kind];
    const id = randomUUID();
    const now = this.o.clock.now();
    await this.o.db.transaction().execute(async (tx) => {
      let taken = tx
        .selectFrom(table)
        .select('id')
        .where('incident_id', '=', incidentId)
        .where('reference', '=', input.reference);
      // A partner's reference may repeat one of ours: only our own records must differ.
      if (kind === 'am') taken = taken.where(sql.ref('partner'), 'is', null);
      if (await taken.executeTakeFirst())
        throw new ConflictError(
          `Reference ${input.reference} is already used in this incident`,
          'reference_taken',
        );
      const values = {
        id,
        incident_id: incidentId,
        reference: input.reference,
        form: JSON.stringify(input.form),
        synthetic: input.synthetic,
        created_by: auditActor(actor),
        created_at: now,
        updated_at: now,
        ...(kind === 'am' ? { partner: null, remote_id: null } : {}),
      };
      await tx
        .insertInto(table)
        .values(values as never)
        .execute();
      await this.#audit(tx, actor, `dvi.${kind}.create`, `incident:${incidentId}`, {
        record: id,
        reference: input.reference,
      });
      if (kind !== 'survivor') await this.o.onBoardChanged?.(tx, incidentId);
    });
    return id;
  }

  /** Records a body or body part (pink form). */
  async addPostMortem(
    actor: Actor,
    incidentId: string,
    input: RecordInput<typeof postMortemFormSchema>,
  ): Promise<PostMortemView> {
    const id = await this.#addRecord(actor, incidentId, 'pm', input);
    return (await this.postMortems(actor, incidentId)).find((p) => p.id === id)!;
  }

  async postMortems(actor: Actor, incidentId: string): Promise<PostMortemView[]> {
    await this.o.incidents.requireTeam(actor, incidentId);
    const rows = await this.o.db
      .selectFrom('dvi_post_mortem')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('reference')
      .execute();
    return rows.map(store.pmView);
  }
  /** Records a missing person collected on this node (yellow form). */
  async addAnteMortem(
    actor: Actor,
    incidentId: string,
    input: RecordInput<typeof anteMortemFormSchema>,
  ): Promise<AnteMortemView> {
    const id = await this.#addRecord(actor, incidentId, 'am', input);
    return (await this.anteMortems(actor, incidentId)).find((a) => a.id === id)!;
  }

  async anteMortems(actor: Actor, incidentId: string): Promise<AnteMortemView[]> {
    await this.o.incidents.requireTeam(actor, incidentId);
    const rows = await this.o.db
      .selectFrom('dvi_ante_mortem')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('reference')
      .execute();
    return rows.map(store.amView);
  }
  /** Records a survivor as a victim of smuggling: never a suspect, never in a matching index. */
  async addSurvivor(
    actor: Actor,
    incidentId: string,
    input: RecordInput<typeof survivorFormSchema>,
  ): Promise<SurvivorView> {
    const id = await this.#addRecord(actor, incidentId, 'survivor', input);
    return (await this.survivors(actor, incidentId)).find((s) => s.id === id)!;
  }

  async survivors(actor: Actor, incidentId: string): Promise<SurvivorView[]> {
    await this.o.incidents.requireTeam(actor, incidentId);
    const rows = await this.o.db
      .selectFrom('dvi_survivors')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('reference')
      .execute();
    return rows.map(store.survivorView);
  }

  // --- reconciliation ----------------------------------------------------------------------------

  /**
   * Ranked candidates: for one post-mortem record (`pmId`) its ante-mortem candidates, for one
   * ante-mortem record (`amId`) its post-mortem candidates, or for every body its best ones.
   */
  async candidates(
    actor: Actor,
    incidentId: string,
    query: { pmId?: string | undefined; amId?: string | undefined; limit?: number | undefined },
  ): Promise<CandidateView[]> {
    const incident = await this.o.incidents.requireTeam(actor, incidentId);
    const db = this.o.db;
    const [pms, ams, decisions] = await Promise.all([
      db.selectFrom('dvi_post_mortem').selectAll().where('incident_id', '=', incidentId).execute(),
      db.selectFrom('dvi_ante_mortem').selectAll().where('incident_id', '=', incidentId).execute(),
      db
        .selectFrom('dvi_identifications')
        .select(['pm_id', 'am_id'])
        .where('incident_id', '=', incidentId)
        .where('status', '=', 'confirmed')
        .execute(),
    ]);
    const lockedPm = new Set(decisions.map((d) => d.pm_id));
    const lockedAm = new Set(decisions.map((d) => d.am_id));
    const limit = query.limit ?? 5;
    // A record already bound by a board decision is not a candidate any more: it goes last.
    const rank = <T extends CandidateView & { reference: string }>(rows: T[]) => {
      const ranked = rankCandidates(rows);
      return [...ranked.filter((r) => !r.locked), ...ranked.filter((r) => r.locked)];
    };
    const score = (pm: store.PostMortemRow, am: store.AnteMortemRow): CandidateView => {
      const s = scorePair(
        { form: store.pmView(pm).form, incidentDate: incident.incident_date },
        store.amView(am).form,
      );
      return {
        pmId: pm.id,
        pmReference: pm.reference,
        amId: am.id,
        amReference: am.reference,
        score: s.score,
        evidence: s.evidence,
        locked: lockedPm.has(pm.id) || lockedAm.has(am.id),
      };
    };
    if (query.pmId) {
      const pm = pms.find((p) => p.id === query.pmId);
      if (!pm) throw new NotFoundError('No such post-mortem record');
      return rank(ams.map((am) => ({ ...score(pm, am), reference: am.reference })))
        .slice(0, limit)
        .map(strip);
    }
    if (query.amId) {
      const am = ams.find((a) => a.id === query.amId);
      if (!am) throw new NotFoundError('No such ante-mortem record');
      return rank(pms.map((pm) => ({ ...score(pm, am), reference: pm.reference })))
        .slice(0, limit)
        .map(strip);
    }
    return pms.flatMap((pm) =>
      rank(ams.map((am) => ({ ...score(pm, am), reference: am.reference })))
        .slice(0, limit)
        .map(strip),
    );
  }

  /** Records a primary identifier (fingerprint, dental, DNA) an expert confirmed for a pair. */
  async confirmIdentifier(
    actor: Actor,
    incidentId: string,
    input: z.infer<typeof identifierInputSchema>,
  ): Promise<void> {
    await this.o.incidents.requireTeam(actor, incidentId, 'dvi.write');
    await this.o.db.transaction().execute(async (tx) => {
      await this.#pair(tx, incidentId, input.pmId, input.amId);
      await this.#requireUnlocked(tx, input.pmId, input.amId);
      await tx
        .insertInto('dvi_identifiers')
        .values({
          id: randomUUID(),
          incident_id: incidentId,
          pm_id: input.pmId,
          am_id: input.amId,
          kind: input.kind,
          expert: input.expert,
          note: input.note ?? null,
          recorded_by: auditActor(actor),
          recorded_at: this.o.clock.now(),
        })
        .execute();
      await this.#audit(tx, actor, 'dvi.identifier.confirm', `incident:${incidentId}`, {
        pm: input.pmId,
        am: input.amId,
        kind: input.kind,
        expert: input.expert,
      });
    });
  }

  async #pair(tx: Tx, incidentId: string, pmId: string, amId: string) {
    const [pm, am] = await Promise.all([
      tx
        .selectFrom('dvi_post_mortem')
        .selectAll()
        .where('id', '=', pmId)
        .where('incident_id', '=', incidentId)
        .executeTakeFirst(),
      tx
        .selectFrom('dvi_ante_mortem')
        .selectAll()
        .where('id', '=', amId)
        .where('incident_id', '=', incidentId)
        .executeTakeFirst(),
    ]);
    if (!pm) throw new NotFoundError('No such post-mortem record in this incident');
    if (!am) throw new NotFoundError('No such ante-mortem record in this incident');
    return { pm, am };
  }

  async #requireUnlocked(tx: Tx, pmId: string, amId: string, allow?: string) {
    const confirmed = await tx
      .selectFrom('dvi_identifications')
      .select(['id', 'pm_id', 'am_id', 'status'])
      .where((eb) => eb.or([eb('pm_id', '=', pmId), eb('am_id', '=', amId)]))
      .forUpdate()
      .execute();
    for (const d of confirmed) {
      if (d.id === allow) continue;
      if (d.status === 'confirmed' || d.pm_id !== pmId || d.am_id !== amId)
        throw new ConflictError('A board decision already binds one of these records', 'match_locked');
    }
    return confirmed;
  }

  /**
   * The identification board's decision on a pair. A preliminary decision may be confirmed
   * later; a confirmed one requires at least one primary identifier confirmed by an expert and
   * locks both records: no other decision, identifier or change binds them afterwards.
   */
  async decide(
    actor: Actor,
    incidentId: string,
    input: z.infer<typeof decisionInputSchema>,
  ): Promise<IdentificationView> {
    await this.o.incidents.requireTeam(actor, incidentId, 'dvi.write');
    let id = '';
    await this.o.db.transaction().execute(async (tx) => {
      await this.#pair(tx, incidentId, input.pmId, input.amId);
      const existing = await this.#requireUnlocked(tx, input.pmId, input.amId);
      const identifiers = await tx
        .selectFrom('dvi_identifiers')
        .select('kind')
        .where('pm_id', '=', input.pmId)
        .where('am_id', '=', input.amId)
        .execute();
      const kinds = [...new Set(identifiers.map((i) => i.kind))].sort();
      if (input.status === 'confirmed' && kinds.length === 0) {
        throw new ConflictError(
          'A confirmed identification needs a primary identifier (fingerprint, dental or DNA) confirmed by an expert',
          'primary_identifier_required',
        );
      }
      if (input.deathCertificateRef && input.status !== 'confirmed')
        throw new ValidationError('A death certificate follows a confirmed identification only');
      const now = this.o.clock.now();
      const values = {
        status: input.status,
        identifiers: kinds,
        members: input.members,
        note: input.note ?? null,
        death_certificate_ref: input.deathCertificateRef ?? null,
        decided_by: auditActor(actor),
        decided_at: now,
      };
      const prior = existing[0];
      if (prior) {
        id = prior.id;
        await tx.updateTable('dvi_identifications').set(values).where('id', '=', id).execute();
      } else {
        id = randomUUID();
        await tx
          .insertInto('dvi_identifications')
          .values({ id, incident_id: incidentId, pm_id: input.pmId, am_id: input.amId, ...values })
          .execute();
      }
      await this.#audit(tx, actor, `dvi.board.${input.status}`, `incident:${incidentId}`, {
        identification: id,
        pm: input.pmId,
        am: input.amId,
        identifiers: kinds,
        members: input.members,
        deathCertificate: input.deathCertificateRef ?? null,
      });
      await this.o.onBoardChanged?.(tx, incidentId);
    });
    return (await this.identifications(actor, incidentId)).find((d) => d.id === id)!;
  }

  async identifications(actor: Actor, incidentId: string): Promise<IdentificationView[]> {
    await this.o.incidents.requireTeam(actor, incidentId);
    const rows = await this.o.db
      .selectFrom('dvi_identifications as d')
      .innerJoin('dvi_post_mortem as p', 'p.id', 'd.pm_id')
      .innerJoin('dvi_ante_mortem as a', 'a.id', 'd.am_id')
      .selectAll('d')
      .select(['p.reference as pm_reference', 'a.reference as am_reference'])
      .where('d.incident_id', '=', incidentId)
      .orderBy('p.reference')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      pmId: r.pm_id,
      pmReference: r.pm_reference,
      amId: r.am_id,
      amReference: r.am_reference,
      status: r.status,
      identifiers: r.identifiers,
      members: r.members,
      note: r.note,
      deathCertificateRef: r.death_certificate_ref,
      decidedBy: r.decided_by,
      decidedAt: new Date(r.decided_at).toISOString(),
    }));
  }

  // --- families and repatriation -------------------------------------------------------------

  /** Records that a missing person's family was told of the identification. */
  async notifyFamily(
    actor: Actor,
    incidentId: string,
    input: z.infer<typeof notificationInputSchema>,
  ): Promise<void> {
    await this.o.incidents.requireTeam(actor, incidentId, 'dvi.write');
    await this.o.db.transaction().execute(async (tx) => {
      const am = await tx
        .selectFrom('dvi_ante_mortem')
        .select(['id', 'reference', 'partner'])
        .where('id', '=', input.amId)
        .where('incident_id', '=', incidentId)
        .executeTakeFirst();
      if (!am) throw new NotFoundError('No such ante-mortem record in this incident');
      const confirmed = await tx
        .selectFrom('dvi_identifications')
        .select('id')
        .where('am_id', '=', am.id)
        .where('status', '=', 'confirmed')
        .executeTakeFirst();
      const byPartner = await tx
        .selectFrom('dvi_partner_status')
        .select('state')
        .where('incident_id', '=', incidentId)
        .where('record_kind', '=', 'am')
        .where('record_ref', '=', am.reference)
        .executeTakeFirst();
      if (!confirmed && (!byPartner || byPartner.state === 'pending'))
        throw new ConflictError('The family is told after a confirmed identification', 'not_identified');
      await tx
        .insertInto('dvi_family_notifications')
        .values({
          id: randomUUID(),
          incident_id: incidentId,
          am_id: am.id,
          notified_person: input.notifiedPerson,
          relationship: input.relationship,
          channel: input.channel,
          language: input.language,
          support: input.support ?? null,
          notified_at: new Date(input.notifiedAt),
          recorded_by: auditActor(actor),
        })
        .execute();
      await this.#audit(tx, actor, 'dvi.family.notified', `incident:${incidentId}`, {
        am: am.id,
        channel: input.channel,
        language: input.language,
      });
      await this.o.onBoardChanged?.(tx, incidentId);
    });
  }

  async familyNotifications(actor: Actor, incidentId: string) {
    await this.o.incidents.requireTeam(actor, incidentId);
    const rows = await this.o.db
      .selectFrom('dvi_family_notifications as n')
      .innerJoin('dvi_ante_mortem as a', 'a.id', 'n.am_id')
      .selectAll('n')
      .select('a.reference')
      .where('n.incident_id', '=', incidentId)
      .orderBy('n.notified_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      amId: r.am_id,
      amReference: r.reference,
      notifiedPerson: r.notified_person,
      relationship: r.relationship,
      channel: r.channel,
      language: r.language,
      support: r.support,
      notifiedAt: new Date(r.notified_at).toISOString(),
    }));
  }

  /** Records or updates the repatriation of an identified body (or its traceable grave). */
  async setRepatriation(
    actor: Actor,
    incidentId: string,
    input: z.infer<typeof repatriationInputSchema>,
  ): Promise<void> {
    await this.o.incidents.requireTeam(actor, incidentId, 'dvi.write');
    await this.o.db.transaction().execute(async (tx) => {
      const confirmed = await tx
        .selectFrom('dvi_identifications')
        .select('id')
        .where('pm_id', '=', input.pmId)
        .where('incident_id', '=', incidentId)
        .where('status', '=', 'confirmed')
        .executeTakeFirst();
      if (!confirmed)
        throw new ConflictError('Remains are released after a confirmed identification', 'not_identified');
      if (input.status === 'buried' && !input.graveLocation)
        throw new ValidationError('A burial is recorded with its traceable grave location');
      const values = {
        incident_id: incidentId,
        status: input.status,
        family_wishes: input.familyWishes ?? null,
        laissez_passer: JSON.stringify(input.laissezPasser ?? null),
        transport: input.transport ?? null,
        receiving_authority: input.receivingAuthority ?? null,
        grave_location: input.graveLocation ?? null,
        updated_by: auditActor(actor),
        updated_at: this.o.clock.now(),
      };
      await tx
        .insertInto('dvi_repatriations')
        .values({ pm_id: input.pmId, ...values })
        .onConflict((oc) => oc.column('pm_id').doUpdateSet(values))
        .execute();
      await this.#audit(tx, actor, 'dvi.repatriation', `incident:${incidentId}`, {
        pm: input.pmId,
        status: input.status,
      });
      await this.o.onBoardChanged?.(tx, incidentId);
    });
  }

  async repatriations(actor: Actor, incidentId: string) {
    await this.o.incidents.requireTeam(actor, incidentId);
    const rows = await this.o.db
      .selectFrom('dvi_repatriations as r')
      .innerJoin('dvi_post_mortem as p', 'p.id', 'r.pm_id')
      .selectAll('r')
      .select('p.reference')
      .where('r.incident_id', '=', incidentId)
      .execute();
    return rows.map((r) => ({
      pmId: r.pm_id,
      pmReference: r.reference,
      status: r.status,
      familyWishes: r.family_wishes,
      laissezPasser: r.laissez_passer as Record<string, string> | null,
      transport: r.transport,
      receivingAuthority: r.receiving_authority,
      graveLocation: r.grave_location,
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }

  /** The incident's status board (identified / pending / notified / repatriated). */
  async statusBoard(actor: Actor, incidentId: string): Promise<StatusBoard> {
    await this.o.incidents.requireTeam(actor, incidentId);
    return computeStatusBoard(this.o.db, incidentId);
  }
}

function strip<T extends { reference: string }>({ reference: _reference, ...rest }: T): Omit<T, 'reference'> {
  return rest;
}
