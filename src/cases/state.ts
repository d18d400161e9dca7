/**
 * The state of a case is the deterministic replay of its operation log. Operations are
 * applied in one total order — hybrid logical clock, then origin node, then operation id — so
 * every node holding the same set of operations computes the same state, whatever order the
 * operations arrived in (a state-based convergence argument: replay is a function of the set).
 *
 * Resolution, per field (docs/CASES.md "Concurrent edits"):
 * - case fields and each field of a collection item are last-writer-wins registers;
 * - collections are maps of items; an item is removed by writing `removed: true`, which is a
 *   field like any other, so an edit concurrent with a removal is kept (restoring the item
 *   restores the edit) rather than dropped;
 * - a write that did not see the value it replaces (its `base` is not that value's operation)
 *   was concurrent: the replaced value is kept in `conflicts`, named with its author, so no
 *   edit is lost silently;
 * - authority: members of a side are written only by that side, partners only by the owner;
 *   an operation outside its author's authority is ignored by every replica alike.
 */
import {
  CASE_FIELDS,
  type CaseField,
  type CaseOp,
  COLLECTIONS,
  type Collection,
  type ConflictView,
} from './schema.js';

/** A field's value and the operation that wrote it. */
interface Register {
  value: unknown;
  op: string;
  author: string;
}

/** One item of a collection, field by field. */
export interface ItemState {
  id: string;
  fields: Record<string, Register>;
}

/** A replayed case. */
export interface CaseState {
  id: string;
  owner: string;
  fields: Partial<Record<CaseField, Register>>;
  collections: Record<Collection, Map<string, ItemState>>;
  conflicts: ConflictView[];
  opCount: number;
  /** Highest clock value in the log. */
  head: string | null;
}

/** Orders operations: clock, then origin, then id. */
export function compareOps(a: CaseOp, b: CaseOp): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.origin !== b.origin) return a.origin < b.origin ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function emptyCollections(): Record<Collection, Map<string, ItemState>> {
  return Object.fromEntries(COLLECTIONS.map((c) => [c, new Map()])) as Record<
    Collection,
    Map<string, ItemState>
  >;
}

function writeRegister(
  state: CaseState,
  registers: Record<string, Register>,
  target: string,
  field: string,
  value: unknown,
  op: CaseOp,
): void {
  const prev = registers[field];
  const base = op.base[field] ?? null;
  if (prev && base !== prev.op && JSON.stringify(prev.value) !== JSON.stringify(value)) {
    state.conflicts.push({
      target,
      field,
      kept: value,
      keptBy: `${op.author}@${op.origin}`,
      lost: prev.value,
      lostBy: prev.author,
      lostAt: op.hlc,
    });
  }
  registers[field] = { value, op: op.id, author: `${op.author}@${op.origin}` };
}

/** Whether the operation is within its author's authority (the same rule on every replica). */
function allowed(state: CaseState, op: CaseOp): boolean {
  if (op.kind === 'case.set') return true;
  if (op.collection === 'partners') return op.origin === state.owner;
  if (op.collection === 'members') {
    const existing = state.collections.members.get(op.itemId)?.fields.node?.value;
    const node = (op.fields.node as string | undefined) ?? existing;
    return node === op.origin && (existing === undefined || existing === op.origin);
  }
  return true;
}

/** Replays a log (in any order) into the case's state. */
export function replayCase(caseId: string, owner: string, ops: readonly CaseOp[]): CaseState {
  const state: CaseState = {
    id: caseId,
    owner,
    fields: {},
    collections: emptyCollections(),
    conflicts: [],
    opCount: ops.length,
    head: null,
  };
  const sorted = [...ops].sort(compareOps);
  for (const op of sorted) {
    state.head = op.hlc;
    if (!allowed(state, op)) continue;
    if (op.kind === 'case.set') {
      for (const [field, value] of Object.entries(op.fields)) {
        if (!(CASE_FIELDS as string[]).includes(field)) continue;
        writeRegister(state, state.fields as Record<string, Register>, 'case', field, value, op);
      }
      continue;
    }
    const items = state.collections[op.collection];
    let item = items.get(op.itemId);
    if (!item) {
      item = { id: op.itemId, fields: {} };
      items.set(op.itemId, item);
    }
    for (const [field, value] of Object.entries(op.fields)) {
      writeRegister(state, item.fields, `${op.collection}/${op.itemId}`, field, value, op);
    }
  }
  return state;
}

/** The plain value of a case field. */
export function caseValue<T>(state: CaseState, field: CaseField): T | undefined {
  return state.fields[field]?.value as T | undefined;
}

/** An item as a plain object: its fields, id and per-field versions. */
export function itemObject(item: ItemState): Record<string, unknown> & {
  id: string;
  version: Record<string, string>;
} {
  const out: Record<string, unknown> = {};
  const version: Record<string, string> = {};
  for (const [k, r] of Object.entries(item.fields)) {
    out[k] = r.value;
    version[k] = r.op;
  }
  return { ...out, id: item.id, version };
}

/** The items of a collection that are not removed, as plain objects. */
export function liveItems(state: CaseState, collection: Collection): ReturnType<typeof itemObject>[] {
  return [...state.collections[collection].values()]
    .filter((i) => i.fields.removed?.value !== true)
    .map(itemObject);
}

/** Active partners of the case (owner's authority). */
export function activePartners(state: CaseState): string[] {
  return liveItems(state, 'partners')
    .map((p) => p.node as string)
    .sort();
}

/** Usernames of the case's members on `node`. */
export function membersOn(state: CaseState, node: string): string[] {
  return liveItems(state, 'members')
    .filter((m) => m.node === node)
    .map((m) => m.username as string)
    .sort();
}
