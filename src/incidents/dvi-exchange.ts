/**
 * Victim identification across the federation (DESIGN §4, §5): ante-mortem records go to the
 * partner holding the bodies as `dvi.antemortem` messages, never by e-mail; both nodes tell
 * each other their status board as `dvi.status`; an unidentified body or a missing person goes
 * out as an `alert`. Personal data leaves under the outgoing review's rules, and relatives' DNA
 * references never leave without the DPO's approval.
 */
import { randomUUID } from 'node:crypto';
import type { InboundMessage } from '../federation/index.js';
import {
  type Actor,
  activeSharingPolicies,
  auditActor,
  decideOutgoingReview,
  notifyDpo,
  requirePermission,
} from '../governance/index.js';
import {
  appendAudit,
  type Clock,
  ConflictError,
  type Db,
  type DbOrTx,
  NotFoundError,
  type Tx,
  ValidationError,
} from '../platform/index.js';
import type { AnteMortemForm, IncidentType, PostMortemForm, TransferView } from './schema.js';
import type { IncidentService } from './service.js';
import { computeStatusBoard } from './status-board.js';
import * as store from './store.js';
import {
  ANTE_MORTEM_TYPE,
  type AnteMortemPayload,
  anteMortemPayloadSchema,
  DVI_DELETED_TYPE,
  DVI_STATUS_TYPE,
  type DviStatusPayload,
  dviDeletedPayloadSchema,
  dviStatusPayloadSchema,
} from './wire.js';

/** What the module needs of the federation and the exchange. */
export interface DviTransport {
  enqueue(tx: Tx, msg: { recipient: string; type: string; payload: unknown }): Promise<{ id: string }>;
  nudge?(): void;
  /** Sends an operational message (the alert) as the exchange does, review included. */
  sendMessage(
    actor: Actor,
    input: { recipient: string; message: Record<string, unknown> },
  ): Promise<{ id: string; status: string }>;
}

/** Dependencies of {@link DviExchange}. */
export interface DviExchangeOptions {
  db: Db;
  clock: Clock;
  incidents: IncidentService;
  transport: DviTransport;
}

const DAY = 86_400_000;

export class DviExchange {
  constructor(readonly o: DviExchangeOptions) {}

  /**
   * Sends an ante-mortem record to a partner. Without relatives' DNA it follows the outgoing
   * review (a standing sharing policy for persons lets it leave; otherwise the DPO decides);
   * with relatives' DNA it always waits for the DPO's approval.
   */
  async sendAnteMortem(
    actor: Actor,
    incidentId: string,
    input: { amId: string; partner: string; includeRelativesDna: boolean },
  ): Promise<TransferView> {
    await this.o.incidents.requireTeam(actor, incidentId, 'dvi.write');
    requirePermission(actor, 'message.send');
    const am = await this.o.db
      .selectFrom('dvi_ante_mortem')
      .selectAll()
      .where('id', '=', input.amId)
      .where('incident_id', '=', incidentId)
      .executeTakeFirst();
    if (!am) throw new NotFoundError('No such ante-mortem record in this incident');
    if (am.partner !== null)
      throw new ConflictError('A record received from a partner is not sent on', 'not_collected_here');
    const form = am.form as unknown as AnteMortemForm;
    const withDna = input.includeRelativesDna && (form.relativesDna ?? []).length > 0;
    const id = randomUUID();
    const now = this.o.clock.now();
    await this.o.db.transaction().execute(async (tx) => {
      const partner = await tx
        .selectFrom('partners')
        .select('status')
        .where('node_id', '=', input.partner)
        .executeTakeFirst();
      if (partner?.status !== 'verified')
        throw new ConflictError(`${input.partner} is not a verified partner`, 'partner_not_verified');
      const decision = decideOutgoingReview(
        {
          type: ANTE_MORTEM_TYPE,
          partner: input.partner,
          crimeAreas: ['migrant_smuggling'],
          handlingCode: 'H2',
          priority: 'high',
          subject: '',
          body: '',
          purpose: 'Identification of the victims of the incident',
          entityKinds: ['person'],
          hasAttachments: false,
        },
        await activeSharingPolicies(tx, input.partner),
      );
      const reasons = decision.flags.map((f) =>
        f.kind === 'personal_data'
          ? `personal data: ${f.categories.join(', ')}`
          : `neutrality: ${f.category}`,
      );
      if (withDna) reasons.push("relatives' DNA references");
      const held = reasons.length > 0;
      await tx
        .insertInto('dvi_transfers')
        .values({
          id,
          incident_id: incidentId,
          am_id: am.id,
          partner: input.partner,
          status: held ? 'held' : 'sent',
          includes_relatives_dna: withDna,
          reasons,
          requested_by: auditActor(actor),
          requested_at: now,
          decided_by: held ? null : `policy:${decision.coveredBy ?? 'none'}`,
          decided_at: held ? null : now,
          note: null,
        })
        .execute();
      if (held) {
        await notifyDpo(tx, {
          kind: 'review_pending',
          title: `Ante-mortem record ${am.reference} to ${input.partner} awaits review`,
          detail: reasons.join('; '),
          subject: `dvi_transfer:${id}`,
          at: now,
        });
      } else await this.#enqueueTransfer(tx, id);
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: held ? 'dvi.am.transfer.held' : 'dvi.am.transfer.sent',
        subject: `incident:${incidentId}`,
        detail: { transfer: id, am: am.id, partner: input.partner, relativesDna: withDna, reasons },
      });
    });
    this.o.transport.nudge?.();
    return this.#transfer(id);
  }

  async #enqueueTransfer(tx: Tx, transferId: string) {
    const t = await tx
      .selectFrom('dvi_transfers')
      .selectAll()
      .where('id', '=', transferId)
      .executeTakeFirstOrThrow();
    const am = await tx
      .selectFrom('dvi_ante_mortem')
      .selectAll()
      .where('id', '=', t.am_id)
      .executeTakeFirstOrThrow();
    const incident = (await store.getIncident(tx, t.incident_id))!;
    const { relativesDna, ...rest } = am.form as unknown as AnteMortemForm;
    const payload: AnteMortemPayload = {
      transferId: t.id,
      incident: incidentRef(incident),
      record: {
        id: am.id,
        reference: am.reference,
        synthetic: am.synthetic,
        form: t.includes_relatives_dna && relativesDna ? { ...rest, relativesDna } : rest,
      },
    };
    await this.o.transport.enqueue(tx, { recipient: t.partner, type: ANTE_MORTEM_TYPE, payload });
  }

  async #transfer(id: string): Promise<TransferView> {
    const r = await this.o.db
      .selectFrom('dvi_transfers as t')
      .innerJoin('dvi_ante_mortem as a', 'a.id', 't.am_id')
      .selectAll('t')
      .select('a.reference')
      .where('t.id', '=', id)
      .executeTakeFirst();
    if (!r) throw new NotFoundError('No such transfer');
    return transferView(r);
  }

  /** Transfers of an incident (its team), or every held one (the DPO's queue). */
  async transfers(
    actor: Actor,
    filter: { incidentId?: string | undefined; status?: 'held' | 'sent' | 'refused' | undefined },
  ) {
    if (filter.incidentId) await this.o.incidents.requireTeam(actor, filter.incidentId);
    else requirePermission(actor, 'message.review');
    let q = this.o.db
      .selectFrom('dvi_transfers as t')
      .innerJoin('dvi_ante_mortem as a', 'a.id', 't.am_id')
      .selectAll('t')
      .select('a.reference');
    if (filter.incidentId) q = q.where('t.incident_id', '=', filter.incidentId);
    if (filter.status) q = q.where('t.status', '=', filter.status);
    const rows = await q.orderBy('t.requested_at', 'desc').limit(500).execute();
    return rows.map(transferView);
  }

  /** The DPO approves (the record leaves now) or refuses a held transfer. */
  async decideTransfer(
    actor: Actor,
    id: string,
    input: { approve: boolean; note: string },
  ): Promise<TransferView> {
    requirePermission(actor, 'message.review');
    await this.o.db.transaction().execute(async (tx) => {
      const t = await tx
        .selectFrom('dvi_transfers')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!t) throw new NotFoundError('No such transfer');
      if (t.status !== 'held')
        throw new ConflictError('This transfer was already decided', 'already_decided');
      await tx
        .updateTable('dvi_transfers')
        .set({
          status: input.approve ? 'sent' : 'refused',
          decided_by: auditActor(actor),
          decided_at: this.o.clock.now(),
          note: input.note,
        })
        .where('id', '=', id)
        .execute();
      if (input.approve) await this.#enqueueTransfer(tx, id);
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: input.approve ? 'dvi.am.transfer.approve' : 'dvi.am.transfer.refuse',
        subject: `dvi_transfer:${id}`,
        detail: { partner: t.partner, relativesDna: t.includes_relatives_dna, note: input.note },
      });
    });
    this.o.transport.nudge?.();
    return this.#transfer(id);
  }

  /** Receives a partner's ante-mortem record (a re-sent one replaces the earlier copy). */
  async receiveAnteMortem(tx: Tx, msg: InboundMessage): Promise<void> {
    const parsed = anteMortemPayloadSchema.safeParse(msg.payload);
    if (!parsed.success)
      throw new ValidationError(
        `${ANTE_MORTEM_TYPE}: ${parsed.error.issues[0]?.message ?? 'invalid payload'}`,
      );
    const p = parsed.data;
    const incidentId = await this.#incidentFor(tx, p.incident, msg.receivedAt);
    const now = msg.receivedAt;
    const existing = await tx
      .selectFrom('dvi_ante_mortem')
      .select('id')
      .where('partner', '=', msg.sender)
      .where('remote_id', '=', p.record.id)
      .executeTakeFirst();
    if (existing) {
      await tx
        .updateTable('dvi_ante_mortem')
        .set({ form: JSON.stringify(p.record.form), reference: p.record.reference, updated_at: now })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await tx
        .insertInto('dvi_ante_mortem')
        .values({
          id: randomUUID(),
          incident_id: incidentId,
          reference: p.record.reference,
          form: JSON.stringify(p.record.form),
          synthetic: p.record.synthetic,
          partner: msg.sender,
          remote_id: p.record.id,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await appendAudit(tx, this.o.clock, {
      actor: `partner:${msg.sender}`,
      action: 'dvi.am.received',
      subject: `incident:${incidentId}`,
      detail: {
        message: msg.id,
        reference: p.record.reference,
        relativesDna: (p.record.form.relativesDna ?? []).length > 0,
      },
    });
  }

  /**
   * Receives `dvi.deleted`: the partner purged the ante-mortem record we sent it. Our transfer
   * records when and why, the DPO is told and the audit keeps it. A record we no longer hold
   * (purged here first) is only audited.
   */
  async receiveDeleted(tx: Tx, msg: InboundMessage): Promise<void> {
    const parsed = dviDeletedPayloadSchema.safeParse(msg.payload);
    if (!parsed.success)
      throw new ValidationError(
        `${DVI_DELETED_TYPE}: ${parsed.error.issues[0]?.message ?? 'invalid payload'}`,
      );
    const p = parsed.data;
    const sent = await tx
      .updateTable('dvi_transfers')
      .set({ partner_deleted_at: new Date(p.deletedAt), partner_deleted_reason: p.reason })
      .where('am_id', '=', p.recordId)
      .where('partner', '=', msg.sender)
      .where('status', '=', 'sent')
      .returning('id')
      .execute();
    if (sent.length > 0) {
      await notifyDpo(tx, {
        kind: 'partner_deleted',
        title: `${msg.sender} deleted ante-mortem record ${p.reference}`,
        detail: `Reason: ${p.reason}`,
        subject: `dvi_ante_mortem:${p.recordId}`,
        at: msg.receivedAt,
      });
    }
    await appendAudit(tx, this.o.clock, {
      actor: `partner:${msg.sender}`,
      action: 'retention.partner_deleted',
      subject: `dvi_ante_mortem:${p.recordId}`,
      detail: {
        message: msg.id,
        reference: p.reference,
        reason: p.reason,
        deletedAt: p.deletedAt,
        transfers: sent.map((t) => t.id),
      },
    });
  }

  /** Receives the partner's status board entries for an incident. */
  async receiveStatus(tx: Tx, msg: InboundMessage): Promise<void> {
    const parsed = dviStatusPayloadSchema.safeParse(msg.payload);
    if (!parsed.success)
      throw new ValidationError(
        `${DVI_STATUS_TYPE}: ${parsed.error.issues[0]?.message ?? 'invalid payload'}`,
      );
    const incidentId = await this.#incidentFor(tx, parsed.data.incident, msg.receivedAt);
    await tx
      .deleteFrom('dvi_partner_status')
      .where('partner', '=', msg.sender)
      .where('incident_id', '=', incidentId)
      .execute();
    for (const e of parsed.data.entries) {
      await tx
        .insertInto('dvi_partner_status')
        .values({
          partner: msg.sender,
          incident_id: incidentId,
          record_kind: e.kind,
          record_ref: e.reference,
          state: e.state,
          counterpart_ref: e.counterpart,
          received_at: msg.receivedAt,
        })
        .onConflict((oc) =>
          oc.columns(['partner', 'incident_id', 'record_kind', 'record_ref']).doUpdateSet({ state: e.state }),
        )
        .execute();
    }
    await appendAudit(tx, this.o.clock, {
      actor: `partner:${msg.sender}`,
      action: 'dvi.status.received',
      subject: `incident:${incidentId}`,
      detail: { message: msg.id, entries: parsed.data.entries.length },
    });
  }

  /**
   * Tells every partner involved in the incident (it sent us ante-mortem records, or we sent it
   * some) the board entries about those records: references and states, no personal data.
   */
  async publishStatus(tx: Tx, incidentId: string): Promise<void> {
    const [received, sent] = await Promise.all([
      tx
        .selectFrom('dvi_ante_mortem')
        .select(['id', 'partner'])
        .where('incident_id', '=', incidentId)
        .where('partner', 'is not', null)
        .execute(),
      tx
        .selectFrom('dvi_transfers')
        .select(['am_id', 'partner'])
        .where('incident_id', '=', incidentId)
        .where('status', '=', 'sent')
        .execute(),
    ]);
    const partners = new Set([...received.map((r) => r.partner!), ...sent.map((s) => s.partner)]);
    if (partners.size === 0) return;
    const board = await computeStatusBoard(tx, incidentId);
    const incident = (await store.getIncident(tx, incidentId))!;
    const amRows = await tx
      .selectFrom('dvi_ante_mortem')
      .select(['id', 'reference', 'partner'])
      .where('incident_id', '=', incidentId)
      .execute();
    const identified = await tx
      .selectFrom('dvi_identifications')
      .select(['pm_id', 'am_id'])
      .where('incident_id', '=', incidentId)
      .execute();
    const amOfPm = new Map(identified.map((d) => [d.pm_id, d.am_id]));
    for (const partner of partners) {
      const ours = new Set(sent.filter((s) => s.partner === partner).map((s) => s.am_id));
      const entries: DviStatusPayload['entries'] = [];
      for (const e of board.entries) {
        if (e.kind === 'pm') {
          const am = amRows.find((a) => a.id === amOfPm.get(e.id));
          if (am?.partner === partner)
            entries.push({ kind: 'am', reference: am.reference, state: e.state, counterpart: e.reference });
        } else if (ours.has(e.id)) {
          entries.push({ kind: 'am', reference: e.reference, state: e.state, counterpart: e.counterpart });
        }
      }
      const payload: DviStatusPayload = { incident: incidentRef(incident), entries };
      await this.o.transport.enqueue(tx, { recipient: partner, type: DVI_STATUS_TYPE, payload });
    }
  }

  async #incidentFor(tx: Tx, ref: AnteMortemPayload['incident'], at: Date): Promise<string> {
    if (ref.iomId) {
      const found = await store.findIncidentByIomId(tx, ref.iomId);
      if (found) return found.id;
    }
    const id = randomUUID();
    await tx
      .insertInto('incidents')
      .values({
        id,
        iom_id: ref.iomId,
        iom_main_id: null,
        type: ref.type,
        incident_date: ref.date,
        year: Number(ref.date.slice(0, 4)),
        place: ref.place,
        country: null,
        region: null,
        latitude: null,
        longitude: null,
        departure_place: null,
        departure_date: null,
        vessel: null,
        route: null,
        aboard: null,
        dead: null,
        missing: null,
        survivors: null,
        origin_countries: [],
        cause: null,
        rescue_service: null,
        rescue_case_number: null,
        sources: '[]',
        joint_case_id: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  /**
   * Sends an unidentified body (post-mortem record) or a missing person (ante-mortem record)
   * to a partner as an `alert`, in the spirit of INTERPOL Black and Yellow notices. The alert
   * is an exchange message: it passes the outgoing review like any other.
   */
  async sendAlert(
    actor: Actor,
    incidentId: string,
    input: { recordKind: 'pm' | 'am'; recordId: string; partner: string; language: string },
  ): Promise<{ id: string; status: string }> {
    const incident = await this.o.incidents.requireTeam(actor, incidentId, 'dvi.write');
    const db: DbOrTx = this.o.db;
    const now = this.o.clock.now();
    const common = {
      language: input.language,
      crimeAreas: ['migrant_smuggling'],
      priority: 'high',
      handlingCode: 'H2',
      tlp: 'AMBER',
      evaluation: { sourceReliability: 'A', informationAccuracy: 1 },
      legalBasis: 'Victim identification (INTERPOL DVI Guide); bilateral cooperation',
      purpose: 'Identification of the victims of the incident and notification of their families',
      retentionReviewDate: new Date(now.getTime() + 365 * DAY).toISOString().slice(0, 10),
    };
    const where = `${incident.place} (${incident.incident_date}${incident.iom_id ? `, IOM ${incident.iom_id}` : ''})`;
    let message: Record<string, unknown>;
    if (input.recordKind === 'pm') {
      const pm = await db
        .selectFrom('dvi_post_mortem')
        .selectAll()
        .where('id', '=', input.recordId)
        .where('incident_id', '=', incidentId)
        .executeTakeFirst();
      if (!pm) throw new NotFoundError('No such post-mortem record in this incident');
      const f = pm.form as unknown as PostMortemForm;
      const described = [
        f.ageRange ? `age ${f.ageRange.min}–${f.ageRange.max}` : null,
        f.heightCm ? `height ${f.heightCm.min}–${f.heightCm.max} cm` : null,
        ...(f.marks ?? []).map((m) => `mark: ${m}`),
        ...(f.clothing ?? []).map((c) => `clothing: ${c}`),
        ...(f.effects ?? []).map((e) => `effect: ${e}`),
      ].filter((x): x is string => x !== null);
      message = {
        ...common,
        type: 'alert',
        alertKind: 'unidentified_body',
        subject:
          `Unidentified body ${pm.reference}: ${incident.place}${pm.synthetic ? ' [SYNTHETIC]' : ''}`.slice(
            0,
            300,
          ),
        body: `Body ${pm.reference} recovered at ${f.recoveryPlace} on ${f.recoveredAt.slice(0, 10)}, incident ${where}.\n${described.join('\n')}`,
        entities: [
          {
            kind: 'person',
            id: 'p1',
            role: 'deceased',
            ...(f.sex !== 'unknown' ? { sex: f.sex } : {}),
            description: `Post-mortem ${pm.reference}, ${f.condition}`,
            ...(pm.synthetic ? { synthetic: true } : {}),
          },
        ],
      };
    } else {
      const am = await db
        .selectFrom('dvi_ante_mortem')
        .selectAll()
        .where('id', '=', input.recordId)
        .where('incident_id', '=', incidentId)
        .executeTakeFirst();
      if (!am) throw new NotFoundError('No such ante-mortem record in this incident');
      const f = am.form as unknown as AnteMortemForm;
      message = {
        ...common,
        type: 'alert',
        alertKind: 'missing_person',
        subject:
          `Missing person ${am.reference}: ${incident.place}${am.synthetic ? ' [SYNTHETIC]' : ''}`.slice(
            0,
            300,
          ),
        body: `Missing since the incident ${where}. ${f.description ?? ''}`.trim(),
        entities: [
          {
            kind: 'person',
            id: 'p1',
            role: 'missing',
            names: f.names.map((n) => ({
              full: n.full,
              script: n.script === 'Other' ? 'Latn' : n.script,
              ...(n.lang ? { lang: n.lang } : {}),
            })),
            ...(f.sex !== 'unknown' ? { sex: f.sex } : {}),
            ...(f.dateOfBirth ? { datesOfBirth: [f.dateOfBirth] } : {}),
            ...(f.nationality ? { nationalities: [f.nationality] } : {}),
            ...(am.synthetic ? { synthetic: true } : {}),
          },
        ],
      };
    }
    return this.o.transport.sendMessage(actor, { recipient: input.partner, message });
  }
}

function incidentRef(r: store.IncidentRow): AnteMortemPayload['incident'] {
  return { iomId: r.iom_id, type: r.type as IncidentType, date: r.incident_date, place: r.place };
}

function transferView(r: store.TransferRow & { reference: string }): TransferView {
  return {
    id: r.id,
    incidentId: r.incident_id,
    amId: r.am_id,
    amReference: r.reference,
    partner: r.partner,
    status: r.status,
    includesRelativesDna: r.includes_relatives_dna,
    reasons: r.reasons,
    requestedBy: r.requested_by,
    requestedAt: new Date(r.requested_at).toISOString(),
    decidedBy: r.decided_by,
    note: r.note,
    partnerDeletedAt: r.partner_deleted_at ? new Date(r.partner_deleted_at).toISOString() : null,
    partnerDeletedReason: r.partner_deleted_reason,
  };
}
