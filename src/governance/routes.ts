import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  ApiError,
  type ApiRouter,
  auditEntryViewSchema,
  auditVerifyResultSchema,
  type Clock,
  type Db,
  ForbiddenError,
  SharedWindowCounter,
  UnauthenticatedError,
} from '../platform/index.js';
import type { Actor } from './roles.js';
import {
  changePasswordRequestSchema,
  createTokenRequestSchema,
  createUserRequestSchema,
  loginRequestSchema,
  tokenViewSchema,
  updateUserRequestSchema,
  userViewSchema,
} from './schema.js';
import type { GovernanceService } from './service.js';

export const SESSION_COOKIE = 'passerelle_session';
export const CSRF_COOKIE = 'passerelle_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Sign-in attempts allowed per client address and minute (account lock-out is separate). */
const LOGIN_ATTEMPTS_PER_MINUTE = 30;

/**
 * Resolves the actor of a request: a bearer API token, or a session cookie. Browser
 * sessions must echo their CSRF token in a header on every request that can change state
 * (double-submit, on top of SameSite=Strict cookies).
 */
export function createAuthenticator(service: GovernanceService) {
  return async (c: Context): Promise<Actor> => {
    const auth = c.req.header('authorization');
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!m)
        throw new UnauthenticatedError('Authorization header must be "Bearer <token>"', 'invalid_token');
      return service.authenticateToken(m[1]!);
    }
    const token = getCookie(c, SESSION_COOKIE);
    if (!token) throw new UnauthenticatedError();
    const actor = await service.authenticateSession(token);
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && c.req.header(CSRF_HEADER) !== actor.csrfToken) {
      await service.recordDenied(actor, 'csrf_invalid', { method: c.req.method, path: c.req.path });
      throw new ForbiddenError('Missing or wrong CSRF token', 'csrf_invalid');
    }
    return actor;
  };
}

/** Registers sign-in, accounts, API tokens and audit routes. */
export function registerGovernanceRoutes(
  router: ApiRouter<Actor>,
  deps: {
    service: GovernanceService;
    db: Db;
    clock: Clock;
    secureCookies: boolean;
    clientIp: (c: Context) => string | null;
  },
): void {
  const { service } = deps;
  // Shared by every process of the node (the counters live in the database).
  const signIns = new SharedWindowCounter(deps.db, deps.clock, 'signin');
  const userResponse = z.object({ user: userViewSchema });

  router.route({
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Sign in with password (and TOTP code where required); sets the session and CSRF cookies',
    auth: 'public',
    body: loginRequestSchema,
    response: userResponse,
    errors: ['invalid_credentials', 'totp_required', 'totp_invalid', 'rate_limited', 'invalid_text'],
    // A sign-in refused for its input is still a sign-in attempt: audit it (and count it
    // against the address), so malformed guessing is as visible as wrong passwords.
    onRefused: async (c, error) => {
      const ip = deps.clientIp(c);
      await signIns.count(ip ?? 'unknown');
      await service.recordRefusedSignIn(error.code, ip);
    },
    handler: async ({ body, c }) => {
      const ip = deps.clientIp(c);
      if ((await signIns.count(ip ?? 'unknown')) > LOGIN_ATTEMPTS_PER_MINUTE) {
        throw new ApiError(429, 'rate_limited', 'Too many sign-in attempts; wait a minute');
      }
      const s = await service.login(body, { ip, userAgent: c.req.header('user-agent') ?? null });
      const common = {
        path: '/',
        sameSite: 'Strict' as const,
        secure: deps.secureCookies,
        expires: s.expiresAt,
      };
      setCookie(c, SESSION_COOKIE, s.token, { ...common, httpOnly: true });
      setCookie(c, CSRF_COOKIE, s.csrfToken, { ...common, httpOnly: false });
      return { user: s.user };
    },
  });

  router.route({
    method: 'get',
    path: '/auth/me',
    tag: 'auth',
    summary: 'The signed-in user',
    auth: 'user',
    response: userResponse,
    handler: async ({ actor }) => ({ user: await service.me(actor) }),
  });

  router.route({
    method: 'post',
    path: '/auth/logout',
    tag: 'auth',
    summary: 'End the current session',
    auth: 'user',
    status: 204,
    handler: async ({ actor, c }) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await service.logout(actor, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, CSRF_COOKIE, { path: '/' });
      return undefined;
    },
  });

  router.route({
    method: 'get',
    path: '/users',
    tag: 'users',
    summary: 'List the accounts of this node (admin)',
    auth: 'user',
    response: z.object({ users: z.array(userViewSchema) }),
    handler: async ({ actor }) => ({ users: await service.listUsers(actor) }),
  });

  router.route({
    method: 'post',
    path: '/users',
    tag: 'users',
    summary: 'Create an account (admin). Admin and DPO accounts get a TOTP secret, returned once',
    auth: 'user',
    body: createUserRequestSchema,
    status: 201,
    response: z.object({ user: userViewSchema, totpSecret: z.string().nullable() }),
    errors: ['username_taken'],
    handler: ({ actor, body }) => service.createUser(actor, body),
  });

  router.route({
    method: 'patch',
    path: '/users/:id',
    tag: 'users',
    summary: 'Change display name, roles or disabled flag (admin); disabling ends the sessions',
    auth: 'user',
    params: z.object({ id: z.uuid() }),
    body: updateUserRequestSchema,
    response: userResponse,
    errors: ['not_found', 'last_admin', 'totp_not_enrolled'],
    handler: async ({ actor, params, body }) => ({ user: await service.updateUser(actor, params.id, body) }),
  });

  router.route({
    method: 'post',
    path: '/users/:id/unlock',
    tag: 'users',
    summary: 'Lift a lock-out after repeated failed sign-ins (admin)',
    auth: 'user',
    params: z.object({ id: z.uuid() }),
    response: userResponse,
    errors: ['not_found'],
    handler: async ({ actor, params }) => ({ user: await service.unlockUser(actor, params.id) }),
  });

  router.route({
    method: 'post',
    path: '/auth/password',
    tag: 'auth',
    summary: 'Change your own password; ends your other sessions and revokes your API tokens',
    auth: 'user',
    body: changePasswordRequestSchema,
    status: 204,
    errors: ['weak_password', 'password_reused', 'locked'],
    handler: async ({ actor, body, c }) => {
      await service.changePassword(actor, body.currentPassword, body.newPassword, {
        sessionToken: getCookie(c, SESSION_COOKIE) ?? null,
        ip: deps.clientIp(c),
      });
      return undefined;
    },
  });

  router.route({
    method: 'get',
    path: '/tokens',
    tag: 'users',
    summary: 'Your API tokens',
    auth: 'user',
    response: z.object({ tokens: z.array(tokenViewSchema) }),
    handler: async ({ actor }) => ({ tokens: await service.listTokens(actor) }),
  });

  router.route({
    method: 'post',
    path: '/tokens',
    tag: 'users',
    summary:
      'Create an API token for the CLI from a browser session; the token is shown once. Admin and DPO scopes need a current TOTP code',
    errors: ['session_required', 'totp_required', 'totp_invalid'],
    auth: 'user',
    body: createTokenRequestSchema,
    status: 201,
    response: z.object({ token: z.string(), view: tokenViewSchema }),
    handler: ({ actor, body }) => service.createToken(actor, body),
  });

  router.route({
    method: 'delete',
    path: '/tokens/:id',
    tag: 'users',
    summary: 'Revoke one of your API tokens',
    auth: 'user',
    params: z.object({ id: z.uuid() }),
    status: 204,
    errors: ['not_found'],
    handler: async ({ actor, params }) => {
      await service.revokeToken(actor, params.id);
      return undefined;
    },
  });

  router.route({
    method: 'get',
    path: '/audit',
    tag: 'audit',
    summary: 'Audit entries, newest first (admin, DPO)',
    auth: 'user',
    query: z.object({
      actor: z.string().max(200).optional(),
      action: z.string().max(100).optional(),
      subject: z.string().max(300).optional(),
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
    response: z.object({ entries: z.array(auditEntryViewSchema) }),
    handler: async ({ actor, query }) => {
      const entries = await service.readAudit(actor, { ...query, beforeSeq: query.before });
      return { entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  });

  router.route({
    method: 'post',
    path: '/audit/verify',
    tag: 'audit',
    summary: 'Recompute the audit hash chain and report the first broken link (admin, DPO)',
    auth: 'user',
    response: auditVerifyResultSchema,
    handler: async ({ actor }) => service.verifyAudit(actor),
  });
}
