import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/index.js';
import {
  addItems,
  attachDocument,
  type CaseView,
  documentUrl,
  failureText,
  getNodeId,
  removeItem,
  searchIncidents,
  updateItem,
} from './api.js';
import { HANDLING_CODES } from './vocabulary.js';

/** The server's refusal, read out to screen readers. */
export function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p className="alert" role="alert">
      {error}
    </p>
  ) : null;
}

/** Tasks with owners and deadlines: add, tick off, remove. */
export function CaseTasksPanel({ view, onChange }: { view: CaseView; onChange: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function onAdd(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const r = await addItems(view.id, 'tasks', [
      { title: title.trim(), owner: owner.trim(), deadline: deadline || null },
    ]);
    if (!r.ok) return setError(failureText(r));
    setTitle('');
    setDeadline('');
    onChange();
  }
  async function toggle(task: CaseView['tasks'][number]) {
    const status = task.status === 'done' ? 'open' : 'done';
    const r = await updateItem(
      view.id,
      'tasks',
      task.id,
      { status },
      { status: task.version.status ?? null },
    );
    if (!r.ok) return setError(failureText(r));
    onChange();
  }
  async function remove(id: string) {
    const r = await removeItem(view.id, 'tasks', id);
    if (!r.ok) return setError(failureText(r));
    onChange();
  }
  return (
    <div>
      <ul data-testid="case-tasks" className="plain-list">
        {view.tasks.map((task) => (
          <li key={task.id} dir="auto">
            <label>
              <input type="checkbox" checked={task.status === 'done'} onChange={() => toggle(task)} />{' '}
              {String(task.title)} — {String(task.owner)}
              {task.deadline ? ` (${t('casesModule.tasks.by', { date: String(task.deadline) })})` : ''}
            </label>{' '}
            <button type="button" className="button button-quiet" onClick={() => remove(task.id)}>
              {t('casesModule.forms.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={onAdd}
        className="panel"
        data-testid="case-task-form"
        aria-labelledby="case-task-heading"
      >
        <h3 id="case-task-heading">{t('casesModule.forms.addTask')}</h3>
        <TextField
          id="case-task-title"
          label={t('casesModule.forms.taskTitle')}
          value={title}
          onChange={setTitle}
          dir="auto"
          required
        />
        <TextField
          id="case-task-owner"
          label={t('casesModule.forms.owner')}
          value={owner}
          onChange={setOwner}
          dir="auto"
          required
        />
        <TextField
          id="case-task-deadline"
          label={t('casesModule.forms.deadline')}
          value={deadline}
          onChange={setDeadline}
          type="date"
        />
        <button type="submit" className="button button-primary">
          {t('casesModule.forms.addTask')}
        </button>
        <ErrorLine error={error} />
      </form>
    </div>
  );
}

/** Adds an event to the timeline. */
export function CaseEventForm({ view, onChange }: { view: CaseView; onChange: () => void }) {
  const { t } = useTranslation();
  const [at, setAt] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function onAdd(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const r = await addItems(view.id, 'events', [{ at: at.trim(), title: title.trim(), description }]);
    if (!r.ok) return setError(failureText(r));
    setAt('');
    setTitle('');
    setDescription('');
    onChange();
  }
  return (
    <form
      onSubmit={onAdd}
      className="panel"
      data-testid="case-event-form"
      aria-labelledby="case-event-heading"
    >
      <h3 id="case-event-heading">{t('casesModule.forms.addEvent')}</h3>
      <TextField
        id="case-event-at"
        label={t('casesModule.forms.eventAt')}
        value={at}
        onChange={setAt}
        dir="ltr"
        placeholder="2025-01-15"
        required
      />
      <TextField
        id="case-event-title"
        label={t('casesModule.forms.eventTitle')}
        value={title}
        onChange={setTitle}
        dir="auto"
        required
      />
      <div className="field">
        <label htmlFor="case-event-description">{t('casesModule.forms.description')}</label>
        <textarea
          id="case-event-description"
          dir="auto"
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary">
        {t('casesModule.forms.addEvent')}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KiB`;
}

/** Documents (files with their handling code, downloads) and the linked incidents. */
export function CaseDocumentsPanel({ view, onChange }: { view: CaseView; onChange: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [handlingCode, setHandlingCode] = useState(view.handlingCode);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ id: string; label: string }[] | null>(null);
  const codes = HANDLING_CODES.slice(HANDLING_CODES.indexOf(view.handlingCode as 'H0'));
  const [self, setSelf] = useState<string | null>(null);
  useEffect(() => setHandlingCode(view.handlingCode), [view.handlingCode]);
  useEffect(() => {
    void getNodeId().then(setSelf);
  }, []);
  async function onAttach(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setBusy(true);
    const r = await attachDocument(view.id, file, { title: title.trim() || file.name, handlingCode });
    setBusy(false);
    if (!r.ok) return setError(failureText(r));
    setTitle('');
    setFile(null);
    onChange();
  }
  async function onSearch(e: FormEvent) {
    e.preventDefault();
    const r = await searchIncidents(q);
    if (!r.ok) return setError(failureText(r));
    setFound(
      r.value.incidents.map((i) => ({
        id: i.id,
        label: [i.iomId, i.place, i.date].filter(Boolean).join(' · '),
      })),
    );
  }
  async function link(incidentId: string) {
    const r = await addItems(view.id, 'references', [{ kind: 'incident', refId: incidentId }]);
    if (!r.ok) return setError(failureText(r));
    setFound(null);
    onChange();
  }
  async function unlink(id: string) {
    const r = await removeItem(view.id, 'references', id);
    if (!r.ok) return setError(failureText(r));
    onChange();
  }
  const incidents = view.references.filter((r) => r.kind === 'incident');
  return (
    <div>
      <h3>{t('casesModule.documents.title')}</h3>
      {view.documents.length === 0 ? <p>{t('casesModule.documents.none')}</p> : null}
      <ul data-testid="case-documents" className="plain-list">
        {view.documents.map((d) => {
          const f = d.file as { name: string; size: number; mediaType: string } | null | undefined;
          return (
            <li key={d.id}>
              <span className="badge">
                {t('casesModule.handling', { code: String(d.handlingCode ?? view.handlingCode) })}
              </span>{' '}
              <strong dir="auto">{String(d.title)}</strong>{' '}
              {f ? (
                <a href={documentUrl(view.id, d.id)} download={f.name} dir="auto">
                  {f.name} ({sizeText(f.size)})
                </a>
              ) : (
                <span dir="auto">{String(d.reference ?? '')}</span>
              )}
            </li>
          );
        })}
      </ul>
      {view.withdrawnAt ? null : (
        <form
          onSubmit={onAttach}
          className="panel"
          data-testid="case-document-form"
          aria-labelledby="case-doc-heading"
        >
          <h3 id="case-doc-heading">{t('casesModule.documents.attach')}</h3>
          <div className="field">
            <label htmlFor="case-doc-title">{t('casesModule.documents.docTitle')}</label>
            <input id="case-doc-title" dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="case-doc-handling">{t('casesModule.create.handlingCode')}</label>
            <select
              id="case-doc-handling"
              value={handlingCode}
              onChange={(e) => setHandlingCode(e.target.value)}
            >
              {codes.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="case-doc-file">{t('casesModule.documents.file')}</label>
            <input
              id="case-doc-file"
              type="file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              required
            />
          </div>
          <p>{t('casesModule.documents.limit')}</p>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('casesModule.documents.attach')}
          </button>
        </form>
      )}
      <h3>{t('casesModule.incidents.title')}</h3>
      {incidents.length === 0 ? <p>{t('casesModule.incidents.none')}</p> : null}
      <ul data-testid="case-incidents" className="plain-list">
        {incidents.map((r) => (
          <li key={r.id}>
            {r.node === undefined || r.node === self ? (
              <a href={`#/incidents?id=${String(r.refId)}`} dir="auto">
                {String(r.label ?? r.refId)}
              </a>
            ) : (
              <span dir="auto">
                {String(r.label ?? r.refId)} ({t('casesModule.incidents.onNode', { node: String(r.node) })})
              </span>
            )}
            {r.note ? <span dir="auto"> — {String(r.note)}</span> : null}{' '}
            <button type="button" className="button button-quiet" onClick={() => unlink(r.id)}>
              {t('casesModule.forms.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={onSearch} className="actions" data-testid="case-incident-search">
        <label htmlFor="case-incident-q">{t('casesModule.incidents.search')}</label>
        <input id="case-incident-q" dir="auto" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className="button">
          {t('casesModule.incidents.find')}
        </button>
      </form>
      {found ? (
        <ul className="plain-list" data-testid="case-incident-results">
          {found.length === 0 ? <li>{t('casesModule.incidents.noMatch')}</li> : null}
          {found.map((i) => (
            <li key={i.id}>
              <span dir="auto">{i.label}</span>{' '}
              <button type="button" className="button button-quiet" onClick={() => link(i.id)}>
                {t('casesModule.incidents.link')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorLine error={error} />
    </div>
  );
}
