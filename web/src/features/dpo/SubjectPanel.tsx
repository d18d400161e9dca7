import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine, useDateTime, useErrorText } from '../admin/shared.js';
import { eraseSubject, type SubjectHit, type SubjectReport, searchSubject } from './api.js';

/** Data-subject requests: find a person in any script, read the report, erase an entry. */
export function SubjectPanel() {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const errorText = useErrorText();
  const id = useId();
  const [full, setFull] = useState('');
  const [reference, setReference] = useState('');
  const [report, setReport] = useState<SubjectReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const search = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!full.trim() || reference.trim().length < 3) {
      setError(t('dpo.subjects.required'));
      return;
    }
    setError(null);
    const result = await searchSubject({ full: full.trim() }, reference.trim());
    if (!result.ok) {
      setError(errorText(result.code, result.message));
      return;
    }
    setReport(result.value.report);
  };

  const erase = async (hit: SubjectHit) => {
    const result = await eraseSubject(hit, reference.trim());
    if (!result.ok) {
      setError(errorText(result.code, result.message));
      return;
    }
    await search();
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('dpo.subjects.title')}</h2>
      <p className="muted">{t('dpo.subjects.intro')}</p>
      <form onSubmit={(e) => void search(e)} className="form-grid">
        <label htmlFor={`${id}-name`}>{t('dpo.subjects.name')}</label>
        <input
          id={`${id}-name`}
          dir="auto"
          value={full}
          onChange={(e) => setFull(e.target.value)}
          data-testid="subject-name"
        />
        <label htmlFor={`${id}-reference`}>{t('dpo.subjects.reference')}</label>
        <input
          id={`${id}-reference`}
          dir="auto"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          data-testid="subject-reference"
        />
        <button type="submit" className="button" data-testid="subject-search">
          {t('dpo.subjects.search')}
        </button>
      </form>
      <ErrorLine text={error} />
      {report ? (
        <>
          <p data-testid="subject-count">
            {t('dpo.subjects.count', { count: report.hits.length, time: dateTime(report.generatedAt) })}
          </p>
          <ul className="subject-hits">
            {report.hits.map((hit) => (
              <li key={`${hit.recordId}-${hit.entityId}`} data-testid={`subject-hit-${hit.recordId}`}>
                <strong dir="auto">{Object.values(hit.matchedName).join(' ')}</strong>{' '}
                <span className="muted">
                  {t('dpo.subjects.where', {
                    score: hit.score.toFixed(2),
                    record: `${hit.module} ${hit.recordKind} ${hit.recordId}`,
                    partner: hit.partner ?? '',
                  })}
                </span>{' '}
                <span className="badge">{hit.handlingCode}</span> <span className="badge">TLP:{hit.tlp}</span>
                {hit.purpose ? (
                  <p className="muted" dir="auto">
                    {t('dpo.subjects.purpose', { purpose: hit.purpose })}
                  </p>
                ) : null}
                <button type="button" className="button button-secondary" onClick={() => void erase(hit)}>
                  {t('dpo.subjects.erase')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
