import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';

// The two JOSE constructions envelopes use, written directly on node:crypto (OpenSSL):
// compact JWS with EdDSA/Ed25519 (RFC 7515, RFC 8037) and compact JWE with
// ECDH-ES+A256KW on X25519 and A256GCM (RFC 7516, RFC 7518 §4.6 and §5.3, RFC 8037 §3.2).
// jose implements the same on WebCrypto, whose promise-per-step API costs several times
// the cryptography itself; envelopes are the hot path of delivery, so they get this
// synchronous implementation. jose remains the reference: the tests check both directions
// (jose reads what this writes, this reads what jose writes) and the committed vectors
// were produced by jose.

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const AES_KW_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');

function jsonSegment(value: object): string {
  return b64(JSON.stringify(value));
}

function decodeSegment(segment: string): Buffer | null {
  const bytes = Buffer.from(segment, 'base64url');
  // Only canonical base64url: one envelope, one spelling, one hash.
  return bytes.toString('base64url') === segment ? bytes : null;
}

function parseHeader(segment: string): Record<string, unknown> | null {
  const bytes = decodeSegment(segment);
  if (!bytes) return null;
  try {
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** Compact JWS, EdDSA over Ed25519. The header must already carry `alg: 'EdDSA'`. */
export function signCompactJws(
  header: { alg: 'EdDSA' } & Record<string, unknown>,
  payload: Uint8Array,
  key: KeyObject,
): string {
  const input = `${jsonSegment(header)}.${b64(payload)}`;
  return `${input}.${b64(sign(null, Buffer.from(input), key))}`;
}

/**
 * Verifies a compact EdDSA JWS; returns its header and payload, or null. Refuses any other
 * algorithm and any `crit` extension (RFC 7515 §4.1.11: we understand none).
 */
export function verifyCompactJws(
  jws: string,
  key: KeyObject,
): { header: Record<string, unknown>; payload: Buffer } | null {
  const parts = jws.split('.');
  if (parts.length !== 3) return null;
  const header = parseHeader(parts[0]!);
  if (!header || header.alg !== 'EdDSA' || 'crit' in header || header.b64 === false) return null;
  const payload = decodeSegment(parts[1]!);
  const signature = decodeSegment(parts[2]!);
  if (!payload || !signature || signature.length !== 64) return null;
  try {
    if (!verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), key, signature)) return null;
  } catch {
    return null;
  }
  return { header, payload };
}

/** RFC 7518 §4.6.2 Concat KDF (single SHA-256 round) for a 256-bit A256KW key. */
function concatKdf(z: Buffer, alg: string, apu: Buffer, apv: Buffer): Buffer {
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const algBytes = Buffer.from(alg, 'ascii');
  return createHash('sha256')
    .update(u32(1))
    .update(z)
    .update(u32(algBytes.length))
    .update(algBytes)
    .update(u32(apu.length))
    .update(apu)
    .update(u32(apv.length))
    .update(apv)
    .update(u32(256))
    .digest();
}

function sharedSecret(privateKey: KeyObject, publicKey: KeyObject): Buffer | null {
  const z = diffieHellman({ privateKey, publicKey });
  // A low-order public point gives an all-zero secret (RFC 7748 §6.1): refuse it.
  return z.every((b) => b === 0) ? null : z;
}

/**
 * Compact JWE with ECDH-ES+A256KW (ephemeral X25519) and A256GCM. `header` holds the
 * caller's protected members; `alg`, `enc` and `epk` are set here.
 */
export function encryptCompactJwe(
  header: Record<string, unknown>,
  plaintext: Uint8Array,
  recipient: KeyObject,
): string {
  const ephemeral = generateKeyPairSync('x25519');
  const z = sharedSecret(ephemeral.privateKey, recipient);
  if (!z) throw new Error('recipient key is a low-order point');
  const x = (ephemeral.publicKey.export({ format: 'jwk' }) as { x: string }).x;
  const protectedSegment = jsonSegment({
    ...header,
    alg: 'ECDH-ES+A256KW',
    enc: 'A256GCM',
    epk: { kty: 'OKP', crv: 'X25519', x },
  });
  const kek = concatKdf(z, 'ECDH-ES+A256KW', Buffer.alloc(0), Buffer.alloc(0));
  const cek = randomBytes(32);
  const wrap = createCipheriv('id-aes256-wrap', kek, AES_KW_IV);
  const encryptedKey = Buffer.concat([wrap.update(cek), wrap.final()]);
  const iv = randomBytes(12);
  const gcm = createCipheriv('aes-256-gcm', cek, iv);
  gcm.setAAD(Buffer.from(protectedSegment, 'ascii'));
  const ciphertext = Buffer.concat([gcm.update(plaintext), gcm.final()]);
  return [protectedSegment, b64(encryptedKey), b64(iv), b64(ciphertext), b64(gcm.getAuthTag())].join('.');
}

/**
 * Decrypts a compact JWE made with ECDH-ES+A256KW / A256GCM; returns its protected header
 * and plaintext, or null when anything does not check (wrong key, altered segment,
 * unexpected algorithm, malformed ephemeral key).
 */
export function decryptCompactJwe(
  jwe: string,
  privateKey: KeyObject,
): { header: Record<string, unknown>; plaintext: Buffer } | null {
  const parts = jwe.split('.');
  if (parts.length !== 5) return null;
  const header = parseHeader(parts[0]!);
  if (
    !header ||
    header.alg !== 'ECDH-ES+A256KW' ||
    header.enc !== 'A256GCM' ||
    'crit' in header ||
    'zip' in header
  ) {
    return null;
  }
  const epk = header.epk as { kty?: unknown; crv?: unknown; x?: unknown } | undefined;
  if (!epk || epk.kty !== 'OKP' || epk.crv !== 'X25519' || typeof epk.x !== 'string') return null;
  const encryptedKey = decodeSegment(parts[1]!);
  const iv = decodeSegment(parts[2]!);
  const ciphertext = decodeSegment(parts[3]!);
  const tag = decodeSegment(parts[4]!);
  if (
    !encryptedKey ||
    encryptedKey.length !== 40 ||
    !iv ||
    iv.length !== 12 ||
    !ciphertext ||
    !tag ||
    tag.length !== 16
  ) {
    return null;
  }
  const apu = typeof header.apu === 'string' ? decodeSegment(header.apu) : Buffer.alloc(0);
  const apv = typeof header.apv === 'string' ? decodeSegment(header.apv) : Buffer.alloc(0);
  if (!apu || !apv) return null;
  try {
    const epkKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: epk.x }, format: 'jwk' });
    const z = sharedSecret(privateKey, epkKey);
    if (!z) return null;
    const kek = concatKdf(z, 'ECDH-ES+A256KW', apu, apv);
    const unwrap = createDecipheriv('id-aes256-wrap', kek, AES_KW_IV);
    const cek = Buffer.concat([unwrap.update(encryptedKey), unwrap.final()]);
    const gcm = createDecipheriv('aes-256-gcm', cek, iv, { authTagLength: 16 });
    gcm.setAAD(Buffer.from(parts[0]!, 'ascii'));
    gcm.setAuthTag(tag);
    const plaintext = Buffer.concat([gcm.update(ciphertext), gcm.final()]);
    return { header, plaintext };
  } catch {
    return null;
  }
}
