import { type Selectable, sql } from 'kysely';
import type { DatabaseSchema, DbOrTx } from '../platform/index.js';
import type { UserView } from './schema.js';

export type UserRow = Selectable<DatabaseSchema['users']>;
export type SessionRow = Selectable<DatabaseSchema['sessions']>;
export type TokenRow = Selectable<DatabaseSchema['api_tokens']>;

export function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: DbOrTx): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(
  db: DbOrTx,
  row: Omit<
    UserRow,
    'failed_logins' | 'disabled' | 'locked_until' | 'totp_last_counter' | 'previous_password_hashes'
  >,
) {
  await db
    .insertInto('users')
    .values({ ...row, totp_last_counter: null, locked_until: null })
    .execute();
}

/**
 * Counts one failed sign-in (or password check) and locks the account when the count reaches
 * `threshold`, in one statement: concurrent failures each see the others' increments, so 25
 * parallel wrong guesses lock the account instead of all reading the same old counter. A lock
 * that has run out starts a new count.
 */
export async function recordFailedLogin(
  db: DbOrTx,
  id: string,
  policy: { threshold: number; lockUntil: Date },
  now: Date,
): Promise<{ failures: number; locked: boolean }> {
  const expired = sql<boolean>`(locked_until is not null and locked_until <= ${now})`;
  const row = await db
    .updateTable('users')
    .set({
      failed_logins: sql<number>`case when ${expired} then 1 else failed_logins + 1 end`,
      locked_until: sql<Date | null>`case
        when locked_until > ${now} then locked_until
        when (case when ${expired} then 1 else failed_logins + 1 end) >= ${policy.threshold} then ${policy.lockUntil}::timestamptz
        else null end`,
      updated_at: now,
    })
    .where('id', '=', id)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
  return {
    failures: row.failed_logins,
    locked: row.locked_until !== null && new Date(row.locked_until) > now,
  };
}

/**
 * Records a successful sign-in, only if the account is not locked at this moment and, with a
 * TOTP step, only if that step is newer than the last one used: the conditions are in the
 * UPDATE itself, so of several concurrent sign-ins with one code exactly one succeeds.
 * Returns false when the conditions did not hold (nothing changed).
 */
export async function recordSuccessfulLogin(
  db: DbOrTx,
  id: string,
  totpCounter: number | null,
  now: Date,
): Promise<boolean> {
  let q = db
    .updateTable('users')
    .set({
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
      ...(totpCounter !== null ? { totp_last_counter: totpCounter } : {}),
    })
    .where('id', '=', id)
    .where('disabled', '=', false)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]));
  if (totpCounter !== null)
    q = q.where((eb) =>
      eb.or([eb('totp_last_counter', 'is', null), eb('totp_last_counter', '<', totpCounter)]),
    );
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Uses a TOTP step once (step-up checks outside sign-in); false when it was already used. */
export async function consumeTotpStep(db: DbOrTx, id: string, step: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ totp_last_counter: step, updated_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_counter', 'is', null), eb('totp_last_counter', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Replaces the password hash, keeping the previous ones for the no-reuse rule. */
export async function setPassword(db: DbOrTx, id: string, hash: string, history: string[], now: Date) {
  await db
    .updateTable('users')
    .set({ password_hash: hash, previous_password_hashes: history, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Ends every session of a user except `keepIdHash`; returns how many ended. */
export async function deleteOtherSessions(
  db: DbOrTx,
  userId: string,
  keepIdHash: string | null,
): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepIdHash) q = q.where('id_hash', '!=', keepIdHash);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Revokes every active API token of a user; returns how many. */
export async function revokeTokensOfUser(db: DbOrTx, userId: string, at: Date): Promise<number> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Stores a sealed TOTP secret (migration of clear secrets at start-up). */
export async function setTotpSecret(db: DbOrTx, id: string, sealed: string) {
  await db.updateTable('users').set({ totp_secret: sealed }).where('id', '=', id).execute();
}

/** Users whose TOTP secret is still stored in clear (written before secrets were sealed). */
export function usersWithClearTotp(db: DbOrTx): Promise<Array<{ id: string; totp_secret: string | null }>> {
  return db
    .selectFrom('users')
    .select(['id', 'totp_secret'])
    .where('totp_secret', 'is not', null)
    .where('totp_secret', 'not like', 'sb1.%')
    .execute();
}

export async function insertSession(db: DbOrTx, row: SessionRow) {
  await db.insertInto('sessions').values(row).execute();
}

export function findSession(db: DbOrTx, idHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.roles',
      'users.disabled',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
}

export async function touchSession(db: DbOrTx, idHash: string, at: Date) {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: DbOrTx, idHash: string): Promise<boolean> {
  const r = await db.deleteFrom('sessions').where('id_hash', '=', idHash).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function deleteSessionsOfUser(db: DbOrTx, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function insertToken(db: DbOrTx, row: TokenRow) {
  await db.insertInto('api_tokens').values(row).execute();
}

export function findTokenByHash(db: DbOrTx, hash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
      'api_tokens.scopes',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.roles',
      'users.disabled',
    ])
    .where('api_tokens.token_hash', '=', hash)
    .executeTakeFirst();
}

export function listTokensOfUser(db: DbOrTx, userId: string): Promise<TokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function markTokenUsed(db: DbOrTx, id: string, at: Date) {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeToken(db: DbOrTx, id: string, userId: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The public view of a user row. */
export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles as UserView['roles'],
    totpEnabled: row.totp_enabled,
    disabled: row.disabled,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  changes: Partial<
    Pick<UserRow, 'display_name' | 'roles' | 'disabled' | 'password_hash' | 'locked_until' | 'failed_logins'>
  >,
  now: Date,
) {
  await db
    .updateTable('users')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Enabled accounts holding the admin role, locked first so two demotions cannot race. */
export async function enabledAdminIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('disabled', '=', false)
    .where(sql<boolean>`'admin' = any(roles)`)
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/** Accounts currently locked out after failed sign-ins. */
export async function countLockedUsers(db: DbOrTx, now: Date): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('locked_until', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
