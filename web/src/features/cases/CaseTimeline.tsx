import { useTranslation } from 'react-i18next';
import type { CaseView } from './api.js';

/** The case's timeline: events and route legs in date order, tasks by deadline. */
export function CaseTimeline({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const rows = [
    ...view.events.map((e) => ({
      id: e.id,
      at: String(e.at),
      title: String(e.title),
      detail: String(e.description ?? ''),
    })),
    ...view.legs
      .filter((l) => l.departed)
      .map((l) => ({
        id: l.id,
        at: String(l.departed),
        title: t('casesModule.timeline.leg', { from: String(l.from), to: String(l.to) }),
        detail: t(`casesModule.modes.${String(l.mode)}` as 'casesModule.modes.air'),
      })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  if (rows.length === 0) return <p className="notice">{t('casesModule.timeline.empty')}</p>;
  return (
    <ol className="case-timeline" data-testid="case-timeline">
      {rows.map((r) => (
        <li key={r.id}>
          <time dateTime={r.at} dir="ltr">
            {r.at}
          </time>
          <strong dir="auto">{r.title}</strong>
          {r.detail ? <span dir="auto">{r.detail}</span> : null}
        </li>
      ))}
    </ol>
  );
}
