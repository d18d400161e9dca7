import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseGraph,
  type CaseMetrics,
  findPaths,
  type GraphFilter,
  getGraph,
  getMetrics,
} from './api.js';
import { type ChartHighlight, LinkChart } from './LinkChart.js';
import { ICON_ROLES, roleColour, roleGlyph } from './role-icons.js';
import { LINK_TYPES } from './vocabulary.js';

const NO_HIGHLIGHT: ChartHighlight = { entities: new Set(), links: new Set(), brokers: new Map() };

/** The link chart with its filters, the path finder and the centrality view. */
export function CaseNetworkPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<GraphFilter>({});
  const [graph, setGraph] = useState<CaseGraph | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<ChartHighlight>(NO_HIGHLIGHT);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [directed, setDirected] = useState(false);
  const [timeOrdered, setTimeOrdered] = useState(false);
  const [pathText, setPathText] = useState<string[] | null>(null);
  const [metrics, setMetrics] = useState<CaseMetrics | null>(null);

  const load = useCallback(async () => {
    const r = await getGraph(caseId, filter);
    if (r.ok) {
      setGraph(r.value);
      setError(null);
    } else setError(r.message || r.code);
  }, [caseId, filter]);
  useEffect(() => {
    void load();
  }, [load]);

  const labelOf = useMemo(() => new Map(graph?.entities.map((e) => [e.id, e.label]) ?? []), [graph]);
  const sorted = useMemo(
    () => [...(graph?.entities ?? [])].sort((a, b) => a.label.localeCompare(b.label)),
    [graph],
  );

  async function onFindPath(e: FormEvent) {
    e.preventDefault();
    if (!from || !to) return;
    const r = await findPaths(caseId, { ...filter, from, to, directed, timeOrdered, all: false });
    if (!r.ok) {
      setError(r.message || r.code);
      return;
    }
    const path = r.value.paths[0];
    if (!path) {
      setPathText([]);
      setHighlight({ ...highlight, entities: new Set(), links: new Set() });
      return;
    }
    setPathText(path.entities.map((id) => labelOf.get(id) ?? id));
    setHighlight({ ...highlight, entities: new Set(path.entities), links: new Set(path.links) });
  }

  async function onBrokers() {
    const r = await getMetrics(caseId, filter);
    if (!r.ok) {
      setError(r.message || r.code);
      return;
    }
    setMetrics(r.value);
    const max = Math.max(1e-9, ...r.value.centrality.map((c) => c.betweenness));
    const brokers = new Map(r.value.centrality.slice(0, 3).map((c) => [c.id, c.betweenness / max]));
    setHighlight({ ...highlight, brokers });
  }

  function toggleType(type: string) {
    const current = filter.types ?? [];
    const types = current.includes(type) ? current.filter((x) => x !== type) : [...current, type];
    setFilter({ ...filter, types });
  }

  return (
    <div className="case-network">
      <fieldset className="case-filters">
        <legend>{t('casesModule.chart.filters')}</legend>
        <label>
          {t('casesModule.chart.since')}
          <input
            dir="ltr"
            placeholder="2024-12"
            value={filter.since ?? ''}
            onChange={(e) => setFilter({ ...filter, since: e.target.value || undefined })}
            data-testid="case-filter-since"
          />
        </label>
        <label>
          {t('casesModule.chart.until')}
          <input
            dir="ltr"
            placeholder="2025-01"
            value={filter.until ?? ''}
            onChange={(e) => setFilter({ ...filter, until: e.target.value || undefined })}
          />
        </label>
        {LINK_TYPES.map((type) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={(filter.types ?? []).includes(type)}
              onChange={() => toggleType(type)}
            />
            {t(`casesModule.linkTypes.${type}` as 'casesModule.linkTypes.called')}
          </label>
        ))}
      </fieldset>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
      {graph ? (
        <LinkChart
          entities={graph.entities}
          links={graph.links}
          highlight={highlight}
          label={t('casesModule.chart.label', { entities: graph.entities.length, links: graph.links.length })}
          onSelect={(id) => (from ? setTo(id) : setFrom(id))}
        />
      ) : null}
      <ul className="case-legend" aria-label={t('casesModule.chart.legend')}>
        {ICON_ROLES.map((role) => (
          <li key={role}>
            <span className="case-legend-icon" style={{ background: roleColour(role) }} aria-hidden="true">
              {roleGlyph(role)}
            </span>
            {t(`casesModule.roles.${role}` as 'casesModule.roles.organiser')}
          </li>
        ))}
      </ul>
      <form className="case-path-form" onSubmit={onFindPath} data-testid="case-path-form">
        <h3>{t('casesModule.path.title')}</h3>
        <label>
          {t('casesModule.path.from')}
          <select
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="case-path-from"
            required
          >
            <option value="" />
            {sorted.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('casesModule.path.to')}
          <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="case-path-to" required>
            <option value="" />
            {sorted.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={directed} onChange={(e) => setDirected(e.target.checked)} />
          {t('casesModule.path.directed')}
        </label>
        <label className="check">
          <input type="checkbox" checked={timeOrdered} onChange={(e) => setTimeOrdered(e.target.checked)} />
          {t('casesModule.path.timeOrdered')}
        </label>
        <button type="submit" className="button button-primary">
          {t('casesModule.path.find')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setHighlight(NO_HIGHLIGHT)}>
          {t('casesModule.path.clear')}
        </button>
      </form>
      {pathText ? (
        <p data-testid="case-path-result" className="notice">
          {pathText.length === 0 ? t('casesModule.path.none') : pathText.join(' → ')}
        </p>
      ) : null}
      <section aria-labelledby="case-brokers-heading">
        <h3 id="case-brokers-heading">{t('casesModule.centrality.title')}</h3>
        <p>{t('casesModule.centrality.intro')}</p>
        <button
          type="button"
          className="button button-secondary"
          onClick={onBrokers}
          data-testid="case-brokers"
        >
          {t('casesModule.centrality.show')}
        </button>
        {metrics ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="case-centrality">
              <caption>
                {metrics.exact
                  ? t('casesModule.centrality.exact')
                  : t('casesModule.centrality.sampled', { pivots: metrics.pivots })}
                {' · '}
                {t('casesModule.centrality.clusters', { n: metrics.clusterCount })}
              </caption>
              <thead>
                <tr>
                  <th>{t('casesModule.centrality.entity')}</th>
                  <th>{t('casesModule.centrality.betweenness')}</th>
                  <th>{t('casesModule.centrality.degree')}</th>
                  <th>{t('casesModule.centrality.eigenvector')}</th>
                </tr>
              </thead>
              <tbody>
                {metrics.centrality.slice(0, 10).map((c) => (
                  <tr key={c.id}>
                    <td dir="auto">{labelOf.get(c.id) ?? c.id}</td>
                    <td>{c.betweenness.toFixed(3)}</td>
                    <td>{c.degree.toFixed(3)}</td>
                    <td>{c.eigenvector.toFixed(3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}
