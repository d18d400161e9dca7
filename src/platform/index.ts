// The platform layer: database, crypto, audit chain, configuration, logging and HTTP plumbing.
// It imports no feature module.
export {
  type AuditEntry,
  type AuditEntryInput,
  type AuditHead,
  type AuditVerifyResult,
  appendAudit,
  appendAuditEntries,
  GENESIS_HASH,
  hashAuditEntry,
  listAuditEntries,
  readAuditHead,
  verifyAuditChain,
} from './audit/audit-log.js';
export { auditEntryViewSchema, auditVerifyResultSchema } from './audit/audit-views.js';
export {
  AuditGroupCommit,
  appendAuditGrouped,
  auditGroupFor,
  type GroupedAuditWork,
} from './audit/group-commit.js';
export { bundledDataDir, bundledDataPath, readBundledData, readDataFile } from './bundled-data.js';
export { type Clock, ManualClock, systemClock } from './clock.js';
export {
  type Config,
  ConfigError,
  dataFiles,
  loadConfig,
  type NodeFile,
  type NodeIdentity,
  nodeFileSchema,
  nodeIdentitySchema,
  readKeyPassphrase,
} from './config.js';
export {
  CanonicalJsonError,
  canonicalize,
  canonicalizeToBytes,
  type JsonValue,
  parseCanonicalJson,
} from './crypto/canonical-json.js';
export {
  base64url,
  type Ed25519PublicJwk,
  ed25519PublicJwk,
  ed25519PublicJwkSchema,
  exportPrivateJwk,
  generateNodeKeys,
  importPrivateJwk,
  importPublicJwk,
  jwkThumbprint,
  type KeyPairWithJwk,
  type NodeKeys,
  nodeKeysFromPrivateKeys,
  type SigningKey,
  sha256Base64url,
  type X25519PublicJwk,
  x25519PublicJwk,
  x25519PublicJwkSchema,
} from './crypto/keys.js';
export {
  generateNodeKeyring,
  KeyStoreError,
  loadNodeKeyring,
  loadNodeKeys,
  type NodeKeyring,
  saveNodeKeyring,
} from './crypto/node-keys.js';
export {
  defaultScryptParams,
  hashPassword,
  makeDummyHash,
  type ScryptParams,
  verifyPassword,
} from './crypto/password.js';
export { SecretBox } from './crypto/secret-box.js';
export { base32Decode, base32Encode, hotp, totpCode, totpUri, verifyTotp } from './crypto/totp.js';
export { DatabaseLockedError } from './db/data-lock.js';
export {
  type Database,
  type DatabaseConfig,
  liveProcessIds,
  migrateToLatest,
  migrateUpTo,
  migrationNames,
  openDatabase,
  PRESENCE_LOCK_SPACE,
  type Presence,
} from './db/database.js';
export { claimScheduledJob } from './db/scheduled-jobs.js';
export type { DatabaseSchema, Db, DbOrTx, Tx } from './db/schema.js';
export { inSavepoint, onCommit, runInTransaction } from './db/transaction.js';
export { isDatabaseUnavailable } from './db/unavailable.js';
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
  errorResponses,
  errorSchema,
  implicitErrors,
  type OpenApiInfo,
  type RouteRequest,
  type RouteSpec,
} from './http/api-router.js';
export { type ErrorCode, type ErrorSurface, errorCodes, statusOf } from './http/error-codes.js';
export { DATABASE_RETRY_AFTER_SECONDS, handleError } from './http/error-handler.js';
export {
  findIdempotentAnswer,
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_TTL_MS,
  type IdempotentRecord,
  idempotencyKeyOf,
  idempotencyRequestHash,
  isUniqueViolation,
  recordIdempotentAnswer,
} from './http/idempotency.js';
export { SharedWindowCounter, type WindowCounter } from './http/rate-limit.js';
export { createLogger, type Logger, type LogLevel } from './logger.js';
export { type MetricSources, NodeMetrics, type PoolStats } from './metrics.js';
export { type Random, randomToken, systemRandom } from './random.js';
export { Secret } from './secret.js';
export {
  BLOB_KEY,
  BlobNotFoundError,
  type BlobStore,
  type BlobStoreDescription,
  createBlobStore,
  FolderBlobStore,
  type OpenedBlob,
  S3BlobStore,
  type S3StoreConfig,
  STORAGE_RETRY_AFTER_SECONDS,
  StorageUnavailableError,
} from './storage/index.js';
export {
  assertText,
  claimText,
  findInvalidText,
  hasBidiControl,
  InvalidTextError,
  labelText,
  type TextProblem,
  textProblem,
} from './text.js';
