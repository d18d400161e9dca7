import { useTranslation } from 'react-i18next';
import { WorldMap, type WorldMapLeg, type WorldMapPoint } from '../../ui/index.js';
import type { CaseView } from './api.js';

/** The route of the case on the offline world map: legs between places, with their dates. */
export function CaseRouteMap({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const points = new Map<string, WorldMapPoint>();
  const legs: WorldMapLeg[] = [];
  for (const l of view.legs) {
    const from = String(l.from);
    const to = String(l.to);
    points.set(from, { id: from, label: from, lat: Number(l.fromLat), lon: Number(l.fromLon) });
    points.set(to, { id: to, label: to, lat: Number(l.toLat), lon: Number(l.toLon) });
    const dates = [l.departed, l.arrived].filter(Boolean).join(' → ');
    legs.push({ from, to, label: dates || undefined, dashed: !l.departed });
  }
  if (legs.length === 0) return <p className="notice">{t('casesModule.map.empty')}</p>;
  return (
    <div>
      <WorldMap
        title={t('casesModule.map.title')}
        points={[...points.values()]}
        legs={legs}
        fit="points"
        testId="case-route-map"
      />
      <ol className="case-legs">
        {view.legs.map((l) => (
          <li key={l.id} dir="auto">
            {String(l.from)} → {String(l.to)} (
            {t(`casesModule.modes.${String(l.mode)}` as 'casesModule.modes.air')}
            {l.departed ? `, ${String(l.departed)}` : `, ${t('casesModule.map.intended')}`})
          </li>
        ))}
      </ol>
    </div>
  );
}
