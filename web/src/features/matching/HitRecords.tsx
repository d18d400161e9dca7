import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from '../admin/shared.js';
import { type FollowUpRecords, followUpRecords, type HitRecord, resolveHit } from './api.js';
import { useErrorText } from './use-error-text.js';

/** A short line naming the record: its names, number or identifiers, as the holder has them. */
function summarise(entity: Record<string, unknown>): string {
  const names = entity.names as Array<{ full?: string }> | undefined;
  const parts = [
    names
      ?.map((n) => n.full)
      .filter(Boolean)
      .join(' / '),
    entity.number,
    entity.issuingCountry,
    entity.imo && `IMO ${entity.imo}`,
    entity.mmsi && `MMSI ${entity.mmsi}`,
    entity.iban,
    (entity.datesOfBirth as string[] | undefined)?.join(', '),
  ];
  return parts.filter((p) => typeof p === 'string' && p.length > 0).join(' · ');
}

/** What one hit reference points at on this node. */
function HitRecordFacts({ record }: { record: HitRecord }) {
  const { t } = useTranslation();
  return (
    <dl className="facts" data-testid="matching-record">
      <dt>{t('matchingModule.resolve.recordType')}</dt>
      <dd>
        {t(`matchingModule.recordTypes.${record.recordType}` as 'matchingModule.recordTypes.person')}{' '}
        <code dir="ltr">{record.hitRef}</code>
      </dd>
      <dt>{t('matchingModule.resolve.record')}</dt>
      <dd dir="auto" data-testid="matching-record-summary">
        {record.entity ? summarise(record.entity) || JSON.stringify(record.entity) : '—'}
      </dd>
      <dt>{t('matchingModule.resolve.source')}</dt>
      <dd dir="ltr">{`${record.source} ${record.sourceId} / ${record.entityId}`}</dd>
      <dt>{t('matchingModule.resolve.current')}</dt>
      <dd>{record.current ? t('matchingModule.resolve.yes') : t('matchingModule.resolve.no')}</dd>
    </dl>
  );
}

/** The holder's side: which of this node's records a partner's hit reference points at. */
export function ResolvePanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [ref, setRef] = useState('');
  const [partner, setPartner] = useState('');
  const [records, setRecords] = useState<HitRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setRecords(null);
    const r = await resolveHit(ref.trim(), partner.trim());
    if (r.ok) setRecords(r.value.records);
    else setError(errorText(r.code, r.message, r.details));
  }
  return (
    <section className="panel" aria-labelledby="match-resolve-heading">
      <h2 id="match-resolve-heading">{t('matchingModule.resolve.title')}</h2>
      <p>{t('matchingModule.resolve.explain')}</p>
      <form onSubmit={onSubmit} data-testid="matching-resolve">
        <div className="field">
          <label htmlFor="mr-ref">{t('matchingModule.resolve.ref')}</label>
          <input
            id="mr-ref"
            dir="ltr"
            placeholder="MX-…"
            value={ref}
            onChange={(e) => setRef(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="mr-partner">{t('matchingModule.resolve.partner')}</label>
          <input
            id="mr-partner"
            dir="ltr"
            placeholder="pk-fia"
            value={partner}
            onChange={(e) => setPartner(e.target.value)}
            required
          />
        </div>
        <button type="submit" className="button button-secondary">
          {t('matchingModule.resolve.submit')}
        </button>
      </form>
      <ErrorLine text={error} />
      {records?.map((r) => (
        <HitRecordFacts key={r.hitRef} record={r} />
      ))}
    </section>
  );
}

/**
 * Shown on a partner's follow-up rfi (the exchange's message view): the record(s) of this
 * node its hit reference points at, so that the officer decides what to disclose. Shows a
 * refusal when the record lies outside the officer's need-to-know, the reason when the sender
 * could not have obtained the reference under its current policy (nothing of the record), and
 * nothing to users without the matching permission.
 */
export function FollowUpRecordsPanel({ messageId }: { messageId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [found, setFound] = useState<FollowUpRecords | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void followUpRecords(messageId).then((r) => {
      if (!live) return;
      if (r.ok) setFound(r.value);
      else if (r.status === 404) setError(t('matchingModule.followUp.notVisible'));
      else if (r.status !== 403) setError(errorText(r.code, r.message, r.details));
    });
    return () => {
      live = false;
    };
  }, [messageId, t, errorText]);
  if (!found && !error) return null;
  return (
    <section className="panel" aria-live="polite" data-testid="matching-follow-up">
      <strong>{t('matchingModule.followUp.title')}</strong>
      <p>{t('matchingModule.followUp.explain')}</p>
      {error ? <p className="alert">{error}</p> : null}
      {found?.records.map((r) => (
        <HitRecordFacts key={r.hitRef} record={r} />
      ))}
    </section>
  );
}
