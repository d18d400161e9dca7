// `npm run bench`: every benchmark, each reported as a ratio against a baseline measured in
// the same run on the same machine (DESIGN §11), never as an absolute pass/fail timing.
import { existsSync } from 'node:fs';
import type { BenchResult } from './envelope-bench.js';

interface Suite {
  title: string;
  module: string;
  run: string;
}

const suites: Suite[] = [
  { title: 'CLI start-up (compiled, against node -e 0)', module: './cli-bench.ts', run: 'benchCli' },
  { title: 'Foundation (audit chain, HTTP API)', module: './foundation-bench.ts', run: 'benchFoundation' },
  { title: 'Envelopes (sign-then-encrypt, one core)', module: './envelope-bench.ts', run: 'benchEnvelopes' },
  { title: 'Delivery between two nodes on loopback', module: './delivery-bench.ts', run: 'benchDelivery' },
  { title: 'Names (scoring, candidate search)', module: './names-bench.ts', run: 'benchNames' },
  {
    title: 'Screening (UN list import, batch screening on every core)',
    module: './screening-bench.ts',
    run: 'benchScreening',
  },
  {
    title: 'Incidents (IOM streaming read, reconciliation)',
    module: './incidents-bench.ts',
    run: 'benchIncidents',
  },
];

const only = process.argv.slice(2);
for (const s of suites) {
  if (only.length > 0 && !only.some((o) => s.module.includes(o))) continue;
  if (!existsSync(new URL(s.module, import.meta.url))) {
    console.log(`\n## ${s.title}\n  (not built yet: ${s.module})`);
    continue;
  }
  console.log(`\n## ${s.title}`);
  const mod = (await import(s.module)) as Record<string, () => Promise<BenchResult[]>>;
  const fn = mod[s.run];
  if (!fn) {
    console.log(`  ${s.module} has no ${s.run}()`);
    continue;
  }
  for (const r of await fn()) {
    const ratio = r.ratio !== undefined ? `   ratio ${r.ratio.toFixed(2)}` : '';
    const note = r.note ? `   (${r.note})` : '';
    console.log(
      `  ${r.name.padEnd(58)} ${r.value.toFixed(r.value < 100 ? 2 : 0).padStart(10)} ${r.unit}${ratio}${note}`,
    );
  }
}
