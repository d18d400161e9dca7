import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle, PurposeFields } from '../../ui/index.js';
import { useCurrentUser } from '../auth/index.js';
import {
  type Batch,
  batchCsvUrl,
  batchProgress,
  importList,
  type ListDiff,
  type ListVersion,
  listDiff,
  listVersions,
  type ScreenResult,
  screen,
  startBatch,
} from './api.js';
import { CandidateTable } from './CandidateTable.js';

function useErrorText() {
  const { t, i18n } = useTranslation();
  return (code: string, message: string) =>
    i18n.exists(`screening.errors.${code}`)
      ? t(`screening.errors.${code}` as 'screening.errors.network')
      : message || code;
}

function ScreenForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [names, setNames] = useState('');
  const [birth, setBirth] = useState('');
  const [nationality, setNationality] = useState('');
  const [document, setDocument] = useState('');
  const [purpose, setPurpose] = useState('');
  const [result, setResult] = useState<ScreenResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const split = (s: string, sep: RegExp) =>
    s
      .split(sep)
      .map((x) => x.trim())
      .filter(Boolean);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const query = {
      names: split(names, /\n/),
      ...(birth.trim() ? { birthDate: birth.trim() } : {}),
      ...(nationality.trim() ? { nationalities: split(nationality, /[,\s]+/) } : {}),
      ...(document.trim() ? { documents: split(document, /[,\n]+/) } : {}),
    };
    const r = await screen(query, purpose);
    if (r.ok) setResult(r.value);
    else setError(errorText(r.code, r.message));
  }
  return (
    <section className="panel" aria-labelledby="screen-heading">
      <h2 id="screen-heading">{t('screening.form.title')}</h2>
      <form onSubmit={onSubmit} data-testid="screening-form">
        <div className="field">
          <label htmlFor="sc-names">{t('screening.form.names')}</label>
          <textarea
            id="sc-names"
            dir="auto"
            rows={3}
            value={names}
            onChange={(e) => setNames(e.target.value)}
            required
          />
          <small>{t('screening.form.namesHint')}</small>
        </div>
        <div className="field">
          <label htmlFor="sc-birth">{t('screening.form.birth')}</label>
          <input
            id="sc-birth"
            dir="ltr"
            placeholder="1986"
            value={birth}
            onChange={(e) => setBirth(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="sc-nat">{t('screening.form.nationality')}</label>
          <input
            id="sc-nat"
            dir="ltr"
            placeholder="PK"
            value={nationality}
            onChange={(e) => setNationality(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="sc-doc">{t('screening.form.document')}</label>
          <input id="sc-doc" dir="ltr" value={document} onChange={(e) => setDocument(e.target.value)} />
        </div>
        <PurposeField id="sc-purpose" value={purpose} onChange={setPurpose} />
        <button type="submit" className="button button-primary">
          {t('screening.form.submit')}
        </button>
      </form>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
      {result ? <CandidateTable candidates={result.candidates} /> : null}
    </section>
  );
}

/** Why the officer screens: required, and recorded in the audit log with the search. */
function PurposeField({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return <PurposeFields purpose={{ id, label: t('screening.form.purpose'), value, onChange }} />;
}

function BatchPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [purpose, setPurpose] = useState('');
  const [batch, setBatch] = useState<Batch | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!batch || batch.status !== 'running') return;
    const timer = setTimeout(async () => {
      const r = await batchProgress(batch.id);
      if (r.ok) setBatch(r.value);
      else setError(errorText(r.code, r.message));
    }, 400);
    return () => clearTimeout(timer);
  }, [batch, errorText]);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    const r = await startBatch(await file.text(), purpose);
    if (r.ok) setBatch(r.value);
    else setError(errorText(r.code, r.message));
  }
  return (
    <section className="panel" aria-labelledby="batch-heading">
      <h2 id="batch-heading">{t('screening.batch.title')}</h2>
      <p>{t('screening.batch.format')}</p>
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="sc-csv">{t('screening.batch.file')}</label>
          <input
            id="sc-csv"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            required
          />
        </div>
        <PurposeField id="sc-bpurpose" value={purpose} onChange={setPurpose} />
        <button type="submit" className="button button-primary" disabled={batch?.status === 'running'}>
          {t('screening.batch.start')}
        </button>
      </form>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
      {batch ? (
        <div data-testid="screening-batch">
          <progress max={batch.total} value={batch.done} aria-label={t('screening.batch.progress')} />
          <p>
            {t('screening.batch.status', {
              done: batch.done,
              total: batch.total,
              confident: batch.confident,
              review: batch.review,
            })}
          </p>
          {batch.status === 'done' ? (
            <a className="button button-secondary" href={batchCsvUrl(batch.id)} download>
              {t('screening.batch.download')}
            </a>
          ) : null}
          {batch.status === 'failed' ? <p className="alert">{batch.error}</p> : null}
        </div>
      ) : null}
    </section>
  );
}

function ListsPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [lists, setLists] = useState<ListVersion[] | null>(null);
  const [diff, setDiff] = useState<ListDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation triggers the reload
  useEffect(() => {
    listVersions().then((r) => (r.ok ? setLists(r.value.lists) : setError(errorText(r.code, r.message))));
  }, [generation]);
  async function onImport(file: File) {
    setBusy(true);
    setError(null);
    const r = await importList(file);
    setBusy(false);
    if (!r.ok) return setError(errorText(r.code, r.message));
    setDiff(r.value.diff);
    setGeneration((g) => g + 1);
  }
  async function showDiff(id: string) {
    const r = await listDiff(id);
    if (r.ok) setDiff(r.value);
    else setError(errorText(r.code, r.message));
  }
  return (
    <section className="panel" aria-labelledby="lists-heading">
      <h2 id="lists-heading">{t('screening.lists.title')}</h2>
      {canManage ? (
        <div className="field">
          <label htmlFor="sc-list">{t('screening.lists.import')}</label>
          <input
            id="sc-list"
            type="file"
            accept=".xml,application/xml,text/xml"
            disabled={busy}
            onChange={(e) => e.target.files?.[0] && onImport(e.target.files[0])}
          />
        </div>
      ) : null}
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
      {lists && lists.length === 0 ? <p className="notice">{t('screening.lists.none')}</p> : null}
      {lists && lists.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="screening-lists">
            <thead>
              <tr>
                <th>{t('screening.lists.generated')}</th>
                <th>{t('screening.lists.counts')}</th>
                <th>{t('screening.lists.changes')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {lists.map((l) => (
                <tr key={l.id}>
                  <td>
                    <bdi className="mono">{l.generatedAt.slice(0, 10)}</bdi>{' '}
                    {l.active ? <span className="badge">{t('screening.lists.active')}</span> : null}
                  </td>
                  <td>
                    {t('screening.lists.countsValue', {
                      individuals: l.individuals,
                      entities: l.entities,
                      aliases: l.aliases,
                    })}
                  </td>
                  <td>
                    <bdi className="mono">
                      +{l.added} −{l.removed} ~{l.amended}
                    </bdi>
                  </td>
                  <td>
                    {l.previousId ? (
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => showDiff(l.id)}
                      >
                        {t('screening.lists.showDiff')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {diff ? (
        <div data-testid="screening-diff">
          <h3>
            {t('screening.lists.diffTitle', {
              added: diff.added,
              removed: diff.removed,
              amended: diff.amended,
            })}
          </h3>
          <div className="table-wrap">
            <table className="data-table">
              <tbody>
                {diff.changes.map((c) => (
                  <tr key={c.referenceNumber}>
                    <td>{t(`screening.change.${c.change}`)}</td>
                    <td>
                      <bdi className="mono">{c.referenceNumber}</bdi>
                    </td>
                    <td>
                      <bdi>{c.name}</bdi>
                    </td>
                    <td>
                      <small className="mono">{c.fields.join(', ')}</small>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** Screening against the UN Security Council Consolidated List: one person, a CSV batch, list versions. */
export function ScreeningPage() {
  const { t } = useTranslation();
  const roles: readonly string[] = useCurrentUser().roles;
  const canRun = roles.includes('liaison') || roles.includes('analyst');
  return (
    <>
      <PageTitle>{t('modules.screening.title')}</PageTitle>
      <p>{t('screening.intro')}</p>
      {canRun ? <ScreenForm /> : null}
      {canRun ? <BatchPanel /> : null}
      <ListsPanel canManage={roles.includes('admin')} />
    </>
  );
}
