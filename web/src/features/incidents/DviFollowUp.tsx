import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AnteMortem,
  type FamilyNotification,
  familyNotifications,
  notifyFamily,
  type PostMortem,
  partners,
  type Repatriation,
  repatriations,
  type StatusBoard,
  sendAlert,
  sendAnteMortem,
  setRepatriation,
  type Transfer,
  transfers,
} from './api.js';

interface FollowUpProps {
  incidentId: string;
  board: StatusBoard;
  pms: PostMortem[];
  ams: AnteMortem[];
  onChanged: () => void;
}

function useResult() {
  const [text, setText] = useState<string | null>(null);
  return {
    text,
    show: (r: { ok: boolean; message?: string; code?: string }, done: string) =>
      setText(r.ok ? done : ((r.message || r.code) ?? '')),
  };
}

/** Sending records to the partner: ante-mortem records (dvi.antemortem) and alerts. */
export function DviSending({ incidentId, pms, ams }: Omit<FollowUpProps, 'board' | 'onChanged'>) {
  const { t } = useTranslation();
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const [partner, setPartner] = useState('');
  const [record, setRecord] = useState('');
  const [dna, setDna] = useState(false);
  const result = useResult();
  useEffect(() => {
    void partners().then((r) => {
      if (!r.ok) return;
      const ids = r.value.partners.filter((p) => p.status === 'verified').map((p) => p.nodeId);
      setPartnerIds(ids);
      setPartner((current) => current || (ids[0] ?? ''));
    });
  }, []);
  const [sent, setSent] = useState<Transfer[]>([]);
  const loadSent = useCallback(async () => {
    const r = await transfers(incidentId);
    if (r.ok) setSent(r.value.transfers);
  }, [incidentId]);
  useEffect(() => {
    void loadSent();
  }, [loadSent]);
  const own = ams.filter((a) => a.partner === null);
  async function onSend(e: FormEvent) {
    e.preventDefault();
    const [kind, id] = record.split(':') as ['am' | 'pm' | 'alert-am', string];
    if (kind === 'am') {
      const r = await sendAnteMortem(incidentId, id, partner, dna);
      result.show(r, r.ok ? t(`incidentsModule.send.transfer.${r.value.status}`) : '');
      void loadSent();
    } else {
      const r = await sendAlert(incidentId, kind === 'pm' ? 'pm' : 'am', id, partner);
      result.show(r, t('incidentsModule.send.alertSent'));
    }
  }
  return (
    <section aria-labelledby="dvi-send-heading" data-testid="dvi-send">
      <h3 id="dvi-send-heading">{t('incidentsModule.send.title')}</h3>
      <form onSubmit={onSend}>
        <div className="field">
          <label htmlFor="dvi-send-record">{t('incidentsModule.send.record')}</label>
          <select id="dvi-send-record" value={record} onChange={(e) => setRecord(e.target.value)} required>
            <option value="" />
            {own.map((a) => (
              <option key={`am-${a.id}`} value={`am:${a.id}`}>
                {t('incidentsModule.send.anteMortem', { reference: a.reference })}
              </option>
            ))}
            {own.map((a) => (
              <option key={`alert-${a.id}`} value={`alert-am:${a.id}`}>
                {t('incidentsModule.send.missingAlert', { reference: a.reference })}
              </option>
            ))}
            {pms.map((p) => (
              <option key={`pm-${p.id}`} value={`pm:${p.id}`}>
                {t('incidentsModule.send.bodyAlert', { reference: p.reference })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dvi-send-partner">{t('incidentsModule.send.partner')}</label>
          <select id="dvi-send-partner" value={partner} onChange={(e) => setPartner(e.target.value)} required>
            {partnerIds.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        {record.startsWith('am:') ? (
          <label>
            <input type="checkbox" checked={dna} onChange={(e) => setDna(e.target.checked)} />{' '}
            {t('incidentsModule.send.relativesDna')}
          </label>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button-primary">
            {t('incidentsModule.send.submit')}
          </button>
        </div>
      </form>
      {result.text ? <output>{result.text}</output> : null}
      {sent.length > 0 ? (
        <table data-testid="dvi-transfers">
          <caption>{t('incidentsModule.send.sentTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('incidentsModule.send.record')}</th>
              <th scope="col">{t('incidentsModule.send.partner')}</th>
              <th scope="col">{t('incidentsModule.send.state')}</th>
            </tr>
          </thead>
          <tbody>
            {sent.map((x) => (
              <tr key={x.id}>
                <td>{x.amReference}</td>
                <td>{x.partner}</td>
                <td>
                  {t(`incidentsModule.send.transfer.${x.status}`)}
                  {x.partnerDeletedAt ? (
                    <>
                      {' '}
                      {t('incidentsModule.send.partnerDeleted', {
                        date: x.partnerDeletedAt.slice(0, 10),
                        reason: t(
                          `incidentsModule.send.deletedReason.${x.partnerDeletedReason ?? 'retention'}`,
                        ),
                      })}
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** Families told and remains repatriated, with the forms that record them. */
export function DviFollowUp({ incidentId, board, pms, ams, onChanged }: FollowUpProps) {
  const { t } = useTranslation();
  const [told, setTold] = useState<FamilyNotification[]>([]);
  const [repatriated, setRepatriated] = useState<Repatriation[]>([]);
  const [amId, setAmId] = useState('');
  const [person, setPerson] = useState('');
  const [relationship, setRelationship] = useState('');
  const [channel, setChannel] = useState<'consulate' | 'police' | 'red_crescent' | 'red_cross' | 'other'>(
    'consulate',
  );
  const [language, setLanguage] = useState('ur');
  const [support, setSupport] = useState('');
  const [pmId, setPmId] = useState('');
  const [status, setStatus] = useState<'planned' | 'under_way' | 'completed' | 'buried'>('planned');
  const [lpNumber, setLpNumber] = useState('');
  const [lpIssuer, setLpIssuer] = useState('');
  const [lpDate, setLpDate] = useState('');
  const [destination, setDestination] = useState('');
  const [authority, setAuthority] = useState('');
  const [grave, setGrave] = useState('');
  const result = useResult();
  const load = useCallback(async () => {
    const [n, r] = await Promise.all([familyNotifications(incidentId), repatriations(incidentId)]);
    if (n.ok) setTold(n.value.notifications);
    if (r.ok) setRepatriated(r.value.repatriations);
  }, [incidentId]);
  useEffect(() => {
    void load();
  }, [load]);
  const identified = (id: string) => {
    const e = board.entries.find((x) => x.id === id);
    return e !== undefined && e.state !== 'pending';
  };
  const identifiedAms = ams.filter(
    (a) =>
      identified(a.id) ||
      board.entries.some((e) => e.kind === 'pm' && e.state !== 'pending' && e.counterpart === a.reference),
  );
  const identifiedPms = pms.filter((p) => identified(p.id));
  async function onNotify(e: FormEvent) {
    e.preventDefault();
    const r = await notifyFamily(incidentId, {
      amId,
      notifiedPerson: person,
      relationship,
      channel,
      language,
      notifiedAt: new Date().toISOString(),
      ...(support ? { support } : {}),
    });
    result.show(r, t('incidentsModule.families.recorded'));
    if (r.ok) {
      await load();
      onChanged();
    }
  }
  async function onRepatriate(e: FormEvent) {
    e.preventDefault();
    const r = await setRepatriation(incidentId, {
      pmId,
      status,
      ...(lpNumber
        ? { laissezPasser: { number: lpNumber, issuedBy: lpIssuer, issuedAt: lpDate, destination } }
        : {}),
      ...(authority ? { receivingAuthority: authority } : {}),
      ...(grave ? { graveLocation: grave } : {}),
    });
    result.show(r, t('incidentsModule.repatriation.recorded'));
    if (r.ok) {
      await load();
      onChanged();
    }
  }
  const field = (id: string, label: string, value: string, set: (v: string) => void, required = false) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} dir="auto" value={value} onChange={(e) => set(e.target.value)} required={required} />
    </div>
  );
  return (
    <section aria-labelledby="dvi-followup-heading" data-testid="dvi-follow-up">
      <h3 id="dvi-followup-heading">{t('incidentsModule.families.title')}</h3>
      <ul data-testid="family-notifications">
        {told.map((n) => (
          <li key={n.id}>
            <span dir="ltr">{n.amReference}</span>: {n.notifiedPerson} ({n.relationship}) ·{' '}
            {t(`incidentsModule.channel.${n.channel as 'police'}`)} · {n.language} ·{' '}
            <span dir="ltr">{n.notifiedAt.slice(0, 10)}</span>
          </li>
        ))}
      </ul>
      <form onSubmit={onNotify} data-testid="family-form">
        <div className="field">
          <label htmlFor="fam-am">{t('incidentsModule.families.person')}</label>
          <select id="fam-am" value={amId} onChange={(e) => setAmId(e.target.value)} required>
            <option value="" />
            {identifiedAms.map((a) => (
              <option key={a.id} value={a.id}>
                {a.reference}
              </option>
            ))}
          </select>
        </div>
        {field('fam-who', t('incidentsModule.families.who'), person, setPerson, true)}
        {field('fam-rel', t('incidentsModule.families.relationship'), relationship, setRelationship, true)}
        <div className="field">
          <label htmlFor="fam-channel">{t('incidentsModule.families.channel')}</label>
          <select
            id="fam-channel"
            value={channel}
            onChange={(e) => setChannel(e.target.value as typeof channel)}
          >
            {(['consulate', 'police', 'red_crescent', 'red_cross', 'other'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`incidentsModule.channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
        {field('fam-lang', t('incidentsModule.families.language'), language, setLanguage, true)}
        {field('fam-support', t('incidentsModule.families.support'), support, setSupport)}
        <button type="submit" className="button button-primary">
          {t('incidentsModule.families.submit')}
        </button>
      </form>
      <h3>{t('incidentsModule.repatriation.title')}</h3>
      <ul data-testid="repatriations">
        {repatriated.map((r) => (
          <li key={r.pmId}>
            <span dir="ltr">{r.pmReference}</span>: {t(`incidentsModule.repatriation.status.${r.status}`)}
            {r.laissezPasser
              ? ` · ${t('incidentsModule.repatriation.laissezPasser')} ${r.laissezPasser.number ?? ''}`
              : ''}
            {r.receivingAuthority ? ` · ${r.receivingAuthority}` : ''}
            {r.graveLocation ? ` · ${r.graveLocation}` : ''}
          </li>
        ))}
      </ul>
      <form onSubmit={onRepatriate} data-testid="repatriation-form">
        <div className="field">
          <label htmlFor="rep-pm">{t('incidentsModule.repatriation.body')}</label>
          <select id="rep-pm" value={pmId} onChange={(e) => setPmId(e.target.value)} required>
            <option value="" />
            {identifiedPms.map((p) => (
              <option key={p.id} value={p.id}>
                {p.reference}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rep-status">{t('incidentsModule.board.state')}</label>
          <select id="rep-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            {(['planned', 'under_way', 'completed', 'buried'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`incidentsModule.repatriation.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {field('rep-lp', t('incidentsModule.repatriation.laissezPasser'), lpNumber, setLpNumber)}
        {field(
          'rep-lp-issuer',
          t('incidentsModule.repatriation.issuer'),
          lpIssuer,
          setLpIssuer,
          lpNumber !== '',
        )}
        {field('rep-lp-date', t('incidentsModule.repatriation.issued'), lpDate, setLpDate, lpNumber !== '')}
        {field(
          'rep-dest',
          t('incidentsModule.repatriation.destination'),
          destination,
          setDestination,
          lpNumber !== '',
        )}
        {field('rep-auth', t('incidentsModule.repatriation.authority'), authority, setAuthority)}
        {field('rep-grave', t('incidentsModule.repatriation.grave'), grave, setGrave, status === 'buried')}
        <button type="submit" className="button button-primary">
          {t('incidentsModule.repatriation.submit')}
        </button>
      </form>
      {result.text ? <output>{result.text}</output> : null}
    </section>
  );
}
