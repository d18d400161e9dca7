/**
 * Operational messages exchanged between nodes (DESIGN §4): requests for
 * information, replies, spontaneous information, alerts and acknowledgements.
 *
 * These schemas describe the typed JSON document that is canonicalised,
 * signed and encrypted into an envelope. `id` and `createdAt` repeat the
 * envelope's protected headers so that a stored message stands on its own;
 * the receiver checks they agree.
 *
 * Objects are strict: an unknown field is an error, not silently dropped, so
 * no undeclared personal data travels past the DPO review.
 */
import * as z from 'zod';
import {
  addIssue,
  dateTimeSchema,
  type Entity,
  entityListSchema,
  type FieldIssue,
  formatIssues,
  type IssueSink,
  isoDateSchema,
  languageTagSchema,
} from '../entities/index.js';
import { labelText } from '../platform/index.js';

/** Version of the message schemas; bumped on any change a version-1 reader could misread. */
export const SCHEMA_VERSION = 1;

/** Names of the operational message types. */
export const MESSAGE_TYPES = ['rfi', 'reply', 'info', 'alert', 'ack'] as const;

/** Name of an operational message type. */
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Crime areas, after the mandates of the cooperation agreements (Europol / INTERPOL crime areas). */
export const CRIME_AREAS = [
  'migrant_smuggling',
  'trafficking_in_persons',
  'terrorism',
  'document_fraud',
  'organised_crime',
  'drug_trafficking',
  'money_laundering',
  'cybercrime',
  'other',
] as const;

/** A crime area. */
export type CrimeArea = (typeof CRIME_AREAS)[number];

/** Priorities; `threat_to_life` lets a message go before DPO review (DESIGN §8). */
export const PRIORITIES = ['routine', 'high', 'urgent', 'threat_to_life'] as const;

/**
 * Outbox rank of a message priority (higher drains first after an outage): its index in
 * {@link PRIORITIES}, 0 for messages without one.
 */
export function deliveryRank(priority: unknown): number {
  const i = PRIORITIES.indexOf(priority as Priority);
  return i < 0 ? 0 : i;
}

/** A message priority. */
export type Priority = (typeof PRIORITIES)[number];

/** Handling codes (the Europol/SIENA handling codes, DESIGN §4). */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;

/** A handling code. */
export type HandlingCode = (typeof HANDLING_CODES)[number];

/** English meaning of each handling code, for display and as the UI's fallback. */
export const HANDLING_CODE_LABELS: Readonly<Record<HandlingCode, string>> = {
  H0: 'Use only to prevent or combat crime',
  H1: 'Not for use in court without the permission of the provider',
  H2: 'No onward transmission without the permission of the provider',
  H3: 'Other restrictions (see the restriction text)',
};

/** Traffic Light Protocol 2.0 labels (FIRST TLP v2.0, August 2022). */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

/** A TLP 2.0 label. */
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** Source reliability of the 4x4 evaluation system (A reliable … X cannot be assessed). */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'X'] as const;

/** Information accuracy of the 4x4 evaluation system (1 known true … 4 cannot be judged). */
export const INFORMATION_ACCURACY = [1, 2, 3, 4] as const;

/** English wording of the 4x4 evaluation system (as used by Europol and EU law-enforcement agencies). */
export const EVALUATION_LABELS = {
  sourceReliability: {
    A: 'No doubt about authenticity, trustworthiness and competence; or a history of complete reliability',
    B: 'Source from whom information received has in most instances proved to be reliable',
    C: 'Source from whom information received has in most instances proved to be unreliable',
    X: 'The reliability of the source cannot be assessed',
  },
  informationAccuracy: {
    1: 'Information whose accuracy is not in doubt',
    2: 'Information known personally to the source but not known personally to the official passing it on',
    3: 'Information not known personally to the source but corroborated by other information already recorded',
    4: 'Information not known personally to the source and which cannot be corroborated',
  },
} as const;

/** Kinds of alert. */
export const ALERT_KINDS = [
  'missing_person',
  'unidentified_body',
  'wanted',
  'threat_warning',
  'modus_operandi',
] as const;

/** A kind of alert. */
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Statuses an `ack` reports. */
export const ACK_STATUSES = ['read', 'accepted', 'declined'] as const;

/** Largest attachment accepted: 50 MiB. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** The 4x4 evaluation of the source and of the information. */
export const evaluationSchema = z.strictObject({
  sourceReliability: z.enum(SOURCE_RELIABILITY),
  informationAccuracy: z.literal(INFORMATION_ACCURACY),
});

/** The 4x4 evaluation. */
export type Evaluation = z.infer<typeof evaluationSchema>;

/** Metadata of an attachment; the content travels separately, bound by its SHA-256. */
export const attachmentSchema = z.strictObject({
  id: z.uuid(),
  name: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .superRefine((name, ctx) => {
      // A file name, not a path: the receiver may save it as is.
      if (/[/\\\p{Cc}]/u.test(name) || name === '.' || name === '..') {
        addIssue(ctx, 'invalid_format', 'Must be a file name without path separators or control characters');
      }
    }),
  mediaType: z.string().superRefine((type, ctx) => {
    // RFC 6838 §4.2 type/subtype names (parameters such as charset are not carried here).
    if (!/^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(type)) {
      addIssue(ctx, 'media_type_format', 'Must be a media type in lower case, e.g. application/pdf');
    }
  }),
  size: z.number().int().nonnegative().max(MAX_ATTACHMENT_BYTES),
  sha256: z.string().superRefine((hash, ctx) => {
    if (!/^[0-9a-f]{64}$/.test(hash)) {
      addIssue(ctx, 'sha256_format', 'Must be a SHA-256 digest: 64 lower-case hexadecimal characters');
    }
  }),
});

/** Metadata of an attachment. */
export type Attachment = z.infer<typeof attachmentSchema>;

const headerShape = {
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Message id (UUIDv7 from the envelope's protected header). */
  id: z.uuid(),
  createdAt: dateTimeSchema,
  /** Thread the message belongs to; the first message of a thread usually uses its own id. */
  conversationId: z.uuid(),
};

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Whom the message is for at the receiving node: one of its units and/or officers named by
 * their user names there (need-to-know; TLP:RED requires named officers). Optional, so a
 * message without it is still valid: the receiver routes it to the whole organisation, or
 * restricted material to its reception desk.
 */
export const addressedToSchema = z
  .strictObject({
    unit: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/)
      .optional(),
    officers: z
      .array(
        z
          .string()
          .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/)
          .max(63),
      )
      .max(50)
      .optional(),
  })
  .refine(
    (a) => a.unit !== undefined || (a.officers?.length ?? 0) > 0,
    'Name a unit or at least one officer',
  );

/** Addressees at the receiving node. */
export type AddressedTo = z.infer<typeof addressedToSchema>;

const contentShape = {
  ...headerShape,
  inReplyTo: z.uuid().optional(),
  subject: labelText(300),
  body: text(100_000),
  language: languageTagSchema,
  crimeAreas: z.array(z.enum(CRIME_AREAS)).min(1).max(CRIME_AREAS.length),
  priority: z.enum(PRIORITIES),
  deadline: dateTimeSchema.optional(),
  handlingCode: z.enum(HANDLING_CODES),
  /** Free-text restriction; required with H3 and only meaningful with it. */
  handlingRestriction: text(1000).optional(),
  tlp: z.enum(TLP_LEVELS),
  evaluation: evaluationSchema,
  /** Legal basis of the transfer (treaty, agreement article, national law). */
  legalBasis: text(500),
  /** Purpose the data may be used for (purpose limitation). */
  purpose: text(1000),
  entities: entityListSchema.default([]),
  attachments: z.array(attachmentSchema).max(100).default([]),
  /** Date by which the holder must review whether to keep the message (DESIGN §8, retention). */
  retentionReviewDate: isoDateSchema,
  addressedTo: addressedToSchema.optional(),
};

interface ContentFields {
  createdAt: string;
  deadline?: string | undefined;
  handlingCode: HandlingCode;
  handlingRestriction?: string | undefined;
  crimeAreas: readonly string[];
  retentionReviewDate: string;
  attachments: readonly Attachment[];
}

/** Rules shared by every message that carries content. */
function checkContent(m: ContentFields, ctx: IssueSink): void {
  if (m.handlingCode === 'H3' && !m.handlingRestriction) {
    addIssue(ctx, 'handling_restriction_required', 'Handling code H3 requires the restriction in free text', [
      'handlingRestriction',
    ]);
  }
  if (m.handlingCode !== 'H3' && m.handlingRestriction) {
    addIssue(ctx, 'invalid', 'Only handling code H3 carries a free-text restriction', [
      'handlingRestriction',
    ]);
  }
  const seenAreas = new Set<string>();
  m.crimeAreas.forEach((area, i) => {
    if (seenAreas.has(area)) addIssue(ctx, 'duplicate', 'Listed twice', ['crimeAreas', i]);
    seenAreas.add(area);
  });
  const seenIds = new Set<string>();
  m.attachments.forEach((a, i) => {
    if (seenIds.has(a.id))
      addIssue(ctx, 'duplicate', 'Another attachment already uses this id', ['attachments', i, 'id']);
    seenIds.add(a.id);
  });
  const created = Date.parse(m.createdAt);
  if (m.deadline !== undefined && !Number.isNaN(created) && Date.parse(m.deadline) <= created) {
    addIssue(
      ctx,
      'deadline_not_after_creation',
      'The deadline must be after the time the message was created',
      ['deadline'],
    );
  }
  // Compared as calendar dates: review on the day of creation is allowed.
  if (m.retentionReviewDate < m.createdAt.slice(0, 10)) {
    addIssue(
      ctx,
      'retention_review_before_creation',
      'The retention review date must not be before creation',
      ['retentionReviewDate'],
    );
  }
}

/** Request for information: asks the partner a question, by a deadline. */
export const rfiSchema = z
  .strictObject({
    ...contentShape,
    type: z.literal('rfi'),
    deadline: dateTimeSchema,
    /** Reference of the hit/no-hit result this request follows up (DESIGN §7). */
    hitRef: z.string().min(1).max(100).optional(),
  })
  .superRefine(checkContent);

/** Reply to a request for information, in the same conversation. */
export const replySchema = z
  .strictObject({
    ...contentShape,
    type: z.literal('reply'),
    /** Id of the `rfi` answered. */
    inReplyTo: z.uuid(),
    /** The answer is complete and the request can be closed. */
    final: z.boolean().default(true),
  })
  .superRefine(checkContent);

/** Spontaneous information, sent without a request. */
export const infoSchema = z
  .strictObject({ ...contentShape, type: z.literal('info') })
  .superRefine(checkContent);

// Person roles an alert must name, by kind; the others carry no mandatory subject.
const ALERT_SUBJECT_ROLE: Partial<Record<AlertKind, string>> = {
  missing_person: 'missing',
  unidentified_body: 'deceased',
  wanted: 'suspect',
};

/** Alert: missing person, unidentified body, wanted person, threat warning or modus operandi. */
export const alertSchema = z
  .strictObject({
    ...contentShape,
    type: z.literal('alert'),
    alertKind: z.enum(ALERT_KINDS),
    /** After this instant the alert no longer applies. */
    validUntil: dateTimeSchema.optional(),
  })
  .superRefine((m, ctx) => {
    checkContent(m, ctx);
    const role = ALERT_SUBJECT_ROLE[m.alertKind];
    if (role && !m.entities.some((e: Entity) => e.kind === 'person' && e.role === role)) {
      addIssue(
        ctx,
        'alert_entity_required',
        `A ${m.alertKind} alert must include a person with role "${role}"`,
        ['entities'],
        { role },
      );
    }
    if (m.validUntil !== undefined && Date.parse(m.validUntil) <= Date.parse(m.createdAt)) {
      addIssue(ctx, 'date_order', 'Must be after the time the message was created', ['validUntil']);
    }
  });

/**
 * Acknowledgement of a message: read, accepted or declined. It carries no
 * operational content, hence none of the handling, evaluation or entity fields.
 */
export const ackSchema = z
  .strictObject({
    ...headerShape,
    type: z.literal('ack'),
    /** Id of the message acknowledged. */
    inReplyTo: z.uuid(),
    status: z.enum(ACK_STATUSES),
    /** Why a message is declined (required then), or a note. */
    reason: text(2000).optional(),
    language: languageTagSchema.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.status === 'declined' && !m.reason) {
      addIssue(ctx, 'decline_reason_required', 'Say why the message is declined', ['reason']);
    }
  });

/** Any operational message, discriminated by `type`. */
export const operationalMessageSchema = z.discriminatedUnion('type', [
  rfiSchema,
  replySchema,
  infoSchema,
  alertSchema,
  ackSchema,
]);

/** A request for information. */
export type Rfi = z.infer<typeof rfiSchema>;
/** A reply to a request for information. */
export type Reply = z.infer<typeof replySchema>;
/** Spontaneous information. */
export type Info = z.infer<typeof infoSchema>;
/** An alert. */
export type Alert = z.infer<typeof alertSchema>;
/** An acknowledgement. */
export type Ack = z.infer<typeof ackSchema>;
/** Any operational message, as parsed (defaults applied). */
export type OperationalMessage = z.infer<typeof operationalMessageSchema>;
/** Any operational message, as accepted on input. */
export type OperationalMessageInput = z.input<typeof operationalMessageSchema>;

/** Result of `parseOperationalMessage`. */
export type ParseOperationalMessageResult =
  | { ok: true; message: OperationalMessage }
  | { ok: false; issues: FieldIssue[] };

/**
 * Validate an operational message, given as JSON text or as an already
 * parsed value. A message of another schema version is refused with the
 * single issue `schema_version_unsupported`, so the sender learns exactly why.
 */
export function parseOperationalMessage(json: unknown): ParseOperationalMessageResult {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch {
      return { ok: false, issues: [{ path: '', code: 'json_invalid', message: 'Not valid JSON' }] };
    }
  }
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const version = (input as { schemaVersion?: unknown }).schemaVersion;
    if (typeof version === 'number' && version !== SCHEMA_VERSION) {
      return {
        ok: false,
        issues: [
          {
            path: 'schemaVersion',
            code: 'schema_version_unsupported',
            message: `Schema version ${SCHEMA_VERSION} is the only one supported`,
            params: { supported: [SCHEMA_VERSION] },
          },
        ],
      };
    }
  }
  const result = operationalMessageSchema.safeParse(input);
  if (result.success) return { ok: true, message: result.data };
  return { ok: false, issues: formatIssues(result.error, input) };
}
