import { randomUUID } from 'node:crypto';
import {
  appendAudit,
  ForbiddenError,
  NotFoundError,
  randomToken,
  UnauthenticatedError,
  ValidationError,
  verifyTotp,
} from '../platform/index.js';
import { type GovernanceOptions, openTotpSecret, recordFailure, sha256 } from './credentials.js';
import { type Actor, auditActor, type Role, rolesRequiringTotp } from './roles.js';
import type { TokenView } from './schema.js';
import * as store from './store.js';

/** Prefix of API tokens, so leaked tokens are recognisable by secret scanners. */
export const API_TOKEN_PREFIX = 'psl_';

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

/** A token row as {@link store.findTokenByHash} reads it. */
type TokenFound = NonNullable<Awaited<ReturnType<typeof store.findTokenByHash>>>;

function tokenExpired(t: TokenFound, now: Date): boolean {
  return t.expires_at !== null && new Date(t.expires_at) <= now;
}

/** "Last used" is written at most once a minute. */
function usedMarkDue(t: TokenFound, now: Date): boolean {
  return !t.last_used_at || now.getTime() - new Date(t.last_used_at).getTime() > 60_000;
}

/** The token acts with its scopes, never more than the user holds today. */
function tokenActor(t: TokenFound): Actor {
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
 * Personal API tokens (`Authorization: Bearer psl_…`): scoped to a subset of the user's
 * roles, always expiring, shown once and stored as a hash.
 */
export class ApiTokens {
  readonly #o: GovernanceOptions;

  constructor(o: GovernanceOptions) {
    this.#o = o;
  }

  /**
   * Resolves an API token (`Authorization: Bearer psl_…`) to its actor. A token found valid
   * within the last second may be answered from this process's cache (credential-cache.ts);
   * its expiry is still checked on the cached row.
   */
  async authenticate(token: string): Promise<Actor> {
    if (!token.startsWith(API_TOKEN_PREFIX))
      throw new UnauthenticatedError('Unknown API token', 'invalid_token');
    const now = this.#o.clock.now();
    const hash = sha256(token);
    const cache = this.#o.credentialCache;
    const key = `token:${hash}`;
    const cached = cache?.get(key) as TokenFound | undefined;
    if (cached && !tokenExpired(cached, now) && !usedMarkDue(cached, now)) return tokenActor(cached);
    const generation = cache?.generation ?? 0;
    const t = await store.findTokenByHash(this.#o.db, hash);
    if (!t || t.disabled) throw new UnauthenticatedError('Unknown API token', 'invalid_token');
    // Whoever holds the token's secret held the real token: saying why it no longer works
    // tells them nothing new, and tells a user whose script stopped what to do.
    if (t.revoked_at)
      throw new UnauthenticatedError('This API token was revoked: create a new one', 'invalid_token');
    if (tokenExpired(t, now)) {
      throw new UnauthenticatedError(
        `This API token expired on ${new Date(t.expires_at!).toISOString()}: create a new one on the API tokens page ` +
          `(tokens with the admin or DPO role last at most ${TOKEN_LIFETIME_DAYS.privilegedMax} days, others at most ${TOKEN_LIFETIME_DAYS.max})`,
        'invalid_token',
      );
    }
    const marked = usedMarkDue(t, now);
    if (marked) await store.markTokenUsed(this.#o.db, t.id, now);
    cache?.set(key, marked ? { ...t, last_used_at: now } : t, generation);
    return tokenActor(t);
  }

  /**
   * Issues an API token for the actor's own account (or, given a username, for the node's
   * operator at the CLI); the token is shown once. Its scopes are a subset of the user's
   * roles and it always expires ({@link TOKEN_LIFETIME_DAYS}). Over HTTP a token can only be
   * made from a browser session (a token cannot mint a longer-lived one), and a token
   * carrying the admin or DPO role only with a fresh, unused TOTP code: the second factor
   * those roles require is checked when the token is made, so the token is not a way around it.
   */
  async create(
    actorOrUsername: Actor | string,
    input: CreateTokenInput,
  ): Promise<{ token: string; view: TokenView }> {
    const viaCli = typeof actorOrUsername === 'string';
    const user = viaCli
      ? await store.findUserByUsername(this.#o.db, actorOrUsername)
      : await store.findUserById(this.#o.db, actorOrUsername.userId);
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
    const now = this.#o.clock.now();
    if (!viaCli && privileged) {
      const secret = openTotpSecret(this.#o, user);
      if (!secret || !input.totp)
        throw new UnauthenticatedError(
          'Enter a current authenticator code to create an admin or DPO token',
          'totp_required',
        );
      const step = verifyTotp(secret, input.totp, now);
      if (step === null || !(await store.consumeTotpStep(this.#o.db, user.id, step, now))) {
        await recordFailure(this.#o, user, 'bad_totp', null, {
          actor: auditActor(actorOrUsername),
          action: 'token.step_up_failed',
        });
        throw new UnauthenticatedError('The code is wrong or was already used', 'totp_invalid');
      }
    }
    const id = randomUUID();
    const token = `${API_TOKEN_PREFIX}${randomToken(this.#o.random)}`;
    const expiresAt = new Date(now.getTime() + days * 86_400_000);
    await this.#o.db.transaction().execute(async (tx) => {
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
      await appendAudit(tx, this.#o.clock, {
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
  async list(actor: Actor): Promise<TokenView[]> {
    return (await store.listTokensOfUser(this.#o.db, actor.userId)).map((t) => ({
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
  async revoke(actor: Actor, tokenId: string): Promise<void> {
    const now = this.#o.clock.now();
    await this.#o.db.transaction().execute(async (tx) => {
      if (!(await store.revokeToken(tx, tokenId, actor.userId, now)))
        throw new NotFoundError('No such active token');
      await appendAudit(tx, this.#o.clock, {
        actor: auditActor(actor),
        action: 'token.revoke',
        subject: `user:${actor.username}`,
        detail: { tokenId },
      });
    });
    // Other processes hear of it from the database (credential-cache.ts); this one at once.
    this.#o.credentialCache?.clear();
  }
}
