import { computeFingerprint } from '../federation/index.js';
import type { NodeKeys } from '../platform/index.js';

/** The fingerprint people compare when pairing, in its base32 grouped form. */
export function fingerprintOf(keys: NodeKeys): string {
  return computeFingerprint({ signingKey: keys.signing.publicJwk, encryptionKey: keys.encryption.publicJwk })
    .text;
}
