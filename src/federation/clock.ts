import { randomBytes } from 'node:crypto';

/**
 * Source of cryptographically secure random bytes, injected so identifiers can be made
 * reproducible in tests. Production code passes {@link systemRandomBytes}.
 */
export type RandomBytes = (length: number) => Uint8Array;

/** The operating system CSPRNG (`node:crypto` `randomBytes`). */
export const systemRandomBytes: RandomBytes = (length) => new Uint8Array(randomBytes(length));
