// Differences between two versions of the list, keyed by the UN reference number.
import { canonicalize, type JsonValue } from '../platform/index.js';
import type { ChangeView } from './schema.js';

/** A version's designations as the diff needs them. */
export type DesignationDigest = Map<string, { hash: string; name: string; record: Record<string, unknown> }>;

// Canonical JSON (RFC 8785): records read back from jsonb come with their keys reordered.
function canon(v: unknown): string {
  return v === undefined ? '' : canonicalize(v as JsonValue);
}

/** Fields of two records whose JSON differs. */
function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => canon(a[k]) !== canon(b[k])).sort();
}

/** Designations added, removed and amended from `older` to `newer`, in reference-number order. */
export function diffDesignations(older: DesignationDigest, newer: DesignationDigest): ChangeView[] {
  const changes: ChangeView[] = [];
  for (const [ref, n] of newer) {
    const o = older.get(ref);
    if (!o) changes.push({ referenceNumber: ref, change: 'added', name: n.name, fields: [] });
    else if (o.hash !== n.hash) {
      changes.push({
        referenceNumber: ref,
        change: 'amended',
        name: n.name,
        fields: changedFields(o.record, n.record),
      });
    }
  }
  for (const [ref, o] of older) {
    if (!newer.has(ref)) changes.push({ referenceNumber: ref, change: 'removed', name: o.name, fields: [] });
  }
  return changes.sort((x, y) => x.referenceNumber.localeCompare(y.referenceNumber));
}
