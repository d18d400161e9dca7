import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';
import { canonicalize } from './canonical-json.js';

// An Ed25519 or X25519 public key is 32 bytes: 43 unpadded base64url characters (RFC 8037 §2).
const base64url32 = z.string().regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/, 'expected 32 bytes, base64url');
const kidSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected an RFC 7638 SHA-256 thumbprint');

/**
 * Ed25519 public JWK as carried on the wire (RFC 8037). Strict: a stray member such as `d`
 * (the private key) makes it invalid rather than travelling along unnoticed.
 */
export const ed25519PublicJwkSchema = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: base64url32,
  kid: kidSchema,
});

/** X25519 public JWK as carried on the wire (RFC 8037), strict like the signing key. */
export const x25519PublicJwkSchema = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('X25519'),
  x: base64url32,
  kid: kidSchema,
});

/** Public half of a node's signing key, `kid` = RFC 7638 thumbprint. */
export type Ed25519PublicJwk = z.infer<typeof ed25519PublicJwkSchema>;
/** Public half of a node's key-agreement key, `kid` = RFC 7638 thumbprint. */
export type X25519PublicJwk = z.infer<typeof x25519PublicJwkSchema>;

/** A private key held as a Node `KeyObject`, with the public JWK a partner sees. */
export interface KeyPairWithJwk<J> {
  privateKey: KeyObject;
  publicJwk: J;
}

/** The two key pairs of a node: Ed25519 for signatures, X25519 for envelope encryption. */
export interface NodeKeys {
  signing: KeyPairWithJwk<Ed25519PublicJwk>;
  encryption: KeyPairWithJwk<X25519PublicJwk>;
}

/** A private key together with the key id a verifier will look it up by. */
export interface SigningKey {
  privateKey: KeyObject;
  kid: string;
}

/** Unpadded base64url (RFC 4648 §5), the encoding JOSE uses everywhere. */
export function base64url(bytes: Uint8Array | string): string {
  return Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64url');
}

/** SHA-256 of bytes (or of a string's UTF-8), base64url-encoded. */
export function sha256Base64url(input: Uint8Array | string): string {
  return createHash('sha256').update(input).digest('base64url');
}

/**
 * RFC 7638 JWK thumbprint (SHA-256) of an OKP key. The required members for OKP are
 * `crv`, `kty`, `x` (RFC 8037 §2), hashed over their RFC 8785 form, which for these three
 * ASCII members is byte-identical to the RFC 7638 §3.3 serialisation.
 */
export function jwkThumbprint(jwk: { kty: string; crv: string; x: string }): string {
  return sha256Base64url(canonicalize({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }));
}

/** The public JWK (with thumbprint `kid`) of an Ed25519 private or public key. */
export function ed25519PublicJwk(key: KeyObject): Ed25519PublicJwk {
  const jwk = okpJwk(key, 'ed25519');
  return {
    kty: 'OKP',
    crv: 'Ed25519',
    x: jwk.x,
    kid: jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x }),
  };
}

/** The public JWK (with thumbprint `kid`) of an X25519 private or public key. */
export function x25519PublicJwk(key: KeyObject): X25519PublicJwk {
  const jwk = okpJwk(key, 'x25519');
  return { kty: 'OKP', crv: 'X25519', x: jwk.x, kid: jwkThumbprint({ kty: 'OKP', crv: 'X25519', x: jwk.x }) };
}

/** Fresh node keys from the OS CSPRNG. */
export function generateNodeKeys(): NodeKeys {
  return nodeKeysFromPrivateKeys(
    generateKeyPairSync('ed25519').privateKey,
    generateKeyPairSync('x25519').privateKey,
  );
}

/** Rebuild {@link NodeKeys} from stored private keys (the public halves are derived). */
export function nodeKeysFromPrivateKeys(signing: KeyObject, encryption: KeyObject): NodeKeys {
  if (signing.type !== 'private' || encryption.type !== 'private')
    throw new TypeError('private keys expected');
  return {
    signing: { privateKey: signing, publicJwk: ed25519PublicJwk(signing) },
    encryption: { privateKey: encryption, publicJwk: x25519PublicJwk(encryption) },
  };
}

/** Import a private OKP JWK (with `d`) as a `KeyObject`; used for fixtures and key files. */
export function importPrivateJwk(jwk: { kty: string; crv: string; x: string; d: string }): KeyObject {
  return createPrivateKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d }, format: 'jwk' });
}

/** Export a private OKP `KeyObject` as a JWK including `d`. Never send this anywhere. */
export function exportPrivateJwk(key: KeyObject): { kty: 'OKP'; crv: string; x: string; d: string } {
  const jwk = key.export({ format: 'jwk' }) as { crv: string; x: string; d: string };
  return { kty: 'OKP', crv: jwk.crv, x: jwk.x, d: jwk.d };
}

/** Import a public OKP JWK as a `KeyObject` (extra members such as `kid` are ignored). */
export function importPublicJwk(jwk: { kty: string; crv: string; x: string }): KeyObject {
  return createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
}

function okpJwk(key: KeyObject, type: 'ed25519' | 'x25519'): { x: string } {
  if (key.asymmetricKeyType !== type)
    throw new TypeError(`${type} key expected, got ${key.asymmetricKeyType}`);
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return pub.export({ format: 'jwk' }) as { x: string };
}
