/**
 * Events and incidents: a shipwreck, an interception, a crossing, a payment —
 * and the reference each agency files it under.
 */
import * as z from 'zod';
import {
  dateTimeSchema,
  entityBaseShape,
  entityIdSchema,
  isPartialDate,
  LONG_TEXT_MAX,
  text,
} from './common.js';
import { countryCodeSchema } from './countries.js';
import { addIssue } from './issues.js';

/** Kinds of event. */
export const EVENT_TYPES = [
  'shipwreck',
  'rescue',
  'interception',
  'crossing',
  'arrest',
  'seizure',
  'payment',
  'meeting',
  'attack',
  'disappearance',
  'body_recovery',
  'other',
] as const;

/**
 * When something happened, to the precision known: `YYYY`, `YYYY-MM`,
 * `YYYY-MM-DD`, or a full ISO 8601 date-time with offset.
 */
export const occurredAtSchema = z.string().superRefine((value, ctx) => {
  if (value.includes('T')) {
    const r = dateTimeSchema.safeParse(value);
    if (!r.success) addIssue(ctx, 'datetime_invalid', 'Must be an ISO 8601 date-time with a time zone');
  } else if (!isPartialDate(value)) {
    addIssue(ctx, 'date_invalid', 'Must be a date (YYYY, YYYY-MM, YYYY-MM-DD) or an ISO 8601 date-time');
  }
});

/** An agency's own reference for an incident or case file. */
export const incidentReferenceSchema = z.strictObject({
  /** Who filed it: a node id (`ma-dgsn`), an agency or an organisation such as IOM. */
  issuer: text(64),
  reference: text(100),
});

/** An event or incident. */
export const eventSchema = z
  .strictObject({
    kind: z.literal('event'),
    ...entityBaseShape,
    eventType: z.enum(EVENT_TYPES),
    title: text().optional(),
    occurredAt: occurredAtSchema.optional(),
    /** Last moment of an event lasting a while (a crossing, a detention). */
    endedAt: occurredAtSchema.optional(),
    /** Entity id of a location in the same document. */
    locationRef: entityIdSchema.optional(),
    country: countryCodeSchema.optional(),
    references: z.array(incidentReferenceSchema).max(20).default([]),
    description: text(LONG_TEXT_MAX).optional(),
  })
  .superRefine((e, ctx) => {
    // Same-precision prefixes compare correctly as strings; mixed precisions are compared on the shared prefix.
    if (e.occurredAt && e.endedAt) {
      const n = Math.min(e.occurredAt.length, e.endedAt.length, 10);
      if (e.endedAt.slice(0, n) < e.occurredAt.slice(0, n)) {
        addIssue(ctx, 'date_order', 'Must not be before the start of the event', ['endedAt']);
      }
    }
  });

/** An event or incident. */
export type EventEntity = z.infer<typeof eventSchema>;
