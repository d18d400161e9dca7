import { createHash } from 'node:crypto';
import { canonicalJson, type NodeKeys } from '../platform/index.js';

/** Placeholder until federation's fingerprint lands. */
export async function fingerprintOf(keys: NodeKeys): Promise<string> {
  const d = createHash('sha256')
    .update(canonicalJson({ sig: keys.signing.publicJwk.x, enc: keys.encryption.publicJwk.x }))
    .digest('hex')
    .toUpperCase();
  return d.slice(0, 32).match(/.{4}/g)!.join(' ');
}
