import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPanel } from '../../ui/index.js';
import { ErrorLine, useApiList, useDateTime, useErrorText } from '../admin/shared.js';
import { type ConsentRequestView, listConsentRequests, replyConsent } from './onward-api.js';

/**
 * Consent to onward transmission: partners' requests to pass on data this node provided
 * (grant with conditions, or refuse) and this node's own requests to providers, with their
 * answers.
 */
export function ConsentRequestsView() {
  const { t } = useTranslation();
  const id = useId();
  const { rows, error, reload } = useApiList(listConsentRequests, (v) => v.requests, []);
  const incoming = rows?.filter((r) => r.direction === 'in') ?? [];
  const outgoing = rows?.filter((r) => r.direction === 'out') ?? [];
  return (
    <div className="consent-requests" data-testid="consent-requests">
      <ListPanel
        title={t('onward.consent.incomingTitle')}
        intro={t('onward.consent.incomingIntro')}
        rows={rows === null ? null : incoming}
        error={error}
        empty={t('onward.consent.none')}
      >
        {(r) => <IncomingRequest key={r.id} request={r} onDone={reload} />}
      </ListPanel>
      <section className="panel" aria-labelledby={`${id}-out`}>
        <h2 id={`${id}-out`}>{t('onward.consent.outgoingTitle')}</h2>
        {rows !== null && outgoing.length === 0 ? <p className="notice">{t('onward.consent.none')}</p> : null}
        {outgoing.length > 0 ? (
          <table className="data-table" data-testid="consent-outgoing">
            <thead>
              <tr>
                <th scope="col">{t('onward.consent.message')}</th>
                <th scope="col">{t('onward.consent.provider')}</th>
                <th scope="col">{t('onward.consent.recipient')}</th>
                <th scope="col">{t('onward.consent.status')}</th>
                <th scope="col">{t('onward.consent.conditions')}</th>
              </tr>
            </thead>
            <tbody>
              {outgoing.map((r) => (
                <tr key={r.id} data-testid={`consent-out-${r.id}`}>
                  <td>
                    <code>{r.messageId}</code>
                  </td>
                  <td>{r.partner}</td>
                  <td>{r.recipient}</td>
                  <td data-testid="consent-status">{t(`onward.status.${r.status}`)}</td>
                  <td dir="auto">{r.conditions ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}

function IncomingRequest({ request, onDone }: { request: ConsentRequestView; onDone: () => void }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const errorText = useErrorText();
  const id = useId();
  const [conditions, setConditions] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const answer = async (granted: boolean) => {
    setBusy(true);
    setError(null);
    const result = await replyConsent(request.id, granted, conditions);
    setBusy(false);
    if (!result.ok) setError(errorText(result.code, result.message));
    else onDone();
  };
  return (
    <article className="card" data-testid={`consent-in-${request.id}`}>
      <p>
        {t('onward.consent.asks', {
          partner: `\u2068${request.partner}\u2069`,
          recipient: `\u2068${request.recipient}\u2069`,
        })}
      </p>
      <dl className="message-fields">
        <dt>{t('onward.consent.message')}</dt>
        <dd>
          <code>{request.messageId}</code>
        </dd>
        <dt>{t('onward.consent.purpose')}</dt>
        <dd dir="auto">{request.purpose}</dd>
        <dt>{t('onward.consent.asked')}</dt>
        <dd>{dateTime(request.createdAt)}</dd>
        <dt>{t('onward.consent.status')}</dt>
        <dd data-testid="consent-status">
          {request.status === 'pending'
            ? t('onward.consent.awaitingUs')
            : t(`onward.status.${request.status}`)}
        </dd>
        {request.conditions ? (
          <>
            <dt>{t('onward.consent.conditions')}</dt>
            <dd dir="auto">{request.conditions}</dd>
          </>
        ) : null}
      </dl>
      {request.status === 'pending' ? (
        <div className="form-row">
          <label htmlFor={`${id}-conditions`}>{t('onward.consent.conditionsLabel')}</label>
          <textarea
            id={`${id}-conditions`}
            dir="auto"
            value={conditions}
            onChange={(e) => setConditions(e.target.value)}
            data-testid="consent-conditions"
          />
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void answer(true)}
              data-testid="consent-grant"
            >
              {t('onward.consent.grant')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => void answer(false)}
              data-testid="consent-refuse"
            >
              {t('onward.consent.refuse')}
            </button>
          </div>
        </div>
      ) : null}
      <ErrorLine text={error} testId="consent-error" />
    </article>
  );
}
