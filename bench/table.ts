// The one benchmark table of `npm run bench` (DESIGN §11): every figure next to the baseline
// it was divided by, both measured in the same run on the same machine. A bench adds rows
// with `addRows` (bench/run.ts does it with what each suite returns) and the runner prints
// the table once and writes bench/results.json.
import { writeFileSync } from 'node:fs';
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
}

const rows: BenchRow[] = [];

/** Adds a suite's figures to the table. */
export function addRows(suite: string, results: BenchResult[]): void {
  for (const r of results) {
    const met =
      r.goal && r.ratio !== undefined
        ? (r.goal.min === undefined || r.ratio >= r.goal.min) &&
          (r.goal.max === undefined || r.ratio <= r.goal.max)
        : undefined;
    rows.push({ suite, ...r, ...(met !== undefined ? { met } : {}) });
  }
}

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

/** The table as Markdown (also what docs/PERFORMANCE.md shows). */
export function renderTable(): string {
  const m = machine();
  const lines = [
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}`,
    '',
    '| Suite | Figure | Value | Ratio to baseline | Goal | Note |',
    '|---|---|---:|---:|---|---|',
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
      `| ${r.suite} | ${r.name.trim()} | ${fmt(r.value)} ${r.unit} | ${ratio} | ${goal} | ${note.replaceAll('|', '\\|')} |`,
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
    })),
  };
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
}
