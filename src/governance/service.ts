import { randomUUID } from 'node:crypto';
import {
  ApiError,
  type AuditEntry,
  type AuditVerifyResult,
  appendAudit,
  base32Encode,
  ConflictError,
  hashPassword,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
  verifyPassword,
} from '../platform/index.js';
import { ApiTokens, type CreateTokenInput } from './api-tokens.js';
import { AuditAccess } from './audit-access.js';
import { type GovernanceOptions, openTotpSecret, recordFailure, sha256 } from './credentials.js';
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
import { type SessionResult, SignIn } from './sign-in.js';
import * as store from './store.js';

export { API_TOKEN_PREFIX, type CreateTokenInput, TOKEN_LIFETIME_DAYS } from './api-tokens.js';
export type { GovernanceOptions } from './credentials.js';
export type { SessionResult } from './sign-in.js';

/** A new user; the TOTP secret is returned once, for enrolment. */
export interface CreateUserResult {
  user: UserView;
  totpSecret: string | null;
}

/**
 * Accounts, sign-in, sessions, API tokens and access to the audit log. Accounts live here;
 * sign-in and sessions in `sign-in.ts`, API tokens in `api-tokens.ts`, the audit log's
 * reading and the audit of refusals in `audit-access.ts`, with the helpers they share
 * (failure counting, sealed TOTP secrets) in `credentials.ts`. Every change and every
 * sign-in attempt is written to the audit chain in the same transaction as the change.
 */
export class GovernanceService {
  readonly #policy = new PasswordPolicy();
  readonly #signIn: SignIn;
  readonly #tokens: ApiTokens;
  readonly #audit: AuditAccess;

  constructor(private readonly o: GovernanceOptions) {
    this.#signIn = new SignIn(o);
    this.#tokens = new ApiTokens(o);
    this.#audit = new AuditAccess(o);
  }

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

  // --- Sign-in and sessions (sign-in.ts) -----------------------------------------------------

  /**
   * Signs in with password and, where the account has one, a TOTP code (see
   * {@link SignIn.login}: one answer and one cost for every refusal, atomic lock-out,
   * single-use codes).
   */
  login(
    req: LoginRequest,
    meta: { ip?: string | null; userAgent?: string | null } = {},
  ): Promise<SessionResult> {
    return this.#signIn.login(req, meta);
  }

  /** Resolves a session cookie to its actor; expired or idle sessions are removed. */
  authenticateSession(token: string): Promise<Actor> {
    return this.#signIn.authenticateSession(token);
  }

  /** Ends a session. */
  logout(actor: Actor, token: string): Promise<void> {
    return this.#signIn.logout(actor, token);
  }

  // --- API tokens (api-tokens.ts) ------------------------------------------------------------

  /** Resolves an API token (`Authorization: Bearer psl_…`) to its actor. */
  authenticateToken(token: string): Promise<Actor> {
    return this.#tokens.authenticate(token);
  }

  /** Issues an API token for the actor's own account, or for a user at the CLI (see {@link ApiTokens.create}). */
  createToken(
    actorOrUsername: Actor | string,
    input: CreateTokenInput,
  ): Promise<{ token: string; view: TokenView }> {
    return this.#tokens.create(actorOrUsername, input);
  }

  /** The actor's own API tokens. */
  listTokens(actor: Actor): Promise<TokenView[]> {
    return this.#tokens.list(actor);
  }

  /** Revokes one of the actor's tokens. */
  revokeToken(actor: Actor, tokenId: string): Promise<void> {
    return this.#tokens.revoke(actor, tokenId);
  }

  // --- The audit log (audit-access.ts) -----------------------------------------------------

  /** Audit entries, newest first (admin, DPO); the reading is itself audited. */
  readAudit(
    actor: Actor,
    filter: { actor?: string; action?: string; subject?: string; beforeSeq?: number; limit?: number },
  ): Promise<AuditEntry[]> {
    return this.#audit.read(actor, filter);
  }

  /** Recomputes the audit chain (admin, DPO) and records that it was checked, with the outcome. */
  verifyAudit(actor: Actor): Promise<AuditVerifyResult> {
    return this.#audit.verify(actor);
  }

  /** Records a refused request of a signed-in user (403: role, need-to-know or CSRF). */
  recordDenied(actor: Actor, code: string, request: { method: string; path: string }): Promise<void> {
    return this.#audit.recordDenied(actor, code, request);
  }

  /** Audits a sign-in request refused before it was read (not JSON, not text, invalid fields). */
  recordRefusedSignIn(code: string, ip: string | null): Promise<void> {
    return this.#audit.recordRefusedSignIn(code, ip);
  }

  // --- Accounts ----------------------------------------------------------------------------

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
    // Other processes hear of it from the database (credential-cache.ts); this one at once.
    this.o.credentialCache?.clear();
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
      const locked = await recordFailure(this.o, user, 'bad_current_password', meta.ip, {
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
    this.o.credentialCache?.clear();
  }

  /** Number of accounts locked out right now (admin dashboard). */
  async countLockedAccounts(actor: Actor): Promise<number> {
    requirePermission(actor, 'user.manage');
    return store.countLockedUsers(this.o.db, this.o.clock.now());
  }

  /** The TOTP secret of a user, for the demo's helper only (never exposed over HTTP). */
  async totpSecretOf(username: string): Promise<string | null> {
    const user = await store.findUserByUsername(this.o.db, username);
    return user ? openTotpSecret(this.o, user) : null;
  }
}
