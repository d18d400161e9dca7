import { useTranslation } from 'react-i18next';
import { ComingPanel } from '../../ui/index.js';

/** Library, bilateral meetings and action items. Placeholder until the module is built. */
export function KnowledgePage() {
  const { t } = useTranslation();
  return (
    <ComingPanel title={t('modules.knowledge.title')} description={t('modules.knowledge.description')} />
  );
}
