import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestNode, type TestNode } from './_util.js';

describe('refused inbox requests are rate-limited per address', () => {
  let node: TestNode;
  before(async () => {
    node = await startTestNode({ id: 'pk-fia', country: 'PK' });
  });
  after(async () => node?.destroy());

  test('junk floods get 429 after 60 refusals a minute, and the audit log stops growing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 80; i++) {
      const res = await fetch(`${node.url}/federation/v1/inbox`, {
        method: 'POST',
        headers: { 'content-type': 'application/jose' },
        body: `junk-${i}`,
      });
      statuses.push(res.status);
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
    const entries = await node.ctx.db.selectFrom('audit_log').select('action').execute();
    assert.equal(entries.filter((e) => e.action === 'federation.inbox.refuse').length, 60);
    assert.equal(entries.filter((e) => e.action === 'federation.inbox.rate_limited').length, 1);
  });
});
