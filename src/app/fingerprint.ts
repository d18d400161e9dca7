import { computeFingerprint } from '../federation/fingerprint.js';
import type { NodeKeys } from '../platform/index.js';

/** The fingerprint people compare when pairing, in its base32 grouped form. */
export async function fingerprintOf(keys: NodeKeys): Promise<string> {
  return computeFingerprint({
    signingKey: keys.signing.publicJwk as { kty: string; crv: string; x: string },
    encryptionKey: keys.encryption.publicJwk as { kty: string; crv: string; x: string },
  }).text;
}
