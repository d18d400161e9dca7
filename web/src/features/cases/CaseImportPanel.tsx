import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportResult, importCsv } from './api.js';

const FIELDS = {
  entities: [
    'kind',
    'label',
    'role',
    'aliases',
    'identifiers',
    'birthDate',
    'nationality',
    'lat',
    'lon',
    'notes',
    'source',
    'accuracy',
  ],
  links: ['from', 'to', 'type', 'at', 'until', 'weight', 'currency', 'source', 'accuracy'],
} as const;

/** CSV import with its mapping step: check (dry run), adjust the mapping, import. */
export function CaseImportPanel({ caseId, onImported }: { caseId: string; onImported: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'entities' | 'links'>('entities');
  const [csv, setCsv] = useState('');
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(dryRun: boolean, skipInvalid = false) {
    setError(null);
    const r = await importCsv(caseId, { kind, csv, dryRun, skipInvalid, ...(mapping ? { mapping } : {}) });
    if (!r.ok) {
      setError(r.message || r.code);
      return;
    }
    setResult(r.value);
    setMapping(r.value.mapping);
    if (r.value.imported > 0) onImported();
  }

  return (
    <section aria-labelledby="case-import-heading" data-testid="case-import">
      <h3 id="case-import-heading">{t('casesModule.import.title')}</h3>
      <p>{t('casesModule.import.intro')}</p>
      <div className="field">
        <label htmlFor="case-import-kind">{t('casesModule.import.kind')}</label>
        <select
          id="case-import-kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as 'entities' | 'links');
            setMapping(null);
            setResult(null);
          }}
        >
          <option value="entities">{t('casesModule.tabs.entities')}</option>
          <option value="links">{t('casesModule.import.links')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="case-import-file">{t('casesModule.import.file')}</label>
        <input
          id="case-import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) {
              setCsv(await f.text());
              setMapping(null);
              setResult(null);
            }
          }}
        />
      </div>
      <button type="button" className="button button-secondary" disabled={!csv} onClick={() => run(true)}>
        {t('casesModule.import.check')}
      </button>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
      {result && mapping ? (
        <div>
          <h4>{t('casesModule.import.mapping')}</h4>
          <div className="case-filters">
            {FIELDS[kind].map((field) => (
              <label key={field}>
                {field}
                <select
                  value={mapping[field] ?? ''}
                  onChange={(e) => {
                    const next = { ...mapping };
                    if (e.target.value) next[field] = e.target.value;
                    else delete next[field];
                    setMapping(next);
                  }}
                >
                  <option value="">—</option>
                  {result.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <p data-testid="case-import-summary">
            {t('casesModule.import.summary', {
              rows: result.rows,
              valid: result.valid,
              imported: result.imported,
            })}
          </p>
          {result.errors.length > 0 ? (
            <div className="table-wrap">
              <table className="data-table" data-testid="case-import-errors">
                <thead>
                  <tr>
                    <th>{t('casesModule.import.line')}</th>
                    <th>{t('casesModule.import.column')}</th>
                    <th>{t('casesModule.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.errors.map((e) => (
                    <tr key={`${e.line}-${e.column}-${e.message}`}>
                      <td>{e.line}</td>
                      <td>{e.column ?? ''}</td>
                      <td dir="auto">{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <button type="button" className="button button-secondary" onClick={() => run(true)}>
            {t('casesModule.import.check')}
          </button>{' '}
          <button
            type="button"
            className="button button-primary"
            disabled={result.valid === 0}
            onClick={() => run(false, result.errors.length > 0)}
          >
            {result.errors.length > 0 ? t('casesModule.import.importValid') : t('casesModule.import.import')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
