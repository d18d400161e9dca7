import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addMember,
  type CaseView,
  exportUrl,
  failureText,
  getCase,
  getNodeId,
  removeMember,
  shareCase,
  withdrawPartner,
} from './api.js';
import { CaseDuplicatesPanel } from './CaseDuplicatesPanel.js';
import { EntityForm, LinkForm } from './CaseEntityForms.js';
import { CaseImportPanel } from './CaseImportPanel.js';
import { CaseNetworkPanel } from './CaseNetworkPanel.js';
import { CaseRouteMap } from './CaseRouteMap.js';
import { CaseTimeline } from './CaseTimeline.js';
import { CaseDocumentsPanel, CaseEventForm, CaseTasksPanel } from './CaseWorkPanels.js';

const TABS = ['chart', 'timeline', 'map', 'entities', 'import', 'tasks', 'documents', 'sharing'] as const;
type Tab = (typeof TABS)[number];

function SharingPanel({ view, onChange }: { view: CaseView; onChange: (v: CaseView) => void }) {
  const { t } = useTranslation();
  const [partner, setPartner] = useState('');
  const [username, setUsername] = useState('');
  const [memberRole, setMemberRole] = useState<'lead' | 'member'>('member');
  const [error, setError] = useState<string | null>(null);
  async function onAddMember(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const r = await addMember(view.id, username.trim(), memberRole);
    if (!r.ok) return setError(failureText(r));
    setUsername('');
    onChange(r.value);
  }
  async function onRemoveMember(name: string) {
    setError(null);
    const r = await removeMember(view.id, name);
    if (!r.ok) return setError(failureText(r));
    const fresh = await getCase(view.id);
    if (fresh.ok) onChange(fresh.value);
  }
  // Each side manages its own members: only this node's are removed here.
  const [self, setSelf] = useState<string | null>(null);
  useEffect(() => {
    void getNodeId().then(setSelf);
  }, []);
  const [reason, setReason] = useState('');
  async function onShare(e: FormEvent) {
    e.preventDefault();
    const r = await shareCase(view.id, partner.trim());
    if (r.ok) onChange(r.value);
    else setError(r.message || r.code);
  }
  async function onWithdraw(p: string) {
    if (!reason.trim()) {
      setError(t('casesModule.sharing.reasonNeeded'));
      return;
    }
    const r = await withdrawPartner(view.id, p, reason.trim());
    if (r.ok) onChange(r.value);
    else setError(r.message || r.code);
  }
  return (
    <div>
      <h3>{t('casesModule.sharing.members')}</h3>
      <ul data-testid="case-members">
        {view.members.map((m) => (
          <li key={m.id}>
            {String(m.username)}@{String(m.node)} (
            {t(`casesModule.memberRoles.${String(m.role)}` as 'casesModule.memberRoles.lead')})
            {m.node === self && !view.withdrawnAt ? (
              <>
                {' '}
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => onRemoveMember(String(m.username))}
                >
                  {t('casesModule.forms.remove')}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {view.withdrawnAt ? null : (
        <form onSubmit={onAddMember} className="actions" data-testid="case-member-form">
          <div className="field">
            <label htmlFor="case-member-username">{t('casesModule.forms.username')}</label>
            <input
              id="case-member-username"
              dir="ltr"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="case-member-role">{t('casesModule.forms.memberRole')}</label>
            <select
              id="case-member-role"
              value={memberRole}
              onChange={(e) => setMemberRole(e.target.value as 'lead' | 'member')}
            >
              <option value="member">{t('casesModule.memberRoles.member')}</option>
              <option value="lead">{t('casesModule.memberRoles.lead')}</option>
            </select>
          </div>
          <button type="submit" className="button">
            {t('casesModule.forms.addMember')}
          </button>
        </form>
      )}
      <h3>{t('casesModule.sharing.partners')}</h3>
      {view.partners.length === 0 ? <p>{t('casesModule.sharing.none')}</p> : null}
      <ul>
        {view.partners.map((p) => (
          <li key={p}>
            {p}{' '}
            <button type="button" className="button button-quiet" onClick={() => onWithdraw(p)}>
              {t('casesModule.sharing.withdraw')}
            </button>
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor="case-withdraw-reason">{t('casesModule.sharing.reason')}</label>
        <input
          id="case-withdraw-reason"
          dir="auto"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <form onSubmit={onShare}>
        <div className="field">
          <label htmlFor="case-share-partner">{t('casesModule.sharing.partner')}</label>
          <input
            id="case-share-partner"
            dir="ltr"
            placeholder="pk-fia"
            value={partner}
            onChange={(e) => setPartner(e.target.value)}
            required
          />
        </div>
        <button type="submit" className="button button-primary">
          {t('casesModule.sharing.share')}
        </button>
      </form>
      <p>{t('casesModule.sharing.policy')}</p>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** One case: markings, then chart, timeline, route map, entities, tasks and sharing. */
export function CaseDetail({ caseId, onBack }: { caseId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<CaseView | null>(null);
  const [tab, setTab] = useState<Tab>('chart');
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await getCase(caseId);
    if (r.ok) setView(r.value);
    else setError(r.code === 'not_found' ? t('casesModule.notFound') : r.message || r.code);
  }, [caseId, t]);
  useEffect(() => {
    void load();
  }, [load]);
  if (error)
    return (
      <p className="alert" role="alert">
        {error}
      </p>
    );
  if (!view) return <p aria-busy="true">{t('casesModule.loading')}</p>;
  return (
    <article className="panel" data-testid="case-detail">
      <button type="button" className="button button-link" onClick={onBack}>
        {t('casesModule.back')}
      </button>
      <h2 dir="auto">{view.title}</h2>
      <p className="case-markings" data-testid="case-markings">
        <span className="badge">{t('casesModule.handling', { code: view.handlingCode })}</span>{' '}
        <span className="badge">TLP:{view.tlp}</span> {t('casesModule.owner', { owner: view.owner })}
        {view.partners.length > 0
          ? ` · ${t('casesModule.sharedWith', { partners: view.partners.join(', ') })}`
          : ''}
      </p>
      {view.withdrawnAt ? <p className="alert">{t('casesModule.withdrawn')}</p> : null}
      {view.summary ? <p dir="auto">{view.summary}</p> : null}
      <p>
        {t('casesModule.export')}{' '}
        <a href={exportUrl(view.id, 'pdf')} download>
          PDF
        </a>{' '}
        ·{' '}
        <a href={exportUrl(view.id, 'graphml')} download>
          GraphML
        </a>{' '}
        ·{' '}
        <a href={exportUrl(view.id, 'json')} download>
          JSON
        </a>
      </p>
      {view.conflicts.length > 0 ? (
        <details className="notice">
          <summary>{t('casesModule.conflicts.title', { n: view.conflicts.length })}</summary>
          <ul>
            {view.conflicts.map((c) => (
              <li key={`${c.target}-${c.field}-${c.lostAt}`}>
                {t('casesModule.conflicts.item', {
                  field: c.field,
                  kept: JSON.stringify(c.kept),
                  keptBy: c.keptBy,
                  lost: JSON.stringify(c.lost),
                  lostBy: c.lostBy,
                })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="tabs" role="tablist">
        {TABS.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            className="tab button-link"
            aria-selected={tab === x}
            aria-current={tab === x ? 'page' : undefined}
            onClick={() => setTab(x)}
            data-testid={`case-tab-${x}`}
          >
            {t(`casesModule.tabs.${x}` as 'casesModule.tabs.chart')}
          </button>
        ))}
      </div>
      {tab === 'chart' ? <CaseNetworkPanel caseId={view.id} /> : null}
      {tab === 'timeline' ? <CaseTimeline view={view} /> : null}
      {tab === 'map' ? <CaseRouteMap view={view} /> : null}
      {tab === 'entities' ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="case-entities">
            <thead>
              <tr>
                <th>{t('casesModule.entities.label')}</th>
                <th>{t('casesModule.entities.kind')}</th>
                <th>{t('casesModule.entities.role')}</th>
                <th>{t('casesModule.entities.identifiers')}</th>
                <th>{t('casesModule.entities.evaluation')}</th>
                <th>{t('casesModule.entities.provenance')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {view.entities
                .filter((e) => !e.mergedInto)
                .map((e) => {
                  const ev = e.evaluation as { source: string; accuracy: string };
                  const pv = e.provenance as { node: string; officer: string; at: string };
                  return (
                    <tr key={e.id}>
                      <td dir="auto">
                        {String(e.label)}
                        {e.synthetic ? <span className="badge">{t('casesModule.synthetic')}</span> : null}
                      </td>
                      <td>{t(`casesModule.kinds.${String(e.kind)}` as 'casesModule.kinds.person')}</td>
                      <td>
                        {e.role
                          ? t(`casesModule.roles.${String(e.role)}` as 'casesModule.roles.organiser')
                          : ''}
                      </td>
                      <td dir="ltr">{(e.identifiers as string[]).join(', ')}</td>
                      <td>
                        {ev.source}
                        {ev.accuracy}
                      </td>
                      <td>
                        {pv.officer}@{pv.node}, {pv.at.slice(0, 10)}
                      </td>
                      <td>
                        {view.withdrawnAt ? null : (
                          <button
                            type="button"
                            className="button button-quiet"
                            onClick={() => setEditing(e.id)}
                          >
                            {t('casesModule.forms.edit')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      ) : null}
      {tab === 'entities' && !view.withdrawnAt ? (
        <div className="case-forms">
          {editing ? (
            <EntityForm
              key={editing}
              caseId={view.id}
              editing={view.entities.find((e) => e.id === editing) ?? null}
              onDone={() => {
                setEditing(null);
                void load();
              }}
            />
          ) : (
            <EntityForm caseId={view.id} editing={null} onDone={() => void load()} />
          )}
          <LinkForm view={view} onDone={() => void load()} />
        </div>
      ) : null}
      {tab === 'entities' ? <CaseDuplicatesPanel view={view} onChange={setView} /> : null}
      {tab === 'import' ? <CaseImportPanel caseId={view.id} onImported={load} /> : null}
      {tab === 'tasks' ? <CaseTasksPanel view={view} onChange={() => void load()} /> : null}
      {tab === 'timeline' && !view.withdrawnAt ? (
        <CaseEventForm view={view} onChange={() => void load()} />
      ) : null}
      {tab === 'documents' ? <CaseDocumentsPanel view={view} onChange={() => void load()} /> : null}
      {tab === 'sharing' ? <SharingPanel view={view} onChange={setView} /> : null}
    </article>
  );
}
