import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WorldMap } from '../../ui/index.js';
import {
  type AnteMortem,
  anteMortems,
  type Candidate,
  candidatesFor,
  confirmIdentifier,
  decide,
  type Identification,
  type Incident,
  identifications,
  type PostMortem,
  postMortems,
  type StatusBoard,
  type Survivor,
  statusBoard,
  survivors,
} from './api.js';
import { DviFollowUp, DviSending } from './DviFollowUp.js';
import { DviRecordForms } from './DviRecordForms.js';

const STATES = ['pending', 'identified', 'notified', 'repatriating', 'repatriated'] as const;

function Board({ board }: { board: StatusBoard }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="dvi-board-heading" data-testid="dvi-status-board">
      <h2 id="dvi-board-heading">{t('incidentsModule.board.title')}</h2>
      <ul
        className="board-counts"
        style={{ display: 'flex', gap: '1rem', listStyle: 'none', padding: 0, flexWrap: 'wrap' }}
      >
        {STATES.map((s) => (
          <li key={s} data-testid={`board-count-${s}`}>
            <span className="badge">{t(`incidentsModule.state.${s}`)}</span>{' '}
            <strong>{board.counts[s] ?? 0}</strong>
          </li>
        ))}
      </ul>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('incidentsModule.board.record')}</th>
              <th scope="col">{t('incidentsModule.board.counterpart')}</th>
              <th scope="col">{t('incidentsModule.board.state')}</th>
              <th scope="col">{t('incidentsModule.board.source')}</th>
            </tr>
          </thead>
          <tbody>
            {board.entries.map((e) => (
              <tr key={e.id} data-testid="board-row" data-state={e.state}>
                <td dir="ltr">{e.reference}</td>
                <td dir="ltr">{e.counterpart ?? '—'}</td>
                <td>
                  {t(`incidentsModule.state.${e.state}`)}
                  {e.identificationStatus === 'preliminary'
                    ? ` (${t('incidentsModule.board.preliminary')})`
                    : ''}
                </td>
                <td dir="ltr">{e.source === 'local' ? t('incidentsModule.board.thisNode') : e.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Candidates({
  incidentId,
  pm,
  locked,
  onDecided,
}: {
  incidentId: string;
  pm: PostMortem;
  locked: boolean;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const [list, setList] = useState<Candidate[] | null>(null);
  const [kind, setKind] = useState<'dna' | 'fingerprint' | 'dental'>('dna');
  const [expert, setExpert] = useState('');
  const [members, setMembers] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void candidatesFor(incidentId, pm.id).then((r) => setList(r.ok ? r.value.candidates : []));
  }, [incidentId, pm.id]);
  async function onConfirm(e: FormEvent, c: Candidate) {
    e.preventDefault();
    setMessage(null);
    const idf = await confirmIdentifier(incidentId, { pmId: pm.id, amId: c.amId, kind, expert });
    if (!idf.ok) return setMessage(idf.message || idf.code);
    const d = await decide(incidentId, {
      pmId: pm.id,
      amId: c.amId,
      status: 'confirmed',
      members: members
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
    });
    if (!d.ok) return setMessage(d.message || d.code);
    setMessage(t('incidentsModule.candidates.confirmed'));
    onDecided();
  }
  if (list === null) return <p>{t('incidentsModule.loading')}</p>;
  return (
    <div data-testid="dvi-candidates">
      <ol>
        {list.map((c) => (
          <li key={c.amId} data-testid="dvi-candidate">
            <strong dir="ltr">{c.amReference}</strong> —{' '}
            {t('incidentsModule.candidates.score', { score: c.score.toFixed(2) })}
            <ul>
              {c.evidence.map((e) => (
                <li key={`${e.factor}-${e.explanation}`} dir="auto">
                  {e.weight >= 0 ? '+' : '−'} {t(`incidentsModule.factor.${e.factor}`)}: {e.explanation}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {!locked && list[0] && !list[0].locked ? (
        <form onSubmit={(e) => onConfirm(e, list[0]!)} data-testid="dvi-decision-form">
          <h4>{t('incidentsModule.candidates.decide', { am: list[0].amReference })}</h4>
          <div className="field">
            <label htmlFor={`kind-${pm.id}`}>{t('incidentsModule.candidates.identifier')}</label>
            <select
              id={`kind-${pm.id}`}
              value={kind}
              onChange={(e) => setKind(e.target.value as typeof kind)}
            >
              <option value="dna">DNA</option>
              <option value="fingerprint">{t('incidentsModule.factor.fingerprint')}</option>
              <option value="dental">{t('incidentsModule.factor.dental')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`expert-${pm.id}`}>{t('incidentsModule.candidates.expert')}</label>
            <input
              id={`expert-${pm.id}`}
              value={expert}
              onChange={(e) => setExpert(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor={`members-${pm.id}`}>{t('incidentsModule.candidates.members')}</label>
            <input
              id={`members-${pm.id}`}
              value={members}
              onChange={(e) => setMembers(e.target.value)}
              required
            />
          </div>
          <button type="submit" className="button button-primary">
            {t('incidentsModule.candidates.confirm')}
          </button>
        </form>
      ) : null}
      {message ? <output>{message}</output> : null}
    </div>
  );
}

function personName(am: AnteMortem): string {
  return am.form.names.map((n) => n.full).join(' / ');
}

/** One incident: facts, map, and for its DVI team the status board and the records. */
export function IncidentDetail({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t } = useTranslation();
  const [board, setBoard] = useState<StatusBoard | null>(null);
  const [pms, setPms] = useState<PostMortem[]>([]);
  const [ams, setAms] = useState<AnteMortem[]>([]);
  const [svs, setSvs] = useState<Survivor[]>([]);
  const [decisions, setDecisions] = useState<Identification[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const load = useCallback(async () => {
    if (!incident.onTeam) return;
    const [b, p, a, s, d] = await Promise.all([
      statusBoard(incident.id),
      postMortems(incident.id),
      anteMortems(incident.id),
      survivors(incident.id),
      identifications(incident.id),
    ]);
    if (b.ok) setBoard(b.value);
    if (p.ok) setPms(p.value.records);
    if (a.ok) setAms(a.value.records);
    if (s.ok) setSvs(s.value.records);
    if (d.ok) setDecisions(d.value.identifications);
  }, [incident]);
  useEffect(() => {
    void load();
  }, [load]);
  const n = (v: number | null) => (v === null ? '?' : String(v));
  return (
    <section className="panel" aria-labelledby="incident-heading" data-testid="incident-detail">
      <h2 id="incident-heading" dir="auto">
        {incident.iomId ? `IOM ${incident.iomId} — ` : ''}
        {incident.place}
      </h2>
      <button type="button" className="button" onClick={onClose}>
        {t('incidentsModule.detail.back')}
      </button>
      <dl className="incident-facts">
        <dt>{t('incidentsModule.detail.date')}</dt>
        <dd dir="ltr">{incident.date}</dd>
        <dt>{t('incidentsModule.detail.type')}</dt>
        <dd>{t(`incidentsModule.type.${incident.type}`)}</dd>
        <dt>{t('incidentsModule.detail.figures')}</dt>
        <dd data-testid="incident-figures">
          {t('incidentsModule.detail.figuresValue', {
            dead: n(incident.dead),
            missing: n(incident.missing),
            survivors: n(incident.survivors),
          })}
        </dd>
        {incident.departurePlace ? (
          <>
            <dt>{t('incidentsModule.detail.departure')}</dt>
            <dd dir="auto">
              {incident.departurePlace} {incident.departureDate ?? ''}
            </dd>
          </>
        ) : null}
        {incident.route ? (
          <>
            <dt>{t('incidentsModule.detail.route')}</dt>
            <dd dir="auto">{incident.route}</dd>
          </>
        ) : null}
        {incident.originCountries.length > 0 ? (
          <>
            <dt>{t('incidentsModule.detail.origin')}</dt>
            <dd dir="auto">{incident.originCountries.join(', ')}</dd>
          </>
        ) : null}
        {incident.rescueService ? (
          <>
            <dt>{t('incidentsModule.detail.rescue')}</dt>
            <dd dir="auto">
              {incident.rescueService} {incident.rescueCaseNumber ?? ''}
            </dd>
          </>
        ) : null}
      </dl>
      {incident.latitude !== null && incident.longitude !== null ? (
        <WorldMap
          title={t('incidentsModule.map.one', { place: incident.place })}
          points={[
            {
              id: incident.id,
              lat: incident.latitude,
              lon: incident.longitude,
              label: incident.place,
              highlighted: true,
            },
          ]}
          height={320}
        />
      ) : null}
      {!incident.onTeam ? (
        <p className="notice" data-testid="dvi-not-on-team">
          {t('incidentsModule.detail.notOnTeam')}
        </p>
      ) : (
        <>
          {board ? <Board board={board} /> : null}
          <h3>{t('incidentsModule.pm.title', { count: pms.length })}</h3>
          <ul data-testid="pm-list">
            {pms.map((pm) => {
              const decision = decisions.find((d) => d.pmId === pm.id);
              return (
                <li key={pm.id}>
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => setOpen(open === pm.id ? null : pm.id)}
                    aria-expanded={open === pm.id}
                  >
                    <span dir="ltr">{pm.reference}</span>
                  </button>{' '}
                  {pm.form.recoveryPlace}, {pm.form.recoveredAt.slice(0, 10)} ·{' '}
                  {t(`incidentsModule.sex.${pm.form.sex}`)}
                  {pm.form.ageRange ? ` · ${pm.form.ageRange.min}–${pm.form.ageRange.max}` : ''}
                  {pm.synthetic ? ` · ${t('incidentsModule.synthetic')}` : ''}
                  {decision ? (
                    <span className="badge">
                      {' '}
                      {t(`incidentsModule.decision.${decision.status}`)} → {decision.amReference}
                    </span>
                  ) : null}
                  {open === pm.id ? (
                    <Candidates
                      incidentId={incident.id}
                      pm={pm}
                      locked={decision?.status === 'confirmed'}
                      onDecided={load}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
          <h3>{t('incidentsModule.am.title', { count: ams.length })}</h3>
          <ul data-testid="am-list">
            {ams.map((am) => (
              <li key={am.id}>
                <span dir="ltr">{am.reference}</span> <span dir="auto">{personName(am)}</span>
                {am.partner ? ` · ${t('incidentsModule.am.from', { partner: am.partner })}` : ''}
                {am.synthetic ? ` · ${t('incidentsModule.synthetic')}` : ''}
              </li>
            ))}
          </ul>
          {board ? (
            <DviFollowUp incidentId={incident.id} board={board} pms={pms} ams={ams} onChanged={load} />
          ) : null}
          <DviSending incidentId={incident.id} pms={pms} ams={ams} />
          <DviRecordForms incidentId={incident.id} onSaved={load} />
          <h3>{t('incidentsModule.survivors.title', { count: svs.length })}</h3>
          <ul data-testid="survivor-list">
            {svs.map((s) => (
              <li key={s.id}>
                <span dir="ltr">{s.reference}</span>{' '}
                <span dir="auto">{s.form.names.map((x) => x.full).join(' / ')}</span> ·{' '}
                {t('incidentsModule.survivors.victim')}
                {s.form.consularNotification
                  ? ` · ${t('incidentsModule.survivors.consulate', { consulate: s.form.consularNotification.consulate })}`
                  : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
