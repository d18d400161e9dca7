// Foundation costs against baselines measured in the same run (DESIGN §11):
// - an audited change (append to the hash chain in a transaction) vs a raw single-row INSERT;
// - an authenticated API request through the node vs a bare node:http server on loopback.
//   node --import tsx bench/foundation-bench.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { appendAudit, systemClock } from '../src/platform/index.js';
import { openTestDatabase, postgresAvailable, startTestNode, TestClient } from '../test/_util.js';
import type { BenchResult } from './envelope-bench.js';

async function rate(durationMs: number, op: () => Promise<unknown>): Promise<number> {
  const end = performance.now() + durationMs;
  let n = 0;
  const start = performance.now();
  while (performance.now() < end) {
    await op();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

async function benchAudit(engine: 'pglite' | 'postgres', durationMs: number): Promise<BenchResult[]> {
  const database = await openTestDatabase(engine);
  try {
    await sql`create table bench_raw (id serial primary key, actor text, action text, detail jsonb)`.execute(
      database.db,
    );
    const raw = await rate(durationMs, () =>
      sql`insert into bench_raw (actor, action, detail) values ('user:x', 'bench', '{"i":1}')`.execute(
        database.db,
      ),
    );
    const audited = await rate(durationMs, () =>
      database.db
        .transaction()
        .execute((tx) =>
          appendAudit(tx, systemClock, { actor: 'user:x', action: 'bench', detail: { i: 1 } }),
        ),
    );
    return [
      { name: `audit append (${engine})`, value: audited, unit: 'entries/s', ratio: audited / raw },
      { name: `  baseline: raw INSERT (${engine})`, value: raw, unit: 'rows/s' },
    ];
  } finally {
    await database.drop();
  }
}

async function benchHttp(durationMs: number): Promise<BenchResult[]> {
  const node = await startTestNode();
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"user":{"username":"x"}}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const rawUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    await node.ctx.governance.createUser(null, {
      username: 'bench',
      displayName: 'Bench',
      password: 'bench password 1',
      roles: ['viewer'],
    });
    const client = new TestClient(node.url);
    await client.post('/api/v1/auth/login', { username: 'bench', password: 'bench password 1' });
    const raw = await rate(durationMs, async () => (await fetch(rawUrl)).text());
    const api = await rate(durationMs, () => client.get('/api/v1/auth/me'));
    return [
      {
        name: 'authenticated API request (session lookup, PGlite)',
        value: api,
        unit: 'req/s',
        ratio: api / raw,
      },
      { name: '  baseline: bare node:http on loopback', value: raw, unit: 'req/s' },
    ];
  } finally {
    server.close();
    await node.destroy();
  }
}

/** Runs the foundation benchmarks. */
export async function benchFoundation(durationMs = 2000): Promise<BenchResult[]> {
  const out = [...(await benchAudit('pglite', durationMs))];
  if (await postgresAvailable()) out.push(...(await benchAudit('postgres', durationMs)));
  out.push(...(await benchHttp(durationMs)));
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchFoundation()) {
    console.log(
      `${r.name.padEnd(56)} ${r.value.toFixed(0).padStart(8)} ${r.unit}${r.ratio !== undefined ? `   ratio ${r.ratio.toFixed(2)}` : ''}`,
    );
  }
}
