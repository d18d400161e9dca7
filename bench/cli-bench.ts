// Start-up of the `passerelle` command against `node -e 0`, measured in the same run
// (DESIGN §11): the goal is `--help` under 0.3 s, which a CLI run through a TypeScript loader
// at every call misses by far.
//   node --import tsx bench/cli-bench.ts
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './envelope-bench.js';

const bin = new URL('../bin/passerelle.js', import.meta.url).pathname;

/** Median wall time of `runs` runs of node with these arguments, in milliseconds. */
function medianMs(args: string[], runs: number, input?: string): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { input, stdio: ['pipe', 'ignore', 'pipe'] });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** Runs the CLI start-up benchmarks. */
export async function benchCli(runs = 9): Promise<BenchResult[]> {
  const mode = existsSync(new URL('../dist/.built', import.meta.url))
    ? 'compiled'
    : 'no dist/: sources via tsx';
  const baseline = medianMs(['-e', '0'], runs);
  const help = medianMs([bin, '--help'], runs);
  const score = medianMs([bin, 'names', 'score'], runs, 'Ahmed Khan\tAhmad Khan\n');
  return [
    {
      name: 'passerelle --help (median wall time)',
      value: help,
      unit: 'ms',
      ratio: help / baseline,
      note: `goal < 300 ms; ${mode}`,
    },
    { name: 'passerelle names score, one line', value: score, unit: 'ms', ratio: score / baseline },
    { name: '  baseline: node -e 0', value: baseline, unit: 'ms' },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchCli()) {
    console.log(
      `${r.name.padEnd(44)} ${r.value.toFixed(0).padStart(6)} ${r.unit}${r.ratio ? `   ratio ${r.ratio.toFixed(2)}` : ''}`,
    );
  }
}
