import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseView,
  type DuplicateCandidate,
  listDuplicates,
  mergeEntities,
  unmergeEntity,
} from './api.js';

/** Candidate duplicates with merge, and the merged entities with un-merge. */
export function CaseDuplicatesPanel({ view, onChange }: { view: CaseView; onChange: (v: CaseView) => void }) {
  const { t } = useTranslation();
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void listDuplicates(view.id).then((r) =>
      r.ok ? setCandidates(r.value.candidates) : setError(r.message || r.code),
    );
  }, [view]);
  const labelOf = new Map(view.entities.map((e) => [e.id, String(e.label)]));
  const merged = view.entities.filter((e) => e.mergedInto);
  const act = async (p: ReturnType<typeof mergeEntities>) => {
    const r = await p;
    if (r.ok) onChange(r.value);
    else setError(r.message || r.code);
  };
  return (
    <section aria-labelledby="case-dup-heading" data-testid="case-duplicates">
      <h3 id="case-dup-heading">{t('casesModule.duplicates.title')}</h3>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
      {candidates.length === 0 ? <p>{t('casesModule.duplicates.none')}</p> : null}
      <ul>
        {candidates.map((c) => (
          <li key={`${c.a}-${c.b}`} dir="auto">
            {labelOf.get(c.a)} ≈ {labelOf.get(c.b)} ({c.reasons.join('; ')}){' '}
            <button
              type="button"
              className="button button-quiet"
              onClick={() => act(mergeEntities(view.id, c.a, [c.b]))}
            >
              {t('casesModule.duplicates.merge')}
            </button>
          </li>
        ))}
      </ul>
      {merged.length > 0 ? (
        <>
          <h4>{t('casesModule.duplicates.merged')}</h4>
          <ul>
            {merged.map((e) => (
              <li key={e.id} dir="auto">
                {String(e.label)} → {labelOf.get(String(e.mergedInto))}{' '}
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => act(unmergeEntity(view.id, e.id))}
                >
                  {t('casesModule.duplicates.unmerge')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
