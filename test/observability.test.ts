import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createLogger } from '../src/platform/index.js';
import {
  enqueueMessage,
  pairNodes,
  startTestNode,
  TestClient,
  type TestNode,
  testAdmin,
  tokenForNewUser,
  waitFor,
} from './_util.js';

const METRICS_TOKEN = 'metrics-token-for-tests-only-0123456789';

/** Reads one sample of the Prometheus text format, e.g. `name{a="b"}`; null when absent. */
function sample(text: string, series: string): number | null {
  for (const line of text.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1));
  }
  return null;
}

describe('observability: logs, metrics, readiness, 404s', () => {
  const lines: Array<Record<string, unknown>> = [];
  const webDist = mkdtempSync(join(tmpdir(), 'passerelle-web-'));
  let a: TestNode;
  let b: TestNode;
  let adminToken: string;
  let liaisonToken: string;

  before(async () => {
    writeFileSync(
      join(webDist, 'index.html'),
      '<!doctype html><title>Passerelle</title><div id="root"></div>',
    );
    a = await startTestNode({
      id: 'ma-dgsn',
      webDist,
      env: { PASSERELLE_METRICS_TOKEN: METRICS_TOKEN },
      logger: createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line)) }),
    });
    b = await startTestNode({ id: 'pk-fia', country: 'PK' });
    await pairNodes(a, b);
    adminToken = await tokenForNewUser(a, 'root', ['admin']);
    liaisonToken = await tokenForNewUser(a, 'alice', ['liaison']);
  });
  after(async () => {
    await a?.destroy();
    await b?.destroy();
    rmSync(webDist, { recursive: true, force: true });
  });

  test('unknown API, federation, TAXII and metrics paths answer 404 JSON; UI routes get the page', async () => {
    for (const [method, path] of [
      ['GET', '/api'],
      ['GET', '/api/v9/messages'],
      ['GET', '/api/v1/no-such-thing'],
      ['POST', '/api/v1/no-such-thing'],
      ['GET', '/federation'],
      ['GET', '/federation/v1/nope'],
      ['GET', '/taxii2/nope/'],
      ['GET', '/metrics/extra'],
      ['DELETE', '/metrics'],
    ] as const) {
      const res = await fetch(`${a.url}${path}`, { method });
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/, `${method} ${path}`);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not_found');
    }
    for (const path of ['/', '/exchange/messages/123', '/admin']) {
      const res = await fetch(`${a.url}${path}`);
      assert.equal(res.status, 200, path);
      assert.match(await res.text(), /<div id="root">/);
    }
    // A node without a metrics setting does not serve them at all.
    const off = await fetch(`${b.url}/metrics`);
    assert.equal(off.status, 404);
    assert.equal(((await off.json()) as { error: { code: string } }).error.code, 'not_found');
  });

  test('metrics need the token and label requests by route template', async () => {
    const noToken = await fetch(`${a.url}/metrics`);
    assert.equal(noToken.status, 401);
    const wrong = await fetch(`${a.url}/metrics`, { headers: { authorization: `Bearer ${'x'.repeat(39)}` } });
    assert.equal(wrong.status, 401);
    const client = new TestClient(a.url);
    const id = '01934f0e-0000-7000-8000-000000000001';
    const miss = await client.request('GET', `/api/v1/messages/${id}`, undefined, {
      authorization: `Bearer ${liaisonToken}`,
    });
    assert.equal(miss.status, 404);
    const res = await fetch(`${a.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/plain/);
    const text = await res.text();
    assert.ok(
      (sample(
        text,
        'passerelle_http_request_duration_seconds_count{method="GET",route="/api/v1/messages/:id",status="404"}',
      ) ?? 0) >= 1,
    );
    assert.equal(text.includes(id), false, 'raw paths never become labels');
    assert.notEqual(sample(text, 'passerelle_outbox_messages{status="queued"}'), null);
    assert.notEqual(sample(text, 'passerelle_process_resident_memory_bytes'), null);
    // The admission gate: nobody waits for a turn on an idle node.
    assert.equal(sample(text, 'passerelle_http_admission_waiting'), 0);
    assert.notEqual(sample(text, 'passerelle_http_admission_max_wait_seconds'), null);
    // The access log has one structured line per request, with the template and no query string.
    const access = lines.find((l) => l.event === 'http.access' && l.path === `/api/v1/messages/${id}`);
    assert.ok(access);
    assert.equal(access.route, '/api/v1/messages/:id');
    assert.equal(access.status, 404);
    assert.equal(typeof access.ms, 'number');
  });

  test('deliveries: latency and outcomes by partner; a permanent failure and a dead letter reach admins', async () => {
    // The one observer seam sees every outcome the metrics count, dead letters included.
    const observed: string[] = [];
    const stopObserving = a.ctx.federation.onDelivery((e) => observed.push(`${e.id}:${e.outcome}`));
    const sent = await enqueueMessage(a, 'pk-fia', 'test.note', { n: 1 });
    b.ctx.federation.setHandler('test.note', async () => {});
    await waitFor(
      async () => (await a.ctx.federation.deliveryStatus([sent.id])).get(sent.id)?.status === 'delivered',
    );
    const client = new TestClient(a.url);
    const admin = { authorization: `Bearer ${adminToken}` };
    const before = (await client.request('GET', '/api/v1/dashboard', undefined, admin)).json.cards;
    assert.equal(before.find((c: { id: string }) => c.id === 'deliveriesFailed').value, 0);

    // B refuses for good (unknown type: 422): a permanent failure.
    const refused = await enqueueMessage(a, 'pk-fia', 'test.unknown-type', { n: 2 });
    await waitFor(
      async () => (await a.ctx.federation.deliveryStatus([refused.id])).get(refused.id)?.status === 'failed',
    );
    // A message whose time-to-live ran out while B was away: a dead letter.
    await a.ctx.federation.stopWorker();
    const late = await enqueueMessage(a, 'pk-fia', 'test.note', { n: 3 });
    await a.ctx.db
      .updateTable('outbox')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', late.id)
      .execute();
    await a.ctx.federation.runDeliveryOnce();
    assert.equal((await a.ctx.federation.deliveryStatus([late.id])).get(late.id)?.status, 'dead');
    stopObserving();
    assert.deepEqual(observed, [`${sent.id}:delivered`, `${refused.id}:failed`, `${late.id}:dead`]);

    const notes = (await client.request('GET', '/api/v1/notifications', undefined, admin)).json.notifications;
    const failedNote = notes.find((n: { kind: string }) => n.kind === 'delivery.failed');
    const deadNote = notes.find((n: { kind: string }) => n.kind === 'delivery.dead');
    assert.match(failedNote.detail, new RegExp(`${refused.id}.*failed permanently.*unknown_type`));
    assert.match(deadNote.detail, new RegExp(`${late.id}.*not delivered within its time-to-live`));
    const cards = (await client.request('GET', '/api/v1/dashboard', undefined, admin)).json.cards;
    assert.equal(cards.find((c: { id: string }) => c.id === 'deliveriesFailed').value, 2);

    const failedLog = lines.find((l) => l.event === 'delivery.failed' && l.id === refused.id);
    assert.equal(failedLog?.level, 'error');
    assert.equal(lines.find((l) => l.event === 'delivery.dead' && l.id === late.id)?.level, 'error');

    const text = await (
      await fetch(`${a.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    assert.equal(sample(text, 'passerelle_delivery_attempts_total{partner="pk-fia",outcome="delivered"}'), 1);
    assert.equal(sample(text, 'passerelle_delivery_attempts_total{partner="pk-fia",outcome="failed"}'), 1);
    assert.equal(sample(text, 'passerelle_delivery_attempts_total{partner="pk-fia",outcome="dead"}'), 1);
    assert.equal(sample(text, 'passerelle_delivery_latency_seconds_count{partner="pk-fia"}'), 1);
    assert.equal(sample(text, 'passerelle_outbox_messages{status="failed"}'), 1);
    assert.equal(sample(text, 'passerelle_outbox_messages{status="dead"}'), 1);
    a.ctx.federation.startWorker();
  });

  test('readiness reports the backlog and fails while due messages wait past five minutes', async () => {
    const ok = await fetch(`${a.url}/readyz`);
    assert.equal(ok.status, 200);
    const body = (await ok.json()) as { status: string; database: string; delivery: Record<string, number> };
    assert.equal(body.status, 'ready');
    assert.equal(body.database, 'up');
    assert.equal(body.delivery.failed, 1);
    await a.ctx.federation.stopWorker();
    const waiting = await enqueueMessage(a, 'pk-fia', 'test.note', { n: 4 });
    await a.ctx.db
      .updateTable('outbox')
      .set({ next_attempt_at: new Date(Date.now() - 6 * 60_000) })
      .where('id', '=', waiting.id)
      .execute();
    const stalled = await fetch(`${a.url}/readyz`);
    assert.equal(stalled.status, 503);
    const s = (await stalled.json()) as { reason: string; delivery: { oldestDueSeconds: number } };
    assert.equal(s.reason, 'delivery_stalled');
    assert.ok(s.delivery.oldestDueSeconds >= 360);
    a.ctx.federation.startWorker();
    await waitFor(async () => (await fetch(`${a.url}/readyz`)).status === 200, 10_000, 'ready again');
    // Stopping is logged.
    await a.close();
    assert.ok(lines.some((l) => l.event === 'shutdown' && l.phase === 'done'));
    void testAdmin;
  });
});
