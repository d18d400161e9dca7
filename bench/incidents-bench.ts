// Incidents benchmark: the streaming IOM reader on the bundled Europe-routes file (6,802 rows)
// against splitting the same text into lines (the least any reader must do), and the
// reconciliation of 40 bodies against 60 missing persons against comparing their names alone.
//
//   node --import tsx bench/incidents-bench.ts
import { readIomCsv, scorePair, syntheticExercise } from '../src/incidents/index.js';
import { compareNames } from '../src/names/index.js';
import { readBundledData } from '../src/platform/index.js';
import type { BenchResult } from './envelope-bench.js';

function time(fn: () => unknown, rounds = 5): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

async function timeAsync(fn: () => Promise<unknown>, rounds = 5): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Runs the incidents benchmark. */
export async function benchIncidents(): Promise<BenchResult[]> {
  const text = readBundledData('iom-mmp-europe-2014-2026.csv').toString('utf8');
  const chunks = (size: number) => {
    const out: string[] = [];
    for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
    return out;
  };
  const split = time(() => text.split('\n').length);
  let rows = 0;
  const read = await timeAsync(async () => {
    rows = 0;
    for await (const e of readIomCsv(
      (async function* () {
        yield* chunks(64 * 1024);
      })(),
    ))
      if (e.kind === 'row') rows++;
  });
  const ex = syntheticExercise({ seed: 1, missing: 60, bodies: 40 });
  const pairs = ex.postMortem.length * ex.anteMortem.length;
  const full = time(() => {
    for (const pm of ex.postMortem)
      for (const am of ex.anteMortem) scorePair({ form: pm.form, incidentDate: ex.incidentDate }, am.form);
  }, 3);
  const namesOnly = time(() => {
    for (const _pm of ex.postMortem)
      for (const am of ex.anteMortem) compareNames(am.form.names[0]!.full, am.form.names[1]!.full);
  }, 3);
  return [
    {
      name: `IOM streaming read (${rows} rows)`,
      value: (rows / read) * 1000,
      unit: 'rows/s',
      ratio: read / split,
      note: 'time against splitting the text into lines',
    },
    {
      name: `reconciliation (${pairs} PM×AM pairs)`,
      value: (pairs / full) * 1000,
      unit: 'pairs/s',
      ratio: full / namesOnly,
      note: 'time against one compareNames per pair',
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchIncidents()) console.log(r);
}
