import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type RunningNode, renewCardIfDue, rotateNodeKeys, startNode } from '../src/app/index.js';
import { hashNodeCard } from '../src/federation/index.js';
import { type Clock, createLogger } from '../src/platform/index.js';
import {
  enqueueMessage,
  pairNodes,
  startTestNode,
  type TestNode,
  testAdmin,
  testScrypt,
  waitFor,
} from './_util.js';

const DAY = 24 * 60 * 60 * 1000;

describe('card renewal before expiry', () => {
  let a: TestNode;
  let b: TestNode;
  before(async () => {
    a = await startTestNode({ id: 'ma-dgsn' });
    b = await startTestNode({ id: 'pk-fia', country: 'PK' });
    await pairNodes(a, b);
  });
  after(async () => {
    await a?.destroy();
    await b?.destroy();
  });

  test('a card far from expiry is left alone', async () => {
    assert.equal(await renewCardIfDue(a.ctx), null);
  });

  test('a card inside the renewal window is renewed once, partners told, deliveries continue', async () => {
    const before = await a.ctx.federation.ownCard();
    const partnerViewBefore = (await b.ctx.federation.listPartners(testAdmin)).find(
      (p) => p.nodeId === 'ma-dgsn',
    )!;
    // A window longer than the card's validity makes today's card due.
    const renewed = await renewCardIfDue(a.ctx, { renewBeforeMs: 400 * DAY });
    assert.ok(renewed);
    assert.equal(renewed.pushed['pk-fia'], 200);
    assert.ok(Date.parse(renewed.validUntil) > Date.parse(renewed.previousValidUntil));
    const after = await a.ctx.federation.ownCard();
    assert.notEqual(after.fingerprint.text, before.fingerprint.text);
    // B holds the successor card, still verified, without a new out-of-band check.
    const partnerView = (await b.ctx.federation.listPartners(testAdmin)).find((p) => p.nodeId === 'ma-dgsn')!;
    assert.equal(partnerView.status, 'verified');
    assert.equal(partnerView.fingerprint.text, after.fingerprint.text);
    assert.ok(Date.parse(partnerView.cardValidUntil) > Date.parse(partnerViewBefore.cardValidUntil));
    // Claimed for an hour: a second process (or call) does not renew again.
    assert.equal(await renewCardIfDue(a.ctx, { renewBeforeMs: 400 * DAY }), null);
    // Messages signed with the new keys are accepted.
    let seen = 0;
    b.ctx.federation.setHandler('test.note', async () => {
      seen++;
    });
    const sent = await enqueueMessage(a, 'pk-fia', 'test.note', { n: 1 });
    await waitFor(
      async () => (await a.ctx.federation.deliveryStatus([sent.id])).get(sent.id)?.status === 'delivered',
    );
    assert.equal(seen, 1);
  });
});

describe('a card that expired while its node was stopped', () => {
  // Both nodes run on one clock that the test moves forward while A is stopped.
  let offsetMs = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  let a: TestNode;
  let b: TestNode;
  let restarted: RunningNode | undefined;
  before(async () => {
    a = await startTestNode({ id: 'ma-dgsn', clock });
    b = await startTestNode({ id: 'pk-fia', country: 'PK', clock });
    await pairNodes(a, b);
  });
  after(async () => {
    await restarted?.close();
    await a?.destroy();
    await b?.destroy();
  });

  test(
    'is renewed at start for the same keys and pushed to partners, deliveries continue',
    {
      timeout: 120_000,
    },
    async () => {
      const before = await a.ctx.federation.ownCard();
      await a.close();
      // Stopped for a year and a week: the card expired a week ago.
      offsetMs = Date.parse(before.card.validUntil) - Date.now() + 7 * DAY;
      const port = Number(new URL(a.url).port);
      restarted = await startNode(
        { ...a.config, node: { ...a.config.node, endpoint: a.url }, http: { ...a.config.http, port } },
        { clock, scrypt: testScrypt, logger: createLogger({ level: 'silent' }) },
      );
      const after = await restarted.ctx.federation.ownCard();
      assert.ok(Date.parse(after.card.validUntil) > clock.now().getTime() + 300 * DAY);
      // Same keys, chained to the expired card.
      assert.equal(after.card.signingKey.kid, before.card.signingKey.kid);
      assert.equal(after.card.previousCardHash, hashNodeCard(before.card));
      // B was told: it holds the renewed card, still verified, without a new fingerprint check.
      const partnerView = (await b.ctx.federation.listPartners(testAdmin)).find(
        (p) => p.nodeId === 'ma-dgsn',
      )!;
      assert.equal(partnerView.status, 'verified');
      assert.equal(partnerView.cardValidUntil, after.card.validUntil);
      // The audit says who renewed it.
      const renewals = await restarted.ctx.db
        .selectFrom('audit_log')
        .select(['actor'])
        .where('action', '=', 'node.renew_card')
        .execute();
      assert.deepEqual(
        renewals.map((r) => r.actor),
        ['system:card-renewal'],
      );
      // The next key rotation chains to the renewed card, so B accepts it too.
      const rotated = await rotateNodeKeys(restarted.ctx, testAdmin);
      assert.equal(rotated.pushed['pk-fia'], 200);
      let seen = 0;
      b.ctx.federation.setHandler('test.note', async () => {
        seen++;
      });
      const sent = await enqueueMessage(restarted, 'pk-fia', 'test.note', { n: 1 });
      await waitFor(
        async () =>
          (await restarted!.ctx.federation.deliveryStatus([sent.id])).get(sent.id)?.status === 'delivered',
      );
      assert.equal(seen, 1);
    },
  );
});
