import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endpointUrl, retryDelayMs } from './backoff.js';

const fixed = (byte: number) => ({ bytes: (n: number) => new Uint8Array(n).fill(byte) });

test('retry delay grows exponentially up to the cap, with full jitter below it', () => {
  const max = fixed(0xff);
  assert.equal(retryDelayMs(1, max, 1000, 60_000), 999);
  assert.equal(retryDelayMs(2, max, 1000, 60_000), 1999);
  assert.equal(retryDelayMs(4, max, 1000, 60_000), 7999);
  assert.equal(retryDelayMs(30, max, 1000, 60_000), 59_999);
  assert.equal(retryDelayMs(5, fixed(0), 1000, 60_000), 0);
  const half = { bytes: () => new Uint8Array([0x80, 0, 0, 0]) };
  assert.equal(retryDelayMs(3, half, 1000, 60_000), 2000);
});

test('endpoint URLs keep a base path and never double the slash', () => {
  assert.equal(
    endpointUrl('https://a.example/', '/federation/v1/inbox'),
    'https://a.example/federation/v1/inbox',
  );
  assert.equal(
    endpointUrl('https://a.example/p', '/federation/v1/card'),
    'https://a.example/p/federation/v1/card',
  );
});
