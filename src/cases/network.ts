/**
 * The network inside a case: entities and links with provenance, duplicate detection, merge
 * and un-merge, and the analyses of `analysis.ts` on the case's graph. A merge never rewrites
 * links: the merged entity points at the survivor (`mergedInto`) and links are redirected
 * when the graph is read, so un-merge restores exactly what was there.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type Actor, requirePermission } from '../governance/index.js';
import { compareNames } from '../names/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../platform/index.js';
import {
  type AnalysisGraph,
  allPaths,
  buildAnalysisGraph,
  centrality,
  clusters,
  connectingNetwork,
  type GraphPath,
  mostConnected,
  shortestPath,
} from './analysis.js';
import { type CaseView, LINK_TYPES } from './schema.js';
import type { CaseChange, CaseService } from './service.js';
import { type CaseState, liveItems } from './state.js';

/** An entity of the resolved graph (merges applied). */
export interface GraphEntity {
  id: string;
  kind: string;
  label: string;
  role: string | null;
  identifiers: string[];
  /** Entities merged into this one. */
  merged: string[];
  synthetic: boolean;
}

/** A link of the resolved graph. */
export interface GraphLink {
  id: string;
  from: string;
  to: string;
  type: string;
  at: string | null;
  weight: number;
  currency: string | null;
  evaluation: { source: string; accuracy: string };
}

/** Follows `mergedInto` to the surviving entity (a cycle or a removed survivor stops the walk). */
function survivorOf(entities: Map<string, Record<string, unknown>>, id: string): string | null {
  let cur = id;
  const seen = new Set<string>();
  for (;;) {
    const e = entities.get(cur);
    if (!e) return null;
    const next = e.mergedInto as string | null;
    if (!next || seen.has(next) || !entities.has(next)) return cur;
    seen.add(cur);
    cur = next;
  }
}

/** The case's graph with merges applied and removed items left out. */
export function resolvedGraph(state: CaseState): { entities: GraphEntity[]; links: GraphLink[] } {
  const all = new Map(liveItems(state, 'entities').map((e) => [e.id, e as Record<string, unknown>]));
  const roots = new Map<string, GraphEntity>();
  for (const [id, e] of all) {
    if (survivorOf(all, id) !== id) continue;
    roots.set(id, {
      id,
      kind: e.kind as string,
      label: e.label as string,
      role: (e.role as string | null) ?? null,
      identifiers: [...((e.identifiers as string[]) ?? [])],
      merged: [],
      synthetic: e.synthetic === true,
    });
  }
  for (const [id, e] of all) {
    const root = survivorOf(all, id);
    if (!root || root === id) continue;
    const r = roots.get(root)!;
    r.merged.push(id);
    for (const x of (e.identifiers as string[]) ?? []) if (!r.identifiers.includes(x)) r.identifiers.push(x);
  }
  const links: GraphLink[] = [];
  for (const l of liveItems(state, 'links')) {
    const from = survivorOf(all, l.from as string);
    const to = survivorOf(all, l.to as string);
    if (!from || !to || from === to) continue;
    links.push({
      id: l.id,
      from,
      to,
      type: l.type as string,
      at: (l.at as string | null) ?? null,
      weight: (l.weight as number) ?? 1,
      currency: (l.currency as string | null) ?? null,
      evaluation: l.evaluation as GraphLink['evaluation'],
    });
  }
  return { entities: [...roots.values()], links };
}

/** A pair of entities that may be the same. */
export interface DuplicateCandidate {
  a: string;
  b: string;
  score: number;
  reasons: string[];
}

/** Pairs of live entities of one kind sharing an identifier or with similar names (`src/names`). */
export function findDuplicates(state: CaseState, threshold = 0.85): DuplicateCandidate[] {
  const { entities } = resolvedGraph(state);
  const byKind = new Map<string, GraphEntity[]>();
  for (const e of entities) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
  const aliases = new Map(liveItems(state, 'entities').map((e) => [e.id, (e.aliases as string[]) ?? []]));
  const out: DuplicateCandidate[] = [];
  for (const group of byKind.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        const reasons: string[] = [];
        let score = 0;
        const shared = a.identifiers.filter((x) => b.identifiers.includes(x));
        if (shared.length > 0) {
          score = 1;
          reasons.push(...shared.map((x) => `same identifier ${x}`));
        }
        if (a.kind === 'person' || a.kind === 'organisation') {
          const namesA = [a.label, ...(aliases.get(a.id) ?? [])];
          const namesB = [b.label, ...(aliases.get(b.id) ?? [])];
          let best = 0;
          for (const x of namesA) for (const y of namesB) best = Math.max(best, compareNames(x, y).score);
          if (best >= threshold) {
            score = Math.max(score, best);
            reasons.push(`similar names (${best.toFixed(2)})`);
          }
        } else if (a.label.trim().toLowerCase() === b.label.trim().toLowerCase()) {
          score = Math.max(score, 0.9);
          reasons.push('same label');
        }
        if (reasons.length > 0) out.push({ a: a.id, b: b.id, score, reasons });
      }
    }
  }
  return out.sort((x, y) => y.score - x.score);
}

export const analysisQuerySchema = z.object({
  since: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
  until: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
  types: z.array(z.enum(LINK_TYPES)).optional(),
});

/** The analyses of one case as the API asks for them. */
export class CaseNetwork {
  constructor(private readonly cases: CaseService) {}

  async #graph(actor: Actor, id: string, filter: z.infer<typeof analysisQuerySchema>) {
    const { state } = await this.cases.requireCase(actor, id);
    const g = resolvedGraph(state);
    const graph = buildAnalysisGraph(
      g.entities.map((e) => ({ id: e.id, label: e.label, kind: e.kind, role: e.role })),
      g.links,
      filter,
    );
    return { state, resolved: g, graph };
  }

  /** The resolved graph (for the link chart), filtered by time and link types. */
  async graph(actor: Actor, id: string, filter: z.infer<typeof analysisQuerySchema> = {}) {
    const { resolved, graph } = await this.#graph(actor, id, filter);
    const kept = new Set(graph.links.map((l) => l.id));
    return { entities: resolved.entities, links: resolved.links.filter((l) => kept.has(l.id)) };
  }

  /** Shortest path, or every path up to `maxHops`, between two entities. */
  async paths(
    actor: Actor,
    id: string,
    q: z.infer<typeof analysisQuerySchema> & {
      from: string;
      to: string;
      directed?: boolean;
      timeOrdered?: boolean;
      all?: boolean;
      maxHops?: number;
    },
  ): Promise<{ paths: GraphPath[] }> {
    const { graph } = await this.#graph(actor, id, q);
    this.#requireEntity(graph, q.from, 'from');
    this.#requireEntity(graph, q.to, 'to');
    await this.cases.auditUse(actor, id, 'case.analyse', { analysis: 'paths', from: q.from, to: q.to });
    const opts = { directed: q.directed, timeOrdered: q.timeOrdered };
    if (q.all)
      return { paths: allPaths(graph, q.from, q.to, { ...opts, maxHops: q.maxHops ?? 5, limit: 50 }) };
    const p = shortestPath(graph, q.from, q.to, opts);
    return { paths: p ? [p] : [] };
  }

  #requireEntity(graph: AnalysisGraph, entityId: string, field: string): void {
    if (!graph.index.has(entityId)) {
      throw new ValidationError(`No entity ${entityId} in this case`, [
        { path: `query.${field}`, code: 'unknown_entity', message: 'Not an entity of the case (or merged)' },
      ]);
    }
  }

  /** Entities within `depth` links of the seeds. */
  async network(
    actor: Actor,
    id: string,
    q: z.infer<typeof analysisQuerySchema> & { seeds: string[]; depth: number },
  ) {
    const { graph } = await this.#graph(actor, id, q);
    for (const s of q.seeds) this.#requireEntity(graph, s, 'seeds');
    await this.cases.auditUse(actor, id, 'case.analyse', {
      analysis: 'network',
      seeds: q.seeds,
      depth: q.depth,
    });
    return connectingNetwork(graph, q.seeds, q.depth);
  }

  /** Clusters, most connected entities and centralities in one answer. */
  async metrics(actor: Actor, id: string, q: z.infer<typeof analysisQuerySchema>) {
    const { graph } = await this.#graph(actor, id, q);
    await this.cases.auditUse(actor, id, 'case.analyse', { analysis: 'metrics' });
    const c = clusters(graph);
    const cent = centrality(graph);
    return {
      clusters: Object.entries(c.community).map(([entity, cluster]) => ({ entity, cluster })),
      clusterCount: c.count,
      mostConnected: mostConnected(graph, 20),
      centrality: cent.scores,
      exact: cent.exact,
      pivots: cent.pivots,
    };
  }

  /** Candidate duplicates. */
  async duplicates(actor: Actor, id: string): Promise<DuplicateCandidate[]> {
    const { state } = await this.cases.requireCase(actor, id);
    return findDuplicates(state);
  }

  /** Merges entities into a survivor (their identifiers and links follow it). */
  async merge(actor: Actor, id: string, survivor: string, merged: string[]): Promise<CaseView> {
    requirePermission(actor, 'case.write');
    const { state } = await this.cases.requireCase(actor, id);
    const { entities } = resolvedGraph(state);
    const live = new Set(entities.map((e) => e.id));
    if (!live.has(survivor)) throw new NotFoundError('No such entity to merge into');
    const targets = [...new Set(merged)].filter((m) => m !== survivor);
    if (targets.length === 0) throw new ValidationError('Name at least one other entity to merge');
    for (const m of targets)
      if (!live.has(m)) throw new ConflictError(`Entity ${m} is not a live, unmerged entity`, 'conflict');
    const kind = entities.find((e) => e.id === survivor)!.kind;
    if (targets.some((m) => entities.find((e) => e.id === m)!.kind !== kind)) {
      throw new ValidationError('Only entities of the same kind are merged');
    }
    const changes: CaseChange[] = targets.map((m) => ({
      kind: 'item.put',
      collection: 'entities',
      itemId: m,
      fields: { mergedInto: survivor },
    }));
    await this.cases.change(actor, id, changes, 'case.entity.merge', { survivor, merged: targets });
    return this.cases.get(actor, id);
  }

  /** Undoes a merge: the entity stands on its own again, with its own links. */
  async unmerge(actor: Actor, id: string, entityId: string): Promise<CaseView> {
    requirePermission(actor, 'case.write');
    const { state } = await this.cases.requireCase(actor, id);
    const e = state.collections.entities.get(entityId);
    if (!e || !e.fields.mergedInto?.value) throw new ConflictError('The entity is not merged', 'conflict');
    await this.cases.change(
      actor,
      id,
      [{ kind: 'item.put', collection: 'entities', itemId: entityId, fields: { mergedInto: null } }],
      'case.entity.unmerge',
      { entity: entityId, from: e.fields.mergedInto.value },
    );
    return this.cases.get(actor, id);
  }

  /** A new item id (entities, links and the rest are keyed by UUIDs chosen by their author). */
  static newItemId(): string {
    return randomUUID();
  }
}
