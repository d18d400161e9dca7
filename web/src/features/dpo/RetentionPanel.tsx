import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPanel } from '../../ui/index.js';
import { ErrorLine, useApiList, useDateTime, useErrorText } from '../admin/shared.js';
import {
  extendRetention,
  listRetentionDue,
  purgeMessage,
  type RetentionDueRow,
  scanRetention,
} from './api.js';

/** Messages, DVI records and case documents due for their retention review: extend with a reason, or purge. */
export function RetentionPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { rows, error, reload, setError } = useApiList(listRetentionDue, (v) => v.messages, []);
  const scan = async () => {
    const result = await scanRetention();
    if (!result.ok) setError(errorText(result.code, result.message));
    else reload();
  };
  return (
    <ListPanel
      title={t('dpo.retention.title')}
      intro={t('dpo.retention.intro')}
      rows={rows}
      error={error}
      empty={t('dpo.retention.none')}
      toolbar={
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void scan()}
          data-testid="retention-scan"
        >
          {t('dpo.retention.scan')}
        </button>
      }
    >
      {(row) => <RetentionCard key={row.id} row={row} onDone={reload} />}
    </ListPanel>
  );
}

function RetentionCard({ row, onDone }: { row: RetentionDueRow; onDone: () => void }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const errorText = useErrorText();
  const id = useId();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (action: 'extend' | 'purge') => {
    if (reason.trim().length < 5 || (action === 'extend' && !until)) {
      setError(t('dpo.retention.required'));
      return;
    }
    const result =
      action === 'extend'
        ? await extendRetention(row.id, until, reason.trim())
        : await purgeMessage(row.id, reason.trim());
    if (!result.ok) {
      setError(errorText(result.code, result.message));
      return;
    }
    onDone();
  };
  return (
    <article className="card" data-testid={`retention-${row.id}`}>
      <p>
        <strong dir="auto">{row.subject}</strong>{' '}
        <span className="muted">
          {t('dpo.retention.meta', {
            due: row.dueOn,
            partner: row.partner,
            time: dateTime(row.createdAt),
            basis: row.legalBasis ?? '',
          })}
        </span>{' '}
        <span className="badge">{row.handlingCode}</span>
      </p>
      <label htmlFor={`${id}-until`}>{t('dpo.retention.until')}</label>
      <input id={`${id}-until`} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
      <label htmlFor={`${id}-reason`}>{t('dpo.retention.reason')}</label>
      <input id={`${id}-reason`} dir="auto" value={reason} onChange={(e) => setReason(e.target.value)} />
      <ErrorLine text={error} />
      <div className="actions">
        <button type="button" className="button" onClick={() => void act('extend')}>
          {t('dpo.retention.extend')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => void act('purge')}>
          {t('dpo.retention.purge')}
        </button>
      </div>
    </article>
  );
}
