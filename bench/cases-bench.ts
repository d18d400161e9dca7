// Cases benchmark: a random case graph of 100,000 entities and 500,000 links (seeded,
// synthetic): building the analysis graph, the connecting network to depth 3, betweenness
// estimated from k pivots (exact betweenness is O(V·E) — about 5·10^10 steps here — so the
// sampled Brandes–Pich estimate is what an analyst runs on a graph this size), and the link
// chart's frame time at 2,000 visible entities measured in Chromium while it pans.
//
//   node --import tsx bench/cases-bench.ts [--entities=100000] [--links=500000] [--pivots=64]

import { existsSync } from 'node:fs';
import {
  type AnalysisGraph,
  type AnalysisLink,
  type AnalysisNode,
  betweenness,
  buildAnalysisGraph,
  connectingNetwork,
} from '../src/cases/index.js';
import type { BenchResult } from './envelope-bench.js';

function arg(name: string, fallback: number): number {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const TYPES = ['called', 'paid', 'travelled_with', 'owns', 'member_of', 'recruited'];

/** Clustered random graph: most links inside groups of 50, some across (like real networks). */
function randomGraph(n: number, m: number): { nodes: AnalysisNode[]; links: AnalysisLink[] } {
  const rnd = seeded(42);
  const nodes: AnalysisNode[] = Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    label: `Synthetic ${i}`,
    kind: 'person',
    role: null,
  }));
  const links: AnalysisLink[] = [];
  for (let i = 0; i < m; i++) {
    const a = Math.floor(rnd() * n);
    const group = Math.floor(a / 50) * 50;
    let b = rnd() < 0.8 ? group + Math.floor(rnd() * 50) : Math.floor(rnd() * n);
    if (b >= n || b === a) b = (a + 1) % n;
    const day = 1 + Math.floor(rnd() * 365);
    links.push({
      id: `l${i}`,
      from: `e${a}`,
      to: `e${b}`,
      type: TYPES[i % TYPES.length]!,
      at: new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10),
      weight: 1 + Math.floor(rnd() * 20),
    });
  }
  return { nodes, links };
}

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};

/** Frame time of the link chart at `count` entities, panned for two seconds in Chromium. */
async function chartFrameTime(count: number): Promise<BenchResult[]> {
  const webDist = new URL('../web/dist', import.meta.url).pathname;
  const { browserAvailable, launchBrowser, signIn } = await import('../test/_browser.js');
  if (!existsSync(`${webDist}/index.html`) || !browserAvailable()) {
    return [
      {
        name: 'link chart frame time',
        value: 0,
        unit: 'ms',
        note: 'skipped: web UI not built or no Chromium',
      },
    ];
  }
  const { startTestNode } = await import('../test/_util.js');
  const node = await startTestNode({ id: 'bench-node', webDist });
  const browser = await launchBrowser();
  try {
    const { user } = await node.ctx.governance.createUser(null, {
      username: 'analyst',
      displayName: 'Analyst',
      password: 'correct horse battery',
      roles: ['analyst'],
    });
    const actor = {
      userId: user.id,
      username: 'analyst',
      displayName: 'A',
      roles: ['analyst' as const],
      via: 'token' as const,
    };
    const c = await node.ctx.cases.cases.create(actor, {
      title: 'Bench case (synthetic)',
      crimeAreas: ['migrant_smuggling'],
      legalBasis: 'Benchmark',
      handlingCode: 'H1',
    });
    const evaluation = { source: 'C', accuracy: '3' };
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({
        kind: 'person',
        label: `Synthetic ${i + k}`,
        role: ['organiser', 'recruiter', 'transporter', 'victim'][(i + k) % 4],
        evaluation,
        synthetic: true,
      }));
      ids.push(...(await node.ctx.cases.items.add(actor, c.id, 'entities', batch)));
    }
    const rnd = seeded(7);
    const links = Array.from({ length: count * 2 }, (_, i) => {
      const a = Math.floor(rnd() * count);
      const b = (a + 1 + Math.floor(rnd() * 20)) % count;
      return { from: ids[a], to: ids[b], type: TYPES[i % TYPES.length], at: '2025-01-01', evaluation };
    });
    for (let i = 0; i < links.length; i += 1000)
      await node.ctx.cases.items.add(actor, c.id, 'links', links.slice(i, i + 1000));

    const page = await signIn(browser, node, 'analyst');
    await page.goto(`${node.url}/#/cases`);
    const t0 = performance.now();
    await page.getByTestId('case-list').getByRole('button', { name: 'Bench case (synthetic)' }).click();
    await page.getByTestId('case-link-chart').locator('canvas').first().waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      `(document.querySelector('[data-testid="case-link-chart"]')?.cy?.nodes().length ?? 0) > 0`,
      undefined,
      {
        timeout: 120_000,
      },
    );
    const openMs = performance.now() - t0;
    const frames = (await page.evaluate(`new Promise((resolve) => {
      const cy = document.querySelector('[data-testid="case-link-chart"]').cy;
      const times = [];
      let last = performance.now();
      const end = last + 2000;
      function step(now) {
        times.push(now - last);
        last = now;
        cy.panBy({ x: 3, y: 2 });
        if (now < end) requestAnimationFrame(step);
        else resolve(times);
      }
      requestAnimationFrame(step);
    })`)) as number[];
    frames.sort((x, y) => x - y);
    const p = (q: number) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))]!;
    return [
      { name: `link chart: open case and lay out ${count} entities`, value: openMs, unit: 'ms' },
      {
        name: `link chart frame time while panning, p50 (${count} entities)`,
        value: p(0.5),
        unit: 'ms',
        note: `${frames.length} frames`,
      },
      {
        name: `link chart frame time while panning, p95 (${count} entities)`,
        value: p(0.95),
        unit: 'ms',
        ratio: p(0.95) / (1000 / 60),
        note: 'ratio to one 60 Hz frame',
      },
    ];
  } finally {
    await browser.close();
    await node.destroy();
  }
}

/** Visits every entity reachable from the first, reading each adjacency entry once. */
function plainTraversal(g: AnalysisGraph): number {
  const { offsets, targets } = g.both;
  const seen = new Uint8Array(g.nodes.length);
  const queue = new Uint32Array(g.nodes.length);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  seen[0] = 1;
  while (head < tail) {
    const v = queue[head++]!;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = targets[k]!;
      if (!seen[w]) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return tail;
}

/** Runs the suite (called by bench/run.ts). */
export async function benchCases(): Promise<BenchResult[]> {
  const n = arg('entities', 100_000);
  const m = arg('links', 500_000);
  const pivots = arg('pivots', 64);
  const { nodes, links } = randomGraph(n, m);
  const [g, buildMs] = time(() => buildAnalysisGraph(nodes, links));
  // Baseline: one plain breadth-first pass over every entity and link (the unit of graph work).
  const [, bfsMs] = time(() => plainTraversal(g));
  const [net, depth3Ms] = time(() => connectingNetwork(g, ['e0'], 3));
  const [, betweenMs] = time(() => betweenness(g, { pivots, seed: 3 }));
  const perPivot = betweenMs / pivots;
  const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
  const results: BenchResult[] = [
    { name: `build analysis graph (${n} entities, ${m} links)`, value: buildMs, unit: 'ms' },
    {
      name: 'baseline: full breadth-first traversal',
      value: bfsMs,
      unit: 'ms',
      note: `load average ${load}`,
    },
    {
      name: 'connecting network to depth 3 from one entity',
      value: depth3Ms,
      unit: 'ms',
      ratio: depth3Ms / bfsMs,
      note: `${net.entities.length} entities, ${net.links.length} links reached`,
    },
    {
      name: `betweenness, sampled Brandes with ${pivots} pivots`,
      value: betweenMs,
      unit: 'ms',
      ratio: perPivot / bfsMs,
      note: `ratio: one pivot vs one traversal; exact (all ${n} sources) would take ~${Math.round((perPivot * n) / 60_000)} min`,
    },
  ];
  if (!process.argv.includes('--no-browser')) results.push(...(await chartFrameTime(arg('chart', 2000))));
  return results;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  for (const r of await benchCases()) {
    console.log(
      `${r.name.padEnd(64)} ${r.value.toFixed(1).padStart(10)} ${r.unit}${r.ratio !== undefined ? `  ratio ${r.ratio.toFixed(2)}` : ''}${r.note ? `  (${r.note})` : ''}`,
    );
  }
}
