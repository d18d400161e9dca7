// The raw HTTP baseline of bench/delivery-bench.ts, in separate processes as the nodes are:
//   BENCH_MODE=server BENCH_PORT=…  a node:http hello world;
//   BENCH_MODE=client BENCH_URL=… BENCH_CONCURRENCY=… BENCH_MS=…  that many requests in
//   flight at all times (fetch, keep-alive: the client the delivery worker uses), for that
//   long; prints the rate and exits.
import { createServer } from 'node:http';

const mode = process.env.BENCH_MODE;
if (mode === 'server') {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('hello world');
    });
  });
  server.listen(Number(process.env.BENCH_PORT), '127.0.0.1', () => process.send?.({ ready: true }));
  process.on('message', (m: { seq: number }) => {
    const u = process.cpuUsage();
    process.send?.({ seq: m.seq, cpuMs: (u.user + u.system) / 1000 });
  });
} else {
  const url = process.env.BENCH_URL!;
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? '8');
  const ms = Number(process.env.BENCH_MS ?? '5000');
  const once = async () => {
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  };
  for (let i = 0; i < 200; i++) await once(); // warm-up
  let n = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const end = start + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await once();
        n++;
      }
    }),
  );
  const perSecond = n / ((performance.now() - start) / 1000);
  const cpu = process.cpuUsage(cpu0);
  process.send?.({ perSecond, requests: n, clientCpuMs: (cpu.user + cpu.system) / 1000 });
  process.exit(0);
}
