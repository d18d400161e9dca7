import { createHash, randomUUID } from 'node:crypto';
import {
  ApiError,
  type AuditEntry,
  type AuditVerifyResult,
  appendAudit,
  base32Encode,
  type Clock,
  ConflictError,
  type Db,
  ForbiddenError,
  hashPassword,
  type Logger,
  listAuditEntries,
  makeDummyHash,
  NotFoundError,
  type Random,
  randomToken,
  type ScryptParams,
  type SecretBox,
  UnauthenticatedError,
  ValidationError,
  verifyAuditChain,
  verifyPassword,
  verifyTotp,
} from '../platform/index.js';
import { PASSWORD_HISTORY, PasswordPolicy } from './password-policy.js';
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
  /** Seals TOTP secrets at rest under the node's storage secret. */
  totpBox: SecretBox;
}

/** API token lifetimes in days: default and maximum, shorter for admin and DPO scopes. */
export const TOKEN_LIFETIME_DAYS = { default: 30, max: 90, privilegedDefault: 7, privilegedMax: 7 } as const;

/** What a new API token may do. */
export interface CreateTokenInput {
  name: string;
  expiresInDays?: number;
  /** Roles the token acts with; a subset of the user's roles (all of them when absent). */
  scopes?: Role[];
  /** A current TOTP code: required over HTTP for a token carrying the admin or DPO role. */
  totp?: string;
}

/** The message of every refused sign-in, so the answer never tells which accounts exist or are locked. */
const SIGN_IN_REFUSED = 'Wrong username or password, or the account is locked after repeated failures';

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
  readonly #policy = new PasswordPolicy();
  constructor(private readonly o: GovernanceOptions) {}

  /**
   * Seals TOTP secrets still stored in clear (rows written before secrets were encrypted at
   * rest). Runs at start-up; idempotent. Returns how many rows it sealed.
   */
  async sealClearTotpSecrets(): Promise<number> {
    const rows = await store.usersWithClearTotp(this.o.db);
    for (const r of rows)
      await store.setTotpSecret(this.o.db, r.id, this.o.totpBox.seal(r.totp_secret!, r.id));
    return rows.length;
  }

  #totpSecret(user: store.UserRow): string | null {
    return user.totp_secret ? this.o.totpBox.open(user.totp_secret, user.id) : null;
  }

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
    await this.#policy.check(req.password, [req.username, req.displayName], 'body.password');
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
        totp_secret: totpSecret ? this.o.totpBox.seal(totpSecret, id) : null,
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
   * Signs in with password and, where the account has one, a TOTP code. Every attempt costs
   * one password hash whatever the account (unknown, disabled, locked or real) and every
   * refusal answers the same 401, so neither status nor timing tells an outsider which
   * accounts exist or are locked. Failures are counted atomically in SQL and audited in their
   * own committed transaction; the account locks after `lockoutThreshold` failures for
   * `lockoutMinutes`. Success is a conditional update (not locked, TOTP step unused), so a
   * lock set by a concurrent failure or a code used by a concurrent sign-in is honoured.
   */
  async login(
    req: LoginRequest,
    meta: { ip?: string | null; userAgent?: string | null } = {},
  ): Promise<SessionResult> {
    const now = this.o.clock.now();
    const user = await store.findUserByUsername(this.o.db, req.username);
    this.#dummyHash ??= makeDummyHash(this.o.scrypt);
    const passwordOk = await verifyPassword(req.password, user?.password_hash ?? (await this.#dummyHash));
    const ip = meta.ip ?? null;
    if (!user || user.disabled) {
      await this.#audit('anonymous', 'auth.login_failed', `user:${req.username.slice(0, 64)}`, {
        reason: user ? 'disabled' : 'unknown_user',
        ip,
      });
      throw new UnauthenticatedError(SIGN_IN_REFUSED, 'invalid_credentials');
    }
    if (user.locked_until && new Date(user.locked_until) > now) {
      await this.#audit('anonymous', 'auth.login_refused', `user:${user.username}`, { reason: 'locked', ip });
      throw new UnauthenticatedError(SIGN_IN_REFUSED, 'invalid_credentials');
    }
    if (!passwordOk) {
      await this.#fail(user, 'bad_password', ip);
      throw new UnauthenticatedError(SIGN_IN_REFUSED, 'invalid_credentials');
    }
    let totpCounter: number | null = null;
    const secret = user.totp_enabled ? this.#totpSecret(user) : null;
    if (secret) {
      if (!req.totp)
        throw new UnauthenticatedError('Enter the six-digit code from your authenticator', 'totp_required');
      const step = verifyTotp(secret, req.totp, now);
      if (step === null) {
        await this.#fail(user, 'bad_totp', ip);
        throw new UnauthenticatedError('The code is wrong or was already used', 'totp_invalid');
      }
      totpCounter = step;
    }
    const token = randomToken(this.o.random);
    const csrfToken = randomToken(this.o.random, 18);
    const expiresAt = new Date(now.getTime() + this.o.sessionTtlMinutes * 60_000);
    const outcome = await this.o.db.transaction().execute(async (tx) => {
      // RFC 6238 §5.2: a code is accepted once. The step and the lock are checked by the
      // UPDATE itself, so two concurrent sign-ins with one code cannot both pass.
      if (!(await store.recordSuccessfulLogin(tx, user.id, totpCounter, now))) {
        const fresh = await store.findUserById(tx, user.id);
        return fresh?.locked_until && new Date(fresh.locked_until) > now ? 'locked' : 'totp_reused';
      }
      await store.insertSession(tx, {
        id_hash: sha256(token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now,
        expires_at: expiresAt,
        last_seen_at: now,
        ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      });
      await appendAudit(tx, this.o.clock, {
        actor: `user:${user.username}`,
        action: 'auth.login',
        subject: `user:${user.username}`,
        detail: { ip, totp: totpCounter !== null },
      });
      return 'ok';
    });
    if (outcome === 'locked') {
      await this.#audit('anonymous', 'auth.login_refused', `user:${user.username}`, { reason: 'locked', ip });
      throw new UnauthenticatedError(SIGN_IN_REFUSED, 'invalid_credentials');
    }
    if (outcome === 'totp_reused') {
      await this.#fail(user, 'totp_reused', ip);
      throw new UnauthenticatedError('The code is wrong or was already used', 'totp_invalid');
    }
    const fresh = await store.findUserById(this.o.db, user.id);
    return { token, csrfToken, expiresAt, user: store.toUserView(fresh!) };
  }

  /** Counts a failure towards lock-out (atomically) and audits it; returns whether the account is now locked. */
  async #fail(
    user: store.UserRow,
    reason: string,
    ip: string | null | undefined,
    options: { actor?: string; action?: string } = {},
  ): Promise<boolean> {
    const now = this.o.clock.now();
    return this.o.db.transaction().execute(async (tx) => {
      const r = await store.recordFailedLogin(
        tx,
        user.id,
        {
          threshold: this.o.lockoutThreshold,
          lockUntil: new Date(now.getTime() + this.o.lockoutMinutes * 60_000),
        },
        now,
      );
      const justLocked = r.locked && r.failures === this.o.lockoutThreshold;
      // A lock ends the account's sessions too: whoever is guessing may be holding one.
      if (justLocked) await store.deleteOtherSessions(tx, user.id, null);
      await appendAudit(tx, this.o.clock, {
        actor: options.actor ?? 'anonymous',
        action: justLocked ? 'auth.locked' : (options.action ?? 'auth.login_failed'),
        subject: `user:${user.username}`,
        detail: { reason, failures: r.failures, ip: ip ?? null },
      });
      return r.locked;
    });
  }

  /**
   * Audit entries, newest first (admin, DPO). Reading the log is itself recorded: who looked
   * at whose activity is part of accountability.
   */
  async readAudit(
    actor: Actor,
    filter: { actor?: string; action?: string; subject?: string; beforeSeq?: number; limit?: number },
  ): Promise<AuditEntry[]> {
    requirePermission(actor, 'audit.read');
    return this.o.db.transaction().execute(async (tx) => {
      const entries = await listAuditEntries(tx, filter);
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'audit.read',
        detail: { filter: JSON.parse(JSON.stringify(filter)), returned: entries.length },
      });
      return entries;
    });
  }

  /** Recomputes the audit chain (admin, DPO) and records that it was checked, with the outcome. */
  async verifyAudit(actor: Actor): Promise<AuditVerifyResult> {
    requirePermission(actor, 'audit.verify');
    const result = await verifyAuditChain(this.o.db);
    await this.#audit(auditActor(actor), 'audit.verify', null, {
      ok: result.ok,
      entries: result.entries,
      ...(result.ok ? {} : { brokenAt: result.brokenAt, reason: result.reason }),
    });
    return result;
  }

  /**
   * Records a refused request of a signed-in user (403: role, need-to-know or CSRF), so
   * probing for what one may not do leaves a trace.
   */
  async recordDenied(actor: Actor, code: string, request: { method: string; path: string }): Promise<void> {
    await this.#audit(
      auditActor(actor),
      code === 'csrf_invalid' ? 'auth.csrf_failed' : 'access.denied',
      null,
      {
        code,
        method: request.method,
        path: request.path.slice(0, 200),
        via: actor.via,
      },
    );
  }

  /** Audits a sign-in request refused before it was read (not JSON, not text, invalid fields). */
  async recordRefusedSignIn(code: string, ip: string | null): Promise<void> {
    await this.#audit('anonymous', 'auth.login_refused', null, { reason: code, ip });
  }

  async #audit(actor: string, action: string, subject: string | null, detail: Record<string, unknown>) {
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
      throw new UnauthenticatedError('Your session has expired; sign in again', 'session_expired');
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
      throw new UnauthenticatedError('Unknown API token', 'invalid_token');
    const now = this.o.clock.now();
    const t = await store.findTokenByHash(this.o.db, sha256(token));
    if (!t || t.disabled || t.revoked_at || (t.expires_at && new Date(t.expires_at) <= now)) {
      throw new UnauthenticatedError('Unknown, expired or revoked API token', 'invalid_token');
    }
    if (!t.last_used_at || now.getTime() - new Date(t.last_used_at).getTime() > 60_000) {
      await store.markTokenUsed(this.o.db, t.id, now);
    }
    // The token acts with its scopes, never more than the user holds today.
    const scopes = new Set(t.scopes);
    return {
      userId: t.user_id,
      username: t.username,
      displayName: t.display_name,
      roles: (t.roles as Role[]).filter((r) => scopes.has(r)),
      via: 'token',
    };
  }

  /**
   * Issues an API token for the actor's own account (or, given a username, for the node's
   * operator at the CLI); the token is shown once. Its scopes are a subset of the user's
   * roles and it always expires ({@link TOKEN_LIFETIME_DAYS}). Over HTTP a token can only be
   * made from a browser session (a token cannot mint a longer-lived one), and a token
   * carrying the admin or DPO role only with a fresh, unused TOTP code: the second factor
   * those roles require is checked when the token is made, so the token is not a way around it.
   */
  async createToken(
    actorOrUsername: Actor | string,
    input: CreateTokenInput,
  ): Promise<{ token: string; view: TokenView }> {
    const viaCli = typeof actorOrUsername === 'string';
    const user = viaCli
      ? await store.findUserByUsername(this.o.db, actorOrUsername)
      : await store.findUserById(this.o.db, actorOrUsername.userId);
    if (!user) throw new NotFoundError('No such user');
    if (!viaCli && actorOrUsername.via !== 'session')
      throw new ForbiddenError('API tokens are created from a signed-in browser session', 'session_required');
    const userRoles = user.roles as Role[];
    const scopes = [...new Set(input.scopes ?? userRoles)];
    const foreign = scopes.filter((r) => !userRoles.includes(r));
    if (scopes.length === 0 || foreign.length > 0) {
      const message = `scopes: choose among your roles (${userRoles.join(', ')})`;
      throw new ValidationError(message, [{ path: 'body.scopes', code: 'invalid_scope', message }]);
    }
    const privileged = scopes.some((r) => rolesRequiringTotp.includes(r));
    const maxDays = privileged ? TOKEN_LIFETIME_DAYS.privilegedMax : TOKEN_LIFETIME_DAYS.max;
    const days =
      input.expiresInDays ??
      (privileged ? TOKEN_LIFETIME_DAYS.privilegedDefault : TOKEN_LIFETIME_DAYS.default);
    if (days > maxDays) {
      const message = `expiresInDays: at most ${maxDays} days for these scopes`;
      throw new ValidationError(message, [{ path: 'body.expiresInDays', code: 'too_long', message }]);
    }
    const now = this.o.clock.now();
    if (!viaCli && privileged) {
      const secret = this.#totpSecret(user);
      if (!secret || !input.totp)
        throw new UnauthenticatedError(
          'Enter a current authenticator code to create an admin or DPO token',
          'totp_required',
        );
      const step = verifyTotp(secret, input.totp, now);
      if (step === null || !(await store.consumeTotpStep(this.o.db, user.id, step, now))) {
        await this.#fail(user, 'bad_totp', null, {
          actor: auditActor(actorOrUsername),
          action: 'token.step_up_failed',
        });
        throw new UnauthenticatedError('The code is wrong or was already used', 'totp_invalid');
      }
    }
    const id = randomUUID();
    const token = `${API_TOKEN_PREFIX}${randomToken(this.o.random)}`;
    const expiresAt = new Date(now.getTime() + days * 86_400_000);
    await this.o.db.transaction().execute(async (tx) => {
      await store.insertToken(tx, {
        id,
        user_id: user.id,
        name: input.name,
        token_hash: sha256(token),
        scopes,
        created_at: now,
        expires_at: expiresAt,
        last_used_at: null,
        revoked_at: null,
      });
      await appendAudit(tx, this.o.clock, {
        actor: viaCli ? 'cli' : auditActor(actorOrUsername),
        action: 'token.create',
        subject: `user:${user.username}`,
        detail: { tokenId: id, name: input.name, scopes, expiresAt: expiresAt.toISOString() },
      });
    });
    return {
      token,
      view: {
        id,
        name: input.name,
        scopes,
        createdAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
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
      scopes: t.scopes as Role[],
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

  /**
   * Changes one's own password. A wrong current password counts towards lock-out like a
   * failed sign-in and is audited; a weak password or one of the last few is refused. The
   * change ends the account's other sessions and revokes its API tokens: whoever knew the
   * old password may hold either.
   */
  async changePassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
    meta: { sessionToken?: string | null; ip?: string | null } = {},
  ): Promise<void> {
    const user = await store.findUserById(this.o.db, actor.userId);
    if (!user) throw new UnauthenticatedError();
    const now = this.o.clock.now();
    if (user.locked_until && new Date(user.locked_until) > now)
      throw new ApiError(423, 'locked', 'The account is locked after repeated failures');
    if (!(await verifyPassword(currentPassword, user.password_hash))) {
      const locked = await this.#fail(user, 'bad_current_password', meta.ip, {
        actor: auditActor(actor),
        action: 'user.password_change_failed',
      });
      if (locked) throw new ApiError(423, 'locked', 'The account is locked after repeated failures');
      throw new ValidationError('The current password is wrong', [
        { path: 'body.currentPassword', code: 'wrong_password', message: 'The current password is wrong' },
      ]);
    }
    await this.#policy.check(newPassword, [user.username, user.display_name], 'body.newPassword');
    const history = [user.password_hash, ...user.previous_password_hashes];
    for (const old of history) {
      if (await verifyPassword(newPassword, old)) {
        const message = `Choose a password you have not used for your last ${PASSWORD_HISTORY + 1} passwords`;
        throw new ApiError(400, 'password_reused', message, {
          issues: [{ path: 'body.newPassword', code: 'password_reused', message }],
        });
      }
    }
    const hash = await hashPassword(newPassword, this.o.scrypt);
    await this.o.db.transaction().execute(async (tx) => {
      await store.setPassword(tx, user.id, hash, history.slice(0, PASSWORD_HISTORY), now);
      const sessions = await store.deleteOtherSessions(
        tx,
        user.id,
        meta.sessionToken ? sha256(meta.sessionToken) : null,
      );
      const tokens = await store.revokeTokensOfUser(tx, user.id, now);
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'user.password_change',
        subject: `user:${user.username}`,
        detail: { endedSessions: sessions, revokedTokens: tokens },
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
    const user = await store.findUserByUsername(this.o.db, username);
    return user ? this.#totpSecret(user) : null;
  }
}
