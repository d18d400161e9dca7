// Screening benchmark: import of the UN Consolidated List (parse, checks, versioned write to a
// real PGlite database) against a bare XML parse of the same file, and batch screening of N
// names (default 100,000) on every core with worker threads, against an exact-match lookup of
// normalised names (the cheapest screening there is) and against one core.
//
//   node --import tsx bench/screening-bench.ts [--names=100000]
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { XMLParser } from 'fast-xml-parser';
import { normalizeName } from '../src/names/index.js';
import {
  bundledDataPath,
  createLogger,
  openDatabase,
  readDataFile,
  systemClock,
  systemRandom,
} from '../src/platform/index.js';
import { parseUnList, ScreeningService } from '../src/screening/index.js';
import type { BenchResult } from './envelope-bench.js';
import { seededRandom } from './names-eval-data.js';

const LIST = 'un-consolidated-2024-09-26.xml';
const admin = {
  userId: 'bench',
  username: 'bench',
  displayName: 'Bench',
  roles: ['admin' as const],
  via: 'token' as const,
};

const GIVEN = [
  'Muhammad',
  'Ahmed',
  'Ali',
  'Hassan',
  'Omar',
  'Abdullah',
  'Ibrahim',
  'Khalid',
  'Yusuf',
  'Tariq',
  'Imran',
  'Bilal',
  'Fatima',
  'Aisha',
  'Zainab',
  'Karim',
  'Samir',
  'Nadia',
];
const FAMILY = [
  'Khan',
  'Hussain',
  'Shah',
  'Malik',
  'Qureshi',
  'Rahman',
  'Saleh',
  'Mahmoud',
  'Benali',
  'El Amrani',
  'Chaudhry',
  'Siddiqui',
  'Haddad',
  'Mansour',
];

/** Synthetic queries, with one in twenty a spelling variant of a list alias (so the hits path is exercised). */
function makeQueries(n: number, aliases: string[]): Array<{ names: string[]; birthDate?: string }> {
  const rnd = seededRandom(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: Array<{ names: string[]; birthDate?: string }> = [];
  for (let i = 0; i < n; i++) {
    const name =
      i % 20 === 0
        ? pick(aliases).replace(/ou/g, 'u').replace(/ee/g, 'i')
        : `${pick(GIVEN)} ${rnd() < 0.4 ? `${pick(GIVEN)} ` : ''}${pick(FAMILY)}`;
    out.push({ names: [name], birthDate: String(1950 + Math.floor(rnd() * 55)) });
  }
  return out;
}

async function screenOnWorkers(workers: number, queries: Array<{ names: string[]; birthDate?: string }>) {
  const listPath = bundledDataPath(LIST);
  const share = Math.ceil(queries.length / workers);
  const started = Array.from({ length: workers }, (_, w) => {
    const worker = new Worker(new URL('./screening-worker.mjs', import.meta.url), {
      workerData: { listPath, queries: queries.slice(w * share, (w + 1) * share) },
    });
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    return { worker, ready };
  });
  await Promise.all(started.map((s) => s.ready));
  const t0 = performance.now();
  const results = await Promise.all(
    started.map(
      ({ worker }) =>
        new Promise<{ done: number; flagged: number }>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage('go');
        }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(started.map(({ worker }) => worker.terminate()));
  const done = results.reduce((s, r) => s + r.done, 0);
  return { perSecond: done / seconds, flagged: results.reduce((s, r) => s + r.flagged, 0), seconds };
}

/** Runs the screening benchmarks. */
export async function benchScreening(names = 100_000): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const xml = readDataFile(bundledDataPath(LIST));

  // Import: bare parse (baseline) against the full import into a real database.
  const bareStart = performance.now();
  new XMLParser({ ignoreAttributes: false }).parse(xml.toString('utf8'));
  const bareMs = performance.now() - bareStart;
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-screening-'));
  const database = await openDatabase({ kind: 'pglite', dir });
  try {
    const service = new ScreeningService({
      db: database.db,
      clock: systemClock,
      random: systemRandom,
      logger: createLogger({ level: 'error' }),
    });
    const importStart = performance.now();
    await service.importList(admin, { xml, sourceName: LIST });
    const importMs = performance.now() - importStart;
    results.push({
      name: 'UN list import (parse, checks, versioned write)',
      value: importMs,
      unit: 'ms',
      ratio: importMs / bareMs,
      note: `bare XML parse ${bareMs.toFixed(0)} ms`,
    });
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const parsed = parseUnList(xml);
  if (!parsed.ok) throw new Error(parsed.reason);
  const aliases = parsed.list.designations.flatMap((d) => d.aliases.map((a) => a.name));
  const queries = makeQueries(names, aliases);

  // Baseline: exact lookup of normalised names in a hash set, one core.
  const exact = new Set(
    parsed.list.designations.flatMap((d) => [d.name, ...d.aliases.map((a) => a.name)]).map(normalizeName),
  );
  const baseStart = performance.now();
  let exactHits = 0;
  for (const q of queries) if (exact.has(normalizeName(q.names[0]!))) exactHits++;
  const exactPerSecond = queries.length / ((performance.now() - baseStart) / 1000);
  results.push({
    name: 'baseline: exact normalised-name lookup, 1 core',
    value: exactPerSecond,
    unit: 'names/s',
    note: `${exactHits} exact hits`,
  });

  const cores = availableParallelism();
  const sample = queries.slice(0, Math.min(queries.length, 2_000));
  const one = await screenOnWorkers(1, sample);
  results.push({
    name: 'screening, 1 worker',
    value: one.perSecond,
    unit: 'names/s',
    ratio: one.perSecond / exactPerSecond,
    note: `${sample.length} names`,
  });
  const all = await screenOnWorkers(cores, queries);
  results.push({
    name: `screening of ${queries.length} names, ${cores} workers`,
    value: all.perSecond,
    unit: 'names/s',
    ratio: all.perSecond / exactPerSecond,
    note: `${all.seconds.toFixed(1)} s, ${all.flagged} with a candidate; ${(all.perSecond / one.perSecond).toFixed(2)}× one worker`,
  });
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = process.argv.find((a) => a.startsWith('--names='));
  for (const r of await benchScreening(arg ? Number(arg.slice(8)) : undefined)) console.log(r);
}
