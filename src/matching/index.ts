// Matching: privacy-preserving hit/no-hit checks with partners (DESIGN §7) — the OPRF over
// edwards25519, the matching index and its published filter, checks and batches, follow-up
// requests, per-partner policies, quotas and reports.
export {
  type AnswerFailure,
  cardSigningKey,
  type HolderSigningKey,
  hashElements,
  MATCHING_ANSWER_TYP,
  type MatchingAnswer,
  matchingAnswerSchema,
  RETIRED_KEY_SKEW_MS,
  signMatchingAnswer,
  verifyMatchingAnswer,
} from './answer-signature.js';
export { MAX_BATCH_ITEMS, parseCheckCsv } from './batch-csv.js';
export { ENTRY_BYTES, formatHitRef, MatchFilter, parseHitRef } from './filter.js';
export { MatchingHolder, type MatchingHolderOptions } from './holder.js';
export { MatchingIndex, type MatchingIndexOptions, type RefreshResult } from './matching-index.js';
export {
  blind,
  blindEvaluate,
  evaluateDirect,
  generateOprfKey,
  hashToGroup,
  InvalidElementError,
  isValidElement,
  OPRF_SUITE,
  scalarMultiplyOnce,
  unblindFinalize,
} from './oprf.js';
export { OprfPool, type OprfPoolOptions } from './oprf-pool.js';
export { MAX_EVALUATE_BYTES, registerMatchingRoutes, registerPartnerMatchingRoutes } from './routes.js';
export {
  type CheckItem,
  type CheckRequest,
  type CheckResponse,
  type CheckResult,
  checkItemSchema,
  evaluateRequestSchema,
  evaluateResponseSchema,
  filterResponseSchema,
  ITEM_KINDS,
  RECORD_TYPES,
} from './schema.js';
export {
  DEFAULT_DAILY_QUOTA,
  HIT_REF_VALIDITY_DAYS,
  type HitRefRefusal,
  MATCHING_EVALUATE_PATH,
  MATCHING_FILTER_PATH,
  type MatchingOptions,
  type MatchingPorts,
  MatchingService,
} from './service.js';
export { ItemNotMatchableError, itemTokens, matchableRecords, TOKEN_VERSION } from './tokens.js';
