/**
 * Adding, changing and removing the items of a case (tasks, timeline events, documents,
 * linked messages and incidents, entities, links, route legs). New items get their defaults
 * and, for entities and links, their provenance: this node, the officer, the time.
 * Identifiers are stored canonical (`phone:+E.164`, upper-case numbers) so that duplicates are
 * found across spellings.
 */
import { randomUUID } from 'node:crypto';
import { normalisePhone } from '../entities/index.js';
import { type Actor, requirePermission } from '../governance/index.js';
import { NotFoundError, ValidationError } from '../platform/index.js';
import type { CaseView, Collection } from './schema.js';
import type { CaseService } from './service.js';

/** Collections members edit through the item API (members and partners have their own). */
export const EDITABLE_COLLECTIONS = [
  'tasks',
  'events',
  'documents',
  'references',
  'entities',
  'links',
  'legs',
] as const;
export type EditableCollection = (typeof EDITABLE_COLLECTIONS)[number];

const DEFAULTS: Record<EditableCollection, Record<string, unknown>> = {
  tasks: { status: 'open', deadline: null, removed: false },
  events: { description: '', entityIds: [], removed: false },
  documents: { reference: '', note: '', removed: false },
  references: { note: '', removed: false },
  entities: {
    role: null,
    aliases: [],
    identifiers: [],
    birthDate: null,
    nationality: null,
    lat: null,
    lon: null,
    notes: '',
    synthetic: false,
    mergedInto: null,
    removed: false,
  },
  links: { at: null, until: null, weight: 1, currency: null, removed: false },
  legs: { departed: null, arrived: null, mode: 'unknown', entityIds: [], removed: false },
};

/** `type:value` with the value in its canonical form; throws on an unreadable phone number. */
export function canonicalIdentifier(raw: string): string {
  const at = raw.indexOf(':');
  if (at <= 0)
    throw new ValidationError(`Identifier "${raw}" must read type:value (phone:+212…, passport:PK:AB123…)`);
  const type = raw.slice(0, at).trim().toLowerCase();
  const value = raw.slice(at + 1).trim();
  if (!/^[a-z][a-z0-9_]{0,19}$/.test(type) || value.length === 0) {
    throw new ValidationError(`Identifier "${raw}" must read type:value`);
  }
  if (type === 'phone') {
    const p = normalisePhone(value);
    if (!p.ok) throw new ValidationError(`Identifier "${raw}": ${p.message}`);
    return `phone:${p.e164}`;
  }
  return `${type}:${value.toUpperCase().replace(/[\s-]+/g, '')}`;
}

function canonicalFields(fields: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(fields.identifiers)) return fields;
  const ids = (fields.identifiers as unknown[]).map((x) => {
    if (typeof x !== 'string') throw new ValidationError('identifiers: a list of type:value strings');
    return canonicalIdentifier(x);
  });
  return { ...fields, identifiers: [...new Set(ids)] };
}

/**
 * Fields the item API does not write: a document's file comes with its upload, and a link to a
 * record is checked when made, so it is replaced by removing it and linking another.
 */
function guardManagedFields(collection: EditableCollection, items: Record<string, unknown>[]): void {
  for (const fields of items) {
    if (collection === 'documents' && 'file' in fields) {
      throw new ValidationError('A document file is attached by uploading it (POST /cases/{id}/documents)', [
        { path: 'body.file', code: 'not_writable', message: 'upload the file instead' },
      ]);
    }
    if (collection === 'references' && ('label' in fields || 'node' in fields)) {
      throw new ValidationError('The label of a linked record is set by the node', [
        { path: 'body.label', code: 'not_writable', message: 'set by the node' },
      ]);
    }
  }
}

/** Item edits of a case, through {@link CaseService.change}. */
export class CaseItems {
  constructor(private readonly cases: CaseService) {}

  /** The fields of a new item: defaults, provenance, the caller's values. */
  newItemFields(
    actor: Actor,
    collection: EditableCollection,
    fields: Record<string, unknown>,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = { ...DEFAULTS[collection], ...canonicalFields(fields) };
    if (collection === 'entities' || collection === 'links') {
      const given = (fields.provenance ?? {}) as Record<string, unknown>;
      out.provenance = {
        ...given,
        node: this.cases.o.nodeId,
        officer: actor.username,
        at: this.cases.o.clock.now().toISOString(),
      };
    }
    return out;
  }

  /** Adds items (one change per item, one audit entry); returns their ids. */
  async add(
    actor: Actor,
    caseId: string,
    collection: EditableCollection,
    items: Record<string, unknown>[],
    itemIds?: string[],
  ): Promise<string[]> {
    requirePermission(actor, 'case.write');
    if (items.length === 0) throw new ValidationError('Nothing to add');
    guardManagedFields(collection, items);
    if (collection === 'references') {
      for (const r of items) {
        if (typeof r.refId !== 'string') continue;
        if (r.kind === 'message') await this.cases.o.requireMessageVisible?.(actor, r.refId);
        if (r.kind === 'incident') {
          // Only an incident that exists and that the member may open; its label travels with
          // the link, since the partner's registry does not hold this node's incident ids.
          const check = this.cases.o.requireIncidentVisible;
          if (!check) throw new ValidationError('Incidents cannot be linked on this node');
          const { label } = await check(actor, r.refId);
          r.label = label;
        }
        r.node = this.cases.o.nodeId;
      }
    }
    const ids = itemIds ?? items.map(() => randomUUID());
    await this.cases.change(
      actor,
      caseId,
      items.map((fields, i) => ({
        kind: 'item.put' as const,
        collection,
        itemId: ids[i]!,
        fields: this.newItemFields(actor, collection, fields),
      })),
      `case.${collection}.add`,
      { count: items.length },
    );
    return ids;
  }

  /** Changes fields of an existing item; `base` names the versions the editor saw. */
  async update(
    actor: Actor,
    caseId: string,
    collection: EditableCollection,
    itemId: string,
    fields: Record<string, unknown>,
    base?: Record<string, string | null>,
  ): Promise<CaseView> {
    requirePermission(actor, 'case.write');
    const { state } = await this.cases.requireCase(actor, caseId);
    const item = state.collections[collection as Collection].get(itemId);
    if (!item || item.fields.removed?.value === true)
      throw new NotFoundError(`No such item in ${collection}`);
    if (collection === 'references' && ('refId' in fields || 'kind' in fields)) {
      throw new ValidationError('A link to a record is changed by removing it and linking the other record');
    }
    guardManagedFields(collection, [fields]);
    const { provenance: _ignored, ...rest } = canonicalFields(fields);
    if (Object.keys(rest).length === 0) throw new ValidationError('Nothing to change');
    await this.cases.change(
      actor,
      caseId,
      [{ kind: 'item.put', collection, itemId, fields: rest, base }],
      `case.${collection}.update`,
      { item: itemId, fields: Object.keys(rest) },
    );
    return this.cases.get(actor, caseId);
  }

  /** Removes an item (a field write: an edit made concurrently elsewhere is kept, hidden). */
  async remove(actor: Actor, caseId: string, collection: EditableCollection, itemId: string): Promise<void> {
    requirePermission(actor, 'case.write');
    const { state } = await this.cases.requireCase(actor, caseId);
    const item = state.collections[collection as Collection].get(itemId);
    if (!item || item.fields.removed?.value === true)
      throw new NotFoundError(`No such item in ${collection}`);
    await this.cases.change(
      actor,
      caseId,
      [{ kind: 'item.put', collection, itemId, fields: { removed: true } }],
      `case.${collection}.remove`,
      { item: itemId },
    );
  }
}
