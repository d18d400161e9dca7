import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/index.js';
import { AuditPanel } from './AuditPanel.js';
import { DeliveriesPanel } from './DeliveriesPanel.js';
import { NotificationsPanel } from './NotificationsPanel.js';
import { PartnersPanel } from './PartnersPanel.js';
import { UsersPanel } from './UsersPanel.js';

/** Views of the administration module, in tab order. */
export const ADMIN_VIEWS = ['partners', 'deliveries', 'notifications', 'users', 'audit'] as const;

/** A view of the administration module. */
export type AdminView = (typeof ADMIN_VIEWS)[number];

/** Node administration: partners and pairing, deliveries, notifications, accounts, audit. */
export function AdminPage({ view }: { view: AdminView }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('modules.admin.title')}</PageTitle>
      <nav className="tabs" aria-label={t('admin.tabsLabel')}>
        {ADMIN_VIEWS.map((candidate) => (
          <a
            key={candidate}
            href={`#/admin/${candidate}`}
            className="tab"
            aria-current={candidate === view ? 'page' : undefined}
            data-testid={`admin-tab-${candidate}`}
          >
            {t(`admin.${candidate}.title`)}
          </a>
        ))}
      </nav>
      {view === 'partners' ? <PartnersPanel /> : null}
      {view === 'deliveries' ? <DeliveriesPanel /> : null}
      {view === 'notifications' ? <NotificationsPanel /> : null}
      {view === 'users' ? <UsersPanel /> : null}
      {view === 'audit' ? <AuditPanel /> : null}
    </>
  );
}
