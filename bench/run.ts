// `npm run bench`: every benchmark, each figure a ratio to a baseline measured in the same run
// on the same machine (DESIGN §11), never an absolute pass/fail timing. Prints ONE table and
// writes bench/results.json. A new suite is one line below (its run function returns its
// rows; see bench/table.ts and docs/PERFORMANCE.md). `npm run bench -- delivery` runs only
// the suites whose file name contains `delivery` and keeps the other suites' rows of
// bench/results.json. Every row records when its suite ran and the machine's load then.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { BenchResult } from './table.js';
import { addRows, keepEarlierRows, renderTable, SUITE_ORDER, writeResults } from './table.js';

interface Suite {
  title: string;
  module: string;
  run: string;
}

const suites: Suite[] = [
  { title: 'CLI start-up', module: './cli-bench.ts', run: 'benchCli' },
  { title: 'Foundation', module: './foundation-bench.ts', run: 'benchFoundation' },
  { title: 'Envelopes', module: './envelope-bench.ts', run: 'benchEnvelopes' },
  { title: 'Delivery', module: './delivery-bench.ts', run: 'benchDelivery' },
  { title: 'Names', module: './names-bench.ts', run: 'benchNames' },
  { title: 'Screening', module: './screening-bench.ts', run: 'benchScreening' },
  { title: 'Incidents', module: './incidents-bench.ts', run: 'benchIncidents' },
  { title: 'Matching', module: './matching-bench.ts', run: 'benchMatching' },
  { title: 'Cases', module: './cases-bench.ts', run: 'benchCases' },
  { title: 'API', module: './api-bench.ts', run: 'benchApi' },
];

const only = process.argv.slice(2);
SUITE_ORDER.push(...suites.map((s) => s.title));
const measured = new Set<string>();
for (const s of suites) {
  if (only.length > 0 && !only.some((o) => s.module.includes(o))) continue;
  if (!existsSync(new URL(s.module, import.meta.url))) {
    console.error(`${s.title}: not built yet (${s.module})`);
    continue;
  }
  console.error(`running ${s.title} (${s.module}) …`);
  const mod = (await import(s.module)) as Record<string, () => Promise<BenchResult[]>>;
  const fn = mod[s.run];
  if (!fn) {
    console.error(`${s.module} has no ${s.run}()`);
    continue;
  }
  const measuredAt = new Date().toISOString();
  const loadBefore = loadavg()[0]!;
  const results = await fn();
  // The machine's mean load over the suite: figures from a busy shared machine say so.
  const load = Math.round(((loadBefore + loadavg()[0]!) / 2) * 10) / 10;
  addRows(s.title, results, { measuredAt, load });
  measured.add(s.title);
}
const out = new URL('./results.json', import.meta.url).pathname;
// A partial run (`npm run bench -- matching`) refreshes its suites' rows and keeps the others.
if (only.length > 0) keepEarlierRows(out, measured);
console.log(renderTable());
writeResults(out);
console.error(`\nwrote ${out}`);
