import { useTranslation } from 'react-i18next';
import { ComingPanel } from '../../ui/index.js';

/** Cooperation statistics with charts (part of the knowledge module, DESIGN.md table). Placeholder until the module is built. */
export function StatisticsPage() {
  const { t } = useTranslation();
  return (
    <ComingPanel title={t('modules.statistics.title')} description={t('modules.statistics.description')} />
  );
}
