import { useTranslation } from 'react-i18next';
import { ComingPanel } from '../../ui/index.js';

/** Screening against the UN Security Council consolidated list. Placeholder until the module is built. */
export function ScreeningPage() {
  const { t } = useTranslation();
  return (
    <ComingPanel title={t('modules.screening.title')} description={t('modules.screening.description')} />
  );
}
