// Batched delivery (PROTOCOL §7.6): several envelopes to one partner in one signed POST, each
// accepted or refused on its own with its own receipt; a retried batch stores nothing twice;
// a partner without the batch inbox answers the probe 404 and gets single deliveries, each
// message once, and is remembered; cards name nothing about batching; priority order holds.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mayBatchTo, NO_BATCH_RETRY_MS } from '../src/federation/delivery-batch.js';
import {
  countInbox,
  type InboundMessage,
  sealEnvelope,
  signRequest,
  systemRandomBytes,
  verifyReceipt,
} from '../src/federation/index.js';
import {
  createLogger,
  listAuditEntries,
  systemClock,
  ValidationError,
  verifyAuditChain,
} from '../src/platform/index.js';
import { enqueueMessage, pairNodes, startTestNode, type TestNode, testEngines, waitFor } from './_util.js';

const BATCH_PATH = '/federation/v1/inbox/batch';
/** First occurrences, in order. */
const unique = (ids: string[]) => [...new Set(ids)];

for (const engine of await testEngines()) {
  describe(`batched delivery (${engine})`, () => {
    let a: TestNode;
    let b: TestNode;
    /** A peer without the batch inbox (as one that predates it): 404 on the batch path. */
    let old: TestNode;
    /** The access log of `old`: which requests reached it. */
    const oldAccess: { method: string; path: string; status: number }[] = [];
    const oldRequests = (path: string) =>
      oldAccess.filter((r) => r.method === 'POST' && r.path === path).length;
    const received: Record<string, InboundMessage[]> = { 'pk-fia': [], 'tn-dgsn': [] };
    before(async () => {
      [a, b, old] = await Promise.all([
        startTestNode({ id: 'ma-dgsn', country: 'MA', engine }),
        startTestNode({ id: 'pk-fia', country: 'PK', engine }),
        startTestNode({
          id: 'tn-dgsn',
          country: 'TN',
          engine,
          delivery: { acceptBatches: false },
          logger: createLogger({
            level: 'info',
            write: (line) => {
              const entry = JSON.parse(line) as {
                event?: string;
                method: string;
                path: string;
                status: number;
              };
              if (entry.event === 'http.access') oldAccess.push(entry);
            },
          }),
        }),
      ]);
      for (const [id, node] of [
        ['pk-fia', b],
        ['tn-dgsn', old],
      ] as const) {
        node.ctx.federation.setHandler('test.note', async (_tx, msg) => {
          if ((msg.payload as { bad?: boolean }).bad) throw new ValidationError('bad note');
          received[id]!.push(msg);
        });
      }
      // The worker runs only when a test says so, so each batch is formed from a known queue.
      await a.ctx.federation.stopWorker();
      await pairNodes(a, b);
      await pairNodes(a, old);
    });
    after(async () => {
      await Promise.all([a?.destroy(), b?.destroy(), old?.destroy()]);
    });

    /** Seals `payloads` from a to b and posts them as one batch, signed by a. */
    async function postBatch(envelopes: string[]): Promise<Response> {
      const url = `${b.url}${BATCH_PATH}`;
      const body = JSON.stringify({ sender: 'ma-dgsn', envelopes });
      const keys = a.ctx.federation.currentKeys();
      const headers = { 'content-type': 'application/json' };
      const signature = signRequest(
        { method: 'POST', url, headers, body },
        { privateKey: keys.signing.privateKey, kid: keys.signing.publicJwk.kid },
        { clock: systemClock },
      );
      return fetch(url, { method: 'POST', headers: { ...headers, ...signature }, body });
    }
    async function seal(payload: unknown, type = 'test.note'): Promise<{ id: string; jwe: string }> {
      const keys = a.ctx.federation.currentKeys();
      const cardB = (await b.ctx.federation.ownCard()).card;
      return sealEnvelope({
        sender: {
          nodeId: 'ma-dgsn',
          signingKey: { privateKey: keys.signing.privateKey, kid: keys.signing.publicJwk.kid },
        },
        recipient: { nodeId: 'pk-fia', encryptionKey: cardB.encryptionKey },
        type,
        payload,
        clock: systemClock,
        random: systemRandomBytes,
      });
    }

    test(
      'each envelope of a batch is accepted or refused on its own; a retried batch stores nothing twice',
      {
        timeout: 60_000,
      },
      async () => {
        const card = (await b.ctx.federation.ownCard()).card;
        assert.equal('capabilities' in card, false, 'the card names nothing about batching');
        const good1 = await seal({ n: 1 });
        const tampered = await seal({ n: 2 });
        const parts = tampered.jwe.split('.');
        parts[3] = `${parts[3]!.slice(0, -2)}${parts[3]!.endsWith('AA') ? 'BA' : 'AA'}`;
        const invalid = await seal({ n: 3, bad: true });
        const unknownType = await seal({ n: 4 }, 'test.unknown');
        const good2 = await seal({ n: 5 });
        const batch = [good1.jwe, parts.join('.'), invalid.jwe, unknownType.jwe, good2.jwe];
        const inboxBefore = await countInbox(b.ctx.db, 'ma-dgsn');
        const res = await postBatch(batch);
        assert.equal(res.status, 200);
        const { results } = (await res.json()) as {
          results: ({ receiptJws: string } | { error: { status: number; code: string; reason?: string } })[];
        };
        assert.equal(results.length, 5);
        const codes = results.map((r) => ('error' in r ? r.error.code : 'receipt'));
        assert.deepEqual(codes, ['receipt', 'bad_envelope', 'invalid_message', 'unknown_type', 'receipt']);
        assert.equal((results[1] as { error: { status: number } }).error.status, 400);
        assert.equal((results[2] as { error: { status: number } }).error.status, 422);
        for (const [i, sent] of [
          [0, good1],
          [4, good2],
        ] as const) {
          const v = await verifyReceipt((results[i] as { receiptJws: string }).receiptJws, card.signingKey, {
            messageId: sent.id,
            sender: 'ma-dgsn',
            receiver: 'pk-fia',
            jwe: sent.jwe,
          });
          assert.ok(v.ok, `the receipt of envelope ${i} proves its delivery`);
        }
        assert.equal(
          await countInbox(b.ctx.db, 'ma-dgsn'),
          inboxBefore + 2,
          'the two good envelopes are stored',
        );
        // A batch in which a handler refused a payload runs again with savepoints, so the
        // handlers of the others ran once more; the first run's transaction rolled back, so
        // what is stored (inbox, audit) holds each message once.
        assert.deepEqual(
          unique(received['pk-fia']!.filter((m) => m.id === good1.id || m.id === good2.id).map((m) => m.id)),
          [good1.id, good2.id],
          'handled in the order sent',
        );
        const handledBefore = received['pk-fia']!.length;
        const receives = await listAuditEntries(b.ctx.db, { action: 'federation.receive' });
        assert.deepEqual(
          receives.filter((e) => e.subject === good1.id || e.subject === good2.id).length,
          2,
          'each accepted message is audited',
        );
        const refusals = await listAuditEntries(b.ctx.db, { action: 'federation.inbox.refuse' });
        assert.ok(refusals.length >= 3, 'each refused envelope is audited');

        // The same batch again (the sender never saw the answer): the same receipts, byte for
        // byte, and nothing stored or handled twice.
        const again = await postBatch(batch);
        assert.equal(again.status, 200);
        const second = ((await again.json()) as { results: typeof results }).results;
        assert.deepEqual(second[0], results[0]);
        assert.deepEqual(second[4], results[4]);
        assert.equal(await countInbox(b.ctx.db, 'ma-dgsn'), inboxBefore + 2);
        assert.equal(received['pk-fia']!.length, handledBefore, 'known ids are answered, no handler runs');
        const chain = await verifyAuditChain(b.ctx.db);
        assert.equal(chain.ok, true, 'the receiver audit chain verifies');
      },
    );

    test('a batch signed by no partner, or not a batch, is refused whole', { timeout: 30_000 }, async () => {
      const good = await seal({ n: 6 });
      const unsigned = await fetch(`${b.url}${BATCH_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sender: 'ma-dgsn', envelopes: [good.jwe] }),
      });
      assert.equal(unsigned.status, 401);
      assert.equal(((await unsigned.json()) as { error: { code: string } }).error.code, 'bad_http_signature');
      const notBatch = await postBatch([]);
      assert.equal(notBatch.status, 400);
      assert.equal(((await notBatch.json()) as { error: { code: string } }).error.code, 'bad_batch');
      assert.equal(received['pk-fia']!.filter((m) => m.id === good.id).length, 0, 'nothing was handled');
    });

    test(
      'the worker batches to a partner that serves it: highest priority first, a bad message fails alone',
      {
        timeout: 60_000,
      },
      async () => {
        const start = received['pk-fia']!.length;
        const inboxBefore = await countInbox(b.ctx.db, 'ma-dgsn');
        const ids: string[] = [];
        for (let i = 0; i < 10; i++)
          ids.push((await enqueueMessage(a, 'pk-fia', 'test.note', { n: 100 + i })).id);
        const bad = await enqueueMessage(a, 'pk-fia', 'test.note', { n: 110, bad: true });
        const urgent: string[] = [];
        for (let i = 0; i < 3; i++) {
          const { id } = await a.ctx.db.transaction().execute((tx) =>
            a.ctx.federation.enqueue(tx, {
              recipient: 'pk-fia',
              type: 'test.note',
              payload: { n: 200 + i },
              priority: 80,
            }),
          );
          urgent.push(id);
        }
        // One round: 14 messages to one partner fit in one batch.
        await a.ctx.federation.runDeliveryOnce();
        const status = await a.ctx.federation.deliveryStatus([...ids, ...urgent, bad.id]);
        for (const id of [...ids, ...urgent]) assert.equal(status.get(id)?.status, 'delivered', id);
        assert.equal(status.get(bad.id)?.status, 'failed', 'the refused message fails alone');
        const handled = unique(received['pk-fia']!.slice(start).map((m) => m.id));
        assert.equal(
          await countInbox(b.ctx.db, 'ma-dgsn'),
          inboxBefore + 13,
          'each good message stored once',
        );
        assert.deepEqual(
          handled.slice(0, 3).sort(),
          [...urgent].sort(),
          'the higher priority was handled first',
        );
        assert.deepEqual(handled.slice(3).sort(), [...ids].sort(), 'then the others, each once');
        const delivers = await listAuditEntries(a.ctx.db, { action: 'federation.deliver' });
        for (const id of [...ids, ...urgent])
          assert.equal(delivers.filter((e) => e.subject === id).length, 1, `sender audits ${id} once`);
        const failed = await listAuditEntries(a.ctx.db, { action: 'federation.send_failed' });
        assert.equal(failed.filter((e) => e.subject === bad.id).length, 1);
        assert.equal((await verifyAuditChain(a.ctx.db)).ok, true, 'the sender audit chain verifies');
      },
    );

    test(
      'a peer without the batch inbox: the probe gets 404, every message goes alone once, and the sender remembers',
      { timeout: 90_000 },
      async () => {
        // Its card is a plain v1 card, like every card now.
        const card = (await old.ctx.federation.ownCard()).card;
        assert.equal('capabilities' in card, false);
        // The batch path answers exactly as any path the node does not know.
        const probe = await fetch(`${old.url}${BATCH_PATH}`, { method: 'POST', body: '{}' });
        const unknown = await fetch(`${old.url}/federation/v1/no-such-endpoint`, {
          method: 'POST',
          body: '{}',
        });
        assert.equal(probe.status, 404, 'it has no batch inbox at all');
        assert.equal(unknown.status, 404);
        assert.deepEqual(await probe.json(), {
          error: { code: 'not_found', message: `No route for POST ${BATCH_PATH}` },
        });
        assert.deepEqual(await unknown.json(), {
          error: { code: 'not_found', message: 'No route for POST /federation/v1/no-such-endpoint' },
        });

        const batchesBefore = oldRequests(BATCH_PATH);
        const singlesBefore = oldRequests('/federation/v1/inbox');
        const delivered = async (ids: string[]) =>
          [...(await a.ctx.federation.deliveryStatus(ids)).values()].every((d) => d.status === 'delivered');

        // First burst: one batch is tried, answered 404, and the same messages go one by one.
        const first: string[] = [];
        for (let i = 0; i < 6; i++)
          first.push((await enqueueMessage(a, 'tn-dgsn', 'test.note', { n: i })).id);
        await a.ctx.federation.runDeliveryOnce();
        await waitFor(() => delivered(first), 20_000, 'every message of the first burst delivered');
        assert.equal(oldRequests(BATCH_PATH) - batchesBefore, 1, 'one batch was tried');
        assert.equal(oldRequests('/federation/v1/inbox') - singlesBefore, 6, 'then each message alone');

        // Second burst: the sender remembers; no batch is tried again.
        const second: string[] = [];
        for (let i = 0; i < 5; i++)
          second.push((await enqueueMessage(a, 'tn-dgsn', 'test.note', { n: 10 + i })).id);
        await a.ctx.federation.runDeliveryOnce();
        await waitFor(() => delivered(second), 20_000, 'every message of the second burst delivered');
        assert.equal(oldRequests(BATCH_PATH) - batchesBefore, 1, 'no batch to a partner known to lack it');
        assert.equal(oldRequests('/federation/v1/inbox') - singlesBefore, 11);

        // Exactly once: each message stored and handled once, audited once by the sender.
        assert.equal(await countInbox(old.ctx.db, 'ma-dgsn'), 11);
        const handled = received['tn-dgsn']!.map((m) => m.id);
        assert.equal(handled.length, 11, 'no message handled twice');
        assert.deepEqual([...handled].sort(), [...first, ...second].sort());
        const delivers = await listAuditEntries(a.ctx.db, { action: 'federation.deliver' });
        for (const id of [...first, ...second])
          assert.equal(delivers.filter((e) => e.subject === id).length, 1, `sender audits ${id} once`);
      },
    );

    test('the memory of a partner without the batch inbox runs out, then a batch is tried again', () => {
      const noBatch = new Map([['tn-dgsn', Date.parse('2026-01-01T10:00:00Z') + NO_BATCH_RETRY_MS]]);
      assert.equal(mayBatchTo(noBatch, 'tn-dgsn', new Date('2026-01-01T10:59:59Z')), false);
      assert.equal(mayBatchTo(noBatch, 'pk-fia', new Date('2026-01-01T10:59:59Z')), true);
      assert.equal(mayBatchTo(noBatch, 'tn-dgsn', new Date('2026-01-01T11:00:00Z')), true);
      assert.equal(noBatch.has('tn-dgsn'), false, 'forgotten once it ran out');
    });
  });
}
