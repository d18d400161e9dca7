// End-to-end delivery between two nodes, each in its own process(es) as users run them
// (DESIGN §11): enqueue in the sender's transaction → outbox → worker seals, signs (RFC 9421)
// and POSTs → receiver verifies, opens, stores, runs the handler, commits and signs a
// receipt → the sender verifies the receipt and records "delivered". Every figure is taken
// at that last step, as the sender sees it.
// Baselines, measured in the same run, also in separate processes:
// - throughput: a node:http hello world server driven by as many concurrent keep-alive
//   clients as the delivery worker keeps in flight (like with like: concurrent vs concurrent);
// - latency: one raw POST round trip to that server plus one raw single-row INSERT.
// Latency percentiles: p99 only from ≥ 1,000 samples; fewer report the maximum, named so.
//   node --import tsx bench/delivery-bench.ts
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { initNode } from '../src/app/init-node.js';
import { Secret } from '../src/platform/index.js';
import { freePort } from '../test/_cluster.js';
import { createTestDatabase, postgresAvailable } from '../test/_util.js';
import type { BenchResult } from './table.js';

const PASSPHRASE = 'bench-passphrase-not-secret';
/** HTTP requests the delivery worker keeps in flight per process (its default). */
const WORKER_CONCURRENCY = 8;

/** A child process driven by request/answer messages over IPC. */
class Child {
  readonly #proc: ChildProcess;
  readonly #pending = new Map<number, (m: Record<string, unknown>) => void>();
  #seq = 0;
  readonly ready: Promise<void>;
  constructor(script: string, env: Record<string, string>) {
    const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
    this.#proc = fork(new URL(script, import.meta.url).pathname, [], {
      // BENCH_NODE_ARGS: extra Node options for the node processes, e.g. to profile them
      // (`--cpu-prof --cpu-prof-dir=PROFILE_DIR`; docs/PERFORMANCE.md).
      execArgv: ['--import', 'tsx', ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
      env: { ...parentEnv, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.ready = new Promise((resolve, reject) => {
      this.#proc.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
      this.#proc.on('message', (m: Record<string, unknown>) => {
        if (m.ready) resolve();
        const seq = m.seq as number | undefined;
        if (seq !== undefined) {
          this.#pending.get(seq)?.(m);
          this.#pending.delete(seq);
        }
      });
    });
    // One-shot processes never say ready: their exit is not an error unless awaited.
    this.ready.catch(() => {});
  }
  call(cmd: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const seq = ++this.#seq;
    return new Promise((resolve) => {
      this.#pending.set(seq, resolve);
      this.#proc.send({ seq, cmd, ...extra });
    });
  }
  /** The first message the process sends (one-shot processes). */
  result(): Promise<Record<string, unknown>> {
    return new Promise((resolve) => this.#proc.once('message', resolve));
  }
  /** Kills the process unless it exits by itself within `graceMs` (a profiler writes on exit). */
  async kill(graceMs = 0): Promise<void> {
    if (this.#proc.exitCode === null && graceMs > 0)
      await Promise.race([
        new Promise((r) => this.#proc.once('exit', r)),
        new Promise((r) => setTimeout(r, graceMs)),
      ]);
    this.#proc.kill('SIGKILL');
  }
}

async function newNode(id: string, country: string, engine: 'pglite' | 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-'));
  const port = await freePort();
  await initNode({
    dataDir: dir,
    identity: { id, agency: `Bench ${id}`, country, endpoint: `http://127.0.0.1:${port}` },
    passphrase: new Secret(PASSPHRASE),
  });
  const db = engine === 'postgres' ? await createTestDatabase('postgres') : null;
  const env: Record<string, string> = {
    BENCH_DATA_DIR: dir,
    PASSERELLE_KEY_PASSPHRASE: PASSPHRASE,
    ...(db && db.config.kind === 'postgres' ? { DATABASE_URL: db.config.url.reveal() } : {}),
  };
  return {
    port,
    env,
    cleanup: async () => {
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface PairRun {
  perSecond: number;
  latencies: number[];
  /** CPU time of the sender's and the receiver's processes per delivered message (ms). */
  senderCpuMs: number;
  receiverCpuMs: number;
}

/**
 * Two nodes: `senders` processes of the sender (one database) and `receivers` processes of
 * the receiver (one database, one port). A burst of `messages` is queued with the workers
 * stopped, then timed from the workers' start to the last "delivered".
 */
export async function runPair(
  engine: 'pglite' | 'postgres',
  opts: { senders: number; receivers: number; messages: number; latencySamples: number },
): Promise<PairRun> {
  const [s, r] = await Promise.all([newNode('ma-dgsn', 'MA', engine), newNode('pk-fia', 'PK', engine)]);
  const children: Child[] = [];
  try {
    const receiver = new Child('./delivery-node.ts', {
      ...r.env,
      BENCH_ROLE: 'receiver',
      BENCH_PORT: String(r.port),
      BENCH_WORKERS: String(opts.receivers),
    });
    children.push(receiver);
    await receiver.ready;
    const senders: Child[] = [];
    for (let i = 0; i < opts.senders; i++) {
      const sender = new Child('./delivery-node.ts', {
        ...s.env,
        BENCH_ROLE: 'sender',
        BENCH_PORT: String(i === 0 ? s.port : await freePort()),
      });
      children.push(sender);
      senders.push(sender);
      await sender.ready;
    }
    const lead = senders[0]!;
    await lead.call('pair', { cardJws: (await receiver.call('card')).cardJws });
    await receiver.call('pair', { cardJws: (await lead.call('card')).cardJws });
    const delivered = async () => {
      let n = 0;
      for (const c of senders) n += (await c.call('count')).delivered as number;
      return n;
    };
    const until = async (target: number) => {
      let progress = Date.now();
      let seen = 0;
      for (;;) {
        const n = await delivered();
        if (n >= target) return;
        if (n > seen) {
          seen = n;
          progress = Date.now();
        } else if (Date.now() - progress > 120_000) throw new Error(`stuck at ${n} of ${target} delivered`);
        await new Promise((res) => setTimeout(res, 10));
      }
    };
    const step = (what: string) =>
      console.error(`  ${engine}, ${opts.senders}+${opts.receivers} processes: ${what}`);
    // Warm-up: JIT, connection pools, partner caches.
    step('warm-up');
    await lead.call('enqueue', { n: 100 });
    for (const c of senders) await c.call('start');
    await until(100);
    for (const c of senders) await c.call('pause');
    await lead.call('enqueue', { n: opts.messages });
    step(`burst of ${opts.messages}`);
    const cpu = async () => {
      let sender = 0;
      for (const c of senders) sender += (await c.call('cpu')).cpuMs as number;
      return { sender, receiver: (await receiver.call('cpu')).cpuMs as number };
    };
    const cpu0 = await cpu();
    const t0 = performance.now();
    await Promise.all(senders.map((c) => c.call('start')));
    await until(100 + opts.messages);
    const perSecond = opts.messages / ((performance.now() - t0) / 1000);
    const cpu1 = await cpu();
    if (opts.latencySamples > 0) step(`${opts.latencySamples} latency samples`);
    const latencies =
      opts.latencySamples > 0
        ? ((await lead.call('latency', { n: opts.latencySamples })).samples as number[])
        : [];
    for (const c of children) await c.call('stop');
    return {
      perSecond,
      latencies,
      senderCpuMs: (cpu1.sender - cpu0.sender) / opts.messages,
      receiverCpuMs: (cpu1.receiver - cpu0.receiver) / opts.messages,
    };
  } finally {
    await Promise.all(children.map((c) => c.kill(process.env.BENCH_NODE_ARGS ? 10_000 : 0)));
    await Promise.all([s.cleanup(), r.cleanup()]);
  }
}

/** node:http hello world in one process, driven by `concurrency` clients in another. */
async function rawHttp(
  concurrency: number,
  ms: number,
): Promise<{ perSecond: number; roundTripMs: number; cpuMsPerRequest: number }> {
  const port = await freePort();
  const server = new Child('./http-baseline.ts', { BENCH_MODE: 'server', BENCH_PORT: String(port) });
  try {
    await server.ready;
    const url = `http://127.0.0.1:${port}/`;
    const client = new Child('./http-baseline.ts', {
      BENCH_MODE: 'client',
      BENCH_URL: url,
      BENCH_CONCURRENCY: String(concurrency),
      BENCH_MS: String(ms),
    });
    const serverCpu0 = (await server.call('cpu')).cpuMs as number;
    const { perSecond, requests, clientCpuMs } = (await client.result()) as {
      perSecond: number;
      requests: number;
      clientCpuMs: number;
    };
    const serverCpuMs = ((await server.call('cpu')).cpuMs as number) - serverCpu0;
    // Server CPU includes the client's warm-up: a slight overestimate of the baseline's cost.
    const cpuMsPerRequest = (clientCpuMs + serverCpuMs) / requests;
    // One request at a time from this process, with a body the size of an envelope.
    const body = 'x'.repeat(2500);
    for (let i = 0; i < 100; i++) await (await fetch(url, { method: 'POST', body })).text();
    const n = 500;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await (await fetch(url, { method: 'POST', body })).text();
    return { perSecond, roundTripMs: (performance.now() - t0) / n, cpuMsPerRequest };
  } finally {
    await server.kill();
  }
}

/** One raw single-row INSERT on PostgreSQL, committed (ms). */
async function rawInsertMs(): Promise<number> {
  const db = await createTestDatabase('postgres');
  const client = new pg.Client({
    connectionString: db.config.kind === 'postgres' ? db.config.url.reveal() : '',
  });
  await client.connect();
  try {
    await client.query('create table bench_raw (id serial primary key, body text)');
    const body = 'x'.repeat(1000);
    for (let i = 0; i < 50; i++) await client.query('insert into bench_raw (body) values ($1)', [body]);
    const n = 500;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await client.query('insert into bench_raw (body) values ($1)', [body]);
    return (performance.now() - t0) / n;
  } finally {
    await client.end();
    await db.drop();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function latencyRows(
  label: string,
  samples: number[],
  baseline: { name: string; value: number; unit: string },
  baselineNote: string,
): BenchResult[] {
  const sorted = [...samples].sort((a, b) => a - b);
  const baselineMs = baseline.value;
  const row = (name: string, v: number): BenchResult => ({
    name: `delivery latency ${name}, ${label} (${sorted.length} samples)`,
    value: v,
    unit: 'ms',
    ratio: v / baselineMs,
    baseline,
    note: baselineNote,
  });
  const rows = [row('p50', percentile(sorted, 50)), row('p90', percentile(sorted, 90))];
  // With fewer than 1,000 samples the 99th percentile is within a few samples of the maximum.
  rows.push(
    sorted.length >= 1000 ? row('p99', percentile(sorted, 99)) : row('max', sorted[sorted.length - 1]!),
  );
  return rows;
}

/**
 * Delivery throughput and latency between two nodes in separate processes (PostgreSQL:
 * also two processes per node), each against raw baselines of the same run.
 */
export async function benchDelivery(
  options: { messages?: number; samples?: number } = {},
): Promise<BenchResult[]> {
  const messages = options.messages ?? 1500;
  const samples = options.samples ?? 1000;
  const raw = await rawHttp(WORKER_CONCURRENCY, 5000);
  const rawRow: BenchResult = {
    name: `baseline: node:http hello world, ${WORKER_CONCURRENCY} concurrent keep-alive clients`,
    value: raw.perSecond,
    unit: 'req/s',
    note: 'server and client in separate processes',
  };
  const rawBase = { name: 'raw HTTP', value: raw.perSecond, unit: 'req/s' };
  const results: BenchResult[] = [rawRow];
  const postAlone = { name: 'raw POST round trip', value: raw.roundTripMs, unit: 'ms' };
  const pgl = await runPair('pglite', {
    senders: 1,
    receivers: 1,
    messages: Math.min(messages, 600),
    latencySamples: 300,
  });
  results.push({
    name: 'CPU per delivered message, PGlite, sender + receiver processes',
    value: pgl.senderCpuMs + pgl.receiverCpuMs,
    unit: 'ms',
    ratio: (pgl.senderCpuMs + pgl.receiverCpuMs) / raw.cpuMsPerRequest,
    baseline: { name: 'raw HTTP CPU per request (client + server)', value: raw.cpuMsPerRequest, unit: 'ms' },
    note: `sender ${pgl.senderCpuMs.toFixed(2)} ms + receiver ${pgl.receiverCpuMs.toFixed(2)} ms (embedded database included)`,
  });
  results.push({
    name: 'delivered messages/s, PGlite, sender and receiver in separate processes',
    value: pgl.perSecond,
    unit: 'msg/s',
    ratio: pgl.perSecond / raw.perSecond,
    baseline: rawBase,
    note: `${WORKER_CONCURRENCY} requests in flight, as the baseline`,
  });
  if (!(await postgresAvailable())) {
    results.push(
      ...latencyRows('PGlite', pgl.latencies, postAlone, 'PGlite has no server: baseline is the POST alone'),
      { name: 'PostgreSQL figures', value: 0, unit: '-', note: 'PostgreSQL not reachable: skipped' },
    );
    return results;
  }
  const insertMs = await rawInsertMs();
  const baselineMs = raw.roundTripMs + insertMs;
  const baseNote = `baseline = POST ${raw.roundTripMs.toFixed(2)} ms + INSERT ${insertMs.toFixed(2)} ms`;
  const one = await runPair('postgres', { senders: 1, receivers: 1, messages, latencySamples: samples });
  const two = await runPair('postgres', { senders: 2, receivers: 2, messages, latencySamples: 0 });
  results.push(
    {
      name: 'delivered messages/s, PostgreSQL, 1 sender + 1 receiver process',
      value: one.perSecond,
      unit: 'msg/s',
      ratio: one.perSecond / raw.perSecond,
      baseline: rawBase,
      goal: { min: 0.25, text: '≥ 25 % of raw HTTP' },
      note: `burst of ${messages}, ${WORKER_CONCURRENCY} requests in flight, as the baseline`,
    },
    {
      name: 'delivered messages/s, PostgreSQL, 2 sender + 2 receiver processes',
      value: two.perSecond,
      unit: 'msg/s',
      ratio: two.perSecond / raw.perSecond,
      baseline: rawBase,
      note: `burst of ${messages}; receivers share one port (node:cluster)`,
    },
    {
      name: 'CPU per delivered message, PostgreSQL, sender + receiver processes',
      value: one.senderCpuMs + one.receiverCpuMs,
      unit: 'ms',
      ratio: (one.senderCpuMs + one.receiverCpuMs) / raw.cpuMsPerRequest,
      baseline: {
        name: 'raw HTTP CPU per request (client + server)',
        value: raw.cpuMsPerRequest,
        unit: 'ms',
      },
      note: `sender ${one.senderCpuMs.toFixed(2)} ms + receiver ${one.receiverCpuMs.toFixed(2)} ms (database server not counted); independent of other load on the machine`,
    },
    {
      name: 'scale-out: 2 processes per node / 1 process per node',
      value: two.perSecond / one.perSecond,
      unit: '×',
      ratio: two.perSecond / one.perSecond,
      baseline: { name: '1 process per node', value: one.perSecond, unit: 'msg/s' },
      goal: { min: 1.6, text: '≥ 1.6×' },
    },
    ...latencyRows(
      'PostgreSQL',
      one.latencies,
      { name: 'raw POST round trip + raw INSERT', value: baselineMs, unit: 'ms' },
      baseNote,
    ),
    ...latencyRows('PGlite', pgl.latencies, postAlone, 'PGlite has no server: baseline is the POST alone'),
  );
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { addRows, renderTable } = await import('./table.js');
  addRows('Delivery', await benchDelivery());
  console.log(renderTable());
}
