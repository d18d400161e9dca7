/**
 * Relationships: typed, directed links between two entities of the same
 * document — the edges of a link chart.
 */
import * as z from 'zod';
import { entityBaseShape, entityIdSchema, partialDateSchema, text } from './common.js';
import { addIssue } from './issues.js';

/**
 * Link types, read "from <type> to": `recruiter` = from recruited to,
 * `transporter` = from transported to, `owns`/`uses` = from owns/uses the
 * object, `member` = from is a member of the organisation, `located_at` and
 * `involved_in` attach people and things to places and events.
 */
export const RELATIONSHIP_TYPES = [
  'recruiter',
  'transporter',
  'facilitator',
  'financier',
  'forger',
  'organiser',
  'guide',
  'accommodation_provider',
  'employer',
  'member',
  'leader',
  'associate',
  'relative',
  'travelled_with',
  'communicated_with',
  'paid',
  'owns',
  'uses',
  'holds_document',
  'located_at',
  'involved_in',
  'other',
] as const;

/** Type of a relationship. */
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** One end of a relationship: the entity and, optionally, its role in the link ("captain", "brother"). */
export const relationshipEndSchema = z.strictObject({
  ref: entityIdSchema,
  role: text(100).optional(),
});

/** A typed, directed link between two entities. */
export const relationshipSchema = z
  .strictObject({
    kind: z.literal('relationship'),
    ...entityBaseShape,
    relationshipType: z.enum(RELATIONSHIP_TYPES),
    from: relationshipEndSchema,
    to: relationshipEndSchema,
    since: partialDateSchema.optional(),
    until: partialDateSchema.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.from.ref === r.to.ref) {
      addIssue(ctx, 'invalid', 'A relationship must link two different entities', ['to', 'ref']);
    }
    if (r.since && r.until) {
      const n = Math.min(r.since.length, r.until.length);
      if (r.until.slice(0, n) < r.since.slice(0, n)) {
        addIssue(ctx, 'date_order', 'Must not be before "since"', ['until']);
      }
    }
  });

/** A typed, directed link between two entities. */
export type Relationship = z.infer<typeof relationshipSchema>;
