import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine, useApiList, useErrorText } from '../admin/shared.js';
import { listPartners } from './api.js';
import {
  askConsent,
  CONSENT_HANDLING_CODES,
  forwardMessage,
  listConsentRequests,
  NEVER_ONWARD_TLP,
} from './onward-api.js';
import type { MessageDetail } from './types.js';

/**
 * Passing a received message on to another partner, with the provider's markings. Under H2
 * and H3 the provider's consent for that recipient comes first (asked here, answered on the
 * provider's node); TLP:RED and AMBER+STRICT never go on.
 */
export function OnwardPanel({ message }: { message: MessageDetail }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const partners = useApiList(listPartners, (v) => v.partners, [open]);
  const consents = useApiList(listConsentRequests, (v) => v.requests, [open]);
  const provider = message.partner;
  if (message.tlp && NEVER_ONWARD_TLP.includes(message.tlp)) {
    return (
      <p className="notice" data-testid="onward-forbidden">
        {t('onward.forbidden', { tlp: message.tlp })}
      </p>
    );
  }
  const needsConsent = CONSENT_HANDLING_CODES.includes(message.handlingCode ?? '');
  const consent = consents.rows?.find(
    (r) => r.direction === 'out' && r.messageId === message.id && r.recipient === recipient,
  );
  const mayForward = recipient !== '' && (!needsConsent || consent?.status === 'granted');
  const act = async (action: 'ask' | 'forward') => {
    setBusy(true);
    setError(null);
    setDone(null);
    const result =
      action === 'ask'
        ? await askConsent(message.id, recipient, purpose.trim())
        : await forwardMessage(message.id, recipient);
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.code, result.message));
      return;
    }
    setDone(t(action === 'ask' ? 'onward.asked' : 'onward.forwarded', { recipient }));
    consents.reload();
  };
  return (
    <div className="onward" data-testid={`onward-${message.id}`}>
      <button
        type="button"
        className="button button-secondary"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="onward-toggle"
      >
        {t('onward.toggle')}
      </button>
      {open ? (
        <div className="onward-form">
          <p className="muted">
            {t(needsConsent ? 'onward.needsConsent' : 'onward.noConsentNeeded', {
              code: message.handlingCode ?? '—',
              provider: `\u2068${provider}\u2069`,
            })}
          </p>
          <label htmlFor={`${id}-recipient`}>{t('onward.recipient')}</label>
          <select
            id={`${id}-recipient`}
            value={recipient}
            onChange={(e) => setRecipient(e.target.value)}
            data-testid="onward-recipient"
          >
            <option value="">{t('onward.choose')}</option>
            {partners.rows
              ?.filter((p) => p.status === 'verified' && p.nodeId !== provider)
              .map((p) => (
                <option key={p.nodeId} value={p.nodeId}>
                  {p.agency ? `${p.agency} (${p.nodeId})` : p.nodeId}
                </option>
              ))}
          </select>
          {needsConsent && recipient ? (
            <p data-testid="onward-consent-state">
              {consent
                ? t('onward.consentState', { status: t(`onward.status.${consent.status}`) })
                : t('onward.consentMissing')}
              {consent?.conditions ? ` — ${consent.conditions}` : ''}
            </p>
          ) : null}
          {needsConsent && recipient && (!consent || consent.status === 'refused') ? (
            <>
              <label htmlFor={`${id}-purpose`}>{t('onward.purpose')}</label>
              <textarea
                id={`${id}-purpose`}
                dir="auto"
                value={purpose}
                onChange={(e) => setPurpose(e.target.value)}
                data-testid="onward-purpose"
              />
              <button
                type="button"
                className="button button-secondary"
                disabled={busy || purpose.trim() === ''}
                onClick={() => void act('ask')}
                data-testid="onward-ask"
              >
                {t('onward.ask')}
              </button>
            </>
          ) : null}
          <button
            type="button"
            className="button button-primary"
            disabled={busy || !mayForward}
            onClick={() => void act('forward')}
            data-testid="onward-forward"
          >
            {t('onward.forward')}
          </button>
          <ErrorLine text={error ?? partners.error ?? consents.error} testId="onward-error" />
          {done ? (
            <output className="notice" data-testid="onward-done">
              {done}
            </output>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
