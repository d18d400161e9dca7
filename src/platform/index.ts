// The platform layer: database, crypto, audit chain, configuration, logging and HTTP plumbing.
// It imports no feature module.
export {
  appendAudit,
  type AuditEntry,
  type AuditEntryInput,
  type AuditVerifyResult,
  GENESIS_HASH,
  hashAuditEntry,
  listAuditEntries,
  verifyAuditChain,
} from './audit/audit-log.js';
export { type Clock, ManualClock, systemClock } from './clock.js';
export {
  type Config,
  ConfigError,
  dataFiles,
  loadConfig,
  type NodeFile,
  nodeFileSchema,
  type NodeIdentity,
  nodeIdentitySchema,
  readKeyPassphrase,
} from './config.js';
export { canonicalJson } from './crypto/canonical-json.js';
export {
  generateNodeKeys,
  KeyStoreError,
  loadNodeKeys,
  type NodeKeyPair,
  type NodeKeys,
  saveNodeKeys,
} from './crypto/node-keys.js';
export {
  defaultScryptParams,
  hashPassword,
  makeDummyHash,
  type ScryptParams,
  verifyPassword,
} from './crypto/password.js';
export { base32Decode, base32Encode, hotp, totpCode, totpUri, verifyTotp } from './crypto/totp.js';
export { type Database, type DatabaseConfig, migrateToLatest, openDatabase } from './db/database.js';
export { DatabaseLockedError } from './db/data-lock.js';
export type { DatabaseSchema, Db, DbOrTx, Tx } from './db/schema.js';
export {
  ApiError,
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from './errors.js';
export {
  type ApiRouter,
  type ApiRouterOptions,
  createApiRouter,
  type RouteRequest,
  type RouteSpec,
} from './http/api-router.js';
export { handleError } from './http/error-handler.js';
export { createLogger, type Logger, type LogLevel } from './logger.js';
export { type Random, randomToken, systemRandom } from './random.js';
export { Secret } from './secret.js';
