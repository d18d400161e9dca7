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
import { ackSchema, alertSchema, infoSchema, replySchema, rfiSchema } from './schema.js';
import { exchangePayloadSchema } from './wire.js';

const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$';
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const PARTIAL_DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

/** What the JSON Schema of a string checked in code says instead of a bare `type: string`. */
const formatHints = new Map<z.ZodType, Record<string, unknown>>([
  [
    dateTimeSchema,
    {
      format: 'date-time',
      pattern: DATE_TIME_PATTERN,
      description: 'RFC 3339 date-time with an explicit offset (Z or ±hh:mm), e.g. 2025-01-31T09:30:00.000Z',
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

/** The JSON Schema of the operational message of one type (the `message` member). */
export function messageJsonSchema(type: keyof typeof messageTypes): Record<string, unknown> {
  const { schema, rules, title } = messageTypes[type];
  const { $schema: _s, ...message } = toJsonSchema(schema);
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
