// The one benchmark table of `npm run bench` (DESIGN §11): every figure next to the baseline
// it was divided by, both measured in the same run on the same machine. A bench adds rows
// with `addRows` (bench/run.ts does it with what each suite returns) and the runner prints
// the table once and writes bench/results.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';

/** One measured figure. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /**
   * Figure / baseline (for rates, >1 is faster than the baseline; for times, <1 is faster).
   * Absent on a row that is itself a baseline.
   */
  ratio?: number;
  /** What the figure means or what it was measured against. */
  note?: string;
  /** The baseline the ratio is taken against, when it is not a row of its own. */
  baseline?: { name: string; value: number; unit: string };
  /** A target from an issue: `ratio >= min` (or `<= max`), and whether this run met it. */
  goal?: { min?: number; max?: number; text: string };
}

/** A row of the table: a figure and the suite it belongs to. */
export interface BenchRow extends BenchResult {
  suite: string;
  /** Set when the row has a goal. */
  met?: boolean;
  /** When its suite ran, and the machine's 1-minute load average then (shared machines). */
  measuredAt?: string;
  load?: number;
}

const rows: BenchRow[] = [];

/** Adds a suite's figures to the table. */
export function addRows(
  suite: string,
  results: BenchResult[],
  context: { measuredAt?: string; load?: number } = {},
): void {
  for (const r of results) {
    const met =
      r.goal && r.ratio !== undefined
        ? (r.goal.min === undefined || r.ratio >= r.goal.min) &&
          (r.goal.max === undefined || r.ratio <= r.goal.max)
        : undefined;
    rows.push({ suite, ...r, ...(met !== undefined ? { met } : {}), ...context });
  }
}

/**
 * Keeps the rows of `path` (an earlier bench/results.json) whose suite this run did not
 * measure, so `npm run bench -- matching` refreshes the matching rows and leaves the others,
 * each with the date and load of its own run.
 */
export function keepEarlierRows(path: string, measured: ReadonlySet<string>): void {
  if (!existsSync(path)) return;
  let doc: { generatedAt?: string; rows?: BenchRow[] };
  try {
    doc = JSON.parse(readFileSync(path, 'utf8')) as typeof doc;
  } catch {
    return;
  }
  const earlier = (doc.rows ?? []).filter((r) => !measured.has(r.suite));
  const order = new Map<string, number>();
  rows.splice(
    0,
    rows.length,
    ...[...earlier.map((r) => ({ measuredAt: doc.generatedAt, ...r })), ...rows].sort((a, b) => {
      for (const r of [a, b]) if (!order.has(r.suite)) order.set(r.suite, SUITE_ORDER.indexOf(r.suite));
      return (order.get(a.suite) ?? 0) - (order.get(b.suite) ?? 0);
    }),
  );
}

/** Suite titles in the order bench/run.ts runs them (set by it), for a merged table. */
export const SUITE_ORDER: string[] = [];

/** Every row added so far. */
export function tableRows(): readonly BenchRow[] {
  return rows;
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}

/** The machine the figures were measured on. */
export function machine() {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

function when(r: BenchRow): string {
  if (!r.measuredAt) return '';
  return `${r.measuredAt.slice(0, 16).replace('T', ' ')}${r.load !== undefined ? ` (${r.load.toFixed(1)})` : ''}`;
}

/** The table as Markdown (also what docs/PERFORMANCE.md shows). */
export function renderTable(): string {
  const m = machine();
  const lines = [
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}`,
    '',
    '| Suite | Figure | Value | Ratio to baseline | Goal | Note | Measured (load) |',
    '|---|---|---:|---:|---|---|---|',
  ];
  for (const r of rows) {
    const ratio =
      r.ratio !== undefined ? fmt(r.ratio) : r.name.trim().startsWith('baseline') ? '(baseline)' : '';
    const goal = r.goal ? `${r.goal.text}: ${r.met ? 'met' : 'missed'}` : '';
    const note = [
      r.baseline ? `vs ${r.baseline.name} ${fmt(r.baseline.value)} ${r.baseline.unit}` : '',
      r.note ?? '',
    ]
      .filter(Boolean)
      .join('; ');
    lines.push(
      `| ${r.suite} | ${r.name.trim()} | ${fmt(r.value)} ${r.unit} | ${ratio} | ${goal} | ${note.replaceAll('|', '\\|')} | ${when(r)} |`,
    );
  }
  return lines.join('\n');
}

/** Writes every row, the machine and the date to `path` (bench/results.json). */
export function writeResults(path: string): void {
  const doc = {
    generatedAt: new Date().toISOString(),
    machine: machine(),
    rows: rows.map((r) => ({
      suite: r.suite,
      name: r.name.trim(),
      value: r.value,
      unit: r.unit,
      ...(r.ratio !== undefined ? { ratio: r.ratio } : {}),
      ...(r.baseline ? { baseline: r.baseline } : {}),
      ...(r.goal ? { goal: r.goal, met: r.met } : {}),
      ...(r.note ? { note: r.note } : {}),
      ...(r.measuredAt ? { measuredAt: r.measuredAt } : {}),
      ...(r.load !== undefined ? { load: r.load } : {}),
    })),
  };
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
}
