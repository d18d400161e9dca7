import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/index.js';
import { knownRolesOf, type Role, useCurrentUser } from '../auth/index.js';
import { type DashboardCounts, fetchDashboardCounts } from './api.js';
import { CARDS_BY_ROLE, type DashboardCardId } from './cards.js';

type CountsState = { status: 'loading' } | { status: 'loaded'; counts: DashboardCounts | null };

/**
 * Dashboard: one section per role of the user, each with the counts that role acts on. A user without a
 * known role sees the viewer's cards.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [state, setState] = useState<CountsState>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    void fetchDashboardCounts().then((counts) => {
      if (active) setState({ status: 'loaded', counts });
    });
    return () => {
      active = false;
    };
  }, []);

  const roles = useMemo<Role[]>(() => {
    const known = knownRolesOf(user.roles);
    return known.length > 0 ? known : ['viewer'];
  }, [user.roles]);
  const counts = state.status === 'loaded' ? state.counts : null;

  return (
    <>
      <PageTitle testId="dashboard-title">{t('dashboard.title')}</PageTitle>
      <p className="page-lead">{t('dashboard.intro')}</p>
      {state.status === 'loaded' && state.counts === null ? (
        <output className="notice" data-testid="dashboard-unavailable">
          {t('dashboard.unavailable')}
        </output>
      ) : null}
      {roles.map((role) => (
        <RoleSection key={role} role={role} counts={counts} loading={state.status === 'loading'} />
      ))}
    </>
  );
}

interface RoleSectionProps {
  role: Role;
  counts: DashboardCounts | null;
  loading: boolean;
}

function RoleSection({ role, counts, loading }: RoleSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="dashboard-section" aria-labelledby={headingId} data-testid={`dashboard-role-${role}`}>
      <h2 id={headingId}>{t(`roles.${role}`)}</h2>
      <ul className="cards" aria-busy={loading}>
        {CARDS_BY_ROLE[role].map((id) => (
          <DashboardCard key={id} id={id} value={counts?.get(id)} />
        ))}
      </ul>
    </section>
  );
}

function DashboardCard({ id, value }: { id: DashboardCardId; value: number | undefined }) {
  const { t, i18n } = useTranslation();
  // Western digits in every language: counts are compared across partner agencies and read aloud on calls.
  const format = useMemo(
    () => new Intl.NumberFormat(i18n.resolvedLanguage, { numberingSystem: 'latn' }),
    [i18n.resolvedLanguage],
  );
  return (
    <li className="card" data-testid={`card-${id}`}>
      <h3 className="card-title">{t(`dashboard.cards.${id}.title`)}</h3>
      <p className="card-value" data-testid={`card-${id}-value`}>
        {value === undefined ? (
          <>
            <span aria-hidden="true">{t('dashboard.noValue')}</span>
            <span className="visually-hidden">{t('dashboard.noValueLabel')}</span>
          </>
        ) : (
          format.format(value)
        )}
      </p>
      <p className="card-hint">{t(`dashboard.cards.${id}.hint`)}</p>
    </li>
  );
}
