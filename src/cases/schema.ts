/**
 * Joint cases: the wire schemas of the `case.*` federation messages (docs/PROTOCOL.md §8.8),
 * the fields of each collection a case holds, and the views the API answers with. A case is
 * a log of operations (`CaseOp`); its state is the deterministic replay of that log
 * (`state.ts`), so two nodes holding the same operations hold the same case.
 */
import { z } from 'zod';
import { CRIME_AREAS, HANDLING_CODES, TLP_LEVELS } from '../exchange/index.js';

/** Roles a person or organisation plays in a network (issue #14, DESIGN §5). */
export const NETWORK_ROLES = [
  'organiser',
  'recruiter',
  'transporter',
  'boat_pilot',
  'facilitator',
  'financier',
  'hawala_agent',
  'forger',
  'corrupt_official',
  'victim',
  'witness',
  'suspect',
  'unknown',
] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

/** Kinds of entity a case holds (DESIGN §5). */
export const CASE_ENTITY_KINDS = [
  'person',
  'phone',
  'identity_document',
  'vessel',
  'vehicle',
  'organisation',
  'location',
  'financial',
  'event',
] as const;
export type CaseEntityKind = (typeof CASE_ENTITY_KINDS)[number];

/** Link types, read "from <type> to". */
export const LINK_TYPES = [
  'called',
  'paid',
  'travelled_with',
  'owns',
  'member_of',
  'recruited',
  'uses',
  'located_at',
  'associate',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** Handling codes from the least to the most restrictive (DESIGN §4). */
export const HANDLING_CODE_ORDER: readonly HandlingCode[] = HANDLING_CODES;
export type HandlingCode = (typeof HANDLING_CODES)[number];

/** Case statuses. */
export const CASE_STATUSES = ['open', 'active', 'suspended', 'closed'] as const;

/** Source reliability (A–C, X) and information accuracy (1–4), the 4×4 evaluation of DESIGN §4. */
export const evaluationSchema = z.strictObject({
  source: z.enum(['A', 'B', 'C', 'X']),
  accuracy: z.enum(['1', '2', '3', '4']),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

const line = (max = 200) => z.string().trim().min(1).max(max);
const nodeId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/);
const username = z.string().min(1).max(64);
/** A full or partial date (YYYY, YYYY-MM, YYYY-MM-DD) or a date-time. */
const when = z
  .string()
  .regex(
    /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?)?)?$/,
    'a date (YYYY[-MM[-DD]]) or date-time',
  );
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

/** Who recorded an entity or link, from what (DESIGN §5 provenance). */
export const provenanceSchema = z.strictObject({
  node: nodeId,
  officer: username,
  at: z.string(),
  /** The exchange message the information came from, when it came from one. */
  messageId: z.uuid().optional(),
  note: z.string().max(500).optional(),
});

/**
 * Most bytes of a case document's file. Its content travels inside a `case.document` envelope,
 * base64 within a signed then encrypted JWS/JWE (each layer adds a third): 1 MiB stays well
 * under the 4 MiB envelope limit.
 */
export const MAX_CASE_DOCUMENT_BYTES = 1024 * 1024;

/** The file of a case document, as the document item describes it. */
export const documentFileSchema = z.strictObject({
  /** A file name, not a path: no separators, control or bidirectional control characters. */
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
      /^[^\u0000-\u001F\u007F-\u009F/\\\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]+$/,
      'a file name without path separators, control or bidirectional control characters',
    ),
  mediaType: z.string().min(3).max(200),
  size: z.number().int().nonnegative().max(MAX_CASE_DOCUMENT_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256'),
});

/** Fields every collection item may carry. */
const removable = { removed: z.boolean() };

/** The fields of each collection's items; a `put` carries a subset of them. */
export const collectionFields = {
  members: z.strictObject({ node: nodeId, username, role: z.enum(['lead', 'member']), ...removable }),
  partners: z.strictObject({ node: nodeId, ...removable }),
  tasks: z.strictObject({
    title: line(),
    owner: z.string().min(1).max(130),
    deadline: z.iso.date().nullable(),
    status: z.enum(['open', 'done']),
    ...removable,
  }),
  events: z.strictObject({
    at: when,
    title: line(),
    description: z.string().max(4000),
    entityIds: z.array(z.uuid()).max(50),
    ...removable,
  }),
  documents: z.strictObject({
    title: line(),
    reference: z.string().max(200),
    note: z.string().max(4000),
    /** The attached file, when there is one (its content travels as `case.document`). */
    file: documentFileSchema.nullable().optional(),
    /** The document's own handling code (at least the case's when it was attached). */
    handlingCode: z.enum(HANDLING_CODES).optional(),
    ...removable,
  }),
  references: z.strictObject({
    kind: z.enum(['message', 'incident']),
    refId: z.uuid(),
    note: z.string().max(1000),
    /** What the record is, as its linker saw it (a partner may not hold the record). */
    label: z.string().max(300).optional(),
    /** The node the record lives on. */
    node: nodeId.optional(),
    ...removable,
  }),
  entities: z.strictObject({
    kind: z.enum(CASE_ENTITY_KINDS),
    label: line(),
    role: z.enum(NETWORK_ROLES).nullable(),
    /** Other spellings and scripts of the name. */
    aliases: z.array(line()).max(20),
    /** Canonical identifiers: `phone:+2126…`, `passport:PK:AB123`, `imo:9074729`, `iban:…`. */
    identifiers: z.array(z.string().min(3).max(120)).max(20),
    birthDate: when.nullable(),
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable(),
    lat: latitude.nullable(),
    lon: longitude.nullable(),
    notes: z.string().max(4000),
    evaluation: evaluationSchema,
    provenance: provenanceSchema,
    /** Marks demonstration data (synthetic persons, phones and vessels). */
    synthetic: z.boolean(),
    /** Set when merged into another entity; cleared by un-merge. */
    mergedInto: z.uuid().nullable(),
    ...removable,
  }),
  links: z.strictObject({
    from: z.uuid(),
    to: z.uuid(),
    type: z.enum(LINK_TYPES),
    at: when.nullable(),
    until: when.nullable(),
    /** Strength: number of calls, amount paid (in `currency`), times seen together. */
    weight: z.number().positive().max(1e12),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable(),
    evaluation: evaluationSchema,
    provenance: provenanceSchema,
    ...removable,
  }),
  legs: z.strictObject({
    from: line(),
    fromLat: latitude,
    fromLon: longitude,
    to: line(),
    toLat: latitude,
    toLon: longitude,
    departed: when.nullable(),
    arrived: when.nullable(),
    mode: z.enum(['air', 'sea', 'road', 'foot', 'unknown']),
    entityIds: z.array(z.uuid()).max(50),
    ...removable,
  }),
} as const;

export type Collection = keyof typeof collectionFields;
export const COLLECTIONS = Object.keys(collectionFields) as Collection[];
export type CollectionItem<C extends Collection> = z.infer<(typeof collectionFields)[C]>;

/** The case-level fields, each replaced as a whole. */
export const caseFields = {
  title: line(),
  summary: z.string().max(10_000),
  status: z.enum(CASE_STATUSES),
  crimeAreas: z.array(z.enum(CRIME_AREAS)).min(1).max(CRIME_AREAS.length),
  legalBasis: line(1000),
  handlingCode: z.enum(HANDLING_CODES),
  tlp: z.enum(TLP_LEVELS),
} as const;
export type CaseField = keyof typeof caseFields;
export const CASE_FIELDS = Object.keys(caseFields) as CaseField[];

/** A hybrid logical clock value: 15-digit Unix milliseconds, a dot, a 5-digit counter. */
export const hlcSchema = z.string().regex(/^\d{15}\.\d{5}$/, 'a hybrid logical clock value');

/**
 * One operation of a case log. `base` names, per field written, the operation whose value
 * the author saw (null: none): a write whose base is not the value it replaces was concurrent
 * with it, and the replaced value is kept as a conflict instead of being lost silently.
 */
export const caseOpSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: z.uuid(),
    hlc: hlcSchema,
    origin: nodeId,
    author: username,
    kind: z.literal('case.set'),
    fields: z.record(z.string(), z.unknown()),
    base: z.record(z.string(), z.uuid().nullable()),
  }),
  z.strictObject({
    id: z.uuid(),
    hlc: hlcSchema,
    origin: nodeId,
    author: username,
    kind: z.literal('item.put'),
    collection: z.enum(COLLECTIONS as [Collection, ...Collection[]]),
    itemId: z.uuid(),
    fields: z.record(z.string(), z.unknown()),
    base: z.record(z.string(), z.uuid().nullable()),
  }),
]);
export type CaseOp = z.infer<typeof caseOpSchema>;

/** Most operations one `case.ops` or `case.share` message carries (larger logs are split). */
export const MAX_OPS_PER_MESSAGE = 400;

export const CASE_SHARE_TYPE = 'case.share';
export const CASE_OPS_TYPE = 'case.ops';
export const CASE_WITHDRAW_TYPE = 'case.withdraw';
export const CASE_DOCUMENT_TYPE = 'case.document';

/** `case.share`: the owner shares a case (its whole log, in parts) with the recipient. */
export const caseSharePayloadSchema = z.strictObject({
  caseId: z.uuid(),
  owner: nodeId,
  part: z.number().int().min(1),
  parts: z.number().int().min(1),
  ops: z.array(caseOpSchema).max(MAX_OPS_PER_MESSAGE),
});

/** `case.ops`: operations made on one side, sent to the other. */
export const caseOpsPayloadSchema = z.strictObject({
  caseId: z.uuid(),
  ops: z.array(caseOpSchema).min(1).max(MAX_OPS_PER_MESSAGE),
});

/** `case.withdraw`: the owner stops sharing the case with the recipient. */
export const caseWithdrawPayloadSchema = z.strictObject({
  caseId: z.uuid(),
  reason: z.string().trim().min(1).max(1000),
});

/**
 * `case.document`: the content of a document file attached on the sender's side (the document
 * item itself travels as an ordinary operation). Base64 of at most {@link MAX_CASE_DOCUMENT_BYTES}.
 */
export const caseDocumentPayloadSchema = z.strictObject({
  caseId: z.uuid(),
  documentId: z.uuid(),
  file: documentFileSchema,
  content: z
    .string()
    .max(Math.ceil(MAX_CASE_DOCUMENT_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});
export type CaseDocumentPayload = z.infer<typeof caseDocumentPayloadSchema>;

// --- API bodies -------------------------------------------------------------------------

export const createCaseSchema = z.object({
  title: caseFields.title,
  summary: caseFields.summary.default(''),
  crimeAreas: caseFields.crimeAreas,
  legalBasis: caseFields.legalBasis,
  handlingCode: caseFields.handlingCode,
  tlp: caseFields.tlp.default('AMBER'),
});
export type CreateCaseRequest = z.input<typeof createCaseSchema>;

export const updateCaseSchema = z.object({
  title: caseFields.title.optional(),
  summary: caseFields.summary.optional(),
  status: caseFields.status.optional(),
  crimeAreas: caseFields.crimeAreas.optional(),
  legalBasis: caseFields.legalBasis.optional(),
  handlingCode: caseFields.handlingCode.optional(),
  tlp: caseFields.tlp.optional(),
  /** Per field, the operation id of the value the editor saw (from the case view). */
  base: z.record(z.string(), z.uuid().nullable()).optional(),
});
export type UpdateCaseRequest = z.infer<typeof updateCaseSchema>;

export const putItemSchema = z.object({
  fields: z.record(z.string(), z.unknown()),
  base: z.record(z.string(), z.uuid().nullable()).optional(),
});

// --- Views ----------------------------------------------------------------------------------

const itemView = z
  .object({ id: z.string(), version: z.record(z.string(), z.string()) })
  .catchall(z.unknown());

export const conflictViewSchema = z.object({
  target: z.string(),
  field: z.string(),
  kept: z.unknown(),
  keptBy: z.string(),
  lost: z.unknown(),
  lostBy: z.string(),
  lostAt: z.string(),
});
export type ConflictView = z.infer<typeof conflictViewSchema>;

export const caseSummarySchema = z.object({
  id: z.string(),
  owner: z.string(),
  title: z.string(),
  status: z.string(),
  crimeAreas: z.array(z.string()),
  handlingCode: z.string(),
  tlp: z.string(),
  partners: z.array(z.string()),
  entityCount: z.number(),
  linkCount: z.number(),
  updatedAt: z.string(),
  /** Set on a partner's copy once the owner withdrew it: read-only from then on. */
  withdrawnAt: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseViewSchema = caseSummarySchema.extend({
  summary: z.string(),
  legalBasis: z.string(),
  /** Per case field, the operation that wrote its value (the `base` of the next edit). */
  version: z.record(z.string(), z.string()),
  members: z.array(itemView),
  tasks: z.array(itemView),
  events: z.array(itemView),
  documents: z.array(itemView),
  references: z.array(itemView),
  entities: z.array(itemView),
  links: z.array(itemView),
  legs: z.array(itemView),
  conflicts: z.array(conflictViewSchema),
  opCount: z.number(),
});
export type CaseView = z.infer<typeof caseViewSchema>;

/** An entity or link field in a view: the item's fields, its id and per-field versions. */
export type ItemView = z.infer<typeof itemView>;
