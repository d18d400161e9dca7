import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeliveryRow, listDeliveries, retryDelivery } from './api.js';
import { ErrorLine, useApiList, useDateTime, useErrorText } from './shared.js';

const STATUSES = ['dead', 'failed', 'queued'] as const;

/** The outbox by status, with the last error of each delivery and a retry for dead letters. */
export function DeliveriesPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const dateTime = useDateTime();
  const id = useId();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('dead');
  const { rows, error, setError, reload } = useApiList(
    () => listDeliveries(status),
    (v) => v.deliveries,
    [status],
  );
  const [retried, setRetried] = useState<Set<string>>(new Set());

  const retry = async (row: DeliveryRow) => {
    const result = await retryDelivery(row.id);
    if (!result.ok) {
      setError(errorText(result.code, result.message));
      return;
    }
    setRetried((previous) => new Set(previous).add(row.id));
    reload();
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('admin.deliveries.title')}</h2>
      <p>{t('admin.deliveries.intro')}</p>
      <div className="field inline-field">
        <label htmlFor={id}>{t('admin.deliveries.status')}</label>
        <select
          id={id}
          value={status}
          onChange={(event) => setStatus(event.target.value as typeof status)}
          data-testid="deliveries-status"
        >
          {STATUSES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`admin.deliveries.statuses.${candidate}`)}
            </option>
          ))}
        </select>
        <button type="button" className="button button-secondary" onClick={() => reload()}>
          {t('admin.refresh')}
        </button>
      </div>
      <ErrorLine text={error} />
      {rows === null && !error ? <p className="notice">{t('app.loading')}</p> : null}
      {rows !== null && rows.length === 0 ? <p className="notice">{t('admin.deliveries.none')}</p> : null}
      {rows !== null && rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="deliveries-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.deliveries.recipient')}</th>
                <th scope="col">{t('admin.deliveries.type')}</th>
                <th scope="col">{t('admin.deliveries.attempts')}</th>
                <th scope="col">{t('admin.deliveries.created')}</th>
                <th scope="col">{t('admin.deliveries.next')}</th>
                <th scope="col">{t('admin.deliveries.lastError')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.deliveries.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid={`delivery-row-${row.id}`}>
                  <td>
                    <bdi className="mono">{row.recipient}</bdi>
                  </td>
                  <td>{row.type}</td>
                  <td>{row.attempts}</td>
                  <td>{dateTime(row.createdAt)}</td>
                  <td>
                    {row.status === 'dead'
                      ? t('admin.deliveries.expired', { time: dateTime(row.expiresAt) })
                      : dateTime(row.nextAttemptAt)}
                  </td>
                  <td>
                    {row.lastError ? (
                      <details>
                        <summary>
                          {row.lastError.status ? `HTTP ${row.lastError.status} — ` : ''}
                          <bdi dir="auto">{row.lastError.message}</bdi>
                        </summary>
                        {row.lastError.body ? <pre className="error-body">{row.lastError.body}</pre> : null}
                      </details>
                    ) : null}
                  </td>
                  <td>
                    {row.status === 'dead' ? (
                      <button
                        type="button"
                        className="button button-secondary"
                        disabled={retried.has(row.id)}
                        onClick={() => void retry(row)}
                        data-testid={`delivery-retry-${row.id}`}
                      >
                        {retried.has(row.id) ? t('admin.deliveries.retried') : t('admin.deliveries.retry')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
