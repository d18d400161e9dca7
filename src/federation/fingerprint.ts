import { createHash } from 'node:crypto';
import { canonicalize } from '../platform/index.js';

/** The two public keys a fingerprint covers; a {@link NodeCard} fits. */
export interface FingerprintKeys {
  signingKey: { kty: string; crv: string; x: string };
  encryptionKey: { kty: string; crv: string; x: string };
}

/** A card's fingerprint in the forms people compare. */
export interface Fingerprint {
  /** Full SHA-256, base64url: for storage and machine comparison. */
  digest: string;
  /** 8 groups of 4 Crockford base32 characters (160 bits), e.g. `7KQ2-M9XD-...`. */
  text: string;
  /** 8 groups of 5 decimal digits, for reading aloud in any language. */
  numeric: string;
}

// Crockford's alphabet leaves out I, L, O and U, so nothing read aloud is ambiguous.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Fingerprint of a node's two public keys: SHA-256 over the RFC 8785 form of
 * `{"encryptionKey":{crv,kty,x},"signingKey":{crv,kty,x},"v":"passerelle-fingerprint-1"}`.
 * Only the RFC 7638 required members count, so metadata (kid, use) cannot change it, and
 * any change to either key does. Pairing compares it out of band (phone, meeting).
 */
export function computeFingerprint(keys: FingerprintKeys): Fingerprint {
  const pick = (k: { kty: string; crv: string; x: string }) => ({ crv: k.crv, kty: k.kty, x: k.x });
  const digest = createHash('sha256')
    .update(
      canonicalize({
        encryptionKey: pick(keys.encryptionKey),
        signingKey: pick(keys.signingKey),
        v: 'passerelle-fingerprint-1',
      }),
    )
    .digest();
  return {
    digest: digest.toString('base64url'),
    text: crockfordGroups(digest),
    numeric: numericGroups(digest),
  };
}

/**
 * Whether what a person typed or read matches a fingerprint, in either rendering. Case,
 * spaces and dashes are ignored and Crockford's look-alikes (I/L → 1, O → 0) are folded.
 */
export function fingerprintMatches(fingerprint: Fingerprint, typed: string): boolean {
  const folded = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return folded === fingerprint.text.replace(/-/g, '') || folded === fingerprint.numeric.replace(/ /g, '');
}

function crockfordGroups(digest: Uint8Array): string {
  let out = '';
  // 20 bytes = 160 bits = 32 base32 characters; read 5 bits at a time, big-endian.
  for (let bit = 0; bit < 160; bit += 5) {
    const byte = bit >> 3;
    const window = ((digest[byte]! << 8) | (digest[byte + 1] ?? 0)) >> (11 - (bit & 7));
    out += CROCKFORD[window & 31];
  }
  return out.match(/.{4}/g)!.join('-');
}

function numericGroups(digest: Uint8Array): string {
  const groups: string[] = [];
  // Like Signal's safety numbers: each group is a 32-bit big-endian chunk reduced mod 10^5
  // (about 16.6 bits each, 133 in all); the modulo bias is below 2^-15 and harmless here.
  for (let i = 0; i < 8; i++) {
    const chunk =
      ((digest[4 * i]! << 24) |
        (digest[4 * i + 1]! << 16) |
        (digest[4 * i + 2]! << 8) |
        digest[4 * i + 3]!) >>>
      0;
    groups.push(String(chunk % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}
