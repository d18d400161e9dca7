import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle, WorldMap } from '../../ui/index.js';
import { useCurrentUser } from '../auth/index.js';
import {
  getIncident,
  type Incident,
  type IncidentList,
  type IncidentStats,
  incidentStats,
  listIncidents,
} from './api.js';
import { ImportPanel } from './ImportPanel.js';
import { IncidentCharts } from './IncidentCharts.js';
import { IncidentDetail } from './IncidentDetail.js';

const MANAGERS = ['admin', 'liaison', 'analyst', 'dvi'];

/** The incident registry (IOM imports), its map and charts, and victim identification. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [q, setQ] = useState('');
  const [list, setList] = useState<IncidentList | null>(null);
  const [stats, setStats] = useState<IncidentStats | null>(null);
  const [selected, setSelected] = useState<Incident | null>(null);
  const load = useCallback(async (search: string) => {
    const [l, s] = await Promise.all([listIncidents({ q: search, limit: 100 }), incidentStats()]);
    if (l.ok) setList(l.value);
    if (s.ok) setStats(s.value);
  }, []);
  useEffect(() => {
    void load('');
    // `#/incidents?id=…` opens one incident (links from other pages, e.g. a joint case).
    const linked = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('id');
    if (linked) void getIncident(linked).then((r) => r.ok && setSelected(r.value));
  }, [load]);
  async function open(id: string) {
    const r = await getIncident(id);
    if (r.ok) setSelected(r.value);
  }
  function onSearch(e: FormEvent) {
    e.preventDefault();
    void load(q);
  }
  const n = (v: number | null) => (v === null ? '—' : String(v));
  const located = (list?.incidents ?? []).filter((i) => i.latitude !== null && i.longitude !== null);
  return (
    <>
      <PageTitle testId="incidents-title">{t('incidentsModule.title')}</PageTitle>
      {selected ? (
        <IncidentDetail incident={selected} onClose={() => setSelected(null)} />
      ) : (
        <>
          <section className="panel" aria-labelledby="registry-heading">
            <h2 id="registry-heading">{t('incidentsModule.registry.title')}</h2>
            <form onSubmit={onSearch} className="actions" data-testid="incident-search-form">
              <label htmlFor="incident-search">{t('incidentsModule.registry.search')}</label>
              <input id="incident-search" dir="auto" value={q} onChange={(e) => setQ(e.target.value)} />
              <button type="submit" className="button">
                {t('incidentsModule.registry.searchButton')}
              </button>
            </form>
            {list ? (
              <>
                <p>
                  {t('incidentsModule.registry.count', { shown: list.incidents.length, total: list.total })}
                </p>
                <WorldMap
                  title={t('incidentsModule.map.title')}
                  points={located.map((i) => ({
                    id: i.id,
                    lat: i.latitude!,
                    lon: i.longitude!,
                    label: `${i.date} ${i.place} (${(i.dead ?? 0) + (i.missing ?? 0)})`,
                    weight: (i.dead ?? 0) + (i.missing ?? 0),
                  }))}
                  fit={located.length > 1 ? 'points' : 'world'}
                  onSelectPoint={(id) => void open(id)}
                  height={420}
                  testId="incidents-map"
                />
                <div className="table-wrap">
                  <table className="data-table" data-testid="incidents-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('incidentsModule.detail.date')}</th>
                        <th scope="col">IOM</th>
                        <th scope="col">{t('incidentsModule.detail.type')}</th>
                        <th scope="col">{t('incidentsModule.detail.place')}</th>
                        <th scope="col">{t('incidentsModule.registry.dead')}</th>
                        <th scope="col">{t('incidentsModule.registry.missing')}</th>
                        <th scope="col">{t('incidentsModule.registry.survivors')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.incidents.map((i) => (
                        <tr key={i.id} data-testid="incident-row">
                          <td dir="ltr">{i.date}</td>
                          <td dir="ltr">
                            <button type="button" className="button-link" onClick={() => void open(i.id)}>
                              {i.iomId ?? t('incidentsModule.registry.open')}
                            </button>
                          </td>
                          <td>{t(`incidentsModule.type.${i.type}`)}</td>
                          <td dir="auto">{i.place}</td>
                          <td>{n(i.dead)}</td>
                          <td>{n(i.missing)}</td>
                          <td>{n(i.survivors)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ) : (
              <p>{t('incidentsModule.loading')}</p>
            )}
          </section>
          {stats && stats.total > 0 ? <IncidentCharts stats={stats} /> : null}
          {user.roles.some((r) => MANAGERS.includes(r)) ? <ImportPanel onDone={() => void load(q)} /> : null}
        </>
      )}
    </>
  );
}
