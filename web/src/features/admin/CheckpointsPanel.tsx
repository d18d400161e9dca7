import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CheckpointRow,
  type CheckpointVerification,
  listCheckpoints,
  listPartners,
  type PartnerView,
  publishCheckpoint,
  verifyCheckpoints,
} from './api.js';
import { ErrorLine, useApiList, useDateTime, useErrorText } from './shared.js';

const PROBLEMS = ['missingEntry', 'hashMismatch', 'badSignature', 'unknownKey'] as const;
type KnownProblem = (typeof PROBLEMS)[number];
function isKnownProblem(value: string): value is KnownProblem {
  return (PROBLEMS as readonly string[]).includes(value);
}

/** First 16 characters of a hash; the full value goes in the title. */
function HashCell({ hash }: { hash: string }) {
  return (
    <code dir="ltr" title={hash}>
      {hash.length > 16 ? `${hash.slice(0, 16)}…` : hash}
    </code>
  );
}

/**
 * Signed audit checkpoints: the node signs the head of its hash chain and sends it to every verified
 * partner, who keeps it. Comparing the chain with those copies exposes a rewritten history even when
 * every hash was recomputed.
 */
export function CheckpointsPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const dateTime = useDateTime();
  const id = useId();
  const [partners, setPartners] = useState<PartnerView[]>([]);
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState<'publish' | 'verify' | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [published, setPublished] = useState<CheckpointRow | null>(null);
  const [verification, setVerification] = useState<CheckpointVerification | null>(null);

  useEffect(() => {
    void listPartners().then((result) => {
      if (result.ok) setPartners((result.value.partners ?? []).filter((p) => p.status !== 'pending'));
    });
  }, []);

  const {
    rows,
    error: listError,
    reload: reloadList,
  } = useApiList(
    () => listCheckpoints(source || null),
    (v) => v.checkpoints,
    [source],
  );

  const onPublish = async () => {
    setBusy('publish');
    setActionError(null);
    setPublished(null);
    const result = await publishCheckpoint();
    setBusy(null);
    if (!result.ok) {
      setActionError(errorText(result.code, result.message));
      return;
    }
    setPublished(result.value.checkpoint);
    if (source === '') reloadList();
  };

  const onVerify = async () => {
    setBusy('verify');
    setActionError(null);
    setVerification(null);
    const result = await verifyCheckpoints(true);
    setBusy(null);
    if (!result.ok) {
      setActionError(errorText(result.code, result.message));
      return;
    }
    setVerification(result.value);
  };

  const sourceName = (value: string) =>
    value === 'own'
      ? t('admin.checkpoints.sourceOwn')
      : t('admin.checkpoints.sourcePartner', { nodeId: value });
  const problemText = (problem: string) =>
    isKnownProblem(problem) ? t(`admin.checkpoints.problems.${problem}`) : problem;
  const partnerEntries = Object.entries(verification?.partners ?? {});

  return (
    <section className="panel checkpoints" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('admin.checkpoints.title')}</h2>
      <p>{t('admin.checkpoints.intro')}</p>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void onPublish()}
          disabled={busy !== null}
          data-testid="checkpoint-publish"
        >
          {busy === 'publish' ? t('admin.checkpoints.publishing') : t('admin.checkpoints.publish')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void onVerify()}
          disabled={busy !== null}
          data-testid="checkpoint-verify"
        >
          {busy === 'verify' ? t('admin.checkpoints.verifying') : t('admin.checkpoints.verify')}
        </button>
      </div>
      <ErrorLine text={actionError} testId="checkpoint-error" />
      {published ? (
        <output className="notice notice-ok" data-testid="checkpoint-published" data-seq={published.seq}>
          {t('admin.checkpoints.published', { seq: published.seq, time: dateTime(published.at) })}{' '}
          <HashCell hash={published.hash} />
        </output>
      ) : null}
      {verification ? (
        <div
          className={
            verification.ok ? 'notice notice-ok checkpoint-result' : 'alert alert-danger checkpoint-result'
          }
          role={verification.ok ? 'status' : 'alert'}
          data-testid="checkpoint-verify-result"
          data-ok={String(verification.ok)}
        >
          {verification.ok ? (
            <p>
              <strong>{t('admin.checkpoints.ok', { count: verification.checked })}</strong>
            </p>
          ) : (
            <>
              <p className="checkpoint-alarm">
                {t('admin.checkpoints.notOk', { count: verification.checked })}
              </p>
              <p>{t('admin.checkpoints.notOkAdvice')}</p>
            </>
          )}
          {partnerEntries.length > 0 ? (
            <>
              <h3>{t('admin.checkpoints.partnersTitle')}</h3>
              <ul className="checkpoint-partners" data-testid="checkpoint-partners">
                {partnerEntries.map(([nodeId, held]) => (
                  <li key={nodeId} data-testid={`checkpoint-partner-${nodeId}`}>
                    <bdi className="mono">{nodeId}</bdi>
                    {held.error
                      ? t('admin.checkpoints.partnerError', { error: held.error })
                      : t('admin.checkpoints.partnerHeld', { count: held.held })}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('admin.checkpoints.noPartners')}</p>
          )}
          {verification.findings.length > 0 ? (
            <>
              <h3>{t('admin.checkpoints.findingsTitle')}</h3>
              <ul className="checkpoint-findings" data-testid="checkpoint-findings">
                {verification.findings.map((finding) => (
                  <li
                    key={`${finding.source}-${finding.seq}-${finding.hash}-${finding.problem}`}
                    data-problem={finding.problem}
                  >
                    <strong>{problemText(finding.problem)}</strong>{' '}
                    {t('admin.checkpoints.findingAt', {
                      seq: finding.seq,
                      source: sourceName(finding.source),
                    })}{' '}
                    <HashCell hash={finding.hash} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      <h3>{t('admin.checkpoints.listTitle')}</h3>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-source`}>{t('admin.checkpoints.source')}</label>
          <select
            id={`${id}-source`}
            value={source}
            onChange={(event) => setSource(event.target.value)}
            data-testid="checkpoint-source"
          >
            <option value="">{t('admin.checkpoints.sourceOwn')}</option>
            {partners.map((partner) => (
              <option key={partner.nodeId} value={partner.nodeId}>
                {`${partner.agency} (${partner.nodeId})`}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorLine text={listError} />
      {rows === null && !listError ? <p className="notice">{t('app.loading')}</p> : null}
      {rows !== null && rows.length === 0 ? (
        <p className="notice" data-testid="checkpoint-list-empty">
          {t('admin.checkpoints.none')}
        </p>
      ) : null}
      {rows !== null && rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="checkpoint-list">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('admin.audit.hash')}</th>
                <th scope="col">{t('admin.checkpoints.signedAt')}</th>
                <th scope="col">{t('admin.checkpoints.receivedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.nodeId}-${row.seq}-${row.hash}`} data-testid={`checkpoint-row-${row.seq}`}>
                  <td>{row.seq}</td>
                  <td>
                    <HashCell hash={row.hash} />
                  </td>
                  <td>{dateTime(row.at)}</td>
                  <td>{row.receivedAt ? dateTime(row.receivedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
