import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRole, ROLES } from '../auth/index.js';
import { createUser, listUsers, type UserRow } from './api.js';
import { otpauthUri } from './fingerprint.js';
import { ErrorLine, useDateTime, useErrorText } from './shared.js';

/** Accounts of this node and the form to create one. */
export function UsersPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const dateTime = useDateTime();
  const id = useId();
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await listUsers();
    if (result.ok) setUsers(result.value.users ?? []);
    else setError(errorText(result.code, result.message));
  }, [errorText]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once
  useEffect(() => {
    void load();
  }, []);

  const roleName = (role: string) => (isRole(role) ? t(`roles.${role}`) : role);

  return (
    <>
      <CreateUser onCreated={load} />
      <section className="panel" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('admin.users.listTitle')}</h2>
        <ErrorLine text={error} />
        {users === null && !error ? <p className="notice">{t('app.loading')}</p> : null}
        {users !== null ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.users.username')}</th>
                  <th scope="col">{t('admin.users.displayName')}</th>
                  <th scope="col">{t('admin.users.roles')}</th>
                  <th scope="col">{t('admin.users.totp')}</th>
                  <th scope="col">{t('admin.users.state')}</th>
                  <th scope="col">{t('admin.users.createdAt')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id} data-testid={`user-row-${user.username}`}>
                    <td>
                      <bdi className="mono">{user.username}</bdi>
                    </td>
                    <td dir="auto">{user.displayName}</td>
                    <td>{user.roles.map(roleName).join(', ')}</td>
                    <td>{user.totpEnabled ? t('admin.users.yes') : t('admin.users.no')}</td>
                    <td>
                      {user.disabled
                        ? t('admin.users.disabled')
                        : user.lockedUntil && Date.parse(user.lockedUntil) > Date.now()
                          ? t('admin.users.lockedUntil', { time: dateTime(user.lockedUntil) })
                          : t('admin.users.active')}
                    </td>
                    <td>{dateTime(user.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}

function CreateUser({ onCreated }: { onCreated: () => Promise<void> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ user: UserRow; totpSecret: string | null } | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!username.trim() || !password || roles.length === 0) {
      setError(t('admin.users.required'));
      return;
    }
    setBusy(true);
    const result = await createUser({
      username: username.trim(),
      displayName: displayName.trim() || username.trim(),
      password,
      roles,
    });
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.code, result.message));
      return;
    }
    setCreated(result.value);
    setUsername('');
    setDisplayName('');
    setPassword('');
    setRoles([]);
    await onCreated();
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('admin.users.createTitle')}</h2>
      {created ? (
        <div className="notice totp-once" data-testid="user-created">
          <p>{t('admin.users.created', { username: created.user.username })}</p>
          {created.totpSecret ? (
            <>
              <p>
                <strong>{t('admin.users.totpOnce')}</strong>
              </p>
              <p>
                {t('admin.users.totpSecret')}{' '}
                <code dir="ltr" data-testid="user-totp-secret">
                  {created.totpSecret}
                </code>
              </p>
              <p>
                {t('admin.users.totpUri')}{' '}
                <code dir="ltr" className="wrap">
                  {otpauthUri(created.totpSecret, created.user.username, 'Passerelle')}
                </code>
              </p>
            </>
          ) : null}
          <button type="button" className="button button-secondary" onClick={() => setCreated(null)}>
            {t('admin.users.dismiss')}
          </button>
        </div>
      ) : null}
      <form className="form-grid" onSubmit={onSubmit} data-testid="user-create">
        <div className="field">
          <label htmlFor={`${id}-username`}>{t('admin.users.username')}</label>
          <input
            id={`${id}-username`}
            dir="ltr"
            autoComplete="off"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            data-testid="user-username"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-display`}>{t('admin.users.displayName')}</label>
          <input
            id={`${id}-display`}
            dir="auto"
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            data-testid="user-displayName"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('admin.users.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="user-password"
          />
        </div>
        <fieldset className="checkbox-group wide">
          <legend>{t('admin.users.roles')}</legend>
          {ROLES.map((role) => (
            <label key={role} className="check">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={() =>
                  setRoles((list) => (list.includes(role) ? list.filter((r) => r !== role) : [...list, role]))
                }
                data-testid={`user-role-${role}`}
              />
              {t(`roles.${role}`)}
            </label>
          ))}
        </fieldset>
        <div className="wide">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            data-testid="user-create-submit"
          >
            {t('admin.users.create')}
          </button>
          <ErrorLine text={error} testId="user-create-error" />
        </div>
      </form>
    </section>
  );
}
