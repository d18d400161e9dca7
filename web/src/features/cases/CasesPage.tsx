import { useTranslation } from 'react-i18next';
import { ComingPanel } from '../../ui/index.js';

/** Joint cases with link charts and route maps. Placeholder until the module is built. */
export function CasesPage() {
  const { t } = useTranslation();
  return <ComingPanel title={t('modules.cases.title')} description={t('modules.cases.description')} />;
}
