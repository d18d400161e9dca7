import { useTranslation } from 'react-i18next';
import { PageTitle } from './PageTitle.js';

/** Props of {@link ComingPanel}; texts already translated. */
export interface ComingPanelProps {
  title: string;
  /** One sentence saying what the module will do. */
  description: string;
  /** For a sub-view under an existing page title: the title becomes an `<h2>`. */
  nested?: boolean;
}

/** Placeholder for a module not built yet: says it is coming and what it will do. */
export function ComingPanel({ title, description, nested = false }: ComingPanelProps) {
  const { t } = useTranslation();
  return (
    <>
      {nested ? null : <PageTitle>{title}</PageTitle>}
      <section className="panel coming-panel" data-testid="coming-panel">
        {nested ? <h2>{title}</h2> : null}
        <p className="badge">{t('coming.badge')}</p>
        <p className="coming-lead">{t('coming.lead')}</p>
        <p className="coming-description">{description}</p>
      </section>
    </>
  );
}
