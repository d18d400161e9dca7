import { randomBytes } from 'node:crypto';
import type { Clock } from '../platform/index.js';

/**
 * Source of cryptographically secure random bytes, injected so identifiers can be made
 * reproducible in tests. Production code passes {@link systemRandomBytes}.
 */
export type RandomBytes = (length: number) => Uint8Array;

/** The operating system CSPRNG (`node:crypto` `randomBytes`). */
export const systemRandomBytes: RandomBytes = (length) => new Uint8Array(randomBytes(length));

/** A clock that always answers the given instant; for tests and fixed-time vectors. */
export function fixedClock(at: Date | string | number): Clock {
  const ms = new Date(at).getTime();
  return { now: () => new Date(ms) };
}
