/**
 * Network analysis of a case graph (the link-chart questions of an analyst: find path,
 * connecting network, clusters, most connected, centrality). Pure functions on an
 * {@link AnalysisGraph}: graphology holds the graph (shortest paths, Louvain communities);
 * breadth-first searches, Brandes' betweenness and eigenvector centrality run on compact
 * integer adjacency arrays, so that a 100 000-entity graph stays within seconds.
 */
import { createRequire } from 'node:module';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';

// A CommonJS package whose typings declare an ES default export: loaded with require so that
// the value matches its declared type under NodeNext resolution.
const require = createRequire(import.meta.url);
const louvain: typeof import('graphology-communities-louvain').default = require('graphology-communities-louvain');

/** An entity as the analysis sees it. */
export interface AnalysisNode {
  id: string;
  label: string;
  kind: string;
  role: string | null;
}

/** A link as the analysis sees it (`at`: a full or partial ISO date, or null). */
export interface AnalysisLink {
  id: string;
  from: string;
  to: string;
  type: string;
  at: string | null;
  weight: number;
}

/** Which links take part: a time window (inclusive, ISO date prefixes) and link types. */
export interface LinkFilter {
  since?: string;
  until?: string;
  types?: readonly string[];
}

interface Adjacency {
  /** Neighbour indexes of node i: `targets[offsets[i] .. offsets[i+1])`. */
  offsets: Uint32Array;
  targets: Uint32Array;
  /** Link index of each adjacency entry. */
  linkOf: Uint32Array;
}

/** A case graph ready for analysis. */
export interface AnalysisGraph {
  nodes: AnalysisNode[];
  links: AnalysisLink[];
  index: Map<string, number>;
  /** Outgoing links (direction kept). */
  out: Adjacency;
  /** Both directions. */
  both: Adjacency;
  /** The graph in graphology, built on first use (parallel links folded, weights summed). */
  readonly directed: DirectedGraph;
  readonly undirected: UndirectedGraph;
}

function buildAdjacency(n: number, from: Uint32Array, to: Uint32Array, both: boolean): Adjacency {
  const m = from.length;
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < m; i++) {
    offsets[from[i]! + 1]!++;
    if (both) offsets[to[i]! + 1]!++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i + 1]! + offsets[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Uint32Array(offsets[n]!);
  const linkOf = new Uint32Array(offsets[n]!);
  for (let li = 0; li < m; li++) {
    const a = from[li]!;
    const b = to[li]!;
    targets[fill[a]!] = b;
    linkOf[fill[a]!++] = li;
    if (both) {
      targets[fill[b]!] = a;
      linkOf[fill[b]!++] = li;
    }
  }
  return { offsets, targets, linkOf };
}

function inWindow(at: string | null, f: LinkFilter): boolean {
  if (!f.since && !f.until) return true;
  if (!at) return false;
  if (f.since && at.slice(0, f.since.length) < f.since) return false;
  if (f.until && at.slice(0, f.until.length) > f.until) return false;
  return true;
}

/** Builds the graph of the links that pass the filter (links to unknown entities are skipped). */
export function buildAnalysisGraph(
  nodes: readonly AnalysisNode[],
  links: readonly AnalysisLink[],
  filter: LinkFilter = {},
): AnalysisGraph {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const kept = links.filter(
    (l) =>
      index.has(l.from) &&
      index.has(l.to) &&
      l.from !== l.to &&
      (!filter.types || filter.types.includes(l.type)) &&
      inWindow(l.at, filter),
  );
  const from = new Uint32Array(kept.length);
  const to = new Uint32Array(kept.length);
  kept.forEach((l, i) => {
    from[i] = index.get(l.from)!;
    to[i] = index.get(l.to)!;
  });
  // The graphology graphs are built on first use: traversals and betweenness do not need them.
  let directed: DirectedGraph | undefined;
  let undirected: UndirectedGraph | undefined;
  const fold = <G extends DirectedGraph | UndirectedGraph>(graph: G): G => {
    for (const n of nodes) graph.addNode(n.id);
    // Parallel links fold into one edge whose weight is their sum.
    for (const l of kept)
      graph.updateEdge(l.from, l.to, (a: { weight?: number }) => ({ weight: (a.weight ?? 0) + l.weight }));
    return graph;
  };
  return {
    nodes: [...nodes],
    links: kept,
    index,
    out: buildAdjacency(nodes.length, from, to, false),
    both: buildAdjacency(nodes.length, from, to, true),
    get directed() {
      directed ??= fold(new DirectedGraph({ allowSelfLoops: false }));
      return directed;
    },
    get undirected() {
      undirected ??= fold(new UndirectedGraph({ allowSelfLoops: false }));
      return undirected;
    },
  };
}

/** A path: the entities in order and the links taken. */
export interface GraphPath {
  entities: string[];
  links: string[];
}

/** How a path may run. */
export interface PathOptions {
  /** Follow links only from → to. */
  directed?: boolean;
  /** Each link dated no earlier than the one before (undated links are not taken). */
  timeOrdered?: boolean;
}

function linkBetween(g: AnalysisGraph, a: string, b: string, directed: boolean): string {
  const ia = g.index.get(a)!;
  const ib = g.index.get(b)!;
  const adj = directed ? g.out : g.both;
  let best = -1;
  for (let k = adj.offsets[ia]!; k < adj.offsets[ia + 1]!; k++) {
    if (adj.targets[k] !== ib) continue;
    const li = adj.linkOf[k]!;
    if (best < 0 || g.links[li]!.weight > g.links[best]!.weight) best = li;
  }
  return g.links[best]!.id;
}

/**
 * A shortest path (fewest links) from `source` to `target`, or null. Time-ordered paths are
 * searched over (entity, arrival date) states keeping the Pareto front of hops and dates, so
 * the first arrival is the fewest-hops path that respects time.
 */
export function shortestPath(
  g: AnalysisGraph,
  source: string,
  target: string,
  options: PathOptions = {},
): GraphPath | null {
  if (!g.index.has(source) || !g.index.has(target)) return null;
  if (source === target) return { entities: [source], links: [] };
  if (!options.timeOrdered) {
    const path = bidirectional(options.directed ? g.directed : g.undirected, source, target);
    if (!path) return null;
    const links = path.slice(1).map((b, i) => linkBetween(g, path[i]!, b, !!options.directed));
    return { entities: path, links };
  }
  const adj = options.directed ? g.out : g.both;
  interface State {
    node: number;
    time: string;
    prev: State | null;
    link: number;
    hops: number;
  }
  const fronts = new Map<number, State[]>();
  const s = g.index.get(source)!;
  const t = g.index.get(target)!;
  let layer: State[] = [{ node: s, time: '', prev: null, link: -1, hops: 0 }];
  fronts.set(s, layer);
  while (layer.length > 0) {
    const next: State[] = [];
    for (const st of layer) {
      for (let k = adj.offsets[st.node]!; k < adj.offsets[st.node + 1]!; k++) {
        const li = adj.linkOf[k]!;
        const at = g.links[li]!.at;
        if (!at || at < st.time) continue;
        const node = adj.targets[k]!;
        const front = fronts.get(node) ?? [];
        if (front.some((f) => f.time <= at)) continue;
        const ns: State = { node, time: at, prev: st, link: li, hops: st.hops + 1 };
        if (node === t) return unwindPath(g, ns);
        front.push(ns);
        fronts.set(node, front);
        next.push(ns);
      }
    }
    layer = next;
  }
  return null;
}

function unwindPath(g: AnalysisGraph, end: { node: number; prev: unknown; link: number }): GraphPath {
  const entities: string[] = [];
  const links: string[] = [];
  let cur: { node: number; prev: unknown; link: number } | null = end;
  while (cur) {
    entities.push(g.nodes[cur.node]!.id);
    if (cur.link >= 0) links.push(g.links[cur.link]!.id);
    cur = cur.prev as typeof cur;
  }
  return { entities: entities.reverse(), links: links.reverse() };
}

/** Every simple path of at most `maxHops` links, shortest first, up to `limit` paths. */
export function allPaths(
  g: AnalysisGraph,
  source: string,
  target: string,
  options: PathOptions & { maxHops: number; limit: number },
): GraphPath[] {
  const s = g.index.get(source);
  const t = g.index.get(target);
  if (s === undefined || t === undefined || s === t) return [];
  const adj = options.directed ? g.out : g.both;
  const found: GraphPath[] = [];
  const onPath = new Uint8Array(g.nodes.length);
  const nodes: number[] = [s];
  const links: number[] = [];
  onPath[s] = 1;
  // Enough work to answer analysts' questions on case-sized graphs, bounded on large ones.
  let budget = 2_000_000;
  const walk = (u: number, time: string): void => {
    if (found.length >= options.limit * 4 || budget-- <= 0) return;
    for (let k = adj.offsets[u]!; k < adj.offsets[u + 1]!; k++) {
      const v = adj.targets[k]!;
      if (onPath[v]) continue;
      const li = adj.linkOf[k]!;
      const at = g.links[li]!.at;
      if (options.timeOrdered && (!at || at < time)) continue;
      nodes.push(v);
      links.push(li);
      if (v === t) {
        found.push({
          entities: nodes.map((i) => g.nodes[i]!.id),
          links: links.map((i) => g.links[i]!.id),
        });
      } else if (links.length < options.maxHops) {
        onPath[v] = 1;
        walk(v, options.timeOrdered ? at! : '');
        onPath[v] = 0;
      }
      nodes.pop();
      links.pop();
    }
  };
  walk(s, '');
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.links.length - b.links.length)
    .filter((p) => {
      const key = p.links.join(',');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, options.limit);
}

/** The entities within `depth` links of the seeds (either direction), and the links among them. */
export function connectingNetwork(
  g: AnalysisGraph,
  seeds: readonly string[],
  depth: number,
): { entities: string[]; links: string[]; distance: Record<string, number> } {
  const dist = new Int32Array(g.nodes.length).fill(-1);
  let frontier: number[] = [];
  for (const id of seeds) {
    const i = g.index.get(id);
    if (i !== undefined && dist[i] === -1) {
      dist[i] = 0;
      frontier.push(i);
    }
  }
  const reached = [...frontier];
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (let k = g.both.offsets[u]!; k < g.both.offsets[u + 1]!; k++) {
        const v = g.both.targets[k]!;
        if (dist[v] !== -1) continue;
        dist[v] = d;
        next.push(v);
        reached.push(v);
      }
    }
    frontier = next;
  }
  // The links among the entities reached, read from their outgoing adjacency.
  const links: string[] = [];
  for (const u of reached) {
    for (let k = g.out.offsets[u]!; k < g.out.offsets[u + 1]!; k++) {
      if (dist[g.out.targets[k]!] !== -1) links.push(g.links[g.out.linkOf[k]!]!.id);
    }
  }
  const distance: Record<string, number> = {};
  for (const i of reached) distance[g.nodes[i]!.id] = dist[i]!;
  return { entities: reached.map((i) => g.nodes[i]!.id), links, distance };
}

/** Communities by the Louvain method (seeded, so the same graph gives the same clusters). */
export function clusters(g: AnalysisGraph, seed = 1): { community: Record<string, number>; count: number } {
  if (g.links.length === 0) {
    return { community: Object.fromEntries(g.nodes.map((n, i) => [n.id, i])), count: g.nodes.length };
  }
  let state = seed >>> 0 || 1;
  const rng = () => {
    // xorshift32: deterministic, enough for tie-breaking the order of moves.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const detailed = louvain.detailed(g.undirected, { getEdgeWeight: 'weight', rng });
  return { community: detailed.communities, count: detailed.count };
}

/** Entities ranked by the summed weight of their links (calls, amounts), then by link count. */
export function mostConnected(
  g: AnalysisGraph,
  limit: number,
): { id: string; weightedDegree: number; links: number }[] {
  const weighted = new Float64Array(g.nodes.length);
  const count = new Uint32Array(g.nodes.length);
  for (const l of g.links) {
    for (const end of [l.from, l.to]) {
      const i = g.index.get(end)!;
      weighted[i] = weighted[i]! + l.weight;
      count[i] = count[i]! + 1;
    }
  }
  return g.nodes
    .map((n, i) => ({ id: n.id, weightedDegree: weighted[i]!, links: count[i]! }))
    .sort((a, b) => b.weightedDegree - a.weightedDegree || b.links - a.links || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

/**
 * Betweenness centrality by Brandes' algorithm on the undirected, unweighted graph,
 * normalised to [0, 1] by (n-1)(n-2)/2. With `pivots` < n it is the sampled estimate of
 * Brandes and Pich (2007): `pivots` sources drawn without replacement, the sums scaled by
 * n / pivots; exact when every node is a source. Cost O(pivots · E).
 */
export function betweenness(
  g: AnalysisGraph,
  options: { pivots?: number; seed?: number } = {},
): Float64Array {
  const n = g.nodes.length;
  const { offsets, targets } = g.both;
  const cb = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const dist = new Int32Array(n);
  const order = new Uint32Array(n);
  const queue = new Uint32Array(n);
  const sources = chooseSources(n, options.pivots ?? n, options.seed ?? 1);
  for (const s of sources) {
    dist.fill(-1);
    sigma.fill(0);
    delta.fill(0);
    dist[s] = 0;
    sigma[s] = 1;
    let head = 0;
    let tail = 0;
    let visited = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++]!;
      order[visited++] = v;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
        const w = targets[k]!;
        if (dist[w] === -1) {
          dist[w] = dist[v]! + 1;
          queue[tail++] = w;
        }
        if (dist[w] === dist[v]! + 1) sigma[w] = sigma[w]! + sigma[v]!;
      }
    }
    for (let i = visited - 1; i > 0; i--) {
      const w = order[i]!;
      for (let k = offsets[w]!; k < offsets[w + 1]!; k++) {
        const v = targets[k]!;
        if (dist[v] === dist[w]! - 1) delta[v] = delta[v]! + (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      }
      cb[w] = cb[w]! + delta[w]!;
    }
  }
  // Each undirected pair is counted from both ends when every node is a source.
  const scale = n / sources.length / 2;
  const norm = n > 2 ? ((n - 1) * (n - 2)) / 2 : 1;
  for (let i = 0; i < n; i++) cb[i] = (cb[i]! * scale) / norm;
  return cb;
}

function chooseSources(n: number, k: number, seed: number): number[] {
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  const all = Array.from({ length: n }, (_, i) => i);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < k; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = i + (state % (n - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, k);
}

/** Degree centrality: distinct neighbours / (n - 1). */
export function degreeCentrality(g: AnalysisGraph): Float64Array {
  const n = g.nodes.length;
  const out = new Float64Array(n);
  const { offsets, targets } = g.both;
  const seen = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    let distinct = 0;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = targets[k]!;
      if (seen[w] !== v) {
        seen[w] = v;
        distinct++;
      }
    }
    out[v] = n > 1 ? distinct / (n - 1) : 0;
  }
  return out;
}

/**
 * Eigenvector centrality of the undirected, unweighted graph (weights mix numbers of calls and
 * amounts of money, so they are left out), by power iteration on A + I: the shift has the same
 * leading eigenvector and converges on bipartite graphs too, where plain iteration on A
 * oscillates. Scaled to unit Euclidean norm like graphology-metrics.
 */
export function eigenvector(
  g: AnalysisGraph,
  options: { maxIterations?: number; tolerance?: number } = {},
): Float64Array {
  const n = g.nodes.length;
  const { offsets, targets } = g.both;
  let x = new Float64Array(n).fill(n > 0 ? 1 / Math.sqrt(n) : 0);
  const tolerance = options.tolerance ?? 1e-9;
  for (let iter = 0; iter < (options.maxIterations ?? 1000); iter++) {
    const next = new Float64Array(x);
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) sum += x[targets[k]!]!;
      next[v] = next[v]! + sum;
    }
    let norm = 0;
    for (let v = 0; v < n; v++) norm += next[v]! * next[v]!;
    norm = Math.sqrt(norm) || 1;
    let change = 0;
    for (let v = 0; v < n; v++) {
      next[v] = next[v]! / norm;
      change += Math.abs(next[v]! - x[v]!);
    }
    x = next;
    if (change < n * tolerance) break;
  }
  return x;
}

/** Centrality scores of each entity, and the brokers: the highest betweenness. */
export interface CentralityResult {
  scores: { id: string; degree: number; betweenness: number; eigenvector: number }[];
  /** Betweenness estimated from this many sources (= entities: exact). */
  pivots: number;
  exact: boolean;
}

/** The three centralities, sorted by betweenness; exact up to `exactUpTo` entities, sampled above. */
export function centrality(
  g: AnalysisGraph,
  options: { exactUpTo?: number; pivots?: number } = {},
): CentralityResult {
  const n = g.nodes.length;
  const exact = n <= (options.exactUpTo ?? 5000);
  const pivots = exact ? n : Math.min(n, options.pivots ?? 256);
  const b = betweenness(g, { pivots });
  const d = degreeCentrality(g);
  const e = eigenvector(g);
  const scores = g.nodes
    .map((node, i) => ({ id: node.id, degree: d[i]!, betweenness: b[i]!, eigenvector: e[i]! }))
    .sort((x, y) => y.betweenness - x.betweenness || y.degree - x.degree || (x.id < y.id ? -1 : 1));
  return { scores, pivots, exact };
}
