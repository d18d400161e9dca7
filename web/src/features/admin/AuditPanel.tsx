import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditVerification, listAudit, verifyAudit } from './api.js';
import { CheckpointsPanel } from './CheckpointsPanel.js';
import { ErrorLine, useApiList, useDateTime, useErrorText } from './shared.js';

/** The tamper-evident audit log, filtered, with a check of its hash chain. */
export function AuditPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const dateTime = useDateTime();
  const id = useId();
  const [filters, setFilters] = useState({ action: '', actor: '', limit: 100 });
  const [applied, setApplied] = useState(filters);
  const {
    rows: entries,
    error,
    setError,
  } = useApiList(
    () => listAudit(applied),
    (v) => v.entries,
    [applied],
  );
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifying, setVerifying] = useState(false);

  const onVerify = async () => {
    setVerifying(true);
    setVerification(null);
    const result = await verifyAudit();
    setVerifying(false);
    if (result.ok) setVerification(result.value);
    else setError(errorText(result.code, result.message));
  };

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    setApplied(filters);
  };

  return (
    <>
      <CheckpointsPanel />
      <section className="panel" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('admin.audit.title')}</h2>
        <p>{t('admin.audit.intro')}</p>
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => void onVerify()}
            disabled={verifying}
            data-testid="audit-verify"
          >
            {verifying ? t('admin.audit.verifying') : t('admin.audit.verify')}
          </button>
          {verification ? (
            <output
              className={verification.ok ? 'notice notice-ok' : 'alert alert-danger'}
              data-testid="audit-verify-result"
              data-ok={String(verification.ok)}
            >
              {verification.ok
                ? t('admin.audit.chainOk', { count: verification.entries })
                : t('admin.audit.chainBroken', {
                    seq: verification.brokenAt ?? '?',
                    reason: verification.message ?? verification.reason ?? '',
                  })}
            </output>
          ) : null}
        </div>
        <form className="filters" onSubmit={onFilter}>
          <div className="field">
            <label htmlFor={`${id}-action`}>{t('admin.audit.action')}</label>
            <input
              id={`${id}-action`}
              dir="ltr"
              value={filters.action}
              onChange={(event) => setFilters({ ...filters, action: event.target.value })}
              data-testid="audit-filter-action"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-actor`}>{t('admin.audit.actor')}</label>
            <input
              id={`${id}-actor`}
              dir="ltr"
              value={filters.actor}
              onChange={(event) => setFilters({ ...filters, actor: event.target.value })}
              data-testid="audit-filter-actor"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-limit`}>{t('admin.audit.limit')}</label>
            <select
              id={`${id}-limit`}
              value={filters.limit}
              onChange={(event) => setFilters({ ...filters, limit: Number(event.target.value) })}
            >
              {[50, 100, 500, 1000].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            {t('admin.audit.apply')}
          </button>
        </form>
        <ErrorLine text={error} />
        {entries === null && !error ? <p className="notice">{t('app.loading')}</p> : null}
        {entries !== null && entries.length === 0 ? <p className="notice">{t('admin.audit.none')}</p> : null}
        {entries !== null && entries.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('admin.audit.at')}</th>
                  <th scope="col">{t('admin.audit.actor')}</th>
                  <th scope="col">{t('admin.audit.action')}</th>
                  <th scope="col">{t('admin.audit.subject')}</th>
                  <th scope="col">{t('admin.audit.detail')}</th>
                  <th scope="col">{t('admin.audit.hash')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.seq} data-testid={`audit-row-${entry.seq}`}>
                    <td>{entry.seq}</td>
                    <td>{dateTime(entry.at)}</td>
                    <td>
                      <bdi className="mono">{entry.actor}</bdi>
                    </td>
                    <td>
                      <bdi className="mono">{entry.action}</bdi>
                    </td>
                    <td>
                      <bdi className="mono">{entry.subject}</bdi>
                    </td>
                    <td>
                      {entry.detail === null || entry.detail === undefined ? null : (
                        <code className="wrap" dir="ltr">
                          {typeof entry.detail === 'string' ? entry.detail : JSON.stringify(entry.detail)}
                        </code>
                      )}
                    </td>
                    <td>
                      <code dir="ltr" title={entry.hash}>
                        {entry.hash.slice(0, 12)}…
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
