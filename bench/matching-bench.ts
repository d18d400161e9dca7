// Hit/no-hit matching benchmark (docs/MATCHING.md). Speed is reported against baselines of the
// same run: the index build on every core against sodium-native's scalar multiplication rate
// times the cores used (goal >= 0.8), with OpenSSL X25519 (node:crypto diffieHellman) as
// absolute context. Then: an index of N persons in memory (--persons, default the issue's
// 1,000,000), the build through the database for a fraction (--db-persons, default 50,000),
// the filter size per record, a
// single-item check between two real nodes on loopback (p95), a 10,000-item batch, and the
// quality of blind tokens against the clear-text names engine on the held-out pairs.
//
//   npm run bench -- matching [--persons=1000000] [--db-persons=50000] [--batch=10000] [--skip-quality | --only-quality]
//     [--only-checks] (only the two-node rows: database build, single check, batch)
//   node --import tsx bench/matching-bench.ts (the same options)
import { diffieHellman, generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { MatchFilter, matchableRecords, OprfPool } from '../src/matching/index.js';
import { generateOprfKey, hashToGroup } from '../src/matching/oprf.js';
import { itemTokens } from '../src/matching/tokens.js';
import { compareNames } from '../src/names/index.js';
import { pairNodes, startTestNode, testAdmin } from '../test/_util.js';
import type { BenchResult } from './envelope-bench.js';
import { buildNameEvalTasks, resolveDataDir, seededRandom } from './names-eval-data.js';
import { recallAtFpr, scorePairs } from './names-metrics.js';

const sodium = createRequire(import.meta.url)('sodium-native') as {
  crypto_scalarmult_ed25519_noclamp(q: Uint8Array, n: Uint8Array, p: Uint8Array): void;
  crypto_scalarmult(q: Uint8Array, n: Uint8Array, p: Uint8Array): void;
};

const arg = (name: string, fallback: number) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
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
  'Rashid',
  'Saeed',
];
const FAMILY = [
  'Khan',
  'Hussain',
  'Shah',
  'Malik',
  'Qureshi',
  'Rahman',
  'Chaudhry',
  'Butt',
  'Iqbal',
  'Mirza',
  'Alaoui',
  'Bennani',
  'Tazi',
  'Idrissi',
  'Berrada',
  'Fassi',
  'Amrani',
  'Naciri',
  'Sheikh',
  'Abbasi',
];

/** Synthetic persons (never real): two-part or three-part names with a year of birth. */
function syntheticPersons(n: number, seed = 7) {
  return personGenerator(seed)(n);
}

/** Synthetic persons from one seeded sequence, `n` at a time (ids continue across calls). */
function personGenerator(seed = 7) {
  const rnd = seededRandom(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  let next = 0;
  return (n: number) =>
    Array.from({ length: n }, () => ({
      kind: 'person',
      id: `p${next++}`,
      role: 'suspect',
      synthetic: true,
      names: [
        {
          full:
            rnd() < 0.5 ? `${pick(GIVEN)} ${pick(FAMILY)}` : `${pick(GIVEN)} ${pick(GIVEN)} ${pick(FAMILY)}`,
          script: 'Latn',
        },
      ],
      datesOfBirth: [String(1950 + Math.floor(rnd() * 55))],
    }));
}

function rate(n: number, ms: number) {
  return (n / ms) * 1000;
}

/** CPU milliseconds of this process (every thread: the OPRF workers and PGlite included). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** sodium-native's scalar multiplication on one thread: per second of wall time and of CPU time. */
function scalarMultRate(): { wall: number; cpu: number } {
  const k = generateOprfKey();
  const p = hashToGroup(new TextEncoder().encode('bench'));
  const out = Buffer.alloc(32);
  for (let i = 0; i < 500; i++) sodium.crypto_scalarmult_ed25519_noclamp(out, k, p);
  const n = 10_000;
  const t = performance.now();
  const c = cpuMs();
  for (let i = 0; i < n; i++) sodium.crypto_scalarmult_ed25519_noclamp(out, k, p);
  return { cpu: rate(n, cpuMs() - c), wall: rate(n, performance.now() - t) };
}

function sodiumX25519Rate(): number {
  const k = generateOprfKey();
  const u = Buffer.alloc(32, 9);
  const out = Buffer.alloc(32);
  const n = 5000;
  const t = performance.now();
  for (let i = 0; i < n; i++) sodium.crypto_scalarmult(out, k, u);
  return rate(n, performance.now() - t);
}

function x25519Rate(): number {
  const a = generateKeyPairSync('x25519');
  const b = generateKeyPairSync('x25519');
  const n = 5000;
  const t = performance.now();
  for (let i = 0; i < n; i++) diffieHellman({ privateKey: a.privateKey, publicKey: b.publicKey });
  return rate(n, performance.now() - t);
}

async function benchBuild(
  pool: OprfPool,
  cores: number,
  base: { wall: number; cpu: number },
  persons: number,
): Promise<BenchResult[]> {
  const baseline = base.wall;
  const out: BenchResult[] = [];
  const key = generateOprfKey();
  // Warm the workers.
  await pool.entries(
    key,
    ['a', 'b', 'c', 'd'].flatMap((x) => Array(64).fill(x)),
    Buffer.alloc(256 * 10),
  );
  // Built as the node builds it: records taken a batch at a time (the refresh indexes pending
  // sources in batches), tokens evaluated on the pool, only the 16-byte entries kept. Holding
  // the million persons and their 3.6 million token strings in memory at once only measured
  // the garbage collector of this harness (0.69 of the native rate, against 0.86-0.99 for
  // the same pool fed in batches).
  const BATCH = 50_000;
  const nextPersons = personGenerator();
  const parts: Buffer[] = [];
  let tokenCount = 0;
  let tokenMs = 0;
  let oprfMs = 0;
  let oprfCpu = 0;
  const t0 = performance.now();
  for (let done = 0; done < persons; done += BATCH) {
    const ta = performance.now();
    const records = matchableRecords(nextPersons(Math.min(BATCH, persons - done)));
    const tokens: string[] = [];
    for (const r of records) for (const t of r.tokens) tokens.push(t);
    const refs = Buffer.alloc(tokens.length * 10, 1);
    const tb = performance.now();
    const ca = cpuMs();
    parts.push(await pool.entries(key, tokens, refs));
    oprfCpu += cpuMs() - ca;
    const tc = performance.now();
    tokenMs += tb - ta;
    oprfMs += tc - tb;
    tokenCount += tokens.length;
  }
  const t2 = performance.now();
  const filter = new MatchFilter(Buffer.concat(parts));
  const t3 = performance.now();
  const tokenRate = rate(tokenCount, oprfMs);
  const cpuRate = rate(tokenCount, oprfCpu);
  out.push({
    name: `index build, OPRF on ${cores} cores (wall)`,
    value: tokenRate,
    unit: 'tokens/s',
    ratio: tokenRate / (baseline * cores),
    baseline: {
      name: `sodium-native ed25519 scalar mult x ${cores} cores`,
      value: baseline * cores,
      unit: '/s',
    },
    goal: { min: 0.8, text: '>= 0.8' },
    note: `${tokenCount} tokens in ${(oprfMs / 1000).toFixed(1)} s, in batches of ${BATCH.toLocaleString('en')} persons; wall time on a shared machine: see the CPU row`,
  });
  out.push({
    name: 'index build, OPRF per CPU-second (robust to load)',
    value: cpuRate,
    unit: 'tokens/CPU-s',
    ratio: cpuRate / base.cpu,
    baseline: { name: 'sodium-native ed25519 scalar mult per CPU-second', value: base.cpu, unit: '/CPU-s' },
    goal: { min: 0.8, text: '>= 0.8' },
    note: 'CPU time of every thread of the process (process.cpuUsage) during the OPRF step, against the baseline loop measured the same way',
  });
  const total = (t3 - t0) / 1000;
  const scaled = (total * 1_000_000) / persons;
  out.push({
    name: `index of ${persons.toLocaleString('en')} persons in memory (${(tokenCount / persons).toFixed(1)} tokens each)`,
    value: total,
    unit: 's',
    ...(persons === 1_000_000
      ? {
          ratio: total / 300,
          baseline: { name: 'goal', value: 300, unit: 's' },
          goal: { max: 1, text: '< 5 min' },
        }
      : {}),
    note: `tokens ${(tokenMs / 1000).toFixed(1)} s, OPRF ${(oprfMs / 1000).toFixed(1)} s, sort ${((t3 - t2) / 1000).toFixed(1)} s${persons === 1_000_000 ? '' : `; 1,000,000 persons at this rate: ${(scaled / 60).toFixed(1)} min (extrapolated)`}; database writes: see the next rows`,
  });
  out.push({
    name: 'filter size per record',
    value: filter.entries.length / persons,
    unit: 'bytes',
    note: '16 bytes per token',
  });
  return out;
}

async function benchTwoNodes(batchItems: number, dbPersons: number): Promise<BenchResult[]> {
  const ma = await startTestNode({ id: 'ma-dgsn' });
  const pk = await startTestNode({ id: 'pk-fia', country: 'PK' });
  try {
    await pairNodes(ma, pk);
    const admin = { ...testAdmin, roles: [...testAdmin.roles] };
    // The real build: holdings registered through the holder, the index refreshed into the
    // database (PGlite), 10,000 persons per refresh.
    const people = syntheticPersons(dbPersons, 11);
    const tb = performance.now();
    const cb = cpuMs();
    let tokensIndexed = 0;
    for (let i = 0; i < people.length; i += 10_000) {
      const r = await pk.ctx.matchingHolder.addHoldings(admin, {
        source: 'bench (synthetic)',
        crimeAreas: ['migrant_smuggling'],
        entities: people.slice(i, i + 10_000),
      });
      tokensIndexed += r.refresh.tokensAdded;
    }
    const dbSeconds = (performance.now() - tb) / 1000;
    const dbCpu = (cpuMs() - cb) / 1000;
    const phones = Array.from({ length: 10_000 }, (_, i) => ({
      kind: 'phone',
      id: `ph${i}`,
      number: `+9230012${String(i).padStart(5, '0')}`,
    }));
    await pk.ctx.matchingHolder.addHoldings(admin, {
      source: 'bench (synthetic)',
      crimeAreas: ['migrant_smuggling'],
      entities: phones,
    });
    await pk.ctx.matchingHolder.setPolicy({ ...admin, username: 'dpo', roles: ['dpo'] }, 'ma-dgsn', {
      enabled: true,
      recordTypes: ['person', 'phone'],
      crimeAreas: [],
      dailyQuota: 10_000_000,
    });
    const analyst = { ...admin, username: 'analyst', roles: ['analyst' as const] };
    const req = { partner: 'pk-fia', purpose: 'Benchmark (synthetic)', legalBasis: 'Benchmark' };
    await ma.ctx.matching.check(analyst, { ...req, items: [{ kind: 'phone', number: '+923001200001' }] });
    const times: number[] = [];
    const n = 100;
    const cc = cpuMs();
    let hits = 0;
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const r = await ma.ctx.matching.check(analyst, {
        ...req,
        items: [{ kind: 'phone', number: `+9230012${String(i * 7).padStart(5, '0')}` }],
      });
      times.push(performance.now() - t);
      if (r.results[0]!.hit) hits++;
    }
    const cpuPerCheck = (cpuMs() - cc) / n;
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)]!;
    const half = Math.floor(batchItems / 2);
    const batchPeople = syntheticPersons(half, 99);
    const items = [
      ...batchPeople.map((p) => ({
        kind: 'person' as const,
        names: [p.names[0]!.full],
        birthYear: Number(p.datesOfBirth[0]),
      })),
      ...Array.from({ length: batchItems - half }, (_, i) => ({
        kind: 'phone' as const,
        number: `+9230013${String(i).padStart(5, '0')}`,
      })),
    ];
    const t = performance.now();
    const cbatch = cpuMs();
    const batch = await ma.ctx.matching.startBatch(analyst, { ...req, items });
    await ma.ctx.matching.idle();
    const seconds = (performance.now() - t) / 1000;
    const batchCpu = (cpuMs() - cbatch) / 1000;
    const done = await ma.ctx.matching.batch(analyst, batch.id);
    const perPersonDb = dbSeconds / dbPersons;
    return [
      {
        name: `index build through the database (PGlite), ${dbPersons.toLocaleString('en')} persons`,
        value: dbSeconds,
        unit: 's',
        note: `${tokensIndexed} tokens; ${dbCpu.toFixed(1)} CPU-s (both cores); holdings insert + refresh (records, entries, source hashes) in batches of 10,000; ${((perPersonDb * 1_000_000) / 60).toFixed(1)} min per 1,000,000 persons at this rate (extrapolated)`,
      },
      {
        name: 'single-item check between two nodes on loopback, p95',
        value: p95,
        unit: 'ms',
        ratio: p95 / 20,
        baseline: { name: 'goal', value: 20, unit: 'ms' },
        goal: { max: 1, text: '< 20 ms' },
        note: `median ${times[n / 2]!.toFixed(1)} ms over ${n} checks (${hits} hits); ${cpuPerCheck.toFixed(1)} CPU-ms per check, both nodes; holder index ${(dbPersons + 10_000).toLocaleString('en')} records`,
      },
      {
        name: `${batchItems.toLocaleString('en')}-item batch check (half persons with year, half phones)`,
        value: seconds,
        unit: 's',
        ratio: seconds / 10,
        baseline: { name: 'goal', value: 10, unit: 's' },
        goal: { max: 1, text: '< 10 s' },
        note: `${done.status}, ${done.hits} hits; ${batchCpu.toFixed(1)} CPU-s, both nodes`,
      },
    ];
  } finally {
    await ma.destroy();
    await pk.destroy();
  }
}

/** Blind-token recall against the clear-text engine at its 1 % FPR threshold, held-out pairs. */
function benchQuality(): BenchResult[] {
  // The held-out split by default; --split=train for work on the token design (never tune on eval).
  const split = process.argv.includes('--split=train') ? 'train' : 'eval';
  const { tasks } = buildNameEvalTasks({ dataDir: resolveDataDir(), split, randomNegatives: 20_000 });
  const out: BenchResult[] = [];
  const tokensOf = (name: string) =>
    new Set(
      matchableRecords([
        { kind: 'person', id: 'x', role: 'suspect', names: [{ full: name, script: 'Latn' }] },
      ])[0]?.tokens ?? [],
    );
  const meets = (a: string, b: string) => {
    const held = tokensOf(a);
    try {
      return itemTokens({ kind: 'person', names: [b] }).some((t) => held.has(t));
    } catch {
      return false;
    }
  };
  // The same pairs with a year of birth, simulated: a positive pair is one person (one year),
  // a negative pair two people whose years are drawn independently from 1950-2004; the
  // querier asks for its year +-1 as in production.
  const rnd = seededRandom(1961);
  const year = () => 1950 + Math.floor(rnd() * 55);
  const heldTokens = (a: string, ya: number) =>
    matchableRecords([
      {
        kind: 'person',
        id: 'x',
        role: 'suspect',
        names: [{ full: a, script: 'Latn' }],
        datesOfBirth: [String(ya)],
      },
    ])[0]?.tokens ?? [];
  const meetsWithYears = (a: string, ya: number, b: string, yb: number) => {
    const held = new Set(heldTokens(a, ya));
    try {
      return itemTokens({ kind: 'person', names: [b], birthYear: yb }).some((t) => held.has(t));
    } catch {
      return false;
    }
  };
  // Tokens per person as the index and a check see them: the holder's record with one year of
  // birth (tokens for the year and for no year), the querier's item with a year (year +-1).
  let holderTokens = 0;
  let querierTokens = 0;
  let persons = 0;
  const ratios: number[] = [];
  let yEngine = 0;
  let yBoth = 0;
  let yFalse = 0;
  let engineHits = 0;
  let bothHits = 0;
  let negatives = 0;
  let falseHits = 0;
  for (const task of tasks) {
    const negs = [...task.randomNegatives, ...task.hardNegatives];
    const pos = scorePairs(task.positives, (a, b) => compareNames(a, b).score);
    const neg = scorePairs(negs, (a, b) => compareNames(a, b).score);
    const { threshold } = recallAtFpr(pos, neg, 0.01);
    let e = 0;
    let both = 0;
    task.positives.forEach(([a, b], i) => {
      if (pos[i]! > threshold) {
        e++;
        if (meets(a, b)) both++;
        const y = year();
        persons++;
        holderTokens += heldTokens(a, y).length;
        try {
          querierTokens += itemTokens({ kind: 'person', names: [b], birthYear: y }).length;
        } catch {}
        yEngine++;
        if (meetsWithYears(a, y, b, y)) yBoth++;
      }
    });
    let f = 0;
    for (const [a, b] of negs) {
      if (meets(a, b)) f++;
      if (meetsWithYears(a, year(), b, year())) yFalse++;
    }
    engineHits += e;
    bothHits += both;
    negatives += negs.length;
    falseHits += f;
    ratios.push(e > 0 ? both / e : 0);
    out.push({
      name: `blind recall / engine recall: ${task.id}`,
      value: e > 0 ? both / e : 0,
      unit: '',
      note: `${both} of ${e} engine matches; false hits ${f} of ${negs.length} negatives (${((100 * f) / negs.length).toFixed(2)} %)`,
    });
  }
  out.push({
    name: 'blind recall / engine recall at 1 % FPR, all tasks',
    value: engineHits > 0 ? bothHits / engineHits : 0,
    unit: '',
    ratio: engineHits > 0 ? bothHits / engineHits / 0.9 : 0,
    note: `${split} split; ${bothHits} of ${engineHits} engine matches; goal >= 0.90 (ratio to goal shown); false-hit rate ${falseHits} of ${negatives} = ${((100 * falseHits) / negatives).toFixed(2)} % (goal <= 1 %); names only; pooled over all engine matches, so the transliteration task weighs most`,
  });
  out.push({
    name: 'blind recall / engine recall, mean of the four tasks',
    value: ratios.reduce((x, r) => x + r, 0) / ratios.length,
    unit: '',
    note: 'each task weighed equally',
  });
  out.push({
    name: 'the same with a year of birth (simulated), all tasks',
    value: yEngine > 0 ? yBoth / yEngine : 0,
    unit: '',
    note: `${yBoth} of ${yEngine}; false-hit rate ${((100 * yFalse) / negatives).toFixed(3)} %; positives share a year, negatives draw theirs independently from 1950-2004`,
  });
  out.push({
    name: 'person tokens per record (holder, one year of birth)',
    value: holderTokens / persons,
    unit: 'tokens',
    note: `filter ${((16 * holderTokens) / persons).toFixed(0)} bytes per person record (16 per token); a check asks ${(querierTokens / persons).toFixed(1)} tokens per person item with a year; names of the engine's matches`,
  });
  return out;
}

export async function benchMatching(): Promise<BenchResult[]> {
  const cores = availableParallelism();
  const pool = new OprfPool({ size: cores });
  try {
    const base = scalarMultRate();
    const baseline = base.wall;
    const x = x25519Rate();
    const xs = sodiumX25519Rate();
    const results: BenchResult[] = [
      {
        name: 'sodium-native ed25519 scalar multiplication, one core',
        value: baseline,
        unit: 'ops/s',
        note: `crypto_scalarmult_ed25519_noclamp (checks subgroup membership on every call); ${base.cpu.toFixed(0)} per CPU-second`,
      },
      {
        name: 'OpenSSL X25519 (node:crypto diffieHellman), one core',
        value: x,
        unit: 'ops/s',
        ratio: x / baseline,
        note: 'context: ratio to sodium-native ed25519',
      },
      {
        name: 'sodium-native X25519 (crypto_scalarmult), one core',
        value: xs,
        unit: 'ops/s',
        ratio: xs / baseline,
        note: 'the ladder the index build uses for k·P; ratio to sodium-native ed25519',
      },
    ];
    if (!process.argv.includes('--only-quality')) {
      const persons = arg('persons', 1_000_000);
      if (!process.argv.includes('--only-checks'))
        results.push(...(await benchBuild(pool, cores, base, persons)));
      results.push(...(await benchTwoNodes(arg('batch', 10_000), arg('db-persons', 50_000))));
    }
    if (!process.argv.includes('--skip-quality')) results.push(...benchQuality());
    return results;
  } finally {
    await pool.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchMatching()) {
    const ratio = r.ratio !== undefined ? `   ratio ${r.ratio.toFixed(2)}` : '';
    console.log(
      `${r.name.padEnd(58)} ${r.value.toFixed(r.value < 100 ? 2 : 0).padStart(10)} ${r.unit}${ratio}${r.note ? `   (${r.note})` : ''}`,
    );
  }
  process.exit(0);
}
