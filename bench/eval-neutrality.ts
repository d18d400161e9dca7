// npm run eval:neutrality — precision and recall of the neutrality check (src/governance/
// neutrality.ts) on the labelled, synthetic set in test/fixtures/neutrality-set.json, overall,
// per language, per category and per half (the rules were tuned on `tune`; `holdout` was written
// at the same time and not looked at while tuning).
//
//   node --import tsx bench/eval-neutrality.ts [--errors]

import { readFileSync } from 'node:fs';
import {
  analyzeNeutrality,
  type NeutralityCategory,
  type NeutralityLanguage,
} from '../src/governance/neutrality.js';

/** One labelled request of the evaluation set. */
export interface NeutralitySample {
  readonly id: string;
  readonly split: 'tune' | 'holdout';
  readonly language: NeutralityLanguage;
  readonly subject: string;
  readonly body: string;
  readonly purpose?: string;
  /** Whether the request should be flagged for DPO review. */
  readonly expected: boolean;
  /** For expected=true: the character of the request. */
  readonly category?: NeutralityCategory;
  /** For expected=false: the kind of ordinary request (smuggling, terrorism, ...). */
  readonly kind?: string;
}

/** Counts and the figures derived from them. */
export interface Score {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number;
  readonly recall: number;
}

/** The outcome of one sample. */
export interface SampleOutcome {
  readonly sample: NeutralitySample;
  readonly flagged: boolean;
  readonly categories: readonly NeutralityCategory[];
  readonly rules: readonly string[];
  readonly crimeCues: readonly string[];
}

/** Figures of a whole run. */
export interface NeutralityEvaluation {
  readonly overall: Score;
  readonly bySplit: Readonly<Record<string, Score>>;
  readonly byLanguage: Readonly<Record<string, Score>>;
  readonly bySplitAndLanguage: Readonly<Record<string, Score>>;
  /** Per category: a hit is a flag of that very category on a request of that category. */
  readonly byCategory: Readonly<Record<string, Score>>;
  readonly outcomes: readonly SampleOutcome[];
}

const FIXTURE = new URL('../test/fixtures/neutrality-set.json', import.meta.url);

/** Reads the labelled set shipped with the repository. */
export function loadNeutralitySet(): NeutralitySample[] {
  const doc = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
    synthetic: boolean;
    samples: NeutralitySample[];
  };
  if (doc.synthetic !== true) throw new Error('the neutrality set must be marked synthetic');
  return doc.samples;
}

function score(tp: number, fp: number, fn: number, tn: number): Score {
  return {
    tp,
    fp,
    fn,
    tn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

function binary(outcomes: readonly SampleOutcome[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const o of outcomes) {
    if (o.sample.expected && o.flagged) tp++;
    else if (!o.sample.expected && o.flagged) fp++;
    else if (o.sample.expected) fn++;
    else tn++;
  }
  return score(tp, fp, fn, tn);
}

function group(outcomes: readonly SampleOutcome[], key: (o: SampleOutcome) => string): Record<string, Score> {
  const groups = new Map<string, SampleOutcome[]>();
  for (const o of outcomes) {
    const k = key(o);
    groups.set(k, [...(groups.get(k) ?? []), o]);
  }
  return Object.fromEntries([...groups].map(([k, list]) => [k, binary(list)]));
}

/** Runs the check on every sample and computes the figures. */
export function evaluateNeutrality(samples: readonly NeutralitySample[]): NeutralityEvaluation {
  const outcomes: SampleOutcome[] = samples.map((sample) => {
    const analysis = analyzeNeutrality(sample);
    return {
      sample,
      flagged: analysis.flagged,
      categories: [...new Set(analysis.flags.map((f) => f.category))],
      rules: [...new Set(analysis.flags.map((f) => f.rule))],
      crimeCues: analysis.crimeCues,
    };
  });
  const byCategory: Record<string, Score> = {};
  for (const category of ['political', 'military', 'religious', 'racial'] as const) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (const o of outcomes) {
      const expected = o.sample.expected && o.sample.category === category;
      const got = o.categories.includes(category);
      if (expected && got) tp++;
      else if (got) fp++;
      else if (expected) fn++;
      else tn++;
    }
    byCategory[category] = score(tp, fp, fn, tn);
  }
  return {
    overall: binary(outcomes),
    bySplit: group(outcomes, (o) => o.sample.split),
    byLanguage: group(outcomes, (o) => o.sample.language),
    bySplitAndLanguage: group(outcomes, (o) => `${o.sample.split}/${o.sample.language}`),
    byCategory,
    outcomes,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);

function row(name: string, s: Score): string {
  const n = s.tp + s.fp + s.fn + s.tn;
  return `${name.padEnd(16)} ${pct(s.precision)} ${pct(s.recall)}   n=${String(n).padStart(3)}  tp=${s.tp} fp=${s.fp} fn=${s.fn}`;
}

/** Formats the figures as the table printed by npm run eval:neutrality. */
export function formatNeutralityEvaluation(e: NeutralityEvaluation): string {
  const lines = [`${''.padEnd(16)} precision  recall`, row('overall', e.overall), ''];
  for (const [k, s] of Object.entries(e.bySplit)) lines.push(row(k, s));
  lines.push('');
  for (const [k, s] of Object.entries(e.byLanguage)) lines.push(row(k, s));
  lines.push('');
  for (const [k, s] of Object.entries(e.bySplitAndLanguage).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(row(k, s));
  }
  lines.push('', 'per category (the flag must name the expected category):');
  for (const [k, s] of Object.entries(e.byCategory)) lines.push(row(k, s));
  return lines.join('\n');
}

function main(argv: readonly string[]): void {
  const evaluation = evaluateNeutrality(loadNeutralitySet());
  console.log(formatNeutralityEvaluation(evaluation));
  if (argv.includes('--errors')) {
    console.log('\nerrors:');
    for (const o of evaluation.outcomes) {
      const wrong =
        o.flagged !== o.sample.expected ||
        (o.sample.expected && o.sample.category !== undefined && !o.categories.includes(o.sample.category));
      if (!wrong) continue;
      const want = o.sample.expected ? `flag ${o.sample.category}` : `pass (${o.sample.kind})`;
      console.log(
        `  ${o.sample.id.padEnd(8)} want ${want}; got ${o.flagged ? o.rules.join(',') : 'pass'}; crime: ${o.crimeCues.join(',') || '-'}`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
