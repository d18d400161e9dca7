import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startNode } from '../src/app/server.js';
import { countInbox, createNodeCard, FederationService } from '../src/federation/index.js';
import {
  createLogger,
  generateNodeKeys,
  listAuditEntries,
  ManualClock,
  systemRandom,
} from '../src/platform/index.js';
import {
  enqueueMessage,
  openTestDatabase,
  pairNodes,
  startTestNode,
  type TestNode,
  testAdmin,
  testEngines,
  testScrypt,
  waitFor,
} from './_util.js';

const admin = { ...testAdmin, roles: [...testAdmin.roles] };

for (const engine of await testEngines()) {
  describe(`federation faults (${engine})`, () => {
    const nodes: TestNode[] = [];
    after(async () => {
      await Promise.all(nodes.map((n) => n.destroy()));
    });

    test('partner down for the whole sending window, then back: every message arrives exactly once', async () => {
      const [a, b] = await Promise.all([
        startTestNode({ id: 'ma-dgsn', engine }),
        startTestNode({ id: 'pk-fia', engine, country: 'PK' }),
      ]);
      nodes.push(a, b);
      await pairNodes(a, b);
      const port = Number(new URL(b.url).port);
      const calls = new Map<string, number>();
      const handler = async (_tx: unknown, msg: { id: string }) => {
        calls.set(msg.id, (calls.get(msg.id) ?? 0) + 1);
      };
      // b goes down before anything is sent.
      await b.close();
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) ids.push((await enqueueMessage(a, 'pk-fia', 'test.note', { i })).id);
      await a.ctx.federation.runDeliveryOnce();
      await waitFor(
        async () =>
          [...(await a.ctx.federation.deliveryStatus(ids)).values()].every(
            (d) => d.status === 'queued' && d.attempts >= 1,
          ),
        10_000,
        'first failed attempts',
      );
      const view = (await a.ctx.federation.deliveryStatus(ids)).get(ids[0]!)!;
      assert.match(view.lastError!.message, /^network/);
      assert.ok(view.nextAttemptAt);
      // b comes back on the same address with the same data.
      const b2 = await startNode(
        { ...b.config, node: { ...b.config.node, endpoint: b.url }, http: { ...b.config.http, port } },
        { scrypt: testScrypt, logger: createLogger({ level: 'silent' }) },
      );
      nodes.push({
        ...b,
        close: b2.close,
        destroy: async () => {
          await b2.close();
          await b.destroy();
        },
      } as TestNode);
      b2.ctx.federation.setHandler('test.note', handler);
      // The back-off delay elapses (instead of waiting seconds for it in the test).
      await sql`update outbox set next_attempt_at = now() where status = 'queued'`.execute(a.ctx.db);
      a.ctx.federation.nudge();
      await waitFor(
        async () =>
          [...(await a.ctx.federation.deliveryStatus(ids)).values()].every((d) => d.status === 'delivered'),
        20_000,
        'all delivered',
      );
      assert.equal(await countInbox(b2.ctx.db, 'ma-dgsn'), 20);
      assert.equal(calls.size, 20);
      assert.ok([...calls.values()].every((n) => n === 1));
      assert.ok(ids.every((id) => calls.get(id) === 1));
    });

    test('key rotation with messages queued both ways: none lost', async () => {
      const [a, b] = await Promise.all([
        startTestNode({ id: 'ma-dgsn', engine }),
        startTestNode({ id: 'pk-fia', engine, country: 'PK' }),
      ]);
      nodes.push(a, b);
      await pairNodes(a, b);
      const got: string[] = [];
      b.ctx.federation.setHandler('test.note', async (_tx, m) => void got.push(m.id));
      await a.ctx.federation.stopWorker();
      const before = (await b.ctx.federation.ownCard()).fingerprint.text;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await enqueueMessage(a, 'pk-fia', 'test.note', { i })).id);
      // The recipient rotates while messages to it wait in the sender's outbox…
      const rotated = await b.ctx.federation.rotateKeys(generateNodeKeys(), 'system');
      assert.equal(rotated.pushed['ma-dgsn'], 200);
      const [partner] = await a.ctx.federation.listPartners(admin);
      assert.equal(partner?.status, 'verified');
      assert.notEqual(partner?.fingerprint.text, before);
      assert.equal(partner?.fingerprint.text, (await b.ctx.federation.ownCard()).fingerprint.text);
      // …and the sender rotates too.
      const r2 = await a.ctx.federation.rotateKeys(generateNodeKeys(), 'system');
      assert.equal(r2.pushed['pk-fia'], 200);
      a.ctx.federation.startWorker();
      await waitFor(
        async () =>
          [...(await a.ctx.federation.deliveryStatus(ids)).values()].every((d) => d.status === 'delivered'),
        10_000,
        'delivered after rotation',
      );
      assert.deepEqual([...got].sort(), [...ids].sort());
      assert.equal((await listAuditEntries(a.ctx.db, { action: 'partner.rotate' }))[0]?.subject, 'pk-fia');
      // A forged rotation (signed by a key nobody trusts) is refused.
      const forged = await b.ctx.federation.rotateKeys(generateNodeKeys(), 'system').catch(() => null);
      assert.ok(forged);
      await assert.rejects(a.ctx.federation.acceptRotation(rotated.rotationJws), { status: 400 });
    });
  });
}

describe('time-to-live', () => {
  test('a message undelivered within its TTL is dead-lettered and administrators are notified', async () => {
    const database = await openTestDatabase('pglite');
    try {
      const clock = new ManualClock(new Date());
      const service = new FederationService({
        db: database.db,
        clock,
        random: systemRandom,
        logger: createLogger({ level: 'silent' }),
        node: { id: 'ma-dgsn', agency: 'DGSN', country: 'MA', endpoint: 'http://127.0.0.1:7' },
        keys: generateNodeKeys(),
        handlers: {},
        delivery: { baseDelayMs: 1000, maxDelayMs: 60_000, requestTimeoutMs: 2000 },
      });
      const partnerKeys = generateNodeKeys();
      const { cardJws, card } = await createNodeCard(
        {
          nodeId: 'pk-fia',
          agency: 'FIA',
          country: 'PK',
          // Nothing listens there: every attempt fails at once.
          endpoint: 'http://127.0.0.1:9',
          validFrom: new Date(clock.now().getTime() - 3600_000),
          validUntil: new Date(clock.now().getTime() + 30 * 86400_000),
        },
        partnerKeys,
      );
      await service.importPartner(admin, { cardJws });
      const { computeFingerprint } = await import('../src/federation/index.js');
      await service.verifyPartner(admin, 'pk-fia', computeFingerprint(card).numeric);
      const { id } = await database.db
        .transaction()
        .execute((tx) => service.enqueue(tx, { recipient: 'pk-fia', type: 'test.note', payload: { x: 1 } }));
      let attempts = 0;
      // Six simulated days of retries with back-off.
      for (let day = 0; day < 6 * 24; day++) {
        attempts += await service.runDeliveryOnce();
        clock.advance(3600_000);
      }
      const mid = (await service.deliveryStatus([id])).get(id)!;
      assert.equal(mid.status, 'queued');
      assert.ok(mid.attempts >= 10, `attempts ${mid.attempts}`);
      assert.equal((await service.listNotifications(admin)).length, 0);
      clock.advance(24 * 3600_000);
      await service.runDeliveryOnce();
      const dead = (await service.deliveryStatus([id])).get(id)!;
      assert.equal(dead.status, 'dead');
      const [note] = await service.listNotifications(admin);
      assert.equal(note?.kind, 'delivery.dead');
      assert.match(note!.detail, new RegExp(id));
      assert.equal(note?.readAt, null);
      await service.markNotificationRead(admin, note!.id);
      assert.ok((await service.listNotifications(admin))[0]?.readAt);
      const [partner] = await service.listPartners(admin);
      assert.equal(partner?.dead, 1);
      // Non-admins see no notifications.
      await assert.rejects(service.listNotifications({ ...admin, roles: ['analyst'] }), { status: 403 });
      // An administrator can queue it again.
      const retried = await service.retryDelivery(admin, id);
      assert.equal(retried.status, 'queued');
      assert.ok(attempts > 0);
      assert.equal(
        (await listAuditEntries(database.db, { action: 'federation.dead_letter' }))[0]?.subject,
        id,
      );
    } finally {
      await database.drop();
    }
  });
});
