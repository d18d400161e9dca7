import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageFlags, type SubjectFlag } from './api.js';
import { CandidateTable } from './CandidateTable.js';

/**
 * The screening flags of the persons named in a received message: information for the
 * officer, who decides what to do; nothing is done automatically. Shows nothing to users
 * without the screening permission or when nobody was flagged.
 */
export function ScreeningFlags({ messageId }: { messageId: string }) {
  const { t } = useTranslation();
  const [flags, setFlags] = useState<SubjectFlag[]>([]);
  useEffect(() => {
    let live = true;
    messageFlags(messageId).then((r) => {
      if (live && r.ok) setFlags(r.value.flags.filter((f) => f.level !== null));
    });
    return () => {
      live = false;
    };
  }, [messageId]);
  if (flags.length === 0) return null;
  return (
    <section className="alert alert-warning screening-flags" aria-live="polite" data-testid="screening-flag">
      <strong>{t('screening.flag.title')}</strong>
      <p>{t('screening.flag.explain')}</p>
      {flags.map((f) => (
        <div key={f.entityId}>
          <p>
            <bdi dir="auto">{f.names.join(' / ')}</bdi>
          </p>
          <CandidateTable candidates={f.candidates} />
        </div>
      ))}
    </section>
  );
}
