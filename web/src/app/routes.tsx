import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminPage, type AdminView } from '../features/admin/index.js';
import { TokensPage } from '../features/auth/index.js';
import { DashboardPage } from '../features/dashboard/index.js';
import { DpoPage, type DpoView } from '../features/dpo/index.js';
import { ExchangePage } from '../features/exchange/index.js';
import { IncidentsPage } from '../features/incidents/index.js';
import { KnowledgePage, StatisticsPage } from '../features/knowledge/index.js';
import { MatchingPage } from '../features/matching/index.js';
import { ScreeningPage } from '../features/screening/index.js';
import { MessagePanel } from '../ui/index.js';
import { LazyPageBoundary } from './LazyPageBoundary.js';
import type { ModuleId } from './modules.js';
import type { RouteMatch } from './route-match.js';
import { Link } from './router.js';

// The cases page brings cytoscape and the analysis views (most of the bundle): loaded on first
// visit, so other pages do not pay for it.
// A failed import stays failed in React.lazy: a retry makes a new one.
const loadCasesPage = () =>
  lazy(() => import('../features/cases/index.js').then((m) => ({ default: m.CasesPage })));

function LazyCasesPage() {
  const { t } = useTranslation();
  const [CasesPage, setCasesPage] = useState(loadCasesPage);
  return (
    <LazyPageBoundary
      onRetry={() => setCasesPage(loadCasesPage)}
      failed={(retry) => (
        <MessagePanel
          title={t('errors.pageLoadFailed.title')}
          body={t('errors.pageLoadFailed.body')}
          action={
            <button type="button" onClick={retry}>
              {t('errors.pageLoadFailed.retry')}
            </button>
          }
        />
      )}
    >
      <Suspense fallback={<LoadingPage />}>
        <CasesPage />
      </Suspense>
    </LazyPageBoundary>
  );
}

function LoadingPage() {
  const { t } = useTranslation();
  return <p aria-busy="true">{t('app.loading')}</p>;
}

const PAGES: Record<ModuleId, (view: string | undefined) => ReactNode> = {
  dashboard: () => <DashboardPage />,
  exchange: (view) => <ExchangePage view={view ?? 'inbox'} />,
  matching: () => <MatchingPage />,
  cases: () => <LazyCasesPage />,
  incidents: () => <IncidentsPage />,
  screening: () => <ScreeningPage />,
  knowledge: () => <KnowledgePage />,
  statistics: () => <StatisticsPage />,
  tokens: () => <TokensPage />,
  dpo: (view) => <DpoPage view={(view ?? 'queue') as DpoView} />,
  admin: (view) => <AdminPage view={(view ?? 'partners') as AdminView} />,
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
