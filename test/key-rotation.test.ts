import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { startNode } from '../src/app/index.js';
import { main } from '../src/cli/main.js';
import { createLogger, loadNodeKeyring } from '../src/platform/index.js';
import {
  enqueueMessage,
  pairNodes,
  startTestNode,
  TestClient,
  type TestNode,
  testScrypt,
  waitFor,
} from './_util.js';

const PASSWORD = 'correct horse battery';

describe('key rotation, end to end', () => {
  let a: TestNode;
  let b: TestNode;
  let token: string;
  const arrived: string[] = [];

  before(async () => {
    a = await startTestNode({ id: 'ma-dgsn' });
    b = await startTestNode({ id: 'pk-fia', country: 'PK' });
    await pairNodes(a, b);
    b.ctx.federation.setHandler('test.note', async (_tx, msg) => {
      arrived.push(msg.id);
    });
    await a.ctx.governance.createUser(null, {
      username: 'admin',
      displayName: 'Admin',
      password: PASSWORD,
      roles: ['admin'],
    });
    token = (await a.ctx.governance.createToken('admin', { name: 'test' })).token;
  });
  after(async () => {
    await a?.destroy();
    await b?.destroy();
  });

  test('the CLI rotates the keys; the partner accepts the new card and the old fingerprint is gone', async () => {
    const before = a.ctx.fingerprint;
    const out = new PassThrough();
    let text = '';
    out.on('data', (c) => {
      text += c;
    });
    const code = await main(['keys', 'rotate', '--url', a.url, '--token', token], {
      stdin: Readable.from(['']),
      stdout: out,
      stderr: out,
      env: {},
      cwd: process.cwd(),
    });
    assert.equal(code, 0, text);
    assert.match(text, /pk-fia: accepted the new card/);
    assert.notEqual(a.ctx.fingerprint, before);
    const seen = (await b.ctx.federation.listPartners({ ...admin() })).find((p) => p.nodeId === 'ma-dgsn')!;
    assert.equal(seen.fingerprint.text, a.ctx.fingerprint, 'B now pins the new keys');
    assert.equal(seen.status, 'verified', 'trust carried over without a new phone call');
    const { id } = await enqueueMessage(a, 'pk-fia', 'test.note', { after: 'rotation' });
    await waitFor(() => arrived.includes(id), 20_000, 'message signed with the new key');
  });

  test('a partner unreachable during the rotation is told again when it refuses a delivery', async () => {
    await a.ctx.db
      .updateTable('partners')
      .set({ endpoint: 'http://127.0.0.1:9' })
      .where('node_id', '=', 'pk-fia')
      .execute();
    const client = new TestClient(a.url);
    const res = await client.request(
      'POST',
      '/api/v1/node/rotate-keys',
      {},
      { authorization: `Bearer ${token}` },
    );
    assert.equal(res.status, 200);
    assert.equal(res.json.pushed['pk-fia'], 0, 'the push failed');
    await a.ctx.db.updateTable('partners').set({ endpoint: b.url }).where('node_id', '=', 'pk-fia').execute();
    const { id } = await enqueueMessage(a, 'pk-fia', 'test.note', { missed: 'rotation' });
    await waitFor(
      async () => {
        await a.ctx.federation.runDeliveryOnce();
        // Skip the back-off: the test is about what happens, not when.
        await a.ctx.db
          .updateTable('outbox')
          .set({ next_attempt_at: new Date(0) })
          .where('status', '=', 'queued')
          .execute();
        return arrived.includes(id);
      },
      30_000,
      'delivery after the rotation statement was pushed again',
    );
    const seen = (await b.ctx.federation.listPartners(admin())).find((p) => p.nodeId === 'ma-dgsn')!;
    assert.equal(seen.fingerprint.text, a.ctx.fingerprint);
  });

  test('after a restart the node runs on the rotated keys and keeps the previous encryption key', async () => {
    const fingerprint = a.ctx.fingerprint;
    const kid = a.ctx.federation.currentKeys().signing.publicJwk.kid;
    await a.close();
    const ring = await loadNodeKeyring(a.config.keys.path, a.config.keys.passphrase);
    assert.equal(ring.keys.signing.publicJwk.kid, kid);
    assert.ok(ring.previousEncryptionKey, 'the previous encryption key is kept for envelopes in flight');
    const restarted = await startNode(a.config, {
      scrypt: testScrypt,
      logger: createLogger({ level: 'silent' }),
    });
    try {
      assert.equal(restarted.ctx.fingerprint, fingerprint);
      const { id } = await restarted.ctx.db
        .transaction()
        .execute((tx) =>
          restarted.ctx.federation.enqueue(tx, { recipient: 'pk-fia', type: 'test.note', payload: { n: 3 } }),
        );
      await waitFor(() => arrived.includes(id), 20_000, 'delivery after restart');
    } finally {
      await restarted.close();
    }
  });
});

function admin() {
  return { userId: 'x', username: 'x', displayName: 'x', roles: ['admin' as const], via: 'token' as const };
}
