import { useTranslation } from 'react-i18next';
import type { IncidentStats } from './api.js';

type Row = IncidentStats['byYear'][number];

/** One horizontal bar chart (SVG) of dead and missing per key, with the incident count. */
function BarChart({ title, rows, testId }: { title: string; rows: readonly Row[]; testId: string }) {
  const { t } = useTranslation();
  const shown = rows.slice(0, 12);
  const max = Math.max(1, ...shown.map((r) => r.deadAndMissing));
  const rowHeight = 22;
  const height = shown.length * rowHeight + 4;
  return (
    <figure className="incident-chart" data-testid={testId} style={{ margin: 0 }}>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      <svg
        viewBox={`0 0 600 ${height}`}
        role="img"
        aria-label={title}
        style={{ width: '100%', height: 'auto' }}
      >
        {shown.map((r, i) => {
          const width = Math.max(1, Math.round((r.deadAndMissing / max) * 330));
          const label = t('incidentsModule.charts.bar', { dm: r.deadAndMissing, incidents: r.incidents });
          return (
            <g key={r.key} transform={`translate(0, ${i * rowHeight})`}>
              <title>{`${r.key}: ${label}`}</title>
              <text x={0} y={15} style={{ fontSize: 12, fill: 'var(--ink)' }}>
                {r.key.length > 34 ? `${r.key.slice(0, 33)}…` : r.key}
              </text>
              <rect x={220} y={4} width={width} height={14} style={{ fill: 'var(--accent)' }} />
              <text x={226 + width} y={15} style={{ fontSize: 11, fill: 'var(--muted)' }}>
                {r.deadAndMissing}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Dead and missing by year, route and origin country. */
export function IncidentCharts({ stats }: { stats: IncidentStats }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="incident-charts-heading">
      <h2 id="incident-charts-heading">{t('incidentsModule.charts.title', { total: stats.total })}</h2>
      <div
        className="incident-charts"
        style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))' }}
      >
        <BarChart
          title={t('incidentsModule.charts.byYear')}
          rows={[...stats.byYear].reverse()}
          testId="chart-year"
        />
        <BarChart title={t('incidentsModule.charts.byRoute')} rows={stats.byRoute} testId="chart-route" />
        <BarChart title={t('incidentsModule.charts.byOrigin')} rows={stats.byOrigin} testId="chart-origin" />
      </div>
    </section>
  );
}
