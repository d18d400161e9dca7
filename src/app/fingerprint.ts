import { computeFingerprint } from '../federation/index.js';
import type { NodeKeys } from '../platform/index.js';

/** Fingerprints already computed, per key set: keys change only when rotated (a new object). */
const computed = new WeakMap<NodeKeys, string>();

/** The fingerprint people compare when pairing, in its base32 grouped form. */
export function fingerprintOf(keys: NodeKeys): string {
  let text = computed.get(keys);
  if (text === undefined) {
    text = computeFingerprint({
      signingKey: keys.signing.publicJwk,
      encryptionKey: keys.encryption.publicJwk,
    }).text;
    computed.set(keys, text);
  }
  return text;
}
