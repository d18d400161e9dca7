import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { enqueueMessage, pairNodes, startTestNode, type TestNode, waitFor } from './_util.js';

describe('refused inbox requests are rate-limited per address', () => {
  let node: TestNode;
  let partner: TestNode;
  before(async () => {
    [node, partner] = await Promise.all([
      startTestNode({ id: 'pk-fia', country: 'PK' }),
      startTestNode({ id: 'ma-dgsn', country: 'MA' }),
    ]);
    node.ctx.federation.setHandler('test.note', async () => {});
    partner.ctx.federation.setHandler('test.note', async () => {});
    await pairNodes(partner, node);
  });
  after(async () => Promise.all([node?.destroy(), partner?.destroy()]));

  test('junk floods get 429 after 60 refusals a minute, and the audit log stops growing', async () => {
    const statuses: number[] = [];
    const retryAfter: (string | null)[] = [];
    for (let i = 0; i < 80; i++) {
      const res = await fetch(`${node.url}/federation/v1/inbox`, {
        method: 'POST',
        headers: { 'content-type': 'application/jose' },
        body: `junk-${i}`,
      });
      statuses.push(res.status);
      retryAfter.push(res.headers.get('retry-after'));
      await res.body?.cancel();
    }
    assert.ok(
      statuses.slice(0, 60).every((s) => s === 400),
      `first 60 refused on their merits: ${statuses.slice(0, 60)}`,
    );
    assert.ok(
      statuses.slice(60).every((s) => s === 429),
      'then rate-limited',
    );
    // RFC 6585 §4: the 429 says when to come back (the rest of the one-minute window).
    for (const value of retryAfter.slice(60)) {
      assert.match(value ?? '', /^\d+$/);
      assert.ok(Number(value) >= 1 && Number(value) <= 60, `Retry-After ${value}`);
    }
    const entries = await node.ctx.db.selectFrom('audit_log').select('action').execute();
    assert.equal(entries.filter((e) => e.action === 'federation.inbox.refuse').length, 60);
    assert.equal(entries.filter((e) => e.action === 'federation.inbox.rate_limited').length, 1);
  });

  test('a verified partner behind the same address is still served while the junk is blocked', async () => {
    // The flood above came from this very address (loopback), and the window is still open.
    const junk = await fetch(`${node.url}/federation/v1/inbox`, { method: 'POST', body: 'junk' });
    await junk.body?.cancel();
    assert.equal(junk.status, 429);
    const { id } = await enqueueMessage(partner, 'pk-fia', 'test.note', { text: 'still delivered' });
    await waitFor(
      async () => (await partner.ctx.federation.deliveryStatus([id])).get(id)?.status === 'delivered',
      10_000,
      'delivery through the blocked address',
    );
    const received = await node.ctx.db.selectFrom('inbox').select('id').where('id', '=', id).execute();
    assert.equal(received.length, 1);
  });
});
