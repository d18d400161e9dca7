// A partner unreachable for longer than every protocol time window (the 5-minute clock skew,
// the 24-hour replay window), then back: the message composed before the outage arrives
// exactly once with its original creation time. Before the fix, the receiver compared the
// message's createdAt with the fresh iat of each retry and refused it after 5 minutes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startNode } from '../src/app/server.js';
import { countInbox, uuidv7 } from '../src/federation/index.js';
import { createLogger, ManualClock, systemRandom } from '../src/platform/index.js';
import {
  apiCall,
  pairNodes,
  startTestNode,
  type TestNode,
  testEngines,
  testScrypt,
  tokenForNewUser,
  waitFor,
} from './_util.js';

const HOUR = 3_600_000;

const call = apiCall;

function rfi(clock: ManualClock, subject: string) {
  const now = clock.now().getTime();
  return {
    type: 'rfi',
    subject,
    body: 'Synthetic test request written before the partner went down.',
    language: 'en',
    crimeAreas: ['migrant_smuggling'],
    priority: 'urgent',
    deadline: new Date(now + 10 * 24 * HOUR).toISOString(),
    handlingCode: 'H1',
    tlp: 'AMBER',
    evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
    legalBasis: 'Bilateral security cooperation agreement, art. 3',
    purpose: 'Identify the organisers of the crossing',
    entities: [],
    retentionReviewDate: new Date(now + 365 * 24 * HOUR).toISOString().slice(0, 10),
  };
}

for (const engine of await testEngines()) {
  describe(`exchange across a long partner outage (${engine})`, () => {
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    let a: TestNode;
    let b: TestNode;
    let closeB2: (() => Promise<void>) | undefined;
    let token: string;

    before(async () => {
      [a, b] = await Promise.all([
        startTestNode({ id: 'ma-dgsn', engine, clock }),
        startTestNode({ id: 'pk-fia', country: 'PK', engine, clock }),
      ]);
      await pairNodes(a, b);
      token = await tokenForNewUser(a, 'alice', ['liaison']);
    });
    after(async () => {
      await closeB2?.();
      await Promise.all([a?.destroy(), b?.destroy()]);
    });

    test('a message retried 3 days after it was written is accepted exactly once', async () => {
      const port = Number(new URL(b.url).port);
      await b.close();
      const sent = await call(a, token, 'POST', '/messages', {
        recipient: 'pk-fia',
        message: rfi(clock, 'Written before the outage'),
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.json));
      const { id, createdAt } = sent.json.message;
      await a.ctx.federation.runDeliveryOnce();
      await waitFor(
        async () => {
          const d = (await a.ctx.federation.deliveryStatus([id])).get(id);
          return d?.status === 'queued' && d.attempts >= 1;
        },
        10_000,
        'a first failed attempt',
      );
      const first = (await a.ctx.federation.deliveryStatus([id])).get(id)!;
      assert.match(first.lastError!.message, /^network/);

      // Three days pass: longer than the 5-minute skew and the 24-hour replay window.
      clock.advance(72 * HOUR);
      const b2 = await startNode(
        { ...b.config, node: { ...b.config.node, endpoint: b.url }, http: { ...b.config.http, port } },
        { scrypt: testScrypt, clock, logger: createLogger({ level: 'silent' }) },
      );
      closeB2 = b2.close;
      // The sender's back-off delay (capped well below two hours) elapses.
      clock.advance(2 * HOUR);
      a.ctx.federation.nudge();
      await waitFor(
        async () => (await a.ctx.federation.deliveryStatus([id])).get(id)?.status === 'delivered',
        20_000,
        'delivery after the outage',
      ).catch(async (err: Error) => {
        const view = (await a.ctx.federation.deliveryStatus([id])).get(id);
        throw new Error(`${err.message}; delivery: ${JSON.stringify(view)}`);
      });
      // Retried again (a lost receipt, say): the receiver answers with the original receipt.
      assert.equal(await countInbox(b2.ctx.db, 'ma-dgsn'), 1);
      const bToken = await tokenForNewUser(b2, 'bilal', ['liaison']);
      const received = await call(b2, bToken, 'GET', `/messages/${id}`);
      assert.equal(received.status, 200, JSON.stringify(received.json));
      assert.equal(received.json.message.createdAt, createdAt);
      assert.equal(received.json.message.subject, 'Written before the outage');
    });

    test('a message dated later than its envelope (beyond the 5-minute skew) is refused', async () => {
      const ahead = clock.now().getTime() + 10 * 60_000;
      const id = uuidv7(clock, systemRandom.bytes);
      const draft = rfi(clock, 'From the future');
      const payload = {
        message: {
          ...draft,
          schemaVersion: 1,
          id,
          conversationId: id,
          createdAt: new Date(ahead).toISOString(),
          attachments: [],
        },
        transferKeys: {},
      };
      await a.ctx.db
        .transaction()
        .execute((tx) => a.ctx.federation.enqueue(tx, { id, recipient: 'pk-fia', type: 'rfi', payload }));
      a.ctx.federation.nudge();
      await waitFor(
        async () => (await a.ctx.federation.deliveryStatus([id])).get(id)?.status === 'failed',
        20_000,
        'refusal',
      );
      const view = (await a.ctx.federation.deliveryStatus([id])).get(id)!;
      assert.equal(view.lastError?.status, 422);
      assert.match(view.lastError!.message, /createdAt is later than the envelope time/);
    });
  });
}
