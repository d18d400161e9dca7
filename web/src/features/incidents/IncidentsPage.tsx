import { useTranslation } from 'react-i18next';
import { ComingPanel } from '../../ui/index.js';

/** Incident registry and ante-mortem/post-mortem reconciliation. Placeholder until the module is built. */
export function IncidentsPage() {
  const { t } = useTranslation();
  return (
    <ComingPanel title={t('modules.incidents.title')} description={t('modules.incidents.description')} />
  );
}
