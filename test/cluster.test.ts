// Several `passerelle serve` processes of one node on one PostgreSQL database, behind a
// round-robin load balancer (a small node:http proxy): sessions, rate limits and live
// updates hold across processes; a process killed with SIGKILL in the middle of a delivery
// batch loses and duplicates nothing, and its leases are taken back without waiting for them
// to run out.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createAppContext } from '../src/app/context.js';
import type { AppContext } from '../src/app/index.js';
import { initNode } from '../src/app/init-node.js';
import { liveProcessIds, loadConfig, Secret } from '../src/platform/index.js';
import { freePort, RoundRobinProxy, type ServeProcess, startServeProcess } from './_cluster.js';
import {
  allowSharing,
  createTestDatabase,
  postgresAvailable,
  startTestNode,
  TestClient,
  testAdmin,
  testScrypt,
  waitFor,
} from './_util.js';

const PASSPHRASE = 'test-passphrase-not-secret';
const PASSWORD = 'correct horse battery';
const admin = { ...testAdmin, roles: [...testAdmin.roles] };
const available = await postgresAvailable();

/** One node made of two serve processes behind a proxy, and a partner node in this process. */
async function startCluster() {
  const proxy = new RoundRobinProxy();
  await proxy.listen();
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-cluster-'));
  await initNode({
    dataDir,
    // Partners reach the node through the load balancer, whichever process answers.
    identity: { id: 'ma-dgsn', agency: 'DGSN', country: 'MA', endpoint: proxy.url },
    passphrase: new Secret(PASSPHRASE),
  });
  const database = await createTestDatabase('postgres');
  const databaseUrl = database.config.kind === 'postgres' ? database.config.url.reveal() : '';
  const config = loadConfig(
    dataDir,
    { PASSERELLE_KEY_PASSPHRASE: PASSPHRASE, DATABASE_URL: databaseUrl },
    {
      logLevel: 'silent',
    },
  );
  // The operator's tools (CLI, this test) open the same database as another process.
  const ctx: AppContext = await createAppContext(config, { scrypt: testScrypt });
  const partner = await startTestNode({ id: 'pk-fia', country: 'PK' });
  const processes: ServeProcess[] = [];
  for (let i = 0; i < 2; i++) {
    processes.push(
      await startServeProcess({ dataDir, databaseUrl, port: await freePort(), passphrase: PASSPHRASE }),
    );
  }
  proxy.backends = processes.map((p) => p.url);
  // Pairing, as two administrators do it: each imports the other's card and checks it.
  const ours = await partner.ctx.federation.importPartner(admin, { url: proxy.url });
  await partner.ctx.federation.verifyPartner(admin, ours.nodeId, ours.fingerprint.numeric);
  const theirs = await ctx.federation.importPartner(admin, {
    cardJws: (await partner.ctx.federation.ownCard()).cardJws,
  });
  await ctx.federation.verifyPartner(admin, theirs.nodeId, theirs.fingerprint.numeric);
  await allowSharing(partner, 'ma-dgsn');
  return {
    proxy,
    ctx,
    partner,
    processes,
    destroy: async () => {
      await Promise.all(processes.map((p) => p.stop()));
      await proxy.close();
      await ctx.close();
      await partner.destroy();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Reads a Server-Sent Events stream, collecting its event names. */
async function openEvents(url: string, cookie: string) {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  const events: string[] = [];
  let connected!: () => void;
  const ready = new Promise<void>((r) => {
    connected = r;
  });
  const decoder = new TextDecoder();
  let buffer = '';
  const reading = (async () => {
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes(': connected')) connected();
          const name = /^event: (.+)$/m.exec(block)?.[1];
          if (name) events.push(name);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  await ready;
  return {
    events,
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}

describe('two serve processes on one PostgreSQL behind a round-robin proxy', { skip: !available }, () => {
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  before(async () => {
    cluster = await startCluster();
    await cluster.ctx.governance.createUser(null, {
      username: 'amina',
      displayName: 'Amina (synthetic)',
      password: PASSWORD,
      roles: ['liaison'],
    });
  });
  after(async () => cluster?.destroy());

  test('a session opened on one process works on the other; sign-in limits add up across both', async () => {
    const { proxy } = cluster;
    // Sign-in counters: 30 a minute per address, the minute starting at the first attempt.
    const client = new TestClient(proxy.url);
    const first = proxy.served.length;
    assert.equal(
      (await client.post('/api/v1/auth/login', { username: 'amina', password: PASSWORD })).status,
      200,
    );
    for (let i = 0; i < 4; i++) {
      const me = await client.get('/api/v1/auth/me');
      assert.equal(me.status, 200);
      assert.equal(me.json.user.username, 'amina');
    }
    const backends = new Set(proxy.served.slice(first).map(([backend]) => backend));
    assert.equal(backends.size, 2, 'the session was used on both processes');

    // 30 sign-ins a minute per address: one done, 29 more (malformed, refused at once) reach
    // the limit between them, split over the two processes.
    const guesser = new TestClient(proxy.url);
    for (let i = 0; i < 29; i++) {
      assert.equal((await guesser.post('/api/v1/auth/login', { username: 'amina' })).status, 400);
    }
    const from = proxy.served.length;
    const over = [
      await guesser.post('/api/v1/auth/login', { username: 'amina', password: PASSWORD }),
      await guesser.post('/api/v1/auth/login', { username: 'amina', password: PASSWORD }),
    ];
    assert.deepEqual(
      over.map((r) => [r.status, r.json?.error?.code]),
      [
        [429, 'rate_limited'],
        [429, 'rate_limited'],
      ],
    );
    assert.equal(new Set(proxy.served.slice(from).map(([b]) => b)).size, 2, 'both processes refused');
  });

  test('a message received by one process is announced live to browsers on both', async () => {
    const { proxy, partner, ctx } = cluster;
    // A session token, as the browser's cookie (the sign-in route is rate-limited by now).
    const session = await ctx.governance.login(
      { username: 'amina', password: PASSWORD },
      { ip: '127.0.0.1', userAgent: 'test' },
    );
    const cookie = `passerelle_session=${session.token}`;
    const start = proxy.served.length;
    const streams = [
      await openEvents(`${proxy.url}/api/v1/events`, cookie),
      await openEvents(`${proxy.url}/api/v1/events`, cookie),
    ];
    assert.equal(new Set(proxy.served.slice(start).map(([b]) => b)).size, 2, 'one stream on each process');
    try {
      const sent = await partner.ctx.exchange.send({ ...admin, username: 'farah', roles: ['liaison'] }, {
        recipient: 'ma-dgsn',
        message: {
          type: 'info',
          subject: 'Synthetic live update',
          body: 'Synthetic information for the cluster test.',
          language: 'en',
          crimeAreas: ['migrant_smuggling'],
          priority: 'routine',
          handlingCode: 'H1',
          tlp: 'AMBER',
          evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
          legalBasis: 'Bilateral agreement art. 3',
          purpose: 'Cluster test',
          retentionReviewDate: '2027-06-30',
          attachmentIds: [],
        },
      } as never);
      await waitFor(() => streams.every((s) => s.events.includes('inbox')), 20_000, 'both streams told');
      const [delivered] = await ctx.db
        .selectFrom('messages')
        .select('id')
        .where('id', '=', sent.id)
        .execute();
      assert.ok(delivered, 'the message is stored once');
    } finally {
      for (const s of streams) await s.close();
    }
  });
});

describe('a serve process killed with SIGKILL during a delivery batch', { skip: !available }, () => {
  const COUNT = 400;
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  before(async () => {
    cluster = await startCluster();
  });
  after(async () => cluster?.destroy());

  test("every message is delivered exactly once, the dead process's leases taken back at once", async () => {
    const { ctx, partner, processes } = cluster;
    const calls = new Map<number, number>();
    partner.ctx.federation.setHandler('test.note', async (_tx, msg) => {
      const seq = (msg.payload as { seq: number }).seq;
      calls.set(seq, (calls.get(seq) ?? 0) + 1);
    });
    for (let i = 0; i < COUNT; i += 50) {
      await ctx.db.transaction().execute(async (tx) => {
        for (let j = i; j < Math.min(i + 50, COUNT); j++)
          await ctx.federation.enqueue(tx, { recipient: 'pk-fia', type: 'test.note', payload: { seq: j } });
      });
    }
    // Both processes are sending (each holds leases) and well under way: kill the first.
    type Lease = { id: string; locked_by: number; locked_until: Date };
    let leases: Lease[] = [];
    await waitFor(
      async () => {
        leases = (
          await sql<Lease>`select id, locked_by, locked_until from outbox where status = 'sending' and locked_by is not null`.execute(
            ctx.db,
          )
        ).rows;
        return calls.size >= 50 && new Set(leases.map((l) => l.locked_by)).size === 2;
      },
      60_000,
      'both processes sending',
    );
    await processes[0]!.kill();
    const live = new Set(
      (
        await sql<{ objid: number }>`select objid from ${liveProcessIds} as live(objid)`.execute(ctx.db)
      ).rows.map((r) => Number(r.objid)),
    );
    const orphaned = leases.filter((l) => !live.has(Number(l.locked_by)));
    assert.ok(orphaned.length > 0, 'the killed process held leases');
    cluster.proxy.backends = [processes[1]!.url];

    await waitFor(
      async () => {
        const [row] = (
          await sql<{ n: number }>`select count(*)::int as n from outbox where status = 'delivered'`.execute(
            ctx.db,
          )
        ).rows;
        return row?.n === COUNT;
      },
      120_000,
      'every message delivered',
    );
    assert.equal(calls.size, COUNT);
    assert.deepEqual(
      [...calls.entries()].filter(([, n]) => n !== 1),
      [],
      'no message processed twice',
    );
    // What the killed process was sending went out before its lease would have run out.
    const rows = await ctx.db
      .selectFrom('outbox')
      .select(['id', 'delivered_at'])
      .where(
        'id',
        'in',
        orphaned.map((l) => l.id),
      )
      .execute();
    const late = rows.filter((r) => {
      const lease = orphaned.find((l) => l.id === r.id)!;
      return !r.delivered_at || new Date(r.delivered_at) >= new Date(lease.locked_until);
    });
    assert.deepEqual(late, [], 'no message waited for its lease to run out');
  });
});
