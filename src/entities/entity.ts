/**
 * The `Entity` union and the rules that span several entities of one
 * document (unique ids, relationships pointing at entities that exist).
 */
import * as z from 'zod';
import { eventSchema } from './event.js';
import { financialIdentifierSchema } from './financial.js';
import { identityDocumentSchema } from './identity-document.js';
import { addIssue, type IssueSink } from './issues.js';
import { locationSchema } from './location.js';
import { organisationSchema } from './organisation.js';
import { personSchema } from './person.js';
import { phoneSchema } from './phone.js';
import type { RelationshipType } from './relationship.js';
import { relationshipSchema } from './relationship.js';
import { vehicleSchema } from './vehicle.js';
import { vesselSchema } from './vessel.js';

/** Any entity, discriminated by `kind`. */
export const entitySchema = z.discriminatedUnion('kind', [
  personSchema,
  identityDocumentSchema,
  phoneSchema,
  vesselSchema,
  vehicleSchema,
  organisationSchema,
  locationSchema,
  eventSchema,
  financialIdentifierSchema,
  relationshipSchema,
]);

/** Any entity, as parsed. */
export type Entity = z.infer<typeof entitySchema>;
/** Any entity, as accepted on input. */
export type EntityInput = z.input<typeof entitySchema>;
/** The `kind` values of `Entity`. */
export type EntityKind = Entity['kind'];

/** Every entity kind, in a stable order. */
export const ENTITY_KINDS: readonly EntityKind[] = [
  'person',
  'identity_document',
  'phone',
  'vessel',
  'vehicle',
  'organisation',
  'location',
  'event',
  'financial',
  'relationship',
];

const OBJECTS: readonly EntityKind[] = ['identity_document', 'phone', 'vessel', 'vehicle', 'financial'];
const ACTORS: readonly EntityKind[] = ['person', 'organisation'];
const NOT_RELATIONSHIP = ENTITY_KINDS.filter((k) => k !== 'relationship');

/**
 * Which kinds each end of a link may have. Types absent here link any two
 * entities other than relationships.
 */
const ENDPOINTS: Partial<
  Record<RelationshipType, { from: readonly EntityKind[]; to: readonly EntityKind[] }>
> = {
  recruiter: { from: ACTORS, to: ['person'] },
  transporter: { from: ACTORS, to: ['person'] },
  relative: { from: ['person'], to: ['person'] },
  travelled_with: { from: ['person'], to: ['person'] },
  member: { from: ACTORS, to: ['organisation'] },
  leader: { from: ['person'], to: ['organisation'] },
  owns: { from: ACTORS, to: OBJECTS },
  uses: { from: ACTORS, to: OBJECTS },
  holds_document: { from: ['person'], to: ['identity_document'] },
  located_at: { from: NOT_RELATIONSHIP, to: ['location'] },
  involved_in: { from: NOT_RELATIONSHIP, to: ['event'] },
};

/**
 * Check the rules that span a list of entities: ids are unique; relationships,
 * `holderRef` and `locationRef` point at entities of the list; relationship
 * ends have kinds their type allows. Issues are raised under `path`
 * (e.g. `['entities']`), so they land on the right field.
 */
export function checkEntityGraph(
  entities: readonly Entity[],
  ctx: IssueSink,
  path: PropertyKey[] = [],
): void {
  const byId = new Map<string, Entity>();
  entities.forEach((entity, i) => {
    if (byId.has(entity.id)) {
      addIssue(ctx, 'entity_id_duplicate', 'Another entity already uses this id', [...path, i, 'id']);
    } else {
      byId.set(entity.id, entity);
    }
  });
  const mustExist = (
    ref: string | undefined,
    at: PropertyKey[],
    kinds?: readonly EntityKind[],
  ): Entity | undefined => {
    if (ref === undefined) return undefined;
    const target = byId.get(ref);
    if (!target) {
      addIssue(ctx, 'entity_ref_unknown', 'No entity with this id in the same document', [...path, ...at]);
      return undefined;
    }
    if (kinds && !kinds.includes(target.kind)) {
      addIssue(ctx, 'relationship_kinds', `Must refer to: ${kinds.join(', ')}`, [...path, ...at], {
        allowed: kinds,
        actual: target.kind,
      });
    }
    return target;
  };
  entities.forEach((entity, i) => {
    switch (entity.kind) {
      case 'relationship': {
        const ends = ENDPOINTS[entity.relationshipType] ?? { from: NOT_RELATIONSHIP, to: NOT_RELATIONSHIP };
        mustExist(entity.from.ref, [i, 'from', 'ref'], ends.from);
        mustExist(entity.to.ref, [i, 'to', 'ref'], ends.to);
        break;
      }
      case 'identity_document':
        mustExist(entity.holderRef, [i, 'holderRef'], ['person']);
        break;
      case 'financial':
        mustExist(entity.holderRef, [i, 'holderRef'], ACTORS);
        break;
      case 'event':
        mustExist(entity.locationRef, [i, 'locationRef'], ['location']);
        break;
    }
  });
}

/** A list of entities forming one consistent graph (see `checkEntityGraph`). */
export const entityListSchema = z
  .array(entitySchema)
  .max(1000)
  .superRefine((entities, ctx) => checkEntityGraph(entities, ctx));
