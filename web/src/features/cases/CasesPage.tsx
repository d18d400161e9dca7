import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/index.js';
import { useCurrentUser } from '../auth/index.js';
import { assignCase, type CaseSummary, createCase, listCases, listUnassigned } from './api.js';
import { CaseDetail } from './CaseDetail.js';

function NewCaseForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [handlingCode, setHandlingCode] = useState<'H0' | 'H1' | 'H2' | 'H3'>('H1');
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const r = await createCase({ title, legalBasis, handlingCode, crimeAreas: ['migrant_smuggling'] });
    if (r.ok) onCreated(r.value.id);
    else setError(r.message || r.code);
  }
  return (
    <form onSubmit={onSubmit} className="panel" aria-labelledby="case-new-heading">
      <h2 id="case-new-heading">{t('casesModule.create.title')}</h2>
      <div className="field">
        <label htmlFor="case-title">{t('casesModule.create.caseTitle')}</label>
        <input id="case-title" dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="case-legal">{t('casesModule.create.legalBasis')}</label>
        <input
          id="case-legal"
          dir="auto"
          value={legalBasis}
          onChange={(e) => setLegalBasis(e.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="case-handling">{t('casesModule.create.handlingCode')}</label>
        <select
          id="case-handling"
          value={handlingCode}
          onChange={(e) => setHandlingCode(e.target.value as 'H0' | 'H1' | 'H2' | 'H3')}
        >
          {(['H0', 'H1', 'H2', 'H3'] as const).map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary">
        {t('casesModule.create.submit')}
      </button>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function Unassigned({ onAssigned }: { onAssigned: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [cases, setCases] = useState<CaseSummary[]>([]);
  useEffect(() => {
    void listUnassigned().then((r) => r.ok && setCases(r.value.cases));
  }, []);
  if (cases.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="case-unassigned-heading" data-testid="case-unassigned">
      <h2 id="case-unassigned-heading">{t('casesModule.unassigned.title')}</h2>
      <p>{t('casesModule.unassigned.intro')}</p>
      <ul>
        {cases.map((c) => (
          <li key={c.id}>
            <span dir="auto">{c.title}</span> ({c.owner}, {c.handlingCode}){' '}
            <button
              type="button"
              className="button button-secondary"
              onClick={async () => {
                const r = await assignCase(c.id, [user.username]);
                if (r.ok) {
                  setCases(cases.filter((x) => x.id !== c.id));
                  onAssigned();
                }
              }}
            >
              {t('casesModule.unassigned.assignMe')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Joint cases: the cases the officer is a member of, one case in full, a new case. */
export function CasesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canWrite = user.roles.some((r) => r === 'analyst' || r === 'liaison') ?? false;
  const load = useCallback(async () => {
    const r = await listCases(q);
    if (r.ok) setCases(r.value.cases);
    else setError(r.message || r.code);
  }, [q]);
  useEffect(() => {
    void load();
  }, [load]);

  if (selected) {
    return (
      <>
        <PageTitle testId="cases-title">{t('casesModule.title')}</PageTitle>
        <CaseDetail caseId={selected} onBack={() => setSelected(null)} />
      </>
    );
  }
  return (
    <>
      <PageTitle testId="cases-title">{t('casesModule.title')}</PageTitle>
      <p>{t('casesModule.intro')}</p>
      {user.roles.includes('liaison') ? <Unassigned onAssigned={load} /> : null}
      <section className="panel" aria-labelledby="case-list-heading">
        <h2 id="case-list-heading">{t('casesModule.list.title')}</h2>
        <div className="field">
          <label htmlFor="case-search">{t('casesModule.list.search')}</label>
          <input id="case-search" dir="auto" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        {error ? (
          <p className="alert" role="alert">
            {error}
          </p>
        ) : null}
        {cases && cases.length === 0 ? <p className="notice">{t('casesModule.list.empty')}</p> : null}
        {cases && cases.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="case-list">
              <thead>
                <tr>
                  <th>{t('casesModule.list.case')}</th>
                  <th>{t('casesModule.list.markings')}</th>
                  <th>{t('casesModule.list.owner')}</th>
                  <th>{t('casesModule.list.size')}</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <button
                        type="button"
                        className="button button-link"
                        onClick={() => setSelected(c.id)}
                        dir="auto"
                      >
                        {c.title}
                      </button>
                    </td>
                    <td>
                      {c.handlingCode} TLP:{c.tlp}
                    </td>
                    <td>
                      {c.owner}
                      {c.partners.length > 0 ? ` → ${c.partners.join(', ')}` : ''}
                    </td>
                    <td>{t('casesModule.list.counts', { entities: c.entityCount, links: c.linkCount })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {canWrite ? <NewCaseForm onCreated={(id) => setSelected(id)} /> : null}
    </>
  );
}
