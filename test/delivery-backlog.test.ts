// A partner unreachable for longer than any protocol time window (the 24 h replay window of
// envelopes, request signatures), then reachable again: the backlog drains completely, each
// message once, the highest priority first.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../src/platform/index.js';
import { RoundRobinProxy } from './_cluster.js';
import { allowSharing, pairNodes, startTestNode, type TestNode, testAdmin, testEngines } from './_util.js';

const HOUR = 3_600_000;

for (const engine of await testEngines()) {
  describe(`backlog after a long outage of a partner (${engine})`, () => {
    const clock = new ManualClock('2026-05-04T08:00:00.000Z');
    const gate = new RoundRobinProxy();
    let a: TestNode;
    let b: TestNode;
    before(async () => {
      [a, b] = await Promise.all([
        startTestNode({ id: 'ma-dgsn', engine, clock }),
        startTestNode({ id: 'pk-fia', country: 'PK', engine, clock }),
      ]);
      // The partner is reached through a gate that can cut it off from the network.
      gate.backends = [b.url];
      b.ctx.federation.setEndpoint(await gate.listen());
      await pairNodes(a, b);
      await allowSharing(a, 'pk-fia');
      // Rounds are run by the test, one at a time, so what each round sends is known.
      await a.ctx.federation.stopWorker();
    });
    after(async () => {
      await gate.close();
      await Promise.all([a?.destroy(), b?.destroy()]);
    });

    test('the backlog drains once the partner is back, highest priority first, each message once', async () => {
      gate.down = true;
      const liaison = { ...testAdmin, username: 'amal', roles: ['liaison' as const] };
      // 60 routine messages and 5 of each higher priority, interleaved as they would be written.
      const plan = Array.from({ length: 75 }, (_, i) =>
        i % 5 === 4
          ? (['high', 'urgent', 'threat_to_life'] as const)[Math.floor(i / 5) % 3]!
          : ('routine' as const),
      );
      const priorityOf = new Map<string, string>();
      for (const [i, priority] of plan.entries()) {
        const sent = await a.ctx.exchange.send(liaison, {
          recipient: 'pk-fia',
          message: {
            type: 'info',
            subject: `Synthetic backlog ${i}`,
            body: 'Synthetic information written while the partner was unreachable.',
            language: 'en',
            crimeAreas: ['migrant_smuggling'],
            priority,
            handlingCode: 'H1',
            tlp: 'AMBER',
            evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
            legalBasis: 'Bilateral agreement art. 3',
            purpose: 'Backlog test',
            retentionReviewDate: '2027-06-30',
            attachmentIds: [],
          },
        });
        priorityOf.set(sent.id, priority);
        clock.advance(60_000);
      }
      // Three days without the partner (time-to-live: 7 days): every attempt fails and backs off.
      for (let hour = 0; hour < 72; hour += 6) {
        await a.ctx.federation.runDeliveryOnce();
        clock.advance(6 * HOUR);
      }
      const delivered = async () =>
        (
          await a.ctx.db
            .selectFrom('outbox')
            .select('id')
            .where('status', '=', 'delivered')
            .where('type', '=', 'info')
            .execute()
        ).map((r) => r.id);
      assert.deepEqual(await delivered(), [], 'nothing got through the outage');
      const pending = await a.ctx.db
        .selectFrom('outbox')
        .select(['status', 'attempts', 'last_error'])
        .where('type', '=', 'info')
        .execute();
      assert.equal(pending.length, 75);
      assert.ok(
        pending.every((r) => r.status === 'queued' && r.attempts > 1),
        `each message was retried and is still queued: ${JSON.stringify(pending.filter((r) => r.status !== 'queued' || r.attempts <= 1))}`,
      );

      gate.down = false;
      clock.advance(HOUR); // every back-off (capped at 1 h) has run out
      // The first round takes one batch (50): all 15 messages above routine are in it.
      await a.ctx.federation.runDeliveryOnce();
      const first = await delivered();
      assert.equal(first.length, 50);
      const higher = [...priorityOf].filter(([, p]) => p !== 'routine').map(([id]) => id);
      assert.deepEqual(
        higher.filter((id) => !first.includes(id)),
        [],
        'every message above routine went out in the first round',
      );
      while ((await a.ctx.federation.runDeliveryOnce()) > 0) {}
      assert.equal((await delivered()).length, 75);
      const received = await b.ctx.db
        .selectFrom('messages')
        .select('id')
        .where('id', 'in', [...priorityOf.keys()])
        .execute();
      assert.equal(received.length, 75, 'the partner stored each message once');
    });
  });
}
