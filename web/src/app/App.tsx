import { useTranslation } from 'react-i18next';
import { LoginPage, SessionProvider, useSession } from '../features/auth/index.js';
import { Shell } from './Shell.js';
import { useDocumentTitle } from './use-document-title.js';

/** The application: the sign-in page until a session exists, then the signed-in layout. */
export function App() {
  return (
    <SessionProvider>
      <SessionGate />
    </SessionProvider>
  );
}

function SessionGate() {
  const { state } = useSession();
  if (state.status === 'authenticated') return <Shell user={state.user} />;
  if (state.status === 'anonymous') return <SignIn />;
  return <Loading />;
}

function SignIn() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.title'));
  return <LoginPage />;
}

function Loading() {
  const { t } = useTranslation();
  return <output className="splash">{t('app.loading')}</output>;
}
