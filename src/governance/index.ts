// Governance: accounts, roles and permissions, need-to-know, sign-in, sessions, API tokens,
// audit access.

export {
  registerAccessRoutes,
  registerSharingPolicyRoutes,
  registerSubjectRoutes,
} from './access-routes.js';
export {
  AccessService,
  type AccessServiceOptions,
  BREAK_GLASS_MAX_MINUTES,
  type BreakGlassRequest,
  type BreakGlassView,
  type UnitView,
} from './access-service.js';
export { CREDENTIAL_CACHE_MS, CREDENTIALS_CHANNEL, CredentialCache } from './credential-cache.js';
export {
  canSee,
  grantKey,
  isAddressee,
  isRestricted,
  type NeedToKnowColumns,
  type NeedToKnowContext,
  type NeedToKnowRecord,
  type Visibility,
  visibility,
  visibleCondition,
} from './need-to-know.js';
export { checkNeutrality, type NeutralityFlag, type NeutralityResult } from './neutrality.js';
export {
  DATA_CATEGORIES,
  dataCategoriesOf,
  decideOutgoingReview,
  type OutgoingReviewDecision,
  type ReviewFlag,
} from './outgoing-review.js';
export type { RetentionDueRecord, RetentionPurgeInput, RetentionSource } from './retention-source.js';
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
export {
  activeSharingPolicies,
  notifyDpo,
  SharingPolicyService,
  type SharingPolicyView,
} from './sharing-policies.js';
export {
  type SubjectChange,
  type SubjectHit,
  type SubjectRecordSource,
  type SubjectReport,
  SubjectRequestService,
} from './subject-requests.js';
