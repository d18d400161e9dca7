import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { renewCardIfDue } from '../src/app/index.js';
import { enqueueMessage, pairNodes, startTestNode, type TestNode, testAdmin, waitFor } from './_util.js';

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
