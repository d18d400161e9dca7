import {
  appendAudit,
  makeDummyHash,
  randomToken,
  UnauthenticatedError,
  verifyPassword,
  verifyTotp,
} from '../platform/index.js';
import { auditAlone, type GovernanceOptions, openTotpSecret, recordFailure, sha256 } from './credentials.js';
import { type Actor, auditActor, type Role } from './roles.js';
import type { LoginRequest, UserView } from './schema.js';
import * as store from './store.js';

/** The message of every refused sign-in, so the answer never tells which accounts exist or are locked. */
const SIGN_IN_REFUSED = 'Wrong username or password, or the account is locked after repeated failures';

/** A new browser session: the cookie value is returned once and only its hash is stored. */
export interface SessionResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserView;
}

/** A session row as {@link store.findSession} reads it. */
type SessionFound = NonNullable<Awaited<ReturnType<typeof store.findSession>>>;

function sessionActor(s: SessionFound): Actor {
  return {
    userId: s.user_id,
    username: s.username,
    displayName: s.display_name,
    roles: s.roles as Role[],
    via: 'session',
    csrfToken: s.csrf_token,
  };
}

/** Sign-in and browser sessions: password, second factor, lock-out, session lifetime. */
export class SignIn {
  readonly #o: GovernanceOptions;
  #dummyHash: Promise<string> | undefined;

  constructor(o: GovernanceOptions) {
    this.#o = o;
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
    const now = this.#o.clock.now();
    const user = await store.findUserByUsername(this.#o.db, req.username);
    this.#dummyHash ??= makeDummyHash(this.#o.scrypt);
    const passwordOk = await verifyPassword(req.password, user?.password_hash ?? (await this.#dummyHash));
    const ip = meta.ip ?? null;
    if (!user || user.disabled) {
      await auditAlone(this.#o, 'anonymous', 'auth.login_failed', `user:${req.username.slice(0, 64)}`, {
        reason: user ? 'disabled' : 'unknown_user',
        ip,
      });
      throw new UnauthenticatedError(SIGN_IN_REFUSED, 'invalid_credentials');
    }
    if (user.locked_until && new Date(user.locked_until) > now) {
      await auditAlone(this.#o, 'anonymous', 'auth.login_refused', `user:${user.username}`, {
        reason: 'locked',
        ip,
      });
      throw new UnauthenticatedError(SIGN_IN_REFUSED, 'invalid_credentials');
    }
    if (!passwordOk) {
      await recordFailure(this.#o, user, 'bad_password', ip);
      throw new UnauthenticatedError(SIGN_IN_REFUSED, 'invalid_credentials');
    }
    let totpCounter: number | null = null;
    const secret = user.totp_enabled ? openTotpSecret(this.#o, user) : null;
    if (secret) {
      if (!req.totp)
        throw new UnauthenticatedError('Enter the six-digit code from your authenticator', 'totp_required');
      const step = verifyTotp(secret, req.totp, now);
      if (step === null) {
        await recordFailure(this.#o, user, 'bad_totp', ip);
        throw new UnauthenticatedError('The code is wrong or was already used', 'totp_invalid');
      }
      totpCounter = step;
    }
    const token = randomToken(this.#o.random);
    const csrfToken = randomToken(this.#o.random, 18);
    const expiresAt = new Date(now.getTime() + this.#o.sessionTtlMinutes * 60_000);
    const outcome = await this.#o.db.transaction().execute(async (tx) => {
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
      await appendAudit(tx, this.#o.clock, {
        actor: `user:${user.username}`,
        action: 'auth.login',
        subject: `user:${user.username}`,
        detail: { ip, totp: totpCounter !== null },
      });
      return 'ok';
    });
    if (outcome === 'locked') {
      await auditAlone(this.#o, 'anonymous', 'auth.login_refused', `user:${user.username}`, {
        reason: 'locked',
        ip,
      });
      throw new UnauthenticatedError(SIGN_IN_REFUSED, 'invalid_credentials');
    }
    if (outcome === 'totp_reused') {
      await recordFailure(this.#o, user, 'totp_reused', ip);
      throw new UnauthenticatedError('The code is wrong or was already used', 'totp_invalid');
    }
    const fresh = await store.findUserById(this.#o.db, user.id);
    return { token, csrfToken, expiresAt, user: store.toUserView(fresh!) };
  }

  /**
   * Resolves a session cookie to its actor; expired or idle sessions are removed. A session
   * found valid within the last second may be answered from this process's cache
   * (credential-cache.ts); expiry and idle time are still checked on the cached row.
   */
  async authenticateSession(token: string): Promise<Actor> {
    const now = this.#o.clock.now();
    const idHash = sha256(token);
    const cache = this.#o.credentialCache;
    const key = `session:${idHash}`;
    const cached = cache?.get(key) as SessionFound | undefined;
    // Served from the cache only while nothing is due: an expired-looking or stale row (its
    // last-seen time may have been moved on by another process) goes to the database.
    if (cached && this.#valid(cached, now) && !this.#touchDue(cached, now)) return sessionActor(cached);
    const generation = cache?.generation ?? 0;
    const s = await store.findSession(this.#o.db, idHash);
    if (!s || s.disabled) throw new UnauthenticatedError();
    if (!this.#valid(s, now)) {
      await store.deleteSession(this.#o.db, idHash);
      cache?.delete(key);
      throw new UnauthenticatedError('Your session has expired; sign in again', 'session_expired');
    }
    // Touch at most once a minute: one write per request would serialise every read on PGlite.
    const touched = this.#touchDue(s, now);
    if (touched) await store.touchSession(this.#o.db, idHash, now);
    cache?.set(key, touched ? { ...s, last_seen_at: now } : s, generation);
    return sessionActor(s);
  }

  #valid(s: SessionFound, now: Date): boolean {
    const idleLimit = new Date(new Date(s.last_seen_at).getTime() + this.#o.sessionIdleMinutes * 60_000);
    return new Date(s.expires_at) > now && idleLimit > now;
  }

  #touchDue(s: SessionFound, now: Date): boolean {
    return now.getTime() - new Date(s.last_seen_at).getTime() > 60_000;
  }

  /** Ends a session. */
  async logout(actor: Actor, token: string): Promise<void> {
    await this.#o.db.transaction().execute(async (tx) => {
      await store.deleteSession(tx, sha256(token));
      await appendAudit(tx, this.#o.clock, {
        actor: auditActor(actor),
        action: 'auth.logout',
        subject: `user:${actor.username}`,
      });
    });
    // Other processes hear of it from the database (credential-cache.ts); this one at once.
    this.#o.credentialCache?.clear();
  }
}
