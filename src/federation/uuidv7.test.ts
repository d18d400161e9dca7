import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ManualClock } from '../platform/index.js';
import { systemRandomBytes } from './clock.js';
import { isUuidv7, uuidv7, uuidv7Time } from './uuidv7.js';

describe('uuidv7', () => {
  it('lays out the RFC 9562 Appendix A.6 example from its own time and random bits', () => {
    // RFC 9562 A.6: unix_ts_ms 0x017F22E279B0, rand_a 0xCC3, rand_b 0x18C4DC0C0C07398F.
    const clock = new ManualClock(0x017f22e279b0);
    const random = () => Uint8Array.from([0x0c, 0xc3, 0x18, 0xc4, 0xdc, 0x0c, 0x0c, 0x07, 0x39, 0x8f]);
    assert.equal(uuidv7(clock, random), '017f22e2-79b0-7cc3-98c4-dc0c0c07398f');
  });

  it('encodes the clock and always sets version and variant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (ms, rand) => {
          const id = uuidv7(new ManualClock(ms), () => rand);
          assert.ok(isUuidv7(id), id);
          assert.equal(uuidv7Time(id)?.getTime(), ms);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('sorts by creation time', () => {
    const a = uuidv7(new ManualClock('2025-01-01T00:00:00.000Z'), systemRandomBytes);
    const b = uuidv7(new ManualClock('2025-01-01T00:00:00.001Z'), systemRandomBytes);
    assert.ok(a < b);
  });

  it('rejects times outside 48 bits and short random sources', () => {
    assert.throws(() => uuidv7(new ManualClock(-1), systemRandomBytes), RangeError);
    assert.throws(() => uuidv7(new ManualClock(0), () => new Uint8Array(3)), RangeError);
    assert.equal(uuidv7Time('not-a-uuid'), undefined);
    assert.equal(isUuidv7('017f22e2-79b0-4cc3-98c4-dc0c0c07398f'), false);
  });
});
