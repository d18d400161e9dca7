// End-to-end delivery between two real nodes on loopback (DESIGN §11), per database engine:
// enqueue in the sender's transaction → outbox → worker seals, signs (RFC 9421) and POSTs →
// receiver verifies, opens, stores, runs the handler, signs a receipt → sender records it.
// Baseline measured in the same run: one bare HTTP POST round trip on loopback plus one raw
// single-row INSERT on the same engine — the floor of "send a row to another process".
//   node --import tsx bench/delivery-bench.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { enqueueMessage, pairNodes, postgresAvailable, startTestNode } from '../test/_util.js';
import type { BenchResult } from './envelope-bench.js';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function httpRoundTripMs(n: number): Promise<number> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('{"ok":true}'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const body = 'x'.repeat(1500);
  try {
    for (let i = 0; i < 20; i++) await (await fetch(url, { method: 'POST', body })).text();
    const start = performance.now();
    for (let i = 0; i < n; i++) await (await fetch(url, { method: 'POST', body })).text();
    return (performance.now() - start) / n;
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

async function benchEngine(
  engine: 'pglite' | 'postgres',
  messages: number,
  samples: number,
): Promise<BenchResult[]> {
  const [a, b] = await Promise.all([
    startTestNode({ id: 'ma-dgsn', engine }),
    startTestNode({ id: 'pk-fia', country: 'PK', engine }),
  ]);
  try {
    await pairNodes(a, b);
    let arrived = 0;
    let onArrive: (() => void) | null = null;
    b.ctx.federation.setHandler('bench.note', async () => {
      arrived++;
      queueMicrotask(() => onArrive?.());
    });
    const waitArrived = (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (arrived >= n) {
            onArrive = null;
            resolve();
          }
        };
        onArrive = check;
        check();
      });
    const payload = { subject: 'benchmark', body: 'x'.repeat(1000) };

    // Latency: one message at a time, enqueue (committed) → handler committed at the receiver.
    for (let i = 0; i < 5; i++) {
      await enqueueMessage(a, 'pk-fia', 'bench.note', payload);
      await waitArrived(arrived + 1);
    }
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const target = arrived + 1;
      const t0 = performance.now();
      await enqueueMessage(a, 'pk-fia', 'bench.note', payload);
      await waitArrived(target);
      latencies.push(performance.now() - t0);
    }
    latencies.sort((x, y) => x - y);

    // Throughput: a burst committed in transactions of 50, until the last one is processed.
    const target = arrived + messages;
    const t0 = performance.now();
    for (let i = 0; i < messages; i += 50) {
      await a.ctx.db.transaction().execute(async (tx) => {
        for (let j = i; j < Math.min(i + 50, messages); j++) {
          await a.ctx.federation.enqueue(tx, { recipient: 'pk-fia', type: 'bench.note', payload });
        }
      });
      a.ctx.federation.nudge();
    }
    await waitArrived(target);
    const perSecond = messages / ((performance.now() - t0) / 1000);

    // Baseline: a bare POST round trip plus a raw single-row INSERT on this engine.
    await sql`create table if not exists bench_raw (id serial primary key, body text)`.execute(a.ctx.db);
    const n = 200;
    const s0 = performance.now();
    for (let i = 0; i < n; i++)
      await sql`insert into bench_raw (body) values (${payload.body})`.execute(a.ctx.db);
    const insertMs = (performance.now() - s0) / n;
    const httpMs = await httpRoundTripMs(n);
    const baselineMs = insertMs + httpMs;
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    return [
      {
        name: `delivered messages/s, ${engine} (burst of ${messages})`,
        value: perSecond,
        unit: 'msg/s',
        ratio: perSecond / (1000 / baselineMs),
        note: `vs ${(1000 / baselineMs).toFixed(0)}/s bare POST+INSERT`,
      },
      {
        name: `end-to-end latency p50, ${engine}`,
        value: p50,
        unit: 'ms',
        ratio: p50 / baselineMs,
        note: `baseline ${baselineMs.toFixed(2)} ms = POST ${httpMs.toFixed(2)} + INSERT ${insertMs.toFixed(2)}`,
      },
      { name: `end-to-end latency p99, ${engine}`, value: p99, unit: 'ms', ratio: p99 / baselineMs },
    ];
  } finally {
    await Promise.all([a.destroy(), b.destroy()]);
  }
}

/** Delivery throughput and latency between two nodes, with PGlite and (if reachable) PostgreSQL. */
export async function benchDelivery(messages = 300, samples = 60): Promise<BenchResult[]> {
  const results = await benchEngine('pglite', messages, samples);
  if (await postgresAvailable()) results.push(...(await benchEngine('postgres', messages, samples)));
  else results.push({ name: 'postgres', value: 0, unit: '-', note: 'PostgreSQL not reachable: skipped' });
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchDelivery()) {
    const ratio = r.ratio !== undefined ? `   ratio ${r.ratio.toFixed(2)}` : '';
    console.log(
      `${r.name.padEnd(52)} ${r.value.toFixed(2).padStart(10)} ${r.unit}${ratio}${r.note ? `   (${r.note})` : ''}`,
    );
  }
}
