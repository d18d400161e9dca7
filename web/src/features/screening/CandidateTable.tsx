import { useTranslation } from 'react-i18next';
import type { Candidate } from './api.js';

/** Ranked candidates: reference, listed name, what matched, score and the checks. */
export function CandidateTable({ candidates }: { candidates: Candidate[] }) {
  const { t } = useTranslation();
  if (candidates.length === 0) return <p className="notice">{t('screening.result.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="screening-candidates">
        <thead>
          <tr>
            <th>{t('screening.result.level')}</th>
            <th>{t('screening.result.score')}</th>
            <th>{t('screening.result.reference')}</th>
            <th>{t('screening.result.listedName')}</th>
            <th>{t('screening.result.matched')}</th>
            <th>{t('screening.result.checks')}</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c.referenceNumber} data-level={c.level}>
              <td>
                <span className={`badge ${c.level === 'confident' ? 'badge-danger' : 'badge-warning'}`}>
                  {t(`screening.level.${c.level}`)}
                </span>
              </td>
              <td>
                <bdi className="mono">{c.score.toFixed(3)}</bdi>
              </td>
              <td>
                <bdi className="mono">{c.referenceNumber}</bdi> <small>{c.regime}</small>
              </td>
              <td>
                <bdi>{c.name}</bdi>
              </td>
              <td>
                <small>{t(`screening.source.${c.matchedSource}`)}</small>
                {c.matchedQuality ? <small> ({c.matchedQuality})</small> : null}:{' '}
                <bdi dir="auto">{c.matchedName}</bdi>
              </td>
              <td>
                <ul className="plain">
                  {(['birth', 'nationality', 'document'] as const).map((k) => (
                    <li key={k}>
                      {t(`screening.check.${k}`)}: {t(`screening.status.${c[k].status}`)}
                      {c[k].listed.length > 0 ? <small dir="auto"> ({c[k].listed.join('; ')})</small> : null}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
