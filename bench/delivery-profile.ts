// CPU profile of delivery between two nodes on PostgreSQL (docs/PERFORMANCE.md): runs one
// burst as bench/delivery-bench.ts does, with the node processes under `node --cpu-prof`,
// then prints, per process, where the busy time went (self time by function, and the total
// time of the project's own functions and of the libraries on the path).
//   node --import tsx bench/delivery-profile.ts [messages] [processes per node]
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPair } from './delivery-bench.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const messages = Number(process.argv[2] ?? 3000);
const processes = Number(process.argv[3] ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'passerelle-profile-'));
process.env.BENCH_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${dir}`;
const run = await runPair('postgres', {
  senders: processes,
  receivers: processes,
  messages,
  latencySamples: 0,
});
console.log(
  `${run.perSecond.toFixed(0)} msg/s; CPU per message: sender ${run.senderCpuMs.toFixed(2)} ms, receiver ${run.receiverCpuMs.toFixed(2)} ms`,
);

const where = (f: ProfileNode['callFrame']) =>
  `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^.*?\/(src|bench)\//, '$1/')}:${f.lineNumber}`;
// Worker threads (the tsx loader) write their own profiles; the main threads end in .0.001.
for (const file of readdirSync(dir).filter((f) => f.endsWith('.0.001.cpuprofile'))) {
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let busy = 0;
  let all = 0;
  for (const [i, sample] of p.samples.entries()) {
    const dt = p.timeDeltas[i] ?? 0;
    all += dt;
    const leaf = byId.get(sample)!;
    if (leaf.callFrame.functionName === '(idle)') continue;
    busy += dt;
    self.set(where(leaf.callFrame), (self.get(where(leaf.callFrame)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      if (!/\/src\/|pg\/lib\/client|undici|@hono|jose/.test(f.url)) continue;
      const k = where(f);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((v / busy) * 100).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  console.log(
    `\n${file}: busy ${(busy / 1000).toFixed(0)} ms of ${(all / 1000).toFixed(0)} ms (start-up included)`,
  );
  console.log(
    `self time:\n${top(self, 15)}\ntotal time (project code and libraries on the path):\n${top(total, 25)}`,
  );
}
console.log(`\nprofiles: ${dir} (open in Chrome DevTools)`);
