/**
 * The status board of an incident: for every body (post-mortem record) and every missing
 * person (ante-mortem record) of this node, where it stands — pending, identified, family
 * notified, repatriation under way, repatriated — from this node's records and from the
 * partner's `dvi.status` messages, so both countries see the same board.
 */
import type { DbOrTx } from '../platform/index.js';
import { BOARD_STATES, type BoardState, type StatusBoard } from './schema.js';

const rank = (s: BoardState) => BOARD_STATES.indexOf(s);
const later = (a: BoardState, b: BoardState): BoardState => (rank(a) >= rank(b) ? a : b);

/** Computes the board of an incident as this node knows it. */
export async function computeStatusBoard(db: DbOrTx, incidentId: string): Promise<StatusBoard> {
  const [pms, ams, decisions, notified, repatriations, partner] = await Promise.all([
    db
      .selectFrom('dvi_post_mortem')
      .select(['id', 'reference'])
      .where('incident_id', '=', incidentId)
      .execute(),
    db
      .selectFrom('dvi_ante_mortem')
      .select(['id', 'reference', 'partner'])
      .where('incident_id', '=', incidentId)
      .execute(),
    db.selectFrom('dvi_identifications').selectAll().where('incident_id', '=', incidentId).execute(),
    db.selectFrom('dvi_family_notifications').select('am_id').where('incident_id', '=', incidentId).execute(),
    db
      .selectFrom('dvi_repatriations')
      .select(['pm_id', 'status'])
      .where('incident_id', '=', incidentId)
      .execute(),
    db.selectFrom('dvi_partner_status').selectAll().where('incident_id', '=', incidentId).execute(),
  ]);
  const amById = new Map(ams.map((a) => [a.id, a]));
  const pmById = new Map(pms.map((p) => [p.id, p]));
  const notifiedAm = new Set(notified.map((n) => n.am_id));
  const repatriation = new Map(repatriations.map((r) => [r.pm_id, r.status]));
  const partnerState = (kind: 'am' | 'pm', reference: string, from: string | null) =>
    partner.find(
      (p) => p.record_kind === kind && p.record_ref === reference && (from === null || p.partner === from),
    );
  const decisionByPm = new Map(decisions.map((d) => [d.pm_id, d]));
  const decisionByAm = new Map(decisions.map((d) => [d.am_id, d]));

  const entries: StatusBoard['entries'] = [];
  for (const pm of pms) {
    const d = decisionByPm.get(pm.id);
    const am = d ? amById.get(d.am_id) : undefined;
    let state: BoardState = d?.status === 'confirmed' ? 'identified' : 'pending';
    let source = 'local';
    if (d?.status === 'confirmed' && am) {
      if (notifiedAm.has(am.id)) state = 'notified';
      const p = partnerState('am', am.reference, am.partner);
      if (p && rank(p.state as BoardState) > rank(state)) {
        state = p.state as BoardState;
        source = p.partner;
      }
      const r = repatriation.get(pm.id);
      if (r === 'under_way' || r === 'planned') state = later(state, 'repatriating');
      if (r === 'completed' || r === 'buried') state = 'repatriated';
    }
    entries.push({
      kind: 'pm',
      id: pm.id,
      reference: pm.reference,
      counterpart: am?.reference ?? null,
      state,
      source,
      identificationStatus: d?.status ?? null,
    });
  }
  for (const am of ams) {
    const d = decisionByAm.get(am.id);
    // A received record matched to one of our bodies is already on the body's line.
    if (d && am.partner !== null) continue;
    let state: BoardState = d?.status === 'confirmed' ? 'identified' : 'pending';
    let source = 'local';
    let counterpart = d ? (pmById.get(d.pm_id)?.reference ?? null) : null;
    if (notifiedAm.has(am.id)) state = later(state, 'notified');
    const p = partnerState('am', am.reference, null);
    if (p && am.partner === null) {
      if (rank(p.state as BoardState) > rank(state)) {
        state = p.state as BoardState;
        source = p.partner;
      }
      counterpart ??= p.counterpart_ref;
      // The partner identified the body; our notification of the family comes after.
      if (notifiedAm.has(am.id)) state = later(state, 'notified');
    }
    entries.push({
      kind: 'am',
      id: am.id,
      reference: am.reference,
      counterpart,
      state,
      source,
      identificationStatus:
        d?.status ?? (p && rank(p.state as BoardState) >= rank('identified') ? 'confirmed' : null),
    });
  }
  const counts = Object.fromEntries(BOARD_STATES.map((s) => [s, 0])) as Record<BoardState, number>;
  for (const e of entries) counts[e.state]++;
  return { incidentId, counts, entries };
}
