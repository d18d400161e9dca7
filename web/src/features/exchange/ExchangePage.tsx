import { useTranslation } from 'react-i18next';
import { ComingPanel, PageTitle } from '../../ui/index.js';

/** The two views of the exchange module. */
export type ExchangeView = 'inbox' | 'compose';

/** Exchange views in tab order. */
export const EXCHANGE_VIEWS: readonly ExchangeView[] = ['inbox', 'compose'];

/** Exchange module with its inbox and compose views; both are placeholders for now. */
export function ExchangePage({ view }: { view: ExchangeView }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('modules.exchange.title')}</PageTitle>
      <nav className="tabs" aria-label={t('exchange.tabsLabel')}>
        {EXCHANGE_VIEWS.map((candidate) => (
          // Plain hash links: the app router owns navigation, and features do not import the app.
          <a
            key={candidate}
            href={`#/exchange/${candidate}`}
            className="tab"
            aria-current={candidate === view ? 'page' : undefined}
            data-testid={`exchange-tab-${candidate}`}
          >
            {t(`exchange.${candidate}.title`)}
          </a>
        ))}
      </nav>
      <ComingPanel
        nested
        title={t(`exchange.${view}.title`)}
        description={t(`exchange.${view}.description`)}
      />
    </>
  );
}
