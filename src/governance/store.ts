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
  row: Omit<UserRow, 'failed_logins' | 'disabled' | 'locked_until' | 'totp_last_counter'>,
) {
  await db
    .insertInto('users')
    .values({ ...row, totp_last_counter: null, locked_until: null })
    .execute();
}

export async function recordFailedLogin(
  db: DbOrTx,
  id: string,
  lockUntil: Date | null,
  now: Date,
): Promise<number> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  if (lockUntil)
    await db.updateTable('users').set({ locked_until: lockUntil }).where('id', '=', id).execute();
  return row.failed_logins;
}

export async function recordSuccessfulLogin(db: DbOrTx, id: string, totpCounter: number | null, now: Date) {
  await db
    .updateTable('users')
    .set({
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
      ...(totpCounter !== null ? { totp_last_counter: totpCounter } : {}),
    })
    .where('id', '=', id)
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
