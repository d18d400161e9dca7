import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { initNode } from '../src/app/init-node.js';
import { type RunningNode, startNode } from '../src/app/server.js';
import { createLogger, loadConfig, ManualClock, Secret } from '../src/platform/index.js';
import {
  createTestDatabase,
  pairNodes,
  postgresAvailable,
  startTestNode,
  TestClient,
  type TestNode,
  testPgUrl,
  testScrypt,
  tokenForNewUser,
} from './_util.js';

// A short PostgreSQL outage as a node sees it, without touching the shared server: the node
// reaches PostgreSQL through a TCP relay that the test cuts (every connection dropped, new
// ones refused) and restores.

/** A TCP relay to PostgreSQL that can be cut and restored. */
class DatabaseRelay {
  #server: Server | null = null;
  #sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.#server = server;
  }

  /** Drops every connection and refuses new ones, as a stopped server does. */
  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

const available = await postgresAvailable();

function infoDraft(subject: string) {
  return {
    type: 'info',
    subject,
    body: 'Synthetic test information for an outage drill.',
    language: 'en',
    crimeAreas: ['migrant_smuggling'],
    priority: 'routine',
    handlingCode: 'H1',
    tlp: 'GREEN',
    evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
    legalBasis: 'Bilateral security cooperation agreement, art. 3',
    purpose: 'Outage drill',
    entities: [],
    retentionReviewDate: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
  };
}

function bearer(token: string, extra: Record<string, string> = {}) {
  return { authorization: `Bearer ${token}`, ...extra };
}

describe(
  'a short PostgreSQL outage answers 503 with Retry-After; sends retry safely',
  {
    skip: !available && 'PostgreSQL not reachable',
  },
  () => {
    const relayTarget = new URL(testPgUrl);
    const relay = new DatabaseRelay({ host: relayTarget.hostname, port: Number(relayTarget.port || 5432) });
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    let dataDir: string;
    let a: RunningNode;
    let b: TestNode;
    let token: string;
    let client: TestClient;

    before(async () => {
      await relay.open();
      db = await createTestDatabase('postgres');
      const url = new URL((db.config as { url: Secret }).url.reveal());
      url.hostname = '127.0.0.1';
      url.port = String(relay.port);
      dataDir = mkdtempSync(join(tmpdir(), 'passerelle-outage-'));
      await initNode({
        dataDir,
        identity: { id: 'ma-dgsn', agency: 'Test agency', country: 'MA', endpoint: 'http://127.0.0.1:1' },
        passphrase: new Secret('test-passphrase-not-secret'),
      });
      const config = loadConfig(
        dataDir,
        { PASSERELLE_KEY_PASSPHRASE: 'test-passphrase-not-secret', DATABASE_URL: url.toString() },
        { port: 0, webDist: null, logLevel: 'silent' },
      );
      a = await startNode(config, { scrypt: testScrypt, logger: createLogger({ level: 'silent' }) });
      b = await startTestNode({ id: 'pk-fia', country: 'PK' });
      await pairNodes(a, b);
      token = await tokenForNewUser(a, 'alice', ['liaison']);
      client = new TestClient(a.url);
    });
    after(async () => {
      await relay.cut();
      await a?.close();
      await b?.destroy();
      await db?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('during the outage reads and writes answer 503 database_unavailable with Retry-After, never 500', async () => {
      const ok = await client.request('GET', '/api/v1/messages', undefined, bearer(token));
      assert.equal(ok.status, 200);
      await relay.cut();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const read = await client.request('GET', '/api/v1/messages', undefined, bearer(token));
        statuses.push(read.status);
        assert.equal(read.status, 503, read.text);
        assert.equal(read.json.error.code, 'database_unavailable');
        assert.equal(read.headers.get('retry-after'), '2');
      }
      const write = await client.request(
        'POST',
        '/api/v1/messages',
        { recipient: 'pk-fia', message: infoDraft('Sent during the outage') },
        bearer(token, { 'idempotency-key': 'outage-1' }),
      );
      assert.equal(write.status, 503);
      assert.equal(write.json.error.code, 'database_unavailable');
      const ready = await fetch(`${a.url}/readyz`);
      assert.equal(ready.status, 503);

      await relay.open();
      // The client retries with the same key: the message is sent once.
      const retry = await client.request(
        'POST',
        '/api/v1/messages',
        { recipient: 'pk-fia', message: infoDraft('Sent during the outage') },
        bearer(token, { 'idempotency-key': 'outage-1' }),
      );
      assert.equal(retry.status, 201, retry.text);
      assert.equal(retry.headers.get('idempotent-replayed'), 'false');
      const again = await client.request(
        'POST',
        '/api/v1/messages',
        { recipient: 'pk-fia', message: infoDraft('Sent during the outage') },
        bearer(token, { 'idempotency-key': 'outage-1' }),
      );
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(again.json.message.id, retry.json.message.id);
      const list = await client.request('GET', '/api/v1/messages', undefined, bearer(token));
      assert.equal(
        list.json.messages.filter((m: { subject: string }) => m.subject === 'Sent during the outage').length,
        1,
      );
    });

    test('concurrent retries with one key make one message; another body under the key is refused', async () => {
      const send = (subject: string) =>
        client.request(
          'POST',
          '/api/v1/messages',
          { recipient: 'pk-fia', message: infoDraft(subject) },
          bearer(token, { 'idempotency-key': 'burst-7' }),
        );
      const answers = await Promise.all(Array.from({ length: 6 }, () => send('Burst')));
      for (const r of answers) assert.equal(r.status, 201, r.text);
      assert.equal(new Set(answers.map((r) => r.json.message.id)).size, 1);
      assert.equal(answers.filter((r) => r.headers.get('idempotent-replayed') === 'false').length, 1);
      const other = await send('Another body');
      assert.equal(other.status, 422);
      assert.equal(other.json.error.code, 'idempotency_key_reused');
      const list = await client.request('GET', '/api/v1/messages', undefined, bearer(token));
      const subjects = list.json.messages.map((m: { subject: string }) => m.subject);
      assert.equal(subjects.filter((s: string) => s === 'Burst').length, 1);
      assert.equal(subjects.includes('Another body'), false);
      const bad = await client.request(
        'POST',
        '/api/v1/messages',
        { recipient: 'pk-fia', message: infoDraft('Bad key') },
        bearer(token, { 'idempotency-key': 'x'.repeat(256) }),
      );
      assert.equal(bad.status, 400);
    });
  },
);

describe('Idempotency-Key scope and expiry', () => {
  const clock = new ManualClock(new Date());
  let a: TestNode;
  let b: TestNode;
  before(async () => {
    a = await startTestNode({ id: 'ma-dgsn', clock });
    b = await startTestNode({ id: 'pk-fia', country: 'PK' });
    await pairNodes(a, b);
  });
  after(async () => {
    await a?.destroy();
    await b?.destroy();
  });

  test('keys are per user and expire after 24 hours', async () => {
    const alice = await tokenForNewUser(a, 'alice', ['liaison']);
    const bilal = await tokenForNewUser(a, 'bilal', ['liaison']);
    const client = new TestClient(a.url);
    const send = (token: string, subject: string) =>
      client.request(
        'POST',
        '/api/v1/messages',
        { recipient: 'pk-fia', message: infoDraft(subject) },
        bearer(token, { 'idempotency-key': 'shared-key' }),
      );
    const first = await send(alice, 'First');
    const theirs = await send(bilal, 'First');
    assert.equal(first.status, 201);
    assert.equal(theirs.status, 201);
    assert.notEqual(first.json.message.id, theirs.json.message.id);
    clock.advance(23 * 3600_000);
    assert.equal((await send(alice, 'Second')).status, 422);
    clock.advance(2 * 3600_000);
    const later = await send(alice, 'Second');
    assert.equal(later.status, 201, later.text);
    assert.equal(later.headers.get('idempotent-replayed'), 'false');
    assert.notEqual(later.json.message.id, first.json.message.id);
  });
});
