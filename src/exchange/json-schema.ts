/**
 * JSON Schema (2020-12) of the exchange payloads and of the entities, generated from the
 * zod schemas the node validates with (`z.toJSONSchema`), so the published contract cannot
 * drift from the code: `scripts/make-contract.ts` writes them to docs/schemas/, a test
 * regenerates and compares, and the node serves them at `/federation/v1/schemas/`.
 *
 * Zod checks written as code (a date that must exist, a BCP 47 tag, the H3 rule) have no
 * JSON Schema form of their own: the formats are added by {@link formatHints} and the
 * cross-field rules as `if`/`then` below, and a test checks that an independent JSON Schema
 * validator and zod agree on valid and invalid messages.
 */
import { z } from 'zod';
import {
  countryCodeSchema,
  dateTimeSchema,
  e164Schema,
  entitySchema,
  isoDateSchema,
  languageTagSchema,
  occurredAtSchema,
  partialDateSchema,
} from '../entities/index.js';
import { ackSchema, alertSchema, attachmentSchema, infoSchema, replySchema, rfiSchema } from './schema.js';
import { exchangePayloadSchema } from './wire.js';

const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$';
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const PARTIAL_DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

/** What the JSON Schema of a string checked in code says instead of a bare `type: string`. */
const formatHints = new Map<z.ZodType, Record<string, unknown>>([
  [
    dateTimeSchema,
    {
      // No `format: date-time`: RFC 3339 requires seconds, which this protocol makes optional
      // (PROTOCOL §8.4); the pattern is the rule, and the calendar check is in prose.
      pattern: DATE_TIME_PATTERN,
      description:
        'Date-time with an explicit offset (Z or ±hh:mm), seconds and fraction optional, e.g. 2025-01-31T09:30:00.000Z or 2025-01-31T09:30+01:00; the date and time must exist',
    },
  ],
  [isoDateSchema, { format: 'date', pattern: DATE_PATTERN, description: 'Calendar date YYYY-MM-DD' }],
  [
    partialDateSchema,
    {
      pattern: PARTIAL_DATE_PATTERN,
      description: 'A real date to the precision known: YYYY, YYYY-MM or YYYY-MM-DD',
    },
  ],
  [
    occurredAtSchema,
    {
      anyOf: [{ pattern: PARTIAL_DATE_PATTERN }, { pattern: DATE_TIME_PATTERN }],
      description: 'YYYY, YYYY-MM, YYYY-MM-DD, or an RFC 3339 date-time with offset',
    },
  ],
  [
    languageTagSchema,
    {
      pattern: '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$',
      description: 'BCP 47 language tag, e.g. fr, ar, ur-Arab-PK',
    },
  ],
  [
    countryCodeSchema,
    { pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code in upper case (or XK)' },
  ],
  [
    attachmentSchema.shape.name,
    {
      pattern: '^[^/\\\\\\u0000-\\u001f\\u007f-\\u009f]+$',
      not: { enum: ['.', '..'] },
      description:
        'A file name: no "/", "\\" or control characters, not "." or ".."; 1–255 characters after trimming',
    },
  ],
  [
    attachmentSchema.shape.mediaType,
    {
      pattern: '^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$',
      description: 'RFC 6838 type/subtype in lower case, without parameters, e.g. application/pdf',
    },
  ],
  [
    attachmentSchema.shape.sha256,
    { pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the file, 64 lower-case hexadecimal digits' },
  ],
  [
    e164Schema,
    { pattern: '^\\+[1-9]\\d{6,14}$', description: 'Phone number in E.164 form, e.g. +212612345678' },
  ],
]);

function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const hint = formatHints.get(ctx.zodSchema as unknown as z.ZodType);
      if (hint) Object.assign(ctx.jsonSchema, hint);
    },
  }) as Record<string, unknown>;
}

// Cross-field rules zod checks in superRefine, restated in JSON Schema.
const handlingRule = {
  if: { properties: { handlingCode: { const: 'H3' } }, required: ['handlingCode'] },
  // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, not a thenable
  then: { required: ['handlingRestriction'] },
  else: { not: { required: ['handlingRestriction'] } },
};
const declineRule = {
  if: { properties: { status: { const: 'declined' } }, required: ['status'] },
  // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, not a thenable
  then: { required: ['reason'] },
};
const alertSubjectRules = (
  [
    ['missing_person', 'missing'],
    ['unidentified_body', 'deceased'],
    ['wanted', 'suspect'],
  ] as const
).map(([kind, role]) => ({
  if: { properties: { alertKind: { const: kind } }, required: ['alertKind'] },
  // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, not a thenable
  then: {
    required: ['entities'],
    properties: {
      entities: {
        contains: {
          type: 'object',
          properties: { kind: { const: 'person' }, role: { const: role } },
          required: ['kind', 'role'],
        },
      },
    },
  },
}));

const messageTypes = {
  rfi: { schema: rfiSchema, rules: [handlingRule], title: 'Request for information' },
  reply: { schema: replySchema, rules: [handlingRule], title: 'Reply to a request for information' },
  info: { schema: infoSchema, rules: [handlingRule], title: 'Spontaneous information' },
  alert: { schema: alertSchema, rules: [handlingRule, ...alertSubjectRules], title: 'Alert' },
  ack: { schema: ackSchema, rules: [declineRule], title: 'Acknowledgement (read, accepted, declined)' },
} as const;

/** The message id equals the envelope's `mid` (PROTOCOL §4.1): a lower-case UUIDv7. */
const MESSAGE_ID_SCHEMA = {
  type: 'string',
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$',
  description: 'Lower-case UUIDv7 (RFC 9562 §5.7); equals the envelope mid',
};

/** The JSON Schema of the operational message of one type (the `message` member). */
export function messageJsonSchema(type: keyof typeof messageTypes): Record<string, unknown> {
  const { schema, rules, title } = messageTypes[type];
  const { $schema: _s, ...message } = toJsonSchema(schema);
  // Rules zod checks in code that JSON Schema can state on one member (the cross-field
  // rules that it cannot state are listed in PROTOCOL §8.4).
  const properties = message.properties as Record<string, Record<string, unknown>>;
  properties.id = MESSAGE_ID_SCHEMA;
  if (properties.crimeAreas) properties.crimeAreas = { ...properties.crimeAreas, uniqueItems: true };
  return { ...message, title, allOf: rules };
}

/**
 * The JSON Schemas of the exchange module's wire payloads, by message type, and of one
 * entity: `{ "rfi": {...}, ..., "entity": {...} }`. Each payload schema describes the whole
 * envelope payload `{ message, transferKeys }` (PROTOCOL §8.1).
 */
export function exchangeJsonSchemas(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  const wire = toJsonSchema(exchangePayloadSchema) as { properties: Record<string, unknown> };
  for (const type of Object.keys(messageTypes) as Array<keyof typeof messageTypes>) {
    out[type] = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: `Payload of an envelope of type "${type}"`,
      type: 'object',
      additionalProperties: false,
      required: ['message'],
      properties: {
        message: messageJsonSchema(type),
        transferKeys: {
          ...(wire.properties.transferKeys as object),
          description:
            'Attachment id → AES-256-GCM transfer key (base64url, 43 characters); names every attachment',
        },
      },
    };
  }
  out.entity = { ...toJsonSchema(entitySchema), title: 'Entity (person, document, phone, vessel, ...)' };
  return out;
}
