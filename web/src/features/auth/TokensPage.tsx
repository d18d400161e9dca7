import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/index.js';
import { ErrorLine, useApiList, useDateTime } from '../admin/shared.js';
import { isRole } from './roles.js';
import { useCurrentUser } from './SessionProvider.js';
import { type ApiToken, createToken, listTokens, revokeToken } from './tokens-api.js';

/** Roles whose tokens need a current authenticator code (the server enforces the same rule). */
const PRIVILEGED = ['admin', 'dpo'];
const LIFETIMES = [7, 30, 90] as const;

/**
 * "API tokens" page: create a token for the CLI with a name, scopes among the user's roles and
 * a lifetime, see it once, and revoke tokens. Admin and DPO scopes ask for an authenticator code.
 */
export function TokensPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const user = useCurrentUser();
  const when = useDateTime();
  const { rows, error, reload, setError } = useApiList(listTokens, (v) => v.tokens, []);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [days, setDays] = useState<number>(30);
  const [totp, setTotp] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roles = user.roles;
  const privileged = scopes.some((s) => PRIVILEGED.includes(s));

  const errorText = (code: string, message: string) => {
    const key = `tokens.errors.${code}`;
    if (i18n.exists(key)) return t(key as 'tokens.errors.failed');
    return message || t('tokens.errors.failed');
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    setError(null);
    if (!name.trim() || scopes.length === 0) return setError(t('tokens.errors.incomplete'));
    setBusy(true);
    const result = await createToken({
      name: name.trim(),
      scopes,
      expiresInDays: privileged ? Math.min(days, 7) : days,
      ...(privileged ? { totp } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.code, result.message));
    setCreated(result.value.token);
    setName('');
    setTotp('');
    reload();
  };

  const onRevoke = async (token: ApiToken) => {
    const result = await revokeToken(token.id);
    if (!result.ok) return setError(errorText(result.code, result.message));
    reload();
  };

  const toggle = (role: string) =>
    setScopes((current) => (current.includes(role) ? current.filter((r) => r !== role) : [...current, role]));

  return (
    <>
      <PageTitle>{t('modules.tokens.title')}</PageTitle>
      <p>{t('tokens.intro')}</p>
      <section className="panel" aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>{t('tokens.create')}</h2>
        <form className="form" onSubmit={onSubmit} noValidate data-testid="token-form">
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('tokens.name')}</label>
            <input
              id={`${id}-name`}
              value={name}
              maxLength={100}
              onChange={(event) => setName(event.target.value)}
              data-testid="token-name"
            />
          </div>
          <fieldset className="field">
            <legend>{t('tokens.scopes')}</legend>
            {roles.map((role) => (
              <label key={role} className="checkbox">
                <input
                  type="checkbox"
                  checked={scopes.includes(role)}
                  onChange={() => toggle(role)}
                  data-testid={`token-scope-${role}`}
                />{' '}
                {isRole(role) ? t(`roles.${role}`) : role}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-days`}>{t('tokens.lifetime')}</label>
            <select
              id={`${id}-days`}
              value={privileged ? 7 : days}
              disabled={privileged}
              onChange={(event) => setDays(Number(event.target.value))}
              data-testid="token-days"
            >
              {LIFETIMES.map((d) => (
                <option key={d} value={d}>
                  {t('tokens.days', { days: d })}
                </option>
              ))}
            </select>
          </div>
          {privileged ? (
            <div className="field">
              <label htmlFor={`${id}-totp`}>{t('tokens.totp')}</label>
              <input
                id={`${id}-totp`}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={totp}
                onChange={(event) => setTotp(event.target.value.replace(/\D/g, ''))}
                data-testid="token-totp"
              />
              <span className="field-hint">{t('tokens.totpHint')}</span>
            </div>
          ) : null}
          <ErrorLine text={error} testId="token-error" />
          {created ? (
            <output className="notice notice-ok" data-testid="token-created">
              {t('tokens.shownOnce')} <code dir="ltr">{created}</code>
            </output>
          ) : null}
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={busy}
              data-testid="token-submit"
            >
              {t('tokens.submit')}
            </button>
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('tokens.yours')}</h2>
        {rows && rows.length === 0 ? <p>{t('tokens.empty')}</p> : null}
        {rows && rows.length > 0 ? (
          <table className="table" data-testid="token-list">
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.scopes')}</th>
                <th scope="col">{t('tokens.expires')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('tokens.revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>{token.scopes.map((s) => (isRole(s) ? t(`roles.${s}`) : s)).join(', ')}</td>
                  <td>{token.revokedAt ? t('tokens.revoked') : when(token.expiresAt)}</td>
                  <td>{when(token.lastUsedAt)}</td>
                  <td>
                    {token.revokedAt ? null : (
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => void onRevoke(token)}
                      >
                        {t('tokens.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}
