import type { ParseKeys } from 'i18next';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../i18n/index.js';
import { signIn } from './api.js';
import { loginErrorKey } from './login-errors.js';
import { useSession } from './SessionProvider.js';

type Step = 'credentials' | 'totp';
type Field = 'username' | 'password' | 'totp';

interface LoginError {
  key: ParseKeys;
  /** The field the message is about, marked invalid and focused. */
  field?: Field;
}

const TOTP_PATTERN = /^\d{6}$/;

/**
 * Sign-in in one or two steps: username and password, then — when the server answers `totp_required`
 * — the 6-digit code from the user's authenticator app (RFC 6238).
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { state, completeSignIn } = useSession();
  const [step, setStep] = useState<Step>('credentials');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [error, setError] = useState<LoginError | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = {
    title: useId(),
    username: useId(),
    password: useId(),
    totp: useId(),
    hint: useId(),
    error: useId(),
  };
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const totpRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Runs after each step change and each error, so the cursor lands where the user must act.
    const target = error?.field ?? (step === 'totp' ? 'totp' : 'username');
    const field = { username: usernameRef, password: passwordRef, totp: totpRef }[target];
    field.current?.focus();
  }, [step, error]);

  const fail = (key: ParseKeys, field?: Field) => setError(field === undefined ? { key } : { key, field });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const code = totp.replace(/\s+/g, '');
    if (step === 'credentials' && (username.trim() === '' || password === '')) {
      return fail('auth.errors.required', username.trim() === '' ? 'username' : 'password');
    }
    if (step === 'totp' && !TOTP_PATTERN.test(code)) return fail('auth.errors.totpFormat', 'totp');

    setBusy(true);
    setError(null);
    const result = await signIn(
      step === 'totp'
        ? { username: username.trim(), password, totp: code }
        : { username: username.trim(), password },
    );
    setBusy(false);
    if (result.ok) {
      setPassword('');
      setTotp('');
      completeSignIn(result.value);
      return;
    }
    switch (result.code) {
      case 'totp_required':
        setStep('totp');
        return;
      case 'totp_invalid':
        setTotp('');
        return fail(loginErrorKey(result.code), 'totp');
      case 'invalid_credentials':
        // The password no longer holds (changed meanwhile, or a stale step): start over.
        setStep('credentials');
        setPassword('');
        setTotp('');
        return fail(loginErrorKey(result.code), 'password');
      default:
        return fail(loginErrorKey(result.code));
    }
  };

  const restart = () => {
    setStep('credentials');
    setPassword('');
    setTotp('');
    setError(null);
  };

  const describedBy = (field: Field, ...others: string[]) =>
    [...others, error?.field === field ? ids.error : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <div className="login-page">
      <div className="login-tools">
        <LanguageSelect />
      </div>
      <main className="login-card" aria-labelledby={ids.title}>
        <p className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </p>
        <h1 id={ids.title}>{t('auth.title')}</h1>
        <p className="muted">{t('auth.intro')}</p>
        {state.status === 'anonymous' && state.ended && step === 'credentials' && error === null ? (
          <output className="notice">{t('auth.sessionExpired')}</output>
        ) : null}

        <form className="form" noValidate onSubmit={onSubmit} aria-busy={busy}>
          {step === 'credentials' ? (
            <>
              <div className="field">
                <label htmlFor={ids.username}>{t('auth.username')}</label>
                <input
                  ref={usernameRef}
                  id={ids.username}
                  data-testid="login-username"
                  name="username"
                  dir="auto"
                  type="text"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  value={username}
                  onChange={(event) => setUsername(event.target.value)}
                  aria-invalid={error?.field === 'username' || undefined}
                  aria-describedby={describedBy('username')}
                />
              </div>
              <div className="field">
                <label htmlFor={ids.password}>{t('auth.password')}</label>
                <input
                  ref={passwordRef}
                  id={ids.password}
                  data-testid="login-password"
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                  aria-invalid={error?.field === 'password' || undefined}
                  aria-describedby={describedBy('password')}
                />
              </div>
            </>
          ) : (
            <>
              <output className="notice">{t('auth.errors.totp_required')}</output>
              <div className="field">
                <label htmlFor={ids.totp}>{t('auth.totp')}</label>
                <input
                  ref={totpRef}
                  id={ids.totp}
                  data-testid="login-totp"
                  name="totp"
                  className="input-code"
                  type="text"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]{6}"
                  maxLength={7}
                  dir="ltr"
                  required
                  value={totp}
                  onChange={(event) => setTotp(event.target.value)}
                  aria-invalid={error?.field === 'totp' || undefined}
                  aria-describedby={describedBy('totp', ids.hint)}
                />
                <p id={ids.hint} className="field-hint">
                  {t('auth.totpHint')}
                </p>
              </div>
            </>
          )}

          {error !== null ? (
            <div id={ids.error} className="alert" role="alert" data-testid="login-error">
              {t(error.key)}
            </div>
          ) : null}

          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              data-testid="login-submit"
              disabled={busy}
            >
              {busy ? t('auth.submitting') : step === 'totp' ? t('auth.verify') : t('auth.submit')}
            </button>
            {step === 'totp' ? (
              <button type="button" className="button button-link" onClick={restart} disabled={busy}>
                {t('auth.back')}
              </button>
            ) : null}
          </div>
        </form>
      </main>
    </div>
  );
}
