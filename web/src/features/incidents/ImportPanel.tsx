import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IomImport, importProgress, startImport } from './api.js';

/** Upload of an IOM Missing Migrants CSV, with the upload and the node's reading progress. */
export function ImportPanel({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [job, setJob] = useState<IomImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setJob(null);
    const started = await startImport(file, (done, total) => setSent(total > 0 ? done / total : 0));
    if (!started.ok) {
      setError(started.message || started.code);
      return;
    }
    let view = started.value;
    setJob(view);
    while (view.status === 'running') {
      await new Promise((r) => setTimeout(r, 400));
      const next = await importProgress(view.id);
      if (!next.ok) break;
      view = next.value;
      setJob(view);
    }
    onDone();
  }
  return (
    <section className="panel" aria-labelledby="iom-import-heading">
      <h2 id="iom-import-heading">{t('incidentsModule.import.title')}</h2>
      <p>{t('incidentsModule.import.lead')}</p>
      <form onSubmit={onSubmit} data-testid="iom-import-form">
        <div className="field">
          <label htmlFor="iom-file">{t('incidentsModule.import.file')}</label>
          <input
            id="iom-file"
            type="file"
            accept=".csv,.gz,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={!file}>
            {t('incidentsModule.import.start')}
          </button>
        </div>
      </form>
      {sent !== null && job === null ? (
        <progress max={1} value={sent} aria-label={t('incidentsModule.import.uploading')} />
      ) : null}
      {job ? (
        <div data-testid="iom-import-status" aria-live="polite">
          <progress
            max={job.bytesTotal}
            value={job.bytesRead}
            aria-label={t('incidentsModule.import.reading')}
          />
          <p>
            {t('incidentsModule.import.summary', {
              rows: job.rowsRead,
              created: job.created,
              updated: job.updated,
              unchanged: job.unchanged,
              errors: job.errorCount,
            })}
          </p>
          {job.failure ? <p className="field-error">{job.failure}</p> : null}
          {job.errors.length > 0 ? (
            <ul data-testid="iom-import-errors">
              {job.errors.slice(0, 20).map((r) => (
                <li key={`${r.line}`}>
                  {t('incidentsModule.import.rowError', { line: r.line, id: r.iomId ?? '?' })} {r.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </section>
  );
}
