import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AdmissionGate } from './admission.js';
import { isProbeUrl } from './observability.js';

describe('AdmissionGate', () => {
  test('starts at most perTurn requests in a turn; the others start in later turns, oldest first', async () => {
    const gate = new AdmissionGate(3);
    const started: number[] = [];
    const requests = Array.from({ length: 8 }, (_, i) => {
      const wait = gate.admit();
      if (wait === null) {
        started.push(i);
        return Promise.resolve();
      }
      return wait.then(() => {
        started.push(i);
      });
    });
    assert.deepEqual(started, [0, 1, 2], 'three start at once');
    assert.equal(gate.waiting, 5);
    await nextTurn();
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5], 'three more in the next turn, in arrival order');
    await nextTurn();
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6, 7]);
    await Promise.all(requests);
    assert.equal(gate.waiting, 0);
  });

  test('a request never overtakes one that waits; once the queue is empty and a turn passed, it starts at once', async () => {
    const gate = new AdmissionGate(2);
    const order: string[] = [];
    assert.equal(gate.admit(), null);
    assert.equal(gate.admit(), null);
    const c = gate.admit()!.then(() => order.push('c'));
    await nextTurn();
    // c started in that turn (room for one more); d must still not pass a waiting request.
    const e = gate.admit();
    const waitingD = gate.admit();
    await Promise.all([c, e, waitingD]);
    assert.deepEqual(order, ['c']);
    await nextTurn();
    await nextTurn();
    assert.equal(gate.waiting, 0);
    assert.equal(gate.admit(), null, 'an idle gate starts a request at once');
  });

  test('wrap: exempt requests (probes) never wait; the others pass through the queue', async () => {
    const gate = new AdmissionGate(1);
    const seen: string[] = [];
    const handler = gate.wrap(
      async (req: Request) => {
        seen.push(new URL(req.url).pathname);
        return new Response('ok');
      },
      (req) => isProbeUrl(req.url),
    );
    const a = handler(new Request('http://node/api/a'), {});
    const b = handler(new Request('http://node/api/b'), {});
    const probe = handler(new Request('http://node/healthz'), {});
    await probe;
    assert.deepEqual(seen, ['/api/a', '/healthz'], 'the probe passed the waiting request');
    await Promise.all([a, b]);
    assert.deepEqual(seen, ['/api/a', '/healthz', '/api/b']);
  });

  test('probes are /healthz, /readyz and /metrics, with or without a query, and nothing else', () => {
    for (const url of [
      'http://127.0.0.1:7410/healthz',
      'http://node/readyz?verbose=1',
      'http://node/metrics',
    ])
      assert.equal(isProbeUrl(url), true, url);
    for (const url of [
      'http://node/healthzz',
      'http://node/api/v1/node',
      'http://node/',
      'http://node/x/healthz',
    ])
      assert.equal(isProbeUrl(url), false, url);
  });

  test('refuses a turn size that is not a positive integer', () => {
    assert.throws(() => new AdmissionGate(0), RangeError);
    assert.throws(() => new AdmissionGate(1.5), RangeError);
  });
});
