import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ChangePasswordButton,
  ChangePasswordForm,
  isRole,
  type User,
  useSession,
} from '../features/auth/index.js';
import { LanguageSelect } from '../i18n/index.js';
import { canOpenModule, MODULES } from './modules.js';
import { fetchNodeInfo, type NodeInfo } from './node-info.js';
import { matchRoute } from './route-match.js';
import { isPathWithin, Link, navigate, usePath } from './router.js';
import { RoutedPage } from './routes.js';
import { useDocumentTitle } from './use-document-title.js';

/** Keeps Latin node ids and fingerprints intact inside right-to-left sentences (Unicode FSI…PDI). */
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** The signed-in layout: header with node and user, module navigation, and the routed page. */
export function Shell({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const { signOut } = useSession();
  const path = usePath();
  const mainRef = useRef<HTMLElement>(null);
  const [node, setNode] = useState<NodeInfo | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutFailed, setSignOutFailed] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);

  useEffect(() => {
    let active = true;
    void fetchNodeInfo().then((info) => {
      if (active) setNode(info);
    });
    return () => {
      active = false;
    };
  }, []);

  const match = matchRoute(path, user.roles);
  const pageTitle =
    match.kind === 'page'
      ? t(`modules.${match.module.id}.title`)
      : match.kind === 'forbidden'
        ? t('errors.forbidden.title')
        : t('errors.notFound.title');
  useDocumentTitle(pageTitle);

  // After navigation (not on first render) move focus to the new page's heading, as a full page load would.
  const previousPath = useRef(path);
  useEffect(() => {
    if (previousPath.current === path) return;
    previousPath.current = path;
    setPasswordOpen(false);
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path]);

  const roleNames = useMemo(() => {
    const names = user.roles.map((role) => (isRole(role) ? t(`roles.${role}`) : role));
    if (names.length === 0) return t('roles.none');
    return new Intl.ListFormat(i18n.resolvedLanguage, { type: 'unit', style: 'short' }).format(names);
  }, [user.roles, t, i18n.resolvedLanguage]);

  // A button, not an `#main` link: the hash holds the route.
  const skipToContent = () => {
    mainRef.current?.focus();
  };

  const onSignOut = async () => {
    setSigningOut(true);
    setSignOutFailed(false);
    const ok = await signOut();
    if (ok) {
      // The next person to sign in on this browser starts from the dashboard, not from this user's page.
      navigate('/dashboard', { replace: true });
      return;
    }
    setSigningOut(false);
    setSignOutFailed(true);
  };

  return (
    <div className="shell">
      <button type="button" className="skip-link" onClick={skipToContent}>
        {t('app.skipToContent')}
      </button>
      <header className="app-header">
        <p className="brand">
          <span className="brand-name">{t('app.name')}</span>
        </p>
        <div
          className="node-identity"
          data-testid="node-identity"
          title={node ? t('header.fingerprint', { fingerprint: isolate(node.fingerprint) }) : undefined}
        >
          <span className="node-agency" data-testid="node-agency">
            {node ? node.agency : t('header.agencyUnknown')}
          </span>
          <span className="node-id" data-testid="node-id">
            {node ? t('header.node', { id: isolate(node.id) }) : t('header.nodeUnknown')}
          </span>
        </div>
        <div className="header-tools">
          <LanguageSelect />
          <div className="current-user" data-testid="current-user">
            <span className="visually-hidden">{t('header.signedInAs')}</span>
            <span className="user-name">{user.displayName || user.username}</span>
            <span className="user-roles">
              <span className="visually-hidden">{t('header.roles')}: </span>
              {roleNames}
            </span>
          </div>
          <ChangePasswordButton open={passwordOpen} onToggle={() => setPasswordOpen(!passwordOpen)} />
          <button
            type="button"
            className="button button-quiet"
            data-testid="sign-out"
            onClick={onSignOut}
            disabled={signingOut}
          >
            {signingOut ? t('auth.signingOut') : t('auth.signOut')}
          </button>
        </div>
      </header>
      {passwordOpen ? (
        <div className="account-drawer">
          <ChangePasswordForm onClose={() => setPasswordOpen(false)} />
        </div>
      ) : null}
      {signOutFailed ? (
        <div className="alert alert-banner" role="alert" data-testid="sign-out-error">
          {t('auth.errors.signOutFailed')}
        </div>
      ) : null}
      <div className="app-body">
        <nav className="app-nav" aria-label={t('nav.label')}>
          <ul>
            {MODULES.filter((module) => canOpenModule(module, user.roles)).map((module) => (
              <li key={module.id}>
                <Link
                  to={module.path}
                  data-testid={`nav-${module.id}`}
                  aria-current={isPathWithin(path, module.path) ? 'page' : undefined}
                >
                  {t(`modules.${module.id}.title`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main-content" className="app-main" ref={mainRef} tabIndex={-1}>
          <RoutedPage match={match} />
        </main>
      </div>
    </div>
  );
}
