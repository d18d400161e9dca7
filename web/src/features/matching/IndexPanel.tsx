import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from '../admin/shared.js';
import {
  type Holding,
  type IndexStatus,
  indexStatus,
  matchingHoldings,
  matchingReports,
  type PartnerReport,
  rotateMatchingKey,
  withdrawHolding,
} from './api.js';
import { HoldingForm } from './HoldingForm.js';
import { useErrorText } from './use-error-text.js';

function useDate() {
  const { i18n } = useTranslation();
  return (s: string | null) => (s ? new Date(s).toLocaleString(i18n.language) : '—');
}

/** Records registered for matching by the administrator (this node's own files). */
function HoldingsRegister({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const date = useDate();
  const [holdings, setHoldings] = useState<Holding[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () => matchingHoldings().then((r) => (r.ok ? setHoldings(r.value.holdings) : undefined)),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);
  async function onWithdraw(id: string) {
    setError(null);
    const r = await withdrawHolding(id);
    if (r.ok) {
      await load();
      onChanged();
    } else setError(errorText(r.code, r.message));
  }
  return (
    <>
      <h3>{t('matchingModule.holdings.title')}</h3>
      <p>{t('matchingModule.holdings.explain')}</p>
      {holdings.length === 0 ? (
        <p>{t('matchingModule.holdings.none')}</p>
      ) : (
        <table className="table" data-testid="matching-holdings">
          <thead>
            <tr>
              <th>{t('matchingModule.resolve.recordType')}</th>
              <th>{t('matchingModule.holdings.source')}</th>
              <th>{t('matchingModule.policy.crimeAreas')}</th>
              <th>{t('matchingModule.holdings.added')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {holdings.map((h) => (
              <tr key={h.id}>
                <td>{t(`matchingModule.recordTypes.${h.kind}` as 'matchingModule.recordTypes.person')}</td>
                <td dir="auto">{h.source}</td>
                <td>
                  {h.crimeAreas
                    .map((a) => t(`exchange.crimeAreas.${a}` as 'exchange.crimeAreas.other'))
                    .join(', ')}
                </td>
                <td>{`${h.createdBy}, ${date(h.createdAt)}`}</td>
                <td>
                  <button type="button" className="button button-secondary" onClick={() => onWithdraw(h.id)}>
                    {t('matchingModule.holdings.withdraw')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorLine text={error} />
      <HoldingForm
        onAdded={() => {
          void load();
          onChanged();
        }}
      />
    </>
  );
}

/** Checks made and received per partner, quota used today (counts only: never a value). */
function ReportTable({ reports }: { reports: PartnerReport[] }) {
  const { t } = useTranslation();
  const date = useDate();
  return (
    <table className="table" data-testid="matching-report">
      <thead>
        <tr>
          <th>{t('matchingModule.form.partner')}</th>
          <th>{t('matchingModule.report.made')}</th>
          <th>{t('matchingModule.report.received')}</th>
          <th>{t('matchingModule.report.quota')}</th>
          <th>{t('matchingModule.report.last')}</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((p) => (
          <tr key={p.partner} data-testid={`matching-report-${p.partner}`}>
            <td>{p.partner}</td>
            <td>
              {t('matchingModule.report.madeCell', {
                queries: p.made.queries,
                items: p.made.items,
                hits: p.made.hits,
              })}
            </td>
            <td>
              {t('matchingModule.report.receivedCell', {
                queries: p.received.queries,
                items: p.received.items,
                refused: p.received.refused,
              })}
            </td>
            <td dir="ltr">{`${p.evaluationsToday} / ${p.dailyQuota}`}</td>
            <td>{date(p.lastQueryAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * This node's matching index: size by record type (the holdings register), filter size, key
 * age against the rotation schedule with a rotate button (administrator), and the per-partner
 * report of checks made and received.
 */
export function IndexPanel({ canManage, revision }: { canManage: boolean; revision: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const date = useDate();
  const [status, setStatus] = useState<IndexStatus | null>(null);
  const [reports, setReports] = useState<PartnerReport[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Bumped when a holding is registered or withdrawn: the size by record type follows.
  const [holdingsRevision, setHoldingsRevision] = useState(0);
  // `revision` changes when a policy is saved: the report shows the new quota.
  useEffect(() => {
    void revision;
    void holdingsRevision;
    void indexStatus().then((r) => r.ok && setStatus(r.value));
    void matchingReports().then((r) => r.ok && setReports(r.value.partners));
  }, [revision, holdingsRevision]);
  async function onRotate() {
    if (!window.confirm(t('matchingModule.index.rotateConfirm'))) return;
    setBusy(true);
    setError(null);
    const r = await rotateMatchingKey();
    setBusy(false);
    if (r.ok) setStatus(r.value);
    else setError(errorText(r.code, r.message));
  }
  const overdue = status?.keyAgeDays != null && status.keyAgeDays >= status.rotationDays;
  return (
    <section className="panel" aria-labelledby="match-index-heading" data-testid="matching-index">
      <h2 id="match-index-heading">{t('matchingModule.index.title')}</h2>
      {status ? (
        <dl className="facts">
          <dt>{t('matchingModule.index.records')}</dt>
          <dd>{status.records}</dd>
          <dt>{t('matchingModule.index.byType')}</dt>
          <dd data-testid="matching-records-by-type">
            {Object.entries(status.recordsByType)
              .map(
                ([type, n]) =>
                  `${t(`matchingModule.recordTypes.${type}` as 'matchingModule.recordTypes.person')}: ${n}`,
              )
              .join(', ') || '—'}
          </dd>
          <dt>{t('matchingModule.index.tokens')}</dt>
          <dd>{status.tokens}</dd>
          <dt>{t('matchingModule.index.filterSize')}</dt>
          <dd>
            {t('matchingModule.index.bytes', { bytes: status.filterBytes, perRecord: status.bytesPerRecord })}
          </dd>
          <dt>{t('matchingModule.index.lastRefresh')}</dt>
          <dd>{date(status.lastRefreshAt)}</dd>
          <dt>{t('matchingModule.index.keyAge')}</dt>
          <dd data-testid="matching-key-age">
            {t('matchingModule.index.days', {
              days: status.keyAgeDays ?? 0,
              rotation: status.rotationDays,
              epoch: status.epoch,
            })}{' '}
            {t('matchingModule.index.keyCreated', { date: date(status.keyCreatedAt) })}
            {overdue ? <strong> {t('matchingModule.index.rotationDue')}</strong> : null}
          </dd>
        </dl>
      ) : null}
      {canManage ? (
        <p>
          <button type="button" className="button button-secondary" onClick={onRotate} disabled={busy}>
            {t('matchingModule.index.rotate')}
          </button>{' '}
          <small>{t('matchingModule.index.rotateExplain')}</small>
        </p>
      ) : null}
      <ErrorLine text={error} />
      <h3>{t('matchingModule.report.title')}</h3>
      <p>{t('matchingModule.report.explain')}</p>
      <ReportTable reports={reports} />
      {canManage ? <HoldingsRegister onChanged={() => setHoldingsRevision((n) => n + 1)} /> : null}
    </section>
  );
}
