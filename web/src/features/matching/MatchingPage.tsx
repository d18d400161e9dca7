import { useTranslation } from 'react-i18next';
import { ComingPanel } from '../../ui/index.js';

/** Hit/no-hit checks against partner nodes (DESIGN.md §7). Placeholder until the module is built. */
export function MatchingPage() {
  const { t } = useTranslation();
  return <ComingPanel title={t('modules.matching.title')} description={t('modules.matching.description')} />;
}
