import { createHash, randomUUID } from 'node:crypto';
import {
  ApiError,
  appendAudit,
  base32Encode,
  type Clock,
  ConflictError,
  type Db,
  hashPassword,
  type Logger,
  makeDummyHash,
  NotFoundError,
  type Random,
  randomToken,
  type ScryptParams,
  UnauthenticatedError,
  ValidationError,
  verifyPassword,
  verifyTotp,
} from '../platform/index.js';
import { type Actor, auditActor, type Role, requirePermission, rolesRequiringTotp } from './roles.js';
import {
  type CreateUserRequest,
  createUserRequestSchema,
  type LoginRequest,
  type TokenView,
  type UpdateUserRequest,
  type UserView,
} from './schema.js';
import * as store from './store.js';

/** Settings of {@link GovernanceService}. */
export interface GovernanceOptions {
  db: Db;
  clock: Clock;
  random: Random;
  logger: Logger;
  scrypt: ScryptParams;
  sessionTtlMinutes: number;
  sessionIdleMinutes: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Issuer shown in authenticator apps. */
  totpIssuer: string;
}

/** A new browser session: the cookie value is returned once and only its hash is stored. */
export interface SessionResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserView;
}

/** A new user; the TOTP secret is returned once, for enrolment. */
export interface CreateUserResult {
  user: UserView;
  totpSecret: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Prefix of API tokens, so leaked tokens are recognisable by secret scanners. */
export const API_TOKEN_PREFIX = 'psl_';

/**
 * Accounts, sign-in, sessions and API tokens. Every change and every sign-in attempt is
 * written to the audit chain in the same transaction as the change.
 */
export class GovernanceService {
  #dummyHash: Promise<string> | undefined;
  constructor(private readonly o: GovernanceOptions) {}

  /** Creates a user. `actor` null means the node's own CLI (operator on the machine). */
  async createUser(actor: Actor | null, input: CreateUserRequest): Promise<CreateUserResult> {
    if (actor) requirePermission(actor, 'user.manage');
    const parsed = createUserRequestSchema.safeParse(input);
    if (!parsed.success) {
      throw new ValidationError(
        parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
      );
    }
    const req = parsed.data;
    const roles = [...new Set(req.roles)] as Role[];
    const needsTotp = roles.some((r) => rolesRequiringTotp.includes(r));
    const totpSecret = needsTotp ? base32Encode(this.o.random.bytes(20)) : null;
    const passwordHash = await hashPassword(req.password, this.o.scrypt);
    const now = this.o.clock.now();
    const id = randomUUID();
    await this.o.db.transaction().execute(async (tx) => {
      if (await store.findUserByUsername(tx, req.username)) {
        throw new ConflictError(`User ${req.username} already exists`, 'username_taken');
      }
      await store.insertUser(tx, {
        id,
        username: req.username,
        display_name: req.displayName,
        password_hash: passwordHash,
        roles,
        totp_secret: totpSecret,
        totp_enabled: needsTotp,
        created_at: now,
        updated_at: now,
      });
      await appendAudit(tx, this.o.clock, {
        actor: actor ? auditActor(actor) : 'cli',
        action: 'user.create',
        subject: `user:${req.username}`,
        detail: { roles, totp: needsTotp },
      });
    });
    const row = await store.findUserById(this.o.db, id);
    return { user: store.toUserView(row!), totpSecret };
  }

  /** Lists the node's users (admin). */
  async listUsers(actor: Actor): Promise<UserView[]> {
    requirePermission(actor, 'user.manage');
    return (await store.listUsers(this.o.db)).map(store.toUserView);
  }

  /** Number of accounts; used by `init` and the demo to know whether to seed. */
  countUsers(): Promise<number> {
    return store.countUsers(this.o.db);
  }

  /**
   * Signs in with password and, where the account has one, a TOTP code. Failures are
   * counted and audited (committed even though the request fails); the account locks after
   * `lockoutThreshold` failures for `lockoutMinutes`. An unknown user costs the same time
   * as a wrong password, so sign-in does not reveal which accounts exist.
   */
  async login(
    req: LoginRequest,
    meta: { ip?: string | null; userAgent?: string | null } = {},
  ): Promise<SessionResult> {
    const now = this.o.clock.now();
    const user = await store.findUserByUsername(this.o.db, req.username);
    if (!user || user.disabled) {
      this.#dummyHash ??= makeDummyHash(this.o.scrypt);
      await verifyPassword(req.password, await this.#dummyHash);
      await this.#audit('anonymous', 'auth.login_failed', `user:${req.username.slice(0, 64)}`, {
        reason: user ? 'disabled' : 'unknown_user',
        ip: meta.ip ?? null,
      });
      throw new UnauthenticatedError('invalid_credentials', 'Wrong username or password');
    }
    if (user.locked_until && new Date(user.locked_until) > now) {
      await this.#audit('anonymous', 'auth.login_refused', `user:${user.username}`, { reason: 'locked' });
      throw new ApiError(
        423,
        'locked',
        `Account locked after repeated failures until ${new Date(user.locked_until).toISOString()}`,
      );
    }
    if (!(await verifyPassword(req.password, user.password_hash))) {
      await this.#fail(user, 'bad_password', meta.ip);
      throw new UnauthenticatedError('invalid_credentials', 'Wrong username or password');
    }
    let totpCounter: number | null = null;
    if (user.totp_enabled && user.totp_secret) {
      if (!req.totp)
        throw new UnauthenticatedError('totp_required', 'Enter the six-digit code from your authenticator');
      const step = verifyTotp(user.totp_secret, req.totp, now);
      // A code already used (same or earlier step) is refused: RFC 6238 §5.2.
      if (step === null || (user.totp_last_counter !== null && step <= Number(user.totp_last_counter))) {
        await this.#fail(user, 'bad_totp', meta.ip);
        throw new UnauthenticatedError('totp_invalid', 'The code is wrong or was already used');
      }
      totpCounter = step;
    }
    const token = randomToken(this.o.random);
    const csrfToken = randomToken(this.o.random, 18);
    const expiresAt = new Date(now.getTime() + this.o.sessionTtlMinutes * 60_000);
    await this.o.db.transaction().execute(async (tx) => {
      await store.recordSuccessfulLogin(tx, user.id, totpCounter, now);
      await store.insertSession(tx, {
        id_hash: sha256(token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now,
        expires_at: expiresAt,
        last_seen_at: now,
        ip: meta.ip ?? null,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      });
      await appendAudit(tx, this.o.clock, {
        actor: `user:${user.username}`,
        action: 'auth.login',
        subject: `user:${user.username}`,
        detail: { ip: meta.ip ?? null, totp: totpCounter !== null },
      });
    });
    const fresh = await store.findUserById(this.o.db, user.id);
    return { token, csrfToken, expiresAt, user: store.toUserView(fresh!) };
  }

  async #fail(user: store.UserRow, reason: string, ip: string | null | undefined) {
    const now = this.o.clock.now();
    await this.o.db.transaction().execute(async (tx) => {
      const failures = user.failed_logins + 1;
      const lock =
        failures >= this.o.lockoutThreshold ? new Date(now.getTime() + this.o.lockoutMinutes * 60_000) : null;
      await store.recordFailedLogin(tx, user.id, lock, now);
      await appendAudit(tx, this.o.clock, {
        actor: 'anonymous',
        action: lock ? 'auth.locked' : 'auth.login_failed',
        subject: `user:${user.username}`,
        detail: { reason, failures, ip: ip ?? null },
      });
    });
  }

  async #audit(actor: string, action: string, subject: string, detail: Record<string, unknown>) {
    await this.o.db
      .transaction()
      .execute((tx) => appendAudit(tx, this.o.clock, { actor, action, subject, detail }).then(() => {}));
  }

  /** Resolves a session cookie to its actor; expired or idle sessions are removed. */
  async authenticateSession(token: string): Promise<Actor> {
    const now = this.o.clock.now();
    const idHash = sha256(token);
    const s = await store.findSession(this.o.db, idHash);
    if (!s || s.disabled) throw new UnauthenticatedError();
    const idleLimit = new Date(new Date(s.last_seen_at).getTime() + this.o.sessionIdleMinutes * 60_000);
    if (new Date(s.expires_at) <= now || idleLimit <= now) {
      await store.deleteSession(this.o.db, idHash);
      throw new UnauthenticatedError('session_expired', 'Your session has expired; sign in again');
    }
    // Touch at most once a minute: one write per request would serialise every read on PGlite.
    if (now.getTime() - new Date(s.last_seen_at).getTime() > 60_000)
      await store.touchSession(this.o.db, idHash, now);
    return {
      userId: s.user_id,
      username: s.username,
      displayName: s.display_name,
      roles: s.roles as Role[],
      via: 'session',
      csrfToken: s.csrf_token,
    };
  }

  /** Ends a session. */
  async logout(actor: Actor, token: string): Promise<void> {
    await this.o.db.transaction().execute(async (tx) => {
      await store.deleteSession(tx, sha256(token));
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'auth.logout',
        subject: `user:${actor.username}`,
      });
    });
  }

  /** Resolves an API token (`Authorization: Bearer psl_…`) to its actor. */
  async authenticateToken(token: string): Promise<Actor> {
    if (!token.startsWith(API_TOKEN_PREFIX))
      throw new UnauthenticatedError('invalid_token', 'Unknown API token');
    const now = this.o.clock.now();
    const t = await store.findTokenByHash(this.o.db, sha256(token));
    if (!t || t.disabled || t.revoked_at || (t.expires_at && new Date(t.expires_at) <= now)) {
      throw new UnauthenticatedError('invalid_token', 'Unknown, expired or revoked API token');
    }
    if (!t.last_used_at || now.getTime() - new Date(t.last_used_at).getTime() > 60_000) {
      await store.markTokenUsed(this.o.db, t.id, now);
    }
    return {
      userId: t.user_id,
      username: t.username,
      displayName: t.display_name,
      roles: t.roles as Role[],
      via: 'token',
    };
  }

  /** Issues an API token for the actor's own account; the token is shown once. */
  async createToken(
    actorOrUsername: Actor | string,
    input: { name: string; expiresInDays?: number },
  ): Promise<{ token: string; view: TokenView }> {
    const user =
      typeof actorOrUsername === 'string'
        ? await store.findUserByUsername(this.o.db, actorOrUsername)
        : await store.findUserById(this.o.db, actorOrUsername.userId);
    if (!user) throw new NotFoundError('No such user');
    const now = this.o.clock.now();
    const id = randomUUID();
    const token = `${API_TOKEN_PREFIX}${randomToken(this.o.random)}`;
    const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
    await this.o.db.transaction().execute(async (tx) => {
      await store.insertToken(tx, {
        id,
        user_id: user.id,
        name: input.name,
        token_hash: sha256(token),
        created_at: now,
        expires_at: expiresAt,
        last_used_at: null,
        revoked_at: null,
      });
      await appendAudit(tx, this.o.clock, {
        actor: typeof actorOrUsername === 'string' ? 'cli' : auditActor(actorOrUsername),
        action: 'token.create',
        subject: `user:${user.username}`,
        detail: { tokenId: id, name: input.name },
      });
    });
    return {
      token,
      view: {
        id,
        name: input.name,
        createdAt: now.toISOString(),
        expiresAt: expiresAt?.toISOString() ?? null,
        lastUsedAt: null,
        revokedAt: null,
      },
    };
  }

  /** The actor's own API tokens. */
  async listTokens(actor: Actor): Promise<TokenView[]> {
    return (await store.listTokensOfUser(this.o.db, actor.userId)).map((t) => ({
      id: t.id,
      name: t.name,
      createdAt: new Date(t.created_at).toISOString(),
      expiresAt: t.expires_at ? new Date(t.expires_at).toISOString() : null,
      lastUsedAt: t.last_used_at ? new Date(t.last_used_at).toISOString() : null,
      revokedAt: t.revoked_at ? new Date(t.revoked_at).toISOString() : null,
    }));
  }

  /** Revokes one of the actor's tokens. */
  async revokeToken(actor: Actor, tokenId: string): Promise<void> {
    const now = this.o.clock.now();
    await this.o.db.transaction().execute(async (tx) => {
      if (!(await store.revokeToken(tx, tokenId, actor.userId, now)))
        throw new NotFoundError('No such active token');
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'token.revoke',
        subject: `user:${actor.username}`,
        detail: { tokenId },
      });
    });
  }

  /** The current user's own view. */
  async me(actor: Actor): Promise<UserView> {
    const row = await store.findUserById(this.o.db, actor.userId);
    if (!row) throw new UnauthenticatedError();
    return store.toUserView(row);
  }

  /**
   * Changes a user's display name, roles or disabled flag (admin). Refuses to leave the
   * node without an enabled administrator. Disabling ends the user's sessions.
   */
  async updateUser(actor: Actor, id: string, input: UpdateUserRequest): Promise<UserView> {
    requirePermission(actor, 'user.manage');
    const now = this.o.clock.now();
    await this.o.db.transaction().execute(async (tx) => {
      const user = await store.findUserById(tx, id);
      if (!user) throw new NotFoundError('No such user');
      const roles = input.roles ? ([...new Set(input.roles)] as Role[]) : (user.roles as Role[]);
      const disabled = input.disabled ?? user.disabled;
      const admins = await store.enabledAdminIds(tx);
      const remains = admins.filter((a) => a !== id).length + (roles.includes('admin') && !disabled ? 1 : 0);
      if (remains === 0)
        throw new ConflictError('This would leave the node without an administrator', 'last_admin');
      const needsTotp = roles.some((r) => rolesRequiringTotp.includes(r));
      if (needsTotp && !user.totp_enabled) {
        throw new ConflictError(
          'Admin and DPO roles need a second factor: create a new account for them',
          'totp_not_enrolled',
        );
      }
      await store.updateUser(
        tx,
        id,
        { ...(input.displayName ? { display_name: input.displayName } : {}), roles, disabled },
        now,
      );
      if (disabled) await store.deleteSessionsOfUser(tx, id);
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'user.update',
        subject: `user:${user.username}`,
        detail: { roles, disabled, displayName: input.displayName ?? null },
      });
    });
    return store.toUserView((await store.findUserById(this.o.db, id))!);
  }

  /** Lifts a lock-out before it expires (admin). */
  async unlockUser(actor: Actor, id: string): Promise<UserView> {
    requirePermission(actor, 'user.manage');
    const now = this.o.clock.now();
    await this.o.db.transaction().execute(async (tx) => {
      const user = await store.findUserById(tx, id);
      if (!user) throw new NotFoundError('No such user');
      await store.updateUser(tx, id, { locked_until: null, failed_logins: 0 }, now);
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'user.unlock',
        subject: `user:${user.username}`,
      });
    });
    return store.toUserView((await store.findUserById(this.o.db, id))!);
  }

  /** Changes one's own password; other sessions of the account end. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await store.findUserById(this.o.db, actor.userId);
    if (!user) throw new UnauthenticatedError();
    if (!(await verifyPassword(currentPassword, user.password_hash))) {
      throw new ValidationError('The current password is wrong', [
        { path: 'body.currentPassword', code: 'wrong_password', message: 'The current password is wrong' },
      ]);
    }
    const hash = await hashPassword(newPassword, this.o.scrypt);
    const now = this.o.clock.now();
    await this.o.db.transaction().execute(async (tx) => {
      await store.updateUser(tx, user.id, { password_hash: hash }, now);
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'user.password_change',
        subject: `user:${user.username}`,
      });
    });
  }

  /** Number of accounts locked out right now (admin dashboard). */
  async countLockedAccounts(actor: Actor): Promise<number> {
    requirePermission(actor, 'user.manage');
    return store.countLockedUsers(this.o.db, this.o.clock.now());
  }

  /** The TOTP secret of a user, for the demo's helper only (never exposed over HTTP). */
  async totpSecretOf(username: string): Promise<string | null> {
    return (await store.findUserByUsername(this.o.db, username))?.totp_secret ?? null;
  }
}
