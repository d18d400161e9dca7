import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FingerprintView,
  getNodeCard,
  importPartner,
  listPartners,
  type PartnerView,
  revokePartner,
  rotateNodeKeys,
  verifyPartner,
} from './api.js';
import { fingerprintGroups } from './fingerprint.js';
import { ErrorLine, useDateTime, useErrorText } from './shared.js';

/** Pairing: this node's fingerprint, importing partner cards, verifying them by phone, revoking. */
export function PartnersPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [partners, setPartners] = useState<PartnerView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await listPartners();
    if (result.ok) {
      setPartners(result.value.partners ?? []);
      setError(null);
    } else setError(errorText(result.code, result.message));
  }, [errorText]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once; errorText changes with the language only
  useEffect(() => {
    void load();
  }, []);

  return (
    <>
      <OwnCard />
      <ImportPartner onImported={load} />
      <section className="panel" aria-labelledby="partners-heading">
        <h2 id="partners-heading">{t('admin.partners.listTitle')}</h2>
        <ErrorLine text={error} />
        {partners === null && !error ? <p className="notice">{t('app.loading')}</p> : null}
        {partners !== null && partners.length === 0 ? (
          <p className="notice">{t('admin.partners.none')}</p>
        ) : null}
        {partners !== null && partners.length > 0 ? (
          <ul className="partner-list" data-testid="partner-list">
            {partners.map((partner) => (
              <PartnerRow key={partner.nodeId} partner={partner} onChanged={load} />
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}

/** A fingerprint in large groups, numbered so both sides can follow when reading aloud. */
export function FingerprintGroups({ value, testId }: { value: string; testId?: string }) {
  return (
    <ol className="fingerprint" dir="ltr" data-testid={testId} data-fingerprint={value}>
      {fingerprintGroups(value).map((group, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: groups are positional
        <li key={index}>
          <span className="fingerprint-index" aria-hidden="true">
            {index + 1}
          </span>
          <span className="fingerprint-group">{group}</span>
        </li>
      ))}
    </ol>
  );
}

function OwnCard() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [card, setCard] = useState<{ cardJws: string; fingerprint: FingerprintView } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);

  const loadCard = useCallback(async () => {
    const result = await getNodeCard();
    if (result.ok) {
      setCard({ cardJws: result.value.cardJws, fingerprint: result.value.fingerprint });
      setError(null);
    } else setError(errorText(result.code, result.message));
  }, [errorText]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once
  useEffect(() => {
    void loadCard();
  }, []);

  const copy = async () => {
    if (!card) return;
    try {
      await navigator.clipboard.writeText(card.cardJws);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="panel own-card" aria-labelledby="own-card-heading">
      <h2 id="own-card-heading">{t('admin.partners.ownTitle')}</h2>
      <p>{t('admin.partners.ownIntro')}</p>
      <ErrorLine text={error} />
      {card ? (
        <div data-testid="own-fingerprint">
          <h3>{t('admin.partners.fingerprintText')}</h3>
          <FingerprintGroups value={card.fingerprint.text} testId="own-fingerprint-text" />
          <h3>{t('admin.partners.fingerprintNumeric')}</h3>
          <FingerprintGroups value={card.fingerprint.numeric} testId="own-fingerprint-numeric" />
          <p className="actions">
            <button
              type="button"
              className="button button-primary"
              data-testid="copy-card"
              onClick={() => void copy()}
            >
              {t('admin.partners.copyCard')}
            </button>
            <a
              className="button button-secondary"
              download="node-card.jws"
              href={`data:application/jose;charset=utf-8,${encodeURIComponent(card.cardJws)}`}
              data-testid="download-card"
            >
              {t('admin.partners.downloadCard')}
            </a>
            {copied ? (
              <output className="muted">
                {copied === 'copied' ? t('admin.partners.copied') : t('admin.partners.copyFailed')}
              </output>
            ) : null}
          </p>
          {copied === 'failed' ? (
            <textarea
              className="mono card-jws"
              readOnly
              value={card.cardJws}
              rows={4}
              dir="ltr"
              aria-label={t('admin.partners.cardJws')}
            />
          ) : null}
        </div>
      ) : null}
      <RotateKeys onRotated={loadCard} />
    </section>
  );
}

/** Rotating this node's keys, behind a confirmation step that says what partners will see. */
function RotateKeys({ onRotated }: { onRotated: () => Promise<void> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ fingerprint: string; pushed: Record<string, number> } | null>(null);

  const onConfirm = async () => {
    setBusy(true);
    setError(null);
    const answer = await rotateNodeKeys();
    setBusy(false);
    if (!answer.ok) {
      setError(errorText(answer.code, answer.message));
      return;
    }
    setConfirming(false);
    setResult(answer.value);
    await onRotated();
  };

  const pushed = Object.entries(result?.pushed ?? {});
  return (
    <div className="rotate-keys">
      <h3 id={`${id}-heading`}>{t('admin.rotate.title')}</h3>
      <p>{t('admin.rotate.intro')}</p>
      {!confirming ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setConfirming(true);
            setResult(null);
            setError(null);
          }}
          data-testid="rotate-keys"
        >
          {t('admin.rotate.start')}
        </button>
      ) : (
        <div className="confirm-box" data-testid="rotate-keys-confirm-box">
          <p>
            <strong>{t('admin.rotate.confirmTitle')}</strong>
          </p>
          <ul>
            <li>{t('admin.rotate.confirmPush')}</li>
            <li>{t('admin.rotate.confirmTrust')}</li>
            <li>{t('admin.rotate.confirmFingerprint')}</li>
          </ul>
          <div className="actions">
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => void onConfirm()}
              data-testid="rotate-keys-confirm"
            >
              {busy ? t('admin.rotate.rotating') : t('admin.rotate.confirm')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => setConfirming(false)}
              data-testid="rotate-keys-cancel"
            >
              {t('admin.rotate.cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorLine text={error} testId="rotate-keys-error" />
      {result ? (
        <div className="notice notice-ok" aria-live="polite" data-testid="rotate-keys-result">
          <p>{t('admin.rotate.done')}</p>
          <p>
            {t('admin.rotate.newFingerprint')}{' '}
            <bdi className="mono" data-testid="rotate-keys-fingerprint">
              {result.fingerprint}
            </bdi>
          </p>
          {pushed.length === 0 ? <p>{t('admin.rotate.noPartners')}</p> : null}
          {pushed.length > 0 ? (
            <ul className="rotate-pushed">
              {pushed.map(([nodeId, status]) => (
                <li key={nodeId} data-testid={`rotate-keys-pushed-${nodeId}`} data-status={status}>
                  <bdi className="mono">{nodeId}</bdi>
                  {status === 200
                    ? t('admin.rotate.accepted')
                    : status === 0
                      ? t('admin.rotate.unreachable')
                      : t('admin.rotate.refused', { status })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

type ImportMode = 'paste' | 'file' | 'url';

function ImportPartner({ onImported }: { onImported: () => Promise<void> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [mode, setMode] = useState<ImportMode>('paste');
  const [jws, setJws] = useState('');
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<PartnerView | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setJws((await file.text()).trim());
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setImported(null);
    const source = mode === 'url' ? { url: url.trim() } : { cardJws: jws.trim() };
    if (('url' in source ? source.url : source.cardJws) === '') {
      setError(t('admin.partners.importEmpty'));
      return;
    }
    setBusy(true);
    const result = await importPartner(source);
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.code, result.message));
      return;
    }
    setImported(result.value.partner ?? null);
    setJws('');
    setUrl('');
    await onImported();
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('admin.partners.importTitle')}</h2>
      <p>{t('admin.partners.importIntro')}</p>
      <form onSubmit={onSubmit} data-testid="partner-import">
        <fieldset className="segmented">
          <legend>{t('admin.partners.importFrom')}</legend>
          {(['paste', 'file', 'url'] as const).map((candidate) => (
            <label key={candidate} className="check">
              <input
                type="radio"
                name={`${id}-mode`}
                value={candidate}
                checked={mode === candidate}
                onChange={() => setMode(candidate)}
                data-testid={`partner-import-mode-${candidate}`}
              />
              {t(`admin.partners.importMode.${candidate}`)}
            </label>
          ))}
        </fieldset>
        {mode === 'paste' ? (
          <div className="field">
            <label htmlFor={`${id}-jws`}>{t('admin.partners.cardJws')}</label>
            <textarea
              id={`${id}-jws`}
              className="mono"
              rows={4}
              dir="ltr"
              value={jws}
              onChange={(event) => setJws(event.target.value)}
              data-testid="partner-import-jws"
            />
          </div>
        ) : null}
        {mode === 'file' ? (
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('admin.partners.cardFile')}</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".jws,.txt,.json,application/jose"
              onChange={(event) => void onFile(event.target.files?.[0])}
              data-testid="partner-import-file"
            />
            {jws ? <p className="muted">{t('admin.partners.fileRead', { count: jws.length })}</p> : null}
          </div>
        ) : null}
        {mode === 'url' ? (
          <div className="field">
            <label htmlFor={`${id}-url`}>{t('admin.partners.cardUrl')}</label>
            <input
              id={`${id}-url`}
              type="url"
              dir="ltr"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              placeholder="https://"
              data-testid="partner-import-url"
            />
          </div>
        ) : null}
        <button
          type="submit"
          className="button button-primary"
          disabled={busy}
          data-testid="partner-import-submit"
        >
          {busy ? t('admin.partners.importing') : t('admin.partners.import')}
        </button>
        <ErrorLine text={error} testId="partner-import-error" />
        {imported ? (
          <output className="notice" data-testid="partner-import-done">
            {t('admin.partners.imported', { agency: imported.agency, nodeId: imported.nodeId })}
          </output>
        ) : null}
      </form>
    </section>
  );
}

function PartnerRow({ partner, onChanged }: { partner: PartnerView; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const [open, setOpen] = useState<'verify' | 'revoke' | null>(null);
  return (
    <li
      className={`partner-row partner-${partner.status}`}
      data-testid={`partner-row-${partner.nodeId}`}
      data-status={partner.status}
    >
      <div className="partner-head">
        <strong>{partner.agency}</strong> <bdi className="mono">{partner.nodeId}</bdi>{' '}
        <span className="muted">{partner.country}</span>
        <span className={`status-badge status-${partner.status}`}>
          {t(`admin.partners.status.${partner.status}`)}
        </span>
      </div>
      <dl className="partner-fields">
        <dt>{t('admin.partners.endpoint')}</dt>
        <dd>
          <bdi className="mono">{partner.endpoint}</bdi>
        </dd>
        <dt>{t('admin.partners.importedAt')}</dt>
        <dd>{dateTime(partner.importedAt)}</dd>
        {partner.verifiedAt ? (
          <>
            <dt>{t('admin.partners.verifiedAt')}</dt>
            <dd>
              {t('admin.partners.verifiedBy', {
                time: dateTime(partner.verifiedAt),
                user: partner.verifiedBy ?? '',
              })}
            </dd>
          </>
        ) : null}
        {partner.revokedAt ? (
          <>
            <dt>{t('admin.partners.revokedAt')}</dt>
            <dd>
              {dateTime(partner.revokedAt)} <q dir="auto">{partner.revocationReason}</q>
            </dd>
          </>
        ) : null}
        {partner.cardValidUntil ? (
          <>
            <dt>{t('admin.partners.validUntil')}</dt>
            <dd>{dateTime(partner.cardValidUntil)}</dd>
          </>
        ) : null}
        <dt>{t('admin.partners.deliveries')}</dt>
        <dd>
          {t('admin.partners.deliveryCounts', { queued: partner.queued, dead: partner.dead })}
          {partner.lastDeliveredAt
            ? ` · ${t('admin.partners.lastDelivered', { time: dateTime(partner.lastDeliveredAt) })}`
            : ''}
        </dd>
        {partner.status === 'verified' ? (
          <>
            <dt>{t('admin.partners.fingerprint')}</dt>
            <dd>
              <bdi className="mono">{partner.fingerprint.text}</bdi>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="actions">
        {partner.status === 'pending' ? (
          <button
            type="button"
            className="button button-primary"
            data-testid={`partner-verify-${partner.nodeId}`}
            aria-expanded={open === 'verify'}
            onClick={() => setOpen(open === 'verify' ? null : 'verify')}
          >
            {t('admin.partners.verify')}
          </button>
        ) : null}
        {partner.status !== 'revoked' ? (
          <button
            type="button"
            className="button button-secondary"
            data-testid={`partner-revoke-${partner.nodeId}`}
            aria-expanded={open === 'revoke'}
            onClick={() => setOpen(open === 'revoke' ? null : 'revoke')}
          >
            {t('admin.partners.revoke')}
          </button>
        ) : null}
      </div>
      {open === 'verify' ? <VerifyForm partner={partner} onDone={onChanged} /> : null}
      {open === 'revoke' ? <RevokeForm partner={partner} onDone={onChanged} /> : null}
    </li>
  );
}

function VerifyForm({ partner, onDone }: { partner: PartnerView; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; text: string } | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim() === '') return;
    setBusy(true);
    setError(null);
    const result = await verifyPartner(partner.nodeId, typed.trim());
    setBusy(false);
    if (!result.ok) {
      setError({ code: result.code, text: errorText(result.code, result.message) });
      return;
    }
    await onDone();
  };

  return (
    <form className="verify-form" onSubmit={onSubmit}>
      {/* The partner's fingerprint is not shown here: the point is to hear it from the partner. */}
      <ol className="steps">
        <li>{t('admin.partners.verifyStep1', { agency: partner.agency })}</li>
        <li>{t('admin.partners.verifyStep2')}</li>
        <li>{t('admin.partners.verifyStep3')}</li>
      </ol>
      <label htmlFor={id}>{t('admin.partners.verifyInput')}</label>
      <input
        id={id}
        className="mono fingerprint-input"
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        data-testid={`partner-verify-input-${partner.nodeId}`}
      />
      <button
        type="submit"
        className="button button-primary"
        disabled={busy}
        data-testid={`partner-verify-submit-${partner.nodeId}`}
      >
        {t('admin.partners.verifySubmit')}
      </button>
      {error ? (
        <div
          className={`alert${error.code === 'fingerprint_mismatch' ? ' alert-danger' : ''}`}
          role="alert"
          data-testid={`partner-verify-error-${partner.nodeId}`}
          data-code={error.code}
        >
          <p>
            <strong>{error.text}</strong>
          </p>
          {error.code === 'fingerprint_mismatch' ? <p>{t('admin.partners.mismatchAdvice')}</p> : null}
        </div>
      ) : null}
    </form>
  );
}

function RevokeForm({ partner, onDone }: { partner: PartnerView; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError(t('admin.partners.revokeReasonRequired'));
      return;
    }
    setBusy(true);
    const result = await revokePartner(partner.nodeId, reason.trim());
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.code, result.message));
      return;
    }
    await onDone();
  };
  return (
    <form className="revoke-form" onSubmit={onSubmit}>
      <p>{t('admin.partners.revokeWarning', { agency: partner.agency })}</p>
      <label htmlFor={id}>{t('admin.partners.revokeReason')}</label>
      <textarea
        id={id}
        rows={2}
        dir="auto"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        data-testid={`partner-revoke-reason-${partner.nodeId}`}
      />
      <button
        type="submit"
        className="button button-danger"
        disabled={busy}
        data-testid={`partner-revoke-submit-${partner.nodeId}`}
      >
        {t('admin.partners.revokeSubmit')}
      </button>
      <ErrorLine text={error} />
    </form>
  );
}
