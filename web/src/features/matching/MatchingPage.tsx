import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle, PurposeFields } from '../../ui/index.js';
import { useCurrentUser } from '../auth/index.js';
import { CRIME_AREAS, type CrimeArea } from '../exchange/vocabulary.js';
import {
  type CheckItem,
  type CheckResult,
  checkItems,
  followUp,
  type MatchBatch,
  matchBatch,
  matchBatchResults,
  startMatchBatch,
  verifiedPartners,
} from './api.js';
import { ResolvePanel } from './HitRecords.js';
import { IndexPanel } from './IndexPanel.js';
import { PersonFields, VesselFields } from './ItemFields.js';
import { PolicyPanel } from './PolicyPanel.js';
import { useErrorText } from './use-error-text.js';

type Kind = CheckItem['kind'];
const KINDS: Kind[] = ['person', 'passport', 'phone', 'vessel', 'iban'];

/** Purpose and legal basis: required for every check, logged on both sides. */
function Grounds(props: {
  purpose: string;
  legalBasis: string;
  onPurpose: (s: string) => void;
  onLegalBasis: (s: string) => void;
  prefix: string;
}) {
  const { t } = useTranslation();
  return (
    <PurposeFields
      purpose={{
        id: `${props.prefix}-purpose`,
        label: t('matchingModule.form.purpose'),
        value: props.purpose,
        onChange: props.onPurpose,
      }}
      legalBasis={{
        id: `${props.prefix}-legal`,
        label: t('matchingModule.form.legalBasis'),
        value: props.legalBasis,
        onChange: props.onLegalBasis,
      }}
    />
  );
}

function PartnerSelect(props: {
  partners: string[];
  value: string;
  onChange: (s: string) => void;
  id: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{t('matchingModule.form.partner')}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)} required>
        {props.partners.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </div>
  );
}

function describe(item: CheckItem): string {
  switch (item.kind) {
    case 'person':
      return `${item.names.join(' / ')}${item.birthYear ? ` (${item.birthYear})` : ''}`;
    case 'passport':
      return `${item.number} (${item.issuingCountry})`;
    case 'phone':
      return item.number;
    case 'vessel':
      return [item.imo && `IMO ${item.imo}`, item.mmsi && `MMSI ${item.mmsi}`].filter(Boolean).join(' ');
    case 'iban':
      return item.iban;
  }
}

/** Hit/no-hit per item, with the one-click follow-up request for a hit. */
function ResultTable(props: {
  results: CheckResult[];
  partner: string;
  purpose: string;
  legalBasis: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [sent, setSent] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [crimeArea, setCrimeArea] = useState<CrimeArea>('migrant_smuggling');
  const id = useId();
  async function onFollowUp(hitRef: string) {
    setError(null);
    const r = await followUp({
      partner: props.partner,
      hitRef,
      purpose: props.purpose,
      legalBasis: props.legalBasis,
      crimeAreas: [crimeArea],
    });
    if (r.ok) setSent((s) => ({ ...s, [hitRef]: r.value.messageId }));
    else setError(errorText(r.code, r.message));
  }
  return (
    <>
      {props.results.some((r) => r.hit) ? (
        <div className="field">
          <label htmlFor={`${id}-area`}>{t('matchingModule.results.crimeArea')}</label>
          <select
            id={`${id}-area`}
            value={crimeArea}
            onChange={(e) => setCrimeArea(e.target.value as CrimeArea)}
          >
            {CRIME_AREAS.map((area) => (
              <option key={area} value={area}>
                {t(`exchange.crimeAreas.${area}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <table className="table" data-testid="matching-results">
        <thead>
          <tr>
            <th>{t('matchingModule.results.kind')}</th>
            <th>{t('matchingModule.results.item')}</th>
            <th>{t('matchingModule.results.outcome')}</th>
            <th>{t('matchingModule.results.followUp')}</th>
          </tr>
        </thead>
        <tbody>
          {props.results.map((r) => (
            <tr key={r.index} data-hit={r.hit ? 'yes' : 'no'}>
              <td>{t(`matchingModule.kinds.${r.item.kind}` as 'matchingModule.kinds.person')}</td>
              <td dir="auto">{describe(r.item)}</td>
              <td>
                <strong>{r.hit ? t('matchingModule.results.hit') : t('matchingModule.results.noHit')}</strong>
                {r.hitRefs.length > 0 ? (
                  <div dir="ltr">
                    <code>{r.hitRefs.join(' ')}</code>
                  </div>
                ) : null}
              </td>
              <td>
                {r.hitRefs.map((ref) =>
                  sent[ref] ? (
                    <span key={ref}>{t('matchingModule.results.followUpSent')}</span>
                  ) : (
                    <button
                      key={ref}
                      type="button"
                      className="button button-secondary"
                      onClick={() => onFollowUp(ref)}
                    >
                      {t('matchingModule.results.askHolder')}
                    </button>
                  ),
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

function CheckForm({ partners }: { partners: string[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [partner, setPartner] = useState(partners[0] ?? '');
  const [kind, setKind] = useState<Kind>('person');
  const [names, setNames] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [number, setNumber] = useState('');
  const [country, setCountry] = useState('');
  const [imo, setImo] = useState('');
  const [mmsi, setMmsi] = useState('');
  const [purpose, setPurpose] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [results, setResults] = useState<CheckResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  function item(): CheckItem {
    switch (kind) {
      case 'person':
        return {
          kind,
          names: names
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
          ...(birthYear.trim() ? { birthYear: Number(birthYear) } : {}),
        };
      case 'passport':
        return { kind, number, issuingCountry: country };
      case 'phone':
        return { kind, number, ...(country.trim() ? { country } : {}) };
      case 'vessel':
        return { kind, ...(imo.trim() ? { imo } : {}), ...(mmsi.trim() ? { mmsi } : {}) };
      case 'iban':
        return { kind, iban: number };
    }
  }
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setResults(null);
    const r = await checkItems({ partner, purpose, legalBasis, items: [item()] });
    if (r.ok) setResults(r.value.results);
    else setError(errorText(r.code, r.message));
  }
  return (
    <section className="panel" aria-labelledby="match-check-heading">
      <h2 id="match-check-heading">{t('matchingModule.form.title')}</h2>
      <p>{t('matchingModule.form.explain')}</p>
      <form onSubmit={onSubmit} data-testid="matching-form">
        <PartnerSelect id="mt-partner" partners={partners} value={partner} onChange={setPartner} />
        <div className="field">
          <label htmlFor="mt-kind">{t('matchingModule.form.kind')}</label>
          <select id="mt-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`matchingModule.kinds.${k}` as 'matchingModule.kinds.person')}
              </option>
            ))}
          </select>
        </div>
        {kind === 'person' ? (
          <PersonFields
            prefix="mt"
            names={names}
            onNames={setNames}
            birthYear={birthYear}
            onBirthYear={setBirthYear}
          />
        ) : null}
        {kind === 'passport' || kind === 'phone' || kind === 'iban' ? (
          <div className="field">
            <label htmlFor="mt-number">
              {t(`matchingModule.form.number_${kind}` as 'matchingModule.form.number_phone')}
            </label>
            <input
              id="mt-number"
              dir="ltr"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              required
            />
          </div>
        ) : null}
        {kind === 'passport' || kind === 'phone' ? (
          <div className="field">
            <label htmlFor="mt-country">{t('matchingModule.form.country')}</label>
            <input
              id="mt-country"
              dir="ltr"
              maxLength={2}
              value={country}
              onChange={(e) => setCountry(e.target.value)}
              required={kind === 'passport'}
            />
          </div>
        ) : null}
        {kind === 'vessel' ? (
          <VesselFields prefix="mt" imo={imo} onImo={setImo} mmsi={mmsi} onMmsi={setMmsi} />
        ) : null}
        <Grounds
          prefix="mt"
          purpose={purpose}
          legalBasis={legalBasis}
          onPurpose={setPurpose}
          onLegalBasis={setLegalBasis}
        />
        <button type="submit" className="button button-primary" disabled={!partner}>
          {t('matchingModule.form.submit')}
        </button>
      </form>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
      {results ? (
        <ResultTable results={results} partner={partner} purpose={purpose} legalBasis={legalBasis} />
      ) : null}
    </section>
  );
}

function BatchPanel({ partners }: { partners: string[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [partner, setPartner] = useState(partners[0] ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [purpose, setPurpose] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [batch, setBatch] = useState<MatchBatch | null>(null);
  const [results, setResults] = useState<CheckResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!batch) return;
    if (batch.status === 'done' && !results) {
      void matchBatchResults(batch.id).then((r) =>
        r.ok ? setResults(r.value.results) : setError(errorText(r.code, r.message)),
      );
      return;
    }
    if (batch.status !== 'running') return;
    const timer = setTimeout(async () => {
      const r = await matchBatch(batch.id);
      if (r.ok) setBatch(r.value);
      else setError(errorText(r.code, r.message));
    }, 400);
    return () => clearTimeout(timer);
  }, [batch, results, errorText]);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setResults(null);
    const r = await startMatchBatch({ partner, purpose, legalBasis, csv: await file.text() });
    if (r.ok) setBatch(r.value);
    else setError(errorText(r.code, r.message));
  }
  return (
    <section className="panel" aria-labelledby="match-batch-heading">
      <h2 id="match-batch-heading">{t('matchingModule.batch.title')}</h2>
      <p>{t('matchingModule.batch.format')}</p>
      <form onSubmit={onSubmit}>
        <PartnerSelect id="mb-partner" partners={partners} value={partner} onChange={setPartner} />
        <div className="field">
          <label htmlFor="mb-csv">{t('matchingModule.batch.file')}</label>
          <input
            id="mb-csv"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            required
          />
        </div>
        <Grounds
          prefix="mb"
          purpose={purpose}
          legalBasis={legalBasis}
          onPurpose={setPurpose}
          onLegalBasis={setLegalBasis}
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={batch?.status === 'running' || !partner}
        >
          {t('matchingModule.batch.start')}
        </button>
      </form>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
      {batch ? (
        <div data-testid="matching-batch">
          <progress max={batch.total} value={batch.done} aria-label={t('matchingModule.batch.progress')} />
          <p>
            {t('matchingModule.batch.status', { done: batch.done, total: batch.total, hits: batch.hits })}
          </p>
          {batch.status === 'failed' ? <p className="alert">{batch.error}</p> : null}
        </div>
      ) : null}
      {results ? (
        <ResultTable results={results} partner={partner} purpose={purpose} legalBasis={legalBasis} />
      ) : null}
    </section>
  );
}

/** Hit/no-hit checks against partner nodes (DESIGN.md §7, docs/MATCHING.md). */
export function MatchingPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [partners, setPartners] = useState<string[] | null>(null);
  const [policyRevision, setPolicyRevision] = useState(0);
  useEffect(() => {
    void verifiedPartners().then((r) => setPartners(r.ok ? r.value : []));
  }, []);
  const roles: readonly string[] = user.roles;
  const canRun = roles.includes('liaison') || roles.includes('analyst');
  const canRead = canRun || roles.includes('admin') || roles.includes('dpo');
  return (
    <>
      <PageTitle>{t('modules.matching.title')}</PageTitle>
      <p>{t('modules.matching.description')}</p>
      {canRun && partners && partners.length === 0 ? <p>{t('matchingModule.noPartner')}</p> : null}
      {canRun && partners && partners.length > 0 ? (
        <>
          <CheckForm partners={partners} />
          <BatchPanel partners={partners} />
        </>
      ) : null}
      {canRead ? <ResolvePanel /> : null}
      {canRead ? (
        <PolicyPanel canEdit={roles.includes('dpo')} onChanged={() => setPolicyRevision((n) => n + 1)} />
      ) : null}
      {canRead ? <IndexPanel canManage={roles.includes('admin')} revision={policyRevision} /> : null}
    </>
  );
}
