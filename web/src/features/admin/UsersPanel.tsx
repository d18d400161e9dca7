import { type FormEvent, Fragment, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRole, ROLES } from '../auth/index.js';
import { createUser, listUsers, type UserRow, unlockUser, updateUser } from './api.js';
import { otpauthUri } from './fingerprint.js';
import { ErrorLine, useDateTime, useErrorText } from './shared.js';

/** Accounts of this node and the form to create one. */
export function UsersPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
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
                  <th scope="col">{t('admin.users.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <UserRowView key={user.id} user={user} roleName={roleName} onChanged={load} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}

/** True while a lock-out after failed sign-ins is still running. */
function isLocked(user: UserRow): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now();
}

/** One account with its actions: disable or enable, change roles, unlock. */
function UserRowView({
  user,
  roleName,
  onChanged,
}: {
  user: UserRow;
  roleName: (role: string) => string;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const dateTime = useDateTime();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<string[]>(user.roles);
  const locked = isLocked(user);
  const name = user.username;

  const run = async (action: () => ReturnType<typeof unlockUser>) => {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.code, result.message));
      return false;
    }
    await onChanged();
    return true;
  };

  const onSaveRoles = async (event: FormEvent) => {
    event.preventDefault();
    if (roles.length === 0) {
      setError(t('admin.users.rolesRequired'));
      return;
    }
    if (await run(() => updateUser(user.id, { roles }))) setEditing(false);
  };

  return (
    <Fragment>
      <tr data-testid={`user-row-${name}`} data-disabled={String(user.disabled)} data-locked={String(locked)}>
        <td>
          <bdi className="mono">{name}</bdi>
        </td>
        <td dir="auto">{user.displayName}</td>
        <td data-testid={`user-roles-list-${name}`}>{user.roles.map(roleName).join(', ')}</td>
        <td>{user.totpEnabled ? t('admin.users.yes') : t('admin.users.no')}</td>
        <td>
          {user.disabled
            ? t('admin.users.disabled')
            : locked
              ? t('admin.users.lockedUntil', { time: dateTime(user.lockedUntil) })
              : t('admin.users.active')}
        </td>
        <td>{dateTime(user.createdAt)}</td>
        <td>
          <div className="row-actions">
            {user.disabled ? (
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={busy}
                onClick={() => void run(() => updateUser(user.id, { disabled: false }))}
                data-testid={`user-enable-${name}`}
              >
                {t('admin.users.enable')}
              </button>
            ) : (
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={busy}
                onClick={() => void run(() => updateUser(user.id, { disabled: true }))}
                data-testid={`user-disable-${name}`}
              >
                {t('admin.users.disable')}
              </button>
            )}
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={busy}
              aria-expanded={editing}
              aria-controls={`${id}-roles`}
              onClick={() => {
                setRoles(user.roles);
                setError(null);
                setEditing(!editing);
              }}
              data-testid={`user-roles-${name}`}
            >
              {t('admin.users.changeRoles')}
            </button>
            {locked ? (
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={busy}
                onClick={() => void run(() => unlockUser(user.id))}
                data-testid={`user-unlock-${name}`}
              >
                {t('admin.users.unlock')}
              </button>
            ) : null}
          </div>
          {!editing ? <ErrorLine text={error} testId={`user-error-${name}`} /> : null}
        </td>
      </tr>
      {editing ? (
        <tr className="row-editor">
          <td colSpan={7}>
            <form id={`${id}-roles`} className="roles-editor" onSubmit={onSaveRoles}>
              <fieldset className="checkbox-group">
                <legend>{t('admin.users.rolesOf', { username: name })}</legend>
                {ROLES.map((role) => (
                  <label key={role} className="check">
                    <input
                      type="checkbox"
                      checked={roles.includes(role)}
                      onChange={() =>
                        setRoles((list) =>
                          list.includes(role) ? list.filter((r) => r !== role) : [...list, role],
                        )
                      }
                      data-testid={`user-roles-${name}-${role}`}
                    />
                    {t(`roles.${role}`)}
                  </label>
                ))}
              </fieldset>
              <p className="field-hint">{t('admin.users.rolesTotpHint')}</p>
              <div className="actions">
                <button
                  type="submit"
                  className="button button-primary button-small"
                  disabled={busy}
                  data-testid={`user-roles-${name}-save`}
                >
                  {t('admin.users.saveRoles')}
                </button>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={busy}
                  onClick={() => setEditing(false)}
                >
                  {t('admin.users.cancel')}
                </button>
              </div>
              <ErrorLine text={error} testId={`user-error-${name}`} />
            </form>
          </td>
        </tr>
      ) : null}
    </Fragment>
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
