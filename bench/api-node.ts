// A node in its own process for bench/api-bench.ts, as `passerelle serve` runs it.
// env: BENCH_DATA_DIR, DATABASE_URL (absent: embedded PGlite), PASSERELLE_KEY_PASSPHRASE.
// Tells its parent `{ ready: true, url }` over IPC once listening; answers `{ cmd: 'cpu', seq }`
// with its CPU time so far; stops on `{ cmd: 'stop' }`.
import { startNode } from '../src/app/server.js';
import { createLogger, loadConfig } from '../src/platform/index.js';

const config = loadConfig(process.env.BENCH_DATA_DIR!, process.env, {
  port: 0,
  logLevel: 'error',
  webDist: null,
});
const node = await startNode(config, { logger: createLogger({ level: 'error' }) });
process.on('message', (m: { cmd?: string; seq?: number }) => {
  if (m.cmd === 'cpu') {
    const u = process.cpuUsage();
    process.send?.({ seq: m.seq, cpuMs: (u.user + u.system) / 1000 });
    return;
  }
  if (m.cmd !== 'stop') return;
  node.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
process.send?.({ ready: true, url: node.url });
