import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { listNotifications, markNotificationRead, type NotificationRow } from './api.js';
import { ErrorLine, useApiList, useDateTime, useErrorText } from './shared.js';

/** Notifications for administrators (dead letters, partner events), unread first in weight. */
export function NotificationsPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const dateTime = useDateTime();
  const id = useId();
  const { rows, error, setRows, setError } = useApiList(listNotifications, (v) => v.notifications, []);

  const markRead = async (row: NotificationRow) => {
    const result = await markNotificationRead(row.id);
    if (!result.ok) {
      setError(errorText(result.code, result.message));
      return;
    }
    setRows(
      (list) =>
        list?.map((item) => (item.id === row.id ? { ...item, readAt: new Date().toISOString() } : item)) ??
        null,
    );
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('admin.notifications.title')}</h2>
      <ErrorLine text={error} />
      {rows === null && !error ? <p className="notice">{t('app.loading')}</p> : null}
      {rows !== null && rows.length === 0 ? <p className="notice">{t('admin.notifications.none')}</p> : null}
      {rows !== null && rows.length > 0 ? (
        <ul className="notification-list" data-testid="notification-list">
          {rows.map((row) => (
            <li
              key={row.id}
              className={row.readAt ? 'read' : 'unread'}
              data-testid={`notification-${row.id}`}
            >
              <p>
                <strong dir="auto">{row.title}</strong> <span className="muted">{dateTime(row.at)}</span>{' '}
                <span className="badge">{row.kind}</span>
              </p>
              {row.detail ? <p dir="auto">{row.detail}</p> : null}
              {row.readAt ? (
                <p className="muted">{t('admin.notifications.readAt', { time: dateTime(row.readAt) })}</p>
              ) : (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void markRead(row)}
                  data-testid={`notification-read-${row.id}`}
                >
                  {t('admin.notifications.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
