// The node API under load (issue #15): autocannon, 10 connections, against a node in its own
// process, each rate as a ratio to a bare node:http hello world (bench/http-baseline.ts) in
// its own process, driven by the same client in the same run. Figures: /healthz, the
// authenticated inbox list of 50 received messages, reading one message (an audited read),
// with p50/p99 latencies; and, since a shared machine moves wall-clock rates, the server
// process's CPU time per request against the raw server's (PGlite: the database is inside the
// node's process, so its CPU is counted; PostgreSQL: the database server's CPU is not).
// BENCH_API_SECONDS (default 5) sets each measurement's length. The node runs on embedded
// PGlite (as `passerelle serve` starts by default) and, when a server is available, on
// PostgreSQL (PASSERELLE_TEST_PG_URL).
import { type ChildProcess, fork } from 'node:child_process';
import autocannon from 'autocannon';
import { freePort } from '../test/_cluster.js';
import {
  allowSharing,
  apiCall,
  pairNodes,
  postgresAvailable,
  startTestNode,
  syntheticRfi,
  tokenForNewUser,
  waitFor,
} from '../test/_util.js';
import type { BenchResult } from './table.js';

const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 5);
const CONNECTIONS = 10;
const MESSAGES = 50;

/** A child process that says `{ ready: true, … }` over IPC once it listens and answers `cpu`. */
class Child {
  readonly proc: ChildProcess;
  readonly ready: Promise<Record<string, unknown>>;
  #seq = 0;
  constructor(script: string, env: Record<string, string>) {
    const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
    this.proc = fork(new URL(script, import.meta.url).pathname, [], {
      execArgv: [
        '--import',
        'tsx',
        ...(process.env.BENCH_API_PROFILE
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_PROFILE}`]
          : []),
      ],
      env: { ...parentEnv, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.ready = new Promise((resolve, reject) => {
      this.proc.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
      this.proc.on('message', (m: Record<string, unknown>) => {
        if (m.ready) resolve(m);
      });
    });
    this.ready.catch(() => {});
  }
  /** CPU time (user + system) the process has used so far, in ms. */
  cpuMs(): Promise<number> {
    const seq = ++this.#seq;
    return new Promise((resolve) => {
      const on = (m: { seq?: number; cpuMs?: number }) => {
        if (m.seq !== seq) return;
        this.proc.off('message', on);
        resolve(m.cpuMs!);
      };
      this.proc.on('message', on);
      this.proc.send({ cmd: 'cpu', seq });
    });
  }
}

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  /** Server CPU time per answered request, ms. */
  cpuMs: number;
  failures: number;
}

/** autocannon, {@link CONNECTIONS} connections for `seconds`, after a two-second warm-up. */
export async function load(
  url: string,
  server: Child,
  headers: Record<string, string> = {},
  seconds = SECONDS,
): Promise<Load> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const cpu0 = await server.cpuMs();
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  const cpu1 = await server.cpuMs();
  return {
    perSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuMs: (cpu1 - cpu0) / Math.max(1, r.requests.total),
    failures: r.non2xx + r.errors,
  };
}

/** Bare node:http hello world in its own process. */
async function rawRate(): Promise<Load> {
  const port = await freePort();
  const server = new Child('./http-baseline.ts', { BENCH_MODE: 'server', BENCH_PORT: String(port) });
  try {
    await server.ready;
    return await load(`http://127.0.0.1:${port}/`, server);
  } finally {
    server.proc.kill('SIGKILL');
  }
}

/**
 * A node holding {@link MESSAGES} requests received from a partner over real HTTP, then
 * restarted alone in its own process: its URL, a reader's API token and a message id.
 */
export async function seededNode(engine: 'pglite' | 'postgres') {
  const sender = await startTestNode({ id: 'es-cgp', country: 'ES', engine });
  const receiver = await startTestNode({ id: 'ma-dgsn', engine });
  let server: Child | undefined;
  const destroy = async () => {
    await sender.destroy().catch(() => {});
    await receiver.destroy().catch(() => {});
  };
  try {
    await pairNodes(sender, receiver);
    await allowSharing(sender, 'ma-dgsn');
    const author = await tokenForNewUser(sender, 'author', ['liaison']);
    const reader = await tokenForNewUser(receiver, 'reader', ['liaison']);
    const now = Date.now();
    for (let i = 0; i < MESSAGES; i++) {
      const res = await apiCall(sender, author, 'POST', '/messages', {
        recipient: 'ma-dgsn',
        message: syntheticRfi(now, { subject: `Synthetic crossing organiser ${i}` }),
      });
      if (res.status !== 201) throw new Error(`send answered ${res.status}`);
    }
    let ids: string[] = [];
    await waitFor(
      async () => {
        const res = await apiCall(receiver, reader, 'GET', `/messages?limit=${MESSAGES}`);
        ids = (res.json.messages as Array<{ id: string }>).map((m) => m.id);
        return ids.length === MESSAGES;
      },
      120_000,
      'every message received',
    );
    await sender.destroy();
    await receiver.close();
    const env: Record<string, string> = {
      BENCH_DATA_DIR: receiver.dataDir,
      PASSERELLE_KEY_PASSPHRASE: 'test-passphrase-not-secret',
    };
    if (receiver.config.db.kind === 'postgres') env.DATABASE_URL = receiver.config.db.url.reveal();
    server = new Child('./api-node.ts', env);
    const { url } = (await server.ready) as { url: string };
    const running = server;
    return {
      url,
      server: running,
      token: reader,
      messageId: ids[ids.length - 1]!,
      stop: async () => {
        running.proc.send({ cmd: 'stop' });
        await new Promise((r) => running.proc.once('exit', r));
        await receiver.destroy();
      },
    };
  } catch (err) {
    server?.proc.kill('SIGKILL');
    await destroy();
    throw err;
  }
}

interface Measured {
  engine: 'pglite' | 'postgres';
  listBytes: number;
  health: Load;
  list: Load;
  read: Load;
}

async function measureNode(engine: 'pglite' | 'postgres'): Promise<Measured> {
  const node = await seededNode(engine);
  try {
    const auth = { authorization: `Bearer ${node.token}` };
    const listed = await fetch(`${node.url}/api/v1/messages`, { headers: auth });
    const listBytes = (await listed.arrayBuffer()).byteLength;
    const health = await load(`${node.url}/healthz`, node.server);
    const list = await load(`${node.url}/api/v1/messages`, node.server, auth);
    const read = await load(`${node.url}/api/v1/messages/${node.messageId}`, node.server, auth);
    // autocannon stops with requests in flight: let them finish before the node stops.
    await new Promise((r) => setTimeout(r, 1000));
    return { engine, listBytes, health, list, read };
  } finally {
    await node.stop();
  }
}

export async function benchApi(): Promise<BenchResult[]> {
  const engines: Array<'pglite' | 'postgres'> = (await postgresAvailable())
    ? ['pglite', 'postgres']
    : ['pglite'];
  // The baseline before and after the node runs, its mean the divisor: the machine is shared.
  const rawBefore = await rawRate();
  const measured: Measured[] = [];
  for (const engine of engines) measured.push(await measureNode(engine));
  const rawAfter = await rawRate();
  const raw = (rawBefore.perSecond + rawAfter.perSecond) / 2;
  const rawCpu = (rawBefore.cpuMs + rawAfter.cpuMs) / 2;
  const baseline = { name: 'raw node:http', value: raw, unit: 'req/s' };
  const cpuBaseline = { name: 'raw node:http server CPU per request', value: rawCpu, unit: 'ms' };
  const rows: BenchResult[] = [
    {
      name: 'baseline: raw node:http hello world, autocannon 10 connections',
      value: raw,
      unit: 'req/s',
      note:
        `separate process; mean of a run before (${Math.round(rawBefore.perSecond)}) and after (${Math.round(rawAfter.perSecond)}) the node's; ` +
        `p50 ${rawBefore.p50} ms, p99 ${rawBefore.p99} ms; server CPU ${rawCpu.toFixed(3)} ms per request`,
    },
  ];
  const figure = (
    name: string,
    l: Load,
    goal: { min: number; text: string } | null,
    engine: string,
    note: string,
  ): BenchResult[] => [
    {
      name: `${name}, ${engine}`,
      value: l.perSecond,
      unit: 'req/s',
      ratio: l.perSecond / raw,
      baseline,
      ...(goal ? { goal } : {}),
      note: `${note}; p50 ${l.p50} ms, p99 ${l.p99} ms${l.failures > 0 ? `; ${l.failures} non-2xx or errors` : ''}`,
    },
    {
      name: `${name}, ${engine}: node CPU per request`,
      value: l.cpuMs,
      unit: 'ms',
      ratio: l.cpuMs / rawCpu,
      baseline: cpuBaseline,
      note: `raw CPU ÷ this = ${(rawCpu / l.cpuMs).toFixed(3)}: the rate ratio on equal, otherwise idle cores${engine === 'PostgreSQL' ? ' (database server CPU not counted)' : ' (embedded database included)'}`,
    },
  ];
  for (const m of measured) {
    const engine = m.engine === 'pglite' ? 'PGlite' : 'PostgreSQL';
    rows.push(
      ...figure('GET /healthz', m.health, null, engine, 'no sign-in, no database'),
      ...figure(
        `GET /api/v1/messages (${MESSAGES} messages, ${Math.round(m.listBytes / 1024)} KB)`,
        m.list,
        { min: 0.1, text: '≥ 0.10 of raw (#15)' },
        engine,
        'API token, need-to-know filter in SQL',
      ),
      ...figure(
        'GET /api/v1/messages/:id',
        m.read,
        { min: 0.25, text: '≥ 0.25 of raw (#15)' },
        engine,
        'API token, need-to-know check, audited read (one hash-chained audit entry per read)',
      ),
    );
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { addRows, renderTable } = await import('./table.js');
  addRows('API', await benchApi());
  console.log(renderTable());
}
