// One node in its own process for bench/delivery-bench.ts, driven over IPC. The node is the
// real one (`startNode`, as `passerelle serve` runs it), plus a no-op `bench.note` handler.
// env: BENCH_DATA_DIR, BENCH_PORT, BENCH_ROLE (sender|receiver), BENCH_WORKERS (receiver:
// processes sharing the port through node:cluster, the kernel balancing connections),
// DATABASE_URL (absent: embedded PGlite), PASSERELLE_KEY_PASSPHRASE.
import cluster from 'node:cluster';
import { startNode } from '../src/app/server.js';
import { createLogger, loadConfig } from '../src/platform/index.js';
import { testAdmin } from '../test/_util.js';

interface Command {
  seq: number;
  cmd: 'card' | 'pair' | 'enqueue' | 'start' | 'pause' | 'count' | 'cpu' | 'latency' | 'stop';
  cardJws?: string;
  n?: number;
}

const role = process.env.BENCH_ROLE ?? 'receiver';
const workers = Number(process.env.BENCH_WORKERS ?? '1');
const reply = (msg: object) => process.send?.(msg);

if (cluster.isPrimary && role === 'receiver' && workers > 1) {
  // Several receiver processes on one port: the primary only forks and relays commands to
  // the first worker (every worker shares the database, so one answers for the node).
  const forked = Array.from({ length: workers }, () => cluster.fork());
  await Promise.all(forked.map((w) => new Promise((r) => w.once('message', r))));
  const first = forked[0]!;
  const cpuAnswers = new Map<number, number[]>();
  for (const w of forked)
    w.on('message', (m: { seq?: number; cpuMs?: number }) => {
      if (m.cpuMs === undefined || m.seq === undefined) {
        if (w === first) reply(m);
        return;
      }
      // CPU of the node: the sum over its processes.
      const got = [...(cpuAnswers.get(m.seq) ?? []), m.cpuMs];
      cpuAnswers.set(m.seq, got);
      if (got.length === forked.length) reply({ seq: m.seq, cpuMs: got.reduce((a, b) => a + b, 0) });
    });
  process.on('message', (m: Command) => {
    if (m.cmd === 'cpu') {
      for (const w of forked) w.send(m);
      return;
    }
    if (m.cmd === 'stop') {
      for (const w of forked) w.send(m);
      Promise.all(forked.map((w) => new Promise((r) => w.once('exit', r)))).then(() => {
        reply({ seq: m.seq });
        process.exit(0);
      });
      return;
    }
    first.send(m);
  });
  reply({ ready: true });
} else {
  const config = loadConfig(process.env.BENCH_DATA_DIR!, process.env, {
    port: Number(process.env.BENCH_PORT),
    logLevel: 'error',
    webDist: null,
  });
  // BENCH_LOG_LEVEL=warn shows retries and refusals while the bench runs.
  const level = (process.env.BENCH_LOG_LEVEL ?? 'error') as 'error' | 'warn' | 'info';
  const node = await startNode(config, { logger: createLogger({ level }) });
  const federation = node.ctx.federation;
  federation.setHandler('bench.note', async () => {});
  // A sender's worker waits for `start`, so a burst is queued whole before it is timed.
  if (role === 'sender') await federation.stopWorker();
  let delivered = 0;
  const waiters = new Map<string, () => void>();
  federation.onDelivery((e) => {
    if (e.outcome !== 'delivered') return;
    delivered++;
    waiters.get(e.id)?.();
  });
  const admin = { ...testAdmin, roles: [...testAdmin.roles] };
  const payload = { subject: 'benchmark', body: 'x'.repeat(1000) };
  const send = (msg: object) => (cluster.isWorker ? process.send?.(msg) : reply(msg));
  process.on('message', async (m: Command) => {
    switch (m.cmd) {
      case 'card':
        send({ seq: m.seq, cardJws: (await federation.ownCard()).cardJws });
        return;
      case 'pair': {
        const p = await federation.importPartner(admin, { cardJws: m.cardJws! });
        await federation.verifyPartner(admin, p.nodeId, p.fingerprint.numeric);
        send({ seq: m.seq, partner: p.nodeId });
        return;
      }
      case 'enqueue': {
        const [partner] = await federation.listPartners(admin);
        for (let i = 0; i < m.n!; i += 50) {
          await node.ctx.db.transaction().execute(async (tx) => {
            for (let j = i; j < Math.min(i + 50, m.n!); j++)
              await federation.enqueue(tx, { recipient: partner!.nodeId, type: 'bench.note', payload });
          });
        }
        send({ seq: m.seq });
        return;
      }
      case 'start':
        federation.startWorker();
        send({ seq: m.seq });
        return;
      case 'pause':
        await federation.stopWorker();
        send({ seq: m.seq });
        return;
      case 'count':
        send({ seq: m.seq, delivered });
        return;
      case 'cpu': {
        // CPU time this process has used (user + system), in ms: a cost that does not
        // depend on what else the machine runs.
        const u = process.cpuUsage();
        send({ seq: m.seq, cpuMs: (u.user + u.system) / 1000 });
        return;
      }
      case 'latency': {
        // One message at a time: enqueue (committed) → sealed, signed, posted, stored and
        // receipted by the receiver → receipt verified and recorded here ("delivered").
        const [partner] = await federation.listPartners(admin);
        const samples: number[] = [];
        for (let i = 0; i < m.n!; i++) {
          const t0 = performance.now();
          let done!: () => void;
          const seen = new Promise<void>((r) => {
            done = r;
          });
          const { id } = await node.ctx.db
            .transaction()
            .execute((tx) =>
              federation.enqueue(tx, { recipient: partner!.nodeId, type: 'bench.note', payload }),
            );
          waiters.set(id, done);
          await seen;
          waiters.delete(id);
          samples.push(performance.now() - t0);
        }
        send({ seq: m.seq, samples });
        return;
      }
      case 'stop':
        await node.close();
        send({ seq: m.seq });
        process.exit(0);
    }
  });
  send({ ready: true });
}
