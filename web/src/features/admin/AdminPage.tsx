import { useTranslation } from 'react-i18next';
import { ComingPanel } from '../../ui/index.js';

/** Node administration: users, roles, partners, keys, audit. Placeholder until the module is built. */
export function AdminPage() {
  const { t } = useTranslation();
  return <ComingPanel title={t('modules.admin.title')} description={t('modules.admin.description')} />;
}
