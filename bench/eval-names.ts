// npm run eval:names — recall at fixed false-positive rates for exact match, Soundex, Double
// Metaphone, Jaro-Winkler and Passerelle, side by side, on the real data in ../shared/data.
//
//   node --import tsx bench/eval-names.ts [--split=eval|train|both] [--data=DIR] [--sample=N] [--failures=N]
import { doubleMetaphoneScore } from './baselines/double-metaphone.js';
import { exactScore } from './baselines/exact.js';
import { jaroWinklerScore } from './baselines/jaro-winkler.js';
import { soundexScore } from './baselines/soundex.js';
import { type DataSplit, type NameEvalTask, buildNameEvalTasks, resolveDataDir } from './names-eval-data.js';
import { recallAtFpr, scorePairs } from './names-metrics.js';
import { compareNames } from '../src/names/index.js';

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
  readonly recallAt1e3: number;
  readonly recallAt1e4: number;
  readonly threshold1e3: number;
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
      const r3 = recallAtFpr(pos, neg, 1e-3);
      const r4 = recallAtFpr(pos, neg, 1e-4);
      results.push({
        task: task.id,
        scorer: scorer.name,
        recallAt1e3: r3.recall,
        recallAt1e4: r4.recall,
        threshold1e3: r3.threshold,
      });
    }
  }
  return results;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function printTable(split: DataSplit, tasks: readonly NameEvalTask[], results: readonly TaskResult[]): void {
  console.log(`\n### Split: ${split}\n`);
  console.log('| task | positives | negatives (random + hard) |');
  console.log('|---|---:|---:|');
  for (const t of tasks) {
    console.log(
      `| ${t.title} | ${t.positives.length} | ${t.randomNegatives.length} + ${t.hardNegatives.length} |`,
    );
  }
  console.log();
  console.log(`| method | ${tasks.map((t) => `${t.id} @0.1% | @0.01%`).join(' | ')} |`);
  console.log(`|---|${tasks.map(() => '---:|---:').join('|')}|`);
  for (const scorer of NAME_SCORERS) {
    const cells = tasks.map((t) => {
      const r = results.find((x) => x.task === t.id && x.scorer === scorer.name)!;
      return `${pct(r.recallAt1e3)} | ${pct(r.recallAt1e4)}`;
    });
    console.log(`| ${scorer.name} | ${cells.join(' | ')} |`);
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
  const failures = Number(flag('failures') ?? 0);
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
    const results = evaluateTasks(tasks);
    printTable(split, tasks, results);
    console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
    if (failures > 0) for (const t of tasks) printFailures(t, failures);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main(process.argv.slice(2));
}
