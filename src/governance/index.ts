// Governance: accounts, roles and permissions, sign-in, sessions, API tokens, audit access.
export {
  type Actor,
  auditActor,
  can,
  type Permission,
  permissions,
  type Role,
  requirePermission,
  roles,
  rolesRequiringTotp,
} from './roles.js';
export {
  CSRF_COOKIE,
  CSRF_HEADER,
  createAuthenticator,
  registerGovernanceRoutes,
  SESSION_COOKIE,
} from './routes.js';
export type { CreateUserRequest, LoginRequest, TokenView, UserView } from './schema.js';
export {
  API_TOKEN_PREFIX,
  type CreateUserResult,
  type GovernanceOptions,
  GovernanceService,
  type SessionResult,
} from './service.js';
