import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminPage } from '../features/admin/index.js';
import { CasesPage } from '../features/cases/index.js';
import { DashboardPage } from '../features/dashboard/index.js';
import { EXCHANGE_VIEWS, ExchangePage, type ExchangeView } from '../features/exchange/index.js';
import { IncidentsPage } from '../features/incidents/index.js';
import { KnowledgePage, StatisticsPage } from '../features/knowledge/index.js';
import { MatchingPage } from '../features/matching/index.js';
import { ScreeningPage } from '../features/screening/index.js';
import { MessagePanel } from '../ui/index.js';
import { type AppModule, canOpenModule, MODULES, type ModuleId } from './modules.js';
import { isPathWithin, Link } from './router.js';

/** What a path resolves to. */
export type RouteMatch =
  | { kind: 'page'; module: AppModule; view?: string }
  | { kind: 'forbidden'; module: AppModule }
  | { kind: 'notFound' };

/** Resolves a route path for a user with `roles`. Only the exchange module has sub-views so far. */
export function matchRoute(path: string, roles: readonly string[]): RouteMatch {
  const module = MODULES.find((candidate) => isPathWithin(path, candidate.path));
  if (module === undefined) return { kind: 'notFound' };
  const rest = path.slice(module.path.length).replace(/^\//, '');
  if (module.id === 'exchange') {
    const view = rest === '' ? 'inbox' : rest;
    if (!(EXCHANGE_VIEWS as readonly string[]).includes(view)) return { kind: 'notFound' };
    return canOpenModule(module, roles) ? { kind: 'page', module, view } : { kind: 'forbidden', module };
  }
  if (rest !== '') return { kind: 'notFound' };
  return canOpenModule(module, roles) ? { kind: 'page', module } : { kind: 'forbidden', module };
}

const PAGES: Record<ModuleId, (view: string | undefined) => ReactNode> = {
  dashboard: () => <DashboardPage />,
  exchange: (view) => <ExchangePage view={(view ?? 'inbox') as ExchangeView} />,
  matching: () => <MatchingPage />,
  cases: () => <CasesPage />,
  incidents: () => <IncidentsPage />,
  screening: () => <ScreeningPage />,
  knowledge: () => <KnowledgePage />,
  statistics: () => <StatisticsPage />,
  admin: () => <AdminPage />,
};

/** Renders the page a route resolved to. */
export function RoutedPage({ match }: { match: RouteMatch }) {
  const { t } = useTranslation();
  const back = <Link to="/dashboard">{t('errors.backToDashboard')}</Link>;
  switch (match.kind) {
    case 'page':
      return PAGES[match.module.id](match.view);
    case 'forbidden':
      return (
        <MessagePanel title={t('errors.forbidden.title')} body={t('errors.forbidden.body')} action={back} />
      );
    case 'notFound':
      return (
        <MessagePanel title={t('errors.notFound.title')} body={t('errors.notFound.body')} action={back} />
      );
  }
}
