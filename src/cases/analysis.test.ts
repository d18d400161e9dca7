import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type AnalysisLink,
  type AnalysisNode,
  allPaths,
  betweenness,
  buildAnalysisGraph,
  centrality,
  clusters,
  connectingNetwork,
  mostConnected,
  shortestPath,
} from './analysis.js';

const node = (id: string): AnalysisNode => ({ id, label: id, kind: 'person', role: null });
let seq = 0;
const link = (
  from: string,
  to: string,
  at: string | null = null,
  weight = 1,
  type = 'called',
): AnalysisLink => ({
  id: `l${++seq}-${from}${to}`,
  from,
  to,
  type,
  at,
  weight,
});

describe('case graph analysis on graphs with known answers', () => {
  test('star: the centre has betweenness 1, the leaves 0; a path graph gives (n-1)(n-2)/2-normalised values', () => {
    const g = buildAnalysisGraph(
      ['c', 'a', 'b', 'd', 'e'].map(node),
      ['a', 'b', 'd', 'e'].map((x) => link('c', x)),
    );
    const b = betweenness(g);
    assert.equal(b[0], 1);
    for (let i = 1; i < 5; i++) assert.equal(b[i], 0);
    // Path a-b-c-d: b lies on (a,c) and (a,d): 2 of 3 pairs; c likewise.
    const p = buildAnalysisGraph(['a', 'b', 'c', 'd'].map(node), [
      link('a', 'b'),
      link('b', 'c'),
      link('c', 'd'),
    ]);
    assert.deepEqual(
      [...betweenness(p)].map((x) => Math.round(x * 1000) / 1000),
      [0, 0.667, 0.667, 0],
    );
  });

  test('sampled betweenness with every node as pivot equals the exact value; sampled with fewer keeps the bridge in the top three', () => {
    // Two cliques of 6 joined through one broker.
    const ids = ['x', ...Array.from({ length: 12 }, (_, i) => `n${i}`)];
    const links: AnalysisLink[] = [];
    for (const [lo, hi] of [
      [0, 6],
      [6, 12],
    ] as const) {
      for (let i = lo; i < hi; i++) for (let j = i + 1; j < hi; j++) links.push(link(`n${i}`, `n${j}`));
    }
    links.push(link('x', 'n0'), link('x', 'n6'));
    const g = buildAnalysisGraph(ids.map(node), links);
    const exact = betweenness(g);
    assert.deepEqual([...betweenness(g, { pivots: 13, seed: 7 })], [...exact]);
    const sampled = betweenness(g, { pivots: 8, seed: 7 });
    const rank = (a: Float64Array) => [...a.keys()].sort((i, j) => a[j]! - a[i]!);
    assert.equal(rank(exact)[0], 0);
    // The broker and the two clique members it joins stay the top three under sampling.
    assert.deepEqual(rank(sampled).slice(0, 3).sort(), [0, 1, 7]);
    const r = centrality(g);
    assert.equal(r.exact, true);
    assert.equal(r.scores[0]!.id, 'x');
    const c = clusters(g);
    assert.equal(c.count >= 2, true);
    assert.notEqual(c.community.n1, c.community.n7);
    assert.equal(c.community.n1, c.community.n2);
  });

  test('shortest path respects direction and time order', () => {
    const links = [
      link('a', 'b', '2025-01-10'),
      link('b', 'c', '2025-01-05'), // earlier than a→b: not a time-ordered continuation
      link('b', 'd', '2025-01-12'),
      link('d', 'c', '2025-01-15'),
      link('c', 'a', '2025-01-01'),
    ];
    const g = buildAnalysisGraph(['a', 'b', 'c', 'd'].map(node), links);
    assert.deepEqual(shortestPath(g, 'a', 'c')?.entities, ['a', 'c']);
    assert.deepEqual(shortestPath(g, 'a', 'c', { directed: true })?.entities, ['a', 'b', 'c']);
    assert.deepEqual(shortestPath(g, 'a', 'c', { directed: true, timeOrdered: true })?.entities, [
      'a',
      'b',
      'd',
      'c',
    ]);
    assert.equal(
      shortestPath(g, 'c', 'd', { directed: true, timeOrdered: true })?.entities.join(),
      'c,a,b,d',
    );
    assert.equal(shortestPath(g, 'd', 'b', { directed: true, timeOrdered: true }), null);
    const all = allPaths(g, 'a', 'c', { directed: true, maxHops: 4, limit: 10 });
    assert.deepEqual(
      all.map((p) => p.entities.join('')),
      ['abc', 'abdc'],
    );
  });

  test('connecting network to depth N, filters by time and type, most connected by weight', () => {
    const links = [
      link('a', 'b', '2024-05-01', 1, 'called'),
      link('b', 'c', '2025-02-01', 1, 'paid'),
      link('c', 'd', '2025-03-01', 5000, 'paid'),
      link('d', 'e', '2025-04-01', 1, 'called'),
    ];
    const nodes = ['a', 'b', 'c', 'd', 'e'].map(node);
    const g = buildAnalysisGraph(nodes, links);
    assert.deepEqual(connectingNetwork(g, ['a'], 2).entities.sort(), ['a', 'b', 'c']);
    assert.equal(connectingNetwork(g, ['a'], 2).links.length, 2);
    const g2025 = buildAnalysisGraph(nodes, links, { since: '2025' });
    assert.equal(shortestPath(g2025, 'a', 'b'), null);
    const paid = buildAnalysisGraph(nodes, links, { types: ['paid'] });
    assert.equal(paid.links.length, 2);
    assert.deepEqual(
      mostConnected(g, 2).map((m) => m.id),
      ['c', 'd'],
    );
  });
});
