// Issue 7 §6: several `serve` processes of one node on one PostgreSQL. A key rotation run by
// one must reach the others, and its audit entry names the administrator.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type RunningNode, startNode } from '../src/app/server.js';
import { createLogger } from '../src/platform/index.js';
import {
  enqueueMessage,
  pairNodes,
  postgresAvailable,
  startTestNode,
  type TestNode,
  testScrypt,
  waitFor,
} from './_util.js';

const PASSWORD = 'correct horse battery';

describe(
  'key rotation across processes on one PostgreSQL',
  { skip: !(await postgresAvailable()) && process.env.CI !== 'true' ? 'PostgreSQL not reachable' : false },
  () => {
    let a1: TestNode;
    let a2: RunningNode;
    let b: TestNode;
    let token: string;
    const arrived: string[] = [];

    before(async () => {
      a1 = await startTestNode({ id: 'ma-dgsn', engine: 'postgres' });
      // A second process of the same node: same data folder (settings and key file), same database.
      a2 = await startNode(a1.config, { scrypt: testScrypt, logger: createLogger({ level: 'silent' }) });
      // Behind one load balancer both processes advertise the node's one public address.
      a2.ctx.federation.setEndpoint(a1.url);
      b = await startTestNode({ id: 'pk-fia', country: 'PK' });
      await pairNodes(a1, b);
      b.ctx.federation.setHandler('test.note', async (_tx, msg) => {
        arrived.push(msg.id);
      });
      await a1.ctx.governance.createUser(null, {
        username: 'boss',
        displayName: 'Boss',
        password: PASSWORD,
        roles: ['admin'],
      });
      token = (await a1.ctx.governance.createToken('boss', { name: 't' })).token;
    });
    after(async () => {
      await a2?.close();
      await a1?.destroy();
      await b?.destroy();
    });

    test('the other process adopts the rotated keys, and its messages are accepted with them', async () => {
      assert.equal(a2.ctx.keys.signing.publicJwk.kid, a1.ctx.keys.signing.publicJwk.kid);
      const r = await fetch(`${a1.url}/api/v1/node/rotate-keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(r.status, 200, await r.text());
      const rotated = a1.ctx.keys.signing.publicJwk.kid;
      await waitFor(
        () => a2.ctx.keys.signing.publicJwk.kid === rotated,
        15_000,
        'second process adopts the new keys',
      );
      assert.equal(
        (await a2.ctx.federation.ownCard()).card.signingKey.kid,
        rotated,
        'its card is the rotated one',
      );

      // Stop the first process's worker: the second one must deliver, signing with the new key.
      await a1.ctx.federation.stopWorker();
      const { id } = await enqueueMessage(a2, 'pk-fia', 'test.note', { after: 'rotation' });
      await waitFor(() => arrived.includes(id), 15_000, 'delivery by the second process');
      await waitFor(
        async () => (await a2.ctx.federation.deliveryStatus([id])).get(id)?.status === 'delivered',
        15_000,
        'the receipt, verified with the partner card',
      );

      const [entry] = await a1.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'node.rotate_keys')
        .execute();
      assert.equal(entry?.actor, 'user:boss');
    });

    test('the other process serves the card another process renewed for the same keys', async () => {
      const held = await a2.ctx.federation.ownCard();
      const { cardJws } = await a1.ctx.federation.renewCard('system:card-renewal');
      assert.notEqual(cardJws, held.cardJws);
      await waitFor(
        async () => (await a2.ctx.federation.ownCard()).cardJws === cardJws,
        15_000,
        'second process serves the renewed card',
      );
      // And over HTTP, where partners fetch it.
      const served = (await (await fetch(`${a2.url}/federation/v1/card`)).json()) as { cardJws: string };
      assert.equal(served.cardJws, cardJws);
    });
  },
);
