// npm run eval:names — recall at fixed false-positive rates for exact match, Soundex, Double
// Metaphone, Jaro-Winkler and Passerelle, side by side, on the real data shipped in data/.
//
//   node --import tsx bench/eval-names.ts [--split=eval|train|both] [--data=DIR] [--sample=N]
//     [--failures=N [--failures-split=train|eval|both]]
//
// --failures lists the lowest-scoring positives and top-scoring negatives of the TRAIN split
// only, unless --failures-split says otherwise: held-out pairs are never printed by default,
// so that looking at them cannot turn into tuning on them.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareNames } from '../src/names/index.js';
import { doubleMetaphoneScore } from './baselines/double-metaphone.js';
import { exactScore } from './baselines/exact.js';
import { jaroWinklerScore } from './baselines/jaro-winkler.js';
import { soundexScore } from './baselines/soundex.js';
import { buildNameEvalTasks, type DataSplit, type NameEvalTask, resolveDataDir } from './names-eval-data.js';
import { recallAtFpr, scorePairs } from './names-metrics.js';

/** A name scorer under evaluation. */
export interface NameScorer {
  readonly name: string;
  readonly score: (a: string, b: string) => number;
}

/** The methods compared in the table, Passerelle last. */
export const NAME_SCORERS: readonly NameScorer[] = [
  { name: 'Exact match', score: exactScore },
  { name: 'Soundex', score: soundexScore },
  { name: 'Double Metaphone', score: doubleMetaphoneScore },
  { name: 'Jaro-Winkler', score: jaroWinklerScore },
  { name: 'Passerelle', score: (a, b) => compareNames(a, b).score },
];

/** Recall figures of one scorer on one task. */
export interface TaskResult {
  readonly task: string;
  readonly scorer: string;
  readonly recallAt1e2: number;
  readonly recallAt1e3: number;
  readonly recallAt1e4: number;
  /** Recall with no false positive at all (threshold at the best-scoring negative). */
  readonly recallAt0: number;
  readonly threshold1e3: number;
  /** The same figures on named subsets of the positives, at the same thresholds. */
  readonly subsets: ReadonlyArray<{
    readonly name: string;
    readonly positives: number;
    readonly recallAt1e2: number;
    readonly recallAt1e3: number;
    readonly recallAt1e4: number;
  }>;
}

/** Evaluates scorers on tasks. */
export function evaluateTasks(
  tasks: readonly NameEvalTask[],
  scorers: readonly NameScorer[] = NAME_SCORERS,
): TaskResult[] {
  const results: TaskResult[] = [];
  for (const task of tasks) {
    const negatives = [...task.randomNegatives, ...task.hardNegatives];
    for (const scorer of scorers) {
      const pos = scorePairs(task.positives, scorer.score);
      const neg = scorePairs(negatives, scorer.score);
      const r2 = recallAtFpr(pos, neg, 1e-2);
      const r3 = recallAtFpr(pos, neg, 1e-3);
      const r4 = recallAtFpr(pos, neg, 1e-4);
      const r0 = recallAtFpr(pos, neg, 0);
      const subsets = Object.entries(task.positiveSubsets ?? {}).map(([name, members]) => {
        const sub = Float64Array.from(pos.filter((_, i) => members.has(task.positives[i]!)));
        return {
          name,
          positives: sub.length,
          recallAt1e2: recallAtFpr(sub, neg, 1e-2).recall,
          recallAt1e3: recallAtFpr(sub, neg, 1e-3).recall,
          recallAt1e4: recallAtFpr(sub, neg, 1e-4).recall,
        };
      });
      results.push({
        task: task.id,
        scorer: scorer.name,
        recallAt1e2: r2.recall,
        recallAt1e3: r3.recall,
        recallAt1e4: r4.recall,
        recallAt0: r0.recall,
        threshold1e3: r3.threshold,
        subsets,
      });
    }
  }
  return results;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Wilson score interval (95 %) of a proportion: small subsets get honest error bars. */
export function wilsonInterval(p: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.96;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function printTable(
  split: DataSplit,
  tasks: readonly NameEvalTask[],
  results: readonly TaskResult[],
  scorers: readonly NameScorer[],
): void {
  console.log(`\n### Split: ${split}\n`);
  console.log('| task | positives | negatives (random + hard) |');
  console.log('|---|---:|---:|');
  for (const t of tasks) {
    console.log(
      `| ${t.title} | ${t.positives.length} | ${t.randomNegatives.length} + ${t.hardNegatives.length} |`,
    );
  }
  console.log();
  console.log('Recall at a false-positive rate of 1 % / 0.1 % / 0.01 % / 0 (no false positive):\n');
  console.log(`| method | ${tasks.map((t) => t.id).join(' | ')} |`);
  console.log(`|---|${tasks.map(() => '---:').join('|')}|`);
  for (const scorer of scorers) {
    const cells = tasks.map((t) => {
      const r = results.find((x) => x.task === t.id && x.scorer === scorer.name)!;
      return [r.recallAt1e2, r.recallAt1e3, r.recallAt1e4, r.recallAt0].map(pct).join(' / ');
    });
    console.log(`| ${scorer.name} | ${cells.join(' | ')} |`);
  }
  const subsetRows = results.flatMap((r) => r.subsets.map((s) => ({ task: r.task, scorer: r.scorer, ...s })));
  if (subsetRows.length === 0) return;
  console.log('\nSubsets of the positives, same negatives and thresholds (95 % Wilson interval at 0.1 %):\n');
  console.log('| task | subset | positives | method | @1% | @0.1% | 95% interval | @0.01% |');
  console.log('|---|---|---:|---|---:|---:|---|---:|');
  for (const r of subsetRows) {
    const [lo, hi] = wilsonInterval(r.recallAt1e3, r.positives);
    console.log(
      `| ${r.task} | ${r.name} | ${r.positives} | ${r.scorer} | ${pct(r.recallAt1e2)} | ${pct(r.recallAt1e3)} | ${pct(lo)}–${pct(hi)} | ${pct(r.recallAt1e4)} |`,
    );
  }
}

function printFailures(task: NameEvalTask, n: number): void {
  const negatives = [...task.randomNegatives, ...task.hardNegatives];
  const score = (a: string, b: string): number => compareNames(a, b).score;
  const neg = scorePairs(negatives, score);
  const pos = scorePairs(task.positives, score);
  const { threshold } = recallAtFpr(pos, neg, 1e-3);
  console.log(`\n#### ${task.id}: threshold@0.1% = ${threshold.toFixed(4)}; missed positives:`);
  const missed = task.positives
    .map((p, i) => [pos[i]!, p] as const)
    .filter(([s]) => s <= threshold)
    .sort((x, y) => x[0] - y[0]);
  for (const [s, p] of missed.slice(0, n)) console.log(`  ${s.toFixed(3)}  ${p[0]}  ||  ${p[1]}`);
  console.log('  top negatives:');
  const top = negatives.map((p, i) => [neg[i]!, p] as const).sort((x, y) => y[0] - x[0]);
  for (const [s, p] of top.slice(0, n)) console.log(`  ${s.toFixed(3)}  ${p[0]}  ||  ${p[1]}`);
}

async function main(argv: string[]): Promise<void> {
  const flag = (name: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const dataDir = resolveDataDir(flag('data'));
  const splitArg = flag('split') ?? 'both';
  const splits: DataSplit[] = splitArg === 'both' ? ['train', 'eval'] : [splitArg as DataSplit];
  const sampleArg = flag('sample');
  // --before=DIR: another checkout of src/names (e.g. `git show` of an older commit), scored
  // in the same run as "Passerelle before".
  const beforeDir = flag('before');
  const scorers = [...NAME_SCORERS];
  if (beforeDir) {
    const before = (await import(pathToFileURL(resolve(beforeDir, 'index.ts')).href)) as {
      compareNames: (a: string, b: string) => { score: number };
    };
    scorers.splice(scorers.length - 1, 0, {
      name: 'Passerelle before',
      score: (a, b) => before.compareNames(a, b).score,
    });
  }
  const failures = Number(flag('failures') ?? 0);
  const failuresSplit = flag('failures-split') ?? 'train';
  const showFailures = (split: DataSplit): boolean =>
    failures > 0 && (failuresSplit === 'both' || failuresSplit === split);
  for (const split of splits) {
    const started = performance.now();
    const { tasks, filter } = buildNameEvalTasks({
      dataDir,
      split,
      maxPositives: sampleArg ? Number(sampleArg) : undefined,
    });
    console.log(
      `\nUN aliases (${split}): ${filter.aliases} Latin aliases, ${filter.kept} kept as spelling variants; excluded: ${JSON.stringify(filter.excluded)}`,
    );
    const results = evaluateTasks(tasks, scorers);
    printTable(split, tasks, results, scorers);
    console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
    if (showFailures(split)) for (const t of tasks) printFailures(t, failures);
    else if (failures > 0) console.log(`\n(failures of the ${split} split not printed: held out)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main(process.argv.slice(2));
}
