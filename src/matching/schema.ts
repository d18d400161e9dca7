// Request and view schemas of the matching API (zod: validated at the edge, published in the
// OpenAPI document), the federation payloads of the hit/no-hit protocol, and the CSV format.
import { z } from 'zod';
import { isCountryCode } from '../entities/index.js';
import { CRIME_AREAS } from '../exchange/index.js';

/** Kinds of record the index holds and a partner may be allowed to match against. */
export const RECORD_TYPES = ['person', 'identity_document', 'phone', 'vessel', 'financial'] as const;
/** A kind of matchable record. */
export type RecordType = (typeof RECORD_TYPES)[number];

/** Kinds of item a querier checks. */
export const ITEM_KINDS = ['person', 'passport', 'phone', 'vessel', 'iban'] as const;

const countryCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isCountryCode, 'Must be an ISO 3166-1 alpha-2 country code');

/** One item to check with a partner. */
export const checkItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('person'),
    /** The name as written, in any script; several spellings may be given. */
    names: z.array(z.string().trim().min(1).max(300)).min(1).max(5),
    birthYear: z.number().int().min(1900).max(2100).optional(),
  }),
  z.strictObject({
    kind: z.literal('passport'),
    number: z.string().trim().min(3).max(30),
    issuingCountry: countryCode,
  }),
  z.strictObject({
    kind: z.literal('phone'),
    /** E.164, or national format with `country`. */
    number: z.string().trim().min(3).max(40),
    country: countryCode.optional(),
  }),
  z.strictObject({
    kind: z.literal('vessel'),
    imo: z.string().trim().max(12).optional(),
    mmsi: z.string().trim().max(12).optional(),
  }),
  z.strictObject({ kind: z.literal('iban'), iban: z.string().trim().min(5).max(42) }),
]);
/** One item to check. */
export type CheckItem = z.infer<typeof checkItemSchema>;

const purpose = z
  .string()
  .trim()
  .min(3, 'State the purpose of the check')
  .max(500)
  .describe('Why the check is made (purpose limitation); logged on both sides, never the values');
const legalBasis = z
  .string()
  .trim()
  .min(3, 'State the legal basis of the check')
  .max(500)
  .describe('Treaty, agreement article or national law the check rests on; logged on both sides');

/** A check of one or more items with one partner. */
export const checkRequestSchema = z.strictObject({
  partner: z.string().min(2).max(63),
  purpose,
  legalBasis,
  items: z.array(checkItemSchema).min(1).max(100),
});
export type CheckRequest = z.infer<typeof checkRequestSchema>;

/** The result of one item. */
export const checkResultSchema = z.object({
  index: z.number().int(),
  item: checkItemSchema,
  hit: z.boolean(),
  /** Opaque references of the partner's matching records: quote one in the follow-up request. */
  hitRefs: z.array(z.string()),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

/** The answer to a check. */
export const checkResponseSchema = z.object({
  queryId: z.uuid(),
  partner: z.string(),
  /** Key epoch of the partner's index the check ran against. */
  epoch: z.number().int(),
  results: z.array(checkResultSchema),
});
export type CheckResponse = z.infer<typeof checkResponseSchema>;

/** A CSV batch: columns kind, name, birth_year, number, country, imo, mmsi, iban. */
export const batchRequestSchema = z.strictObject({
  partner: z.string().min(2).max(63),
  purpose,
  legalBasis,
  csv: z.string().min(1).max(4_000_000),
});
export type BatchRequest = z.infer<typeof batchRequestSchema>;

/** Progress of a batch. */
export const batchViewSchema = z.object({
  id: z.uuid(),
  partner: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  total: z.number().int(),
  done: z.number().int(),
  hits: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type BatchView = z.infer<typeof batchViewSchema>;

/** The follow-up request for information after a hit. */
export const followUpRequestSchema = z.strictObject({
  partner: z.string().min(2).max(63),
  hitRef: z.string().regex(/^MX-[A-Z2-7]{16}$/, 'A hit reference such as MX-ABCDEFGHIJKLMNOP'),
  purpose,
  legalBasis,
  crimeAreas: z.array(z.enum(CRIME_AREAS)).min(1).max(CRIME_AREAS.length),
  /** What is asked; a default text is used when absent. */
  question: z.string().trim().min(1).max(5000).optional(),
});
export type FollowUpRequest = z.infer<typeof followUpRequestSchema>;

/** Per-partner matching policy (set by the DPO). */
export const policySchema = z.strictObject({
  enabled: z.boolean(),
  recordTypes: z.array(z.enum(RECORD_TYPES)).max(RECORD_TYPES.length),
  /** Crime areas of the records the partner may match; empty means every area. */
  crimeAreas: z.array(z.enum(CRIME_AREAS)).max(CRIME_AREAS.length),
  /** Blind evaluations the partner may ask for per UTC day (one per token). */
  dailyQuota: z.number().int().min(0).max(10_000_000),
});
export type MatchingPolicy = z.infer<typeof policySchema>;

export const policyViewSchema = policySchema.extend({
  partner: z.string(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type PolicyView = z.infer<typeof policyViewSchema>;

/** Status of this node's matching index. */
export const indexStatusSchema = z.object({
  epoch: z.number().int(),
  version: z.number().int(),
  records: z.number().int(),
  tokens: z.number().int(),
  recordsByType: z.record(z.string(), z.number().int()),
  filterBytes: z.number().int(),
  bytesPerRecord: z.number(),
  keyCreatedAt: z.string().nullable(),
  keyAgeDays: z.number().nullable(),
  rotationDays: z.number().int(),
  lastRefreshAt: z.string().nullable(),
  suite: z.string(),
});
export type IndexStatus = z.infer<typeof indexStatusSchema>;

/** Entities a node registers for matching: persons, documents, phones, vessels, IBANs. */
export const holdingRequestSchema = z.strictObject({
  /** Where the records come from (a national file, a case), for the officer who resolves a hit. */
  source: z.string().trim().min(1).max(200),
  crimeAreas: z.array(z.enum(CRIME_AREAS)).min(1).max(CRIME_AREAS.length),
  entities: z.array(z.record(z.string(), z.unknown())).min(1).max(10_000),
});
export type HoldingRequest = z.infer<typeof holdingRequestSchema>;

export const holdingViewSchema = z.object({
  id: z.uuid(),
  source: z.string(),
  kind: z.string(),
  crimeAreas: z.array(z.string()),
  entity: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type HoldingView = z.infer<typeof holdingViewSchema>;

/** What a hit reference points at, for the holder's officer. */
export const hitRecordSchema = z.object({
  hitRef: z.string(),
  recordType: z.string(),
  source: z.enum(['holding', 'message']),
  sourceId: z.string(),
  entityId: z.string(),
  crimeAreas: z.array(z.string()),
  /** Still in the index (false: the record was withdrawn since). */
  current: z.boolean(),
  /** The entity, when the officer may see its source. */
  entity: z.record(z.string(), z.unknown()).nullable(),
});
export type HitRecord = z.infer<typeof hitRecordSchema>;

/** A partner's follow-up rfi as its recipient sees it: the hit reference and its record(s). */
export const followUpRecordsSchema = z.object({
  messageId: z.uuid(),
  /** The partner that made the check and sent the rfi. */
  partner: z.string(),
  hitRef: z.string(),
  records: z.array(hitRecordSchema),
});
export type FollowUpRecords = z.infer<typeof followUpRecordsSchema>;

/** Per-partner report of queries made and received. */
export const partnerReportSchema = z.object({
  partner: z.string(),
  made: z.object({ queries: z.number().int(), items: z.number().int(), hits: z.number().int() }),
  received: z.object({
    queries: z.number().int(),
    items: z.number().int(),
    evaluations: z.number().int(),
    refused: z.number().int(),
  }),
  evaluationsToday: z.number().int(),
  dailyQuota: z.number().int(),
  lastQueryAt: z.string().nullable(),
});
export type PartnerReport = z.infer<typeof partnerReportSchema>;

/** One logged query (no values: counts, purpose, legal basis). */
export const queryLogSchema = z.object({
  id: z.uuid(),
  direction: z.enum(['made', 'received']),
  partner: z.string(),
  officer: z.string().nullable(),
  purpose: z.string(),
  legalBasis: z.string(),
  items: z.number().int(),
  evaluations: z.number().int(),
  hits: z.number().int().nullable(),
  outcome: z.string(),
  createdAt: z.string(),
  /**
   * The holder's signed answer (compact JWS, PROTOCOL §12.2) of an evaluated query: on the
   * querier's side, its proof of what the holder answered; on the holder's, its copy.
   */
  answerJws: z.string().nullable(),
});
export type QueryLog = z.infer<typeof queryLogSchema>;

// ---- federation payloads (PROTOCOL §12) -----------------------------------------------------

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/** Body of `POST /federation/v1/matching/evaluate`. */
export const evaluateRequestSchema = z.strictObject({
  queryId: z.uuid(),
  /** Key epoch the querier's copy of the filter belongs to. */
  epoch: z.number().int().min(1),
  purpose: z.string().min(3).max(500),
  legalBasis: z.string().min(3).max(500),
  /** Items the elements stand for (the quota counts elements). */
  items: z.number().int().min(1).max(100_000),
  /** Blinded elements: 32-byte encodings, base64. */
  elements: z.array(b64.length(44)).min(1).max(200_000),
});
export type EvaluateRequest = z.infer<typeof evaluateRequestSchema>;

/** Answer of `POST /federation/v1/matching/evaluate`. */
export const evaluateResponseSchema = z.strictObject({
  queryId: z.uuid(),
  epoch: z.number().int(),
  suite: z.string(),
  evaluated: z.array(b64.length(44)),
  /** The holder's signature over the query id, the elements' hashes and the key epoch (§12.2). */
  answer: z.string().max(4096),
  /** The holder's index version and this caller's policy version when it evaluated: a querier
   * whose filter copy is at another version fetches the delta before testing (PROTOCOL §12.2). */
  version: z.number().int().optional(),
  policyVersion: z.number().int().optional(),
});
export type EvaluateResponse = z.infer<typeof evaluateResponseSchema>;

/** Answer of `GET /federation/v1/matching/filter`. */
export const filterResponseSchema = z.strictObject({
  suite: z.string(),
  /**
   * Token version the holder's tokens are derived with (`v2`); absent from holders that predate
   * the field (v1 tokens). A querier on another version refuses the check.
   */
  tokenVersion: z.string().min(1).max(16).optional(),
  epoch: z.number().int(),
  /** The partner's policy version: a change means a full filter. */
  policyVersion: z.number().int(),
  version: z.number().int(),
  /** True: `added` is the whole filter; false: a delta since the version asked for. */
  full: z.boolean(),
  /** Entries of 16 bytes (6-byte fingerprint, 10-byte sealed reference), concatenated, base64. */
  added: b64,
  removed: b64,
});
export type FilterResponse = z.infer<typeof filterResponseSchema>;
