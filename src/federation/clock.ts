import { randomBytes } from 'node:crypto';

/**
 * Source of the current time. Injected everywhere a protocol check depends on time
 * (freshness windows, card validity) so tests can pin it.
 */
export interface Clock {
  now(): Date;
}

/**
 * Source of cryptographically secure random bytes, injected so identifiers can be made
 * reproducible in tests. Production code must pass {@link systemRandomBytes}.
 */
export type RandomBytes = (length: number) => Uint8Array;

/** The wall clock of the host. Stateless, so sharing it is not a singleton in disguise. */
export const systemClock: Clock = Object.freeze({ now: () => new Date() });

/** The operating system CSPRNG (`node:crypto` `randomBytes`). */
export const systemRandomBytes: RandomBytes = (length) => new Uint8Array(randomBytes(length));

/** A clock that always answers the given instant; for tests and fixed-time vectors. */
export function fixedClock(at: Date | string | number): Clock {
  const ms = new Date(at).getTime();
  return { now: () => new Date(ms) };
}
