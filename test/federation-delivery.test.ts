import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countInbox, type InboundMessage } from '../src/federation/index.js';
import { listAuditEntries, ValidationError } from '../src/platform/index.js';
import {
  enqueueMessage,
  pairNodes,
  startTestNode,
  type TestNode,
  testAdmin,
  testEngines,
  waitFor,
} from './_util.js';

const admin = { ...testAdmin, roles: [...testAdmin.roles] };

for (const engine of await testEngines()) {
  describe(`federation delivery (${engine})`, () => {
    let a: TestNode;
    let b: TestNode;
    const received: InboundMessage[] = [];
    before(async () => {
      [a, b] = await Promise.all([
        startTestNode({ id: 'ma-dgsn', country: 'MA', engine }),
        startTestNode({ id: 'pk-fia', country: 'PK', engine }),
      ]);
      b.ctx.federation.setHandler('test.note', async (_tx, msg) => {
        if ((msg.payload as { bad?: boolean }).bad) throw new ValidationError('bad note');
        received.push(msg);
      });
      a.ctx.federation.setHandler('test.note', async () => {});
    });
    after(async () => {
      await Promise.all([a?.destroy(), b?.destroy()]);
    });

    test('an unverified partner receives nothing; enqueue refuses it', async () => {
      await pairNodes(a, b, { verify: false });
      const partners = await a.ctx.federation.listPartners(admin);
      assert.equal(partners[0]?.status, 'pending');
      assert.match(partners[0]!.fingerprint.text, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
      await assert.rejects(enqueueMessage(a, 'pk-fia', 'test.note', { n: 1 }), {
        status: 409,
        code: 'partner_not_verified',
      });
      await assert.rejects(enqueueMessage(a, 'xx-unknown', 'test.note', { n: 1 }), {
        code: 'partner_not_verified',
      });
    });

    test('a wrong fingerprint is refused and audited; the right one verifies', async () => {
      await assert.rejects(
        a.ctx.federation.verifyPartner(admin, 'pk-fia', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH'),
        {
          code: 'fingerprint_mismatch',
        },
      );
      assert.equal((await a.ctx.federation.listPartners(admin))[0]?.status, 'pending');
      const [entry] = await listAuditEntries(a.ctx.db, { action: 'partner.verify_refused' });
      assert.equal(entry?.subject, 'pk-fia');
      const cardB = await b.ctx.federation.ownCard();
      const cardA = await a.ctx.federation.ownCard();
      // Read over the phone: lower case and spaces are fine.
      const v = await a.ctx.federation.verifyPartner(
        admin,
        'pk-fia',
        cardB.fingerprint.text.toLowerCase().replaceAll('-', ' '),
      );
      assert.equal(v.status, 'verified');
      assert.equal(v.verifiedBy, 'test-admin');
      await b.ctx.federation.verifyPartner(admin, 'ma-dgsn', cardA.fingerprint.numeric);
    });

    test('a message is delivered once, with a signed receipt kept by the sender', async () => {
      const { id } = await enqueueMessage(a, 'pk-fia', 'test.note', { text: 'hello Islamabad', n: 1 });
      await waitFor(
        async () => (await a.ctx.federation.deliveryStatus([id])).get(id)?.status === 'delivered',
        10_000,
        'delivery',
      );
      const view = (await a.ctx.federation.deliveryStatus([id])).get(id)!;
      assert.equal(view.attempts, 1);
      assert.ok(view.receiptAt);
      assert.equal(received.filter((m) => m.id === id).length, 1);
      assert.deepEqual(received.find((m) => m.id === id)?.payload, { text: 'hello Islamabad', n: 1 });
      assert.equal(received.find((m) => m.id === id)?.sender, 'ma-dgsn');
      const audit = await listAuditEntries(b.ctx.db, { action: 'federation.receive' });
      assert.equal(audit[0]?.subject, id);
      assert.equal((await listAuditEntries(a.ctx.db, { action: 'federation.deliver' }))[0]?.subject, id);
    });

    test('a message its handler refuses fails with invalid_message and stores nothing', async () => {
      const before = await countInbox(b.ctx.db);
      const { id } = await enqueueMessage(a, 'pk-fia', 'test.note', { bad: true });
      await waitFor(
        async () => (await a.ctx.federation.deliveryStatus([id])).get(id)?.status === 'failed',
        10_000,
        'failure',
      );
      const view = (await a.ctx.federation.deliveryStatus([id])).get(id)!;
      assert.equal(view.lastError?.status, 422);
      assert.match(view.lastError!.message, /^invalid_message/);
      assert.equal(await countInbox(b.ctx.db), before);
      const [refusal] = await listAuditEntries(b.ctx.db, { action: 'federation.inbox.refuse' });
      assert.equal(refusal?.detail.code, 'invalid_message');
    });

    test('an unknown message type is refused with unknown_type', async () => {
      const { id } = await enqueueMessage(a, 'pk-fia', 'test.unhandled', { x: 1 });
      await waitFor(
        async () => (await a.ctx.federation.deliveryStatus([id])).get(id)?.status === 'failed',
        10_000,
        'failure',
      );
      assert.match(
        (await a.ctx.federation.deliveryStatus([id])).get(id)!.lastError!.message,
        /^unknown_type/,
      );
    });

    test('the REST API exposes card, partners and deliveries', async () => {
      const res = await fetch(`${b.url}/federation/v1/card`);
      assert.equal(res.status, 200);
      const { cardJws } = (await res.json()) as { cardJws: string };
      assert.equal(cardJws, (await b.ctx.federation.ownCard()).cardJws);
      const deliveries = await a.ctx.federation.listDeliveries(admin, { status: 'delivered' });
      assert.ok(deliveries.length >= 1);
      assert.ok(deliveries.every((d) => d.status === 'delivered' && d.recipient === 'pk-fia'));
      const [p] = await a.ctx.federation.listPartners(admin);
      assert.ok(p!.lastDeliveredAt);
    });

    test('a revoked partner receives nothing more and nothing from it is accepted', async () => {
      await a.ctx.federation.stopWorker();
      const { id } = await enqueueMessage(a, 'pk-fia', 'test.note', { late: 1 });
      // b revokes a: a's message is refused at b.
      await b.ctx.federation.revokePartner(admin, 'ma-dgsn', 'compromise suspected');
      await a.ctx.federation.runDeliveryOnce();
      const view = (await a.ctx.federation.deliveryStatus([id])).get(id)!;
      assert.equal(view.status, 'failed');
      assert.match(view.lastError!.message, /^partner_revoked/);
      // a revokes b: nothing can be queued to it.
      await a.ctx.federation.revokePartner(admin, 'pk-fia', 'test');
      await assert.rejects(enqueueMessage(a, 'pk-fia', 'test.note', {}), { code: 'partner_not_verified' });
      a.ctx.federation.startWorker();
    });
  });
}
