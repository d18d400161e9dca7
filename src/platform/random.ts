import { randomBytes as nodeRandomBytes } from 'node:crypto';

/** Source of randomness; injected so tests can seed it where determinism matters. */
export interface Random {
  bytes(length: number): Uint8Array;
}

/** Cryptographically secure randomness from the operating system. */
export const systemRandom: Random = { bytes: (length) => new Uint8Array(nodeRandomBytes(length)) };

/** Random token as base64url text (for session ids, API tokens, CSRF tokens). */
export function randomToken(random: Random, bytes = 32): string {
  return Buffer.from(random.bytes(bytes)).toString('base64url');
}
