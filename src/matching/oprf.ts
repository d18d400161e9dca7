/**
 * 2HashDH oblivious pseudorandom function in the shape of RFC 9497 (mode OPRF, §3.3.1), over
 * the prime-order subgroup of edwards25519 with libsodium's Elligator 2 map (sodium-native).
 *
 *   F(k, x) = SHA-512(len(x) ‖ x ‖ len(N) ‖ N ‖ "Finalize"),  N = k · HashToGroup(x)
 *
 * HashToGroup is the random-oracle construction of RFC 9380 §3 (two map-to-curve results
 * added, cofactor cleared by libsodium's map): expand_message_xmd(SHA-512) gives 64 bytes,
 * each half is mapped with Elligator 2 and the two points are added. Every point received
 * from the other side is checked to be a canonical encoding of a point of the prime-order
 * subgroup other than the identity (`crypto_core_ed25519_is_valid_point`), which gives the
 * prime-order group that ristretto255 would give, without its encoding (see docs/MATCHING.md
 * for the choice and the security argument).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

/** The sodium-native functions this module uses (its package ships no types). */
interface Sodium {
  crypto_core_ed25519_from_uniform(p: Uint8Array, r: Uint8Array): void;
  crypto_core_ed25519_add(r: Uint8Array, p: Uint8Array, q: Uint8Array): void;
  crypto_core_ed25519_is_valid_point(p: Uint8Array): boolean;
  crypto_core_ed25519_scalar_random(r: Uint8Array): void;
  crypto_core_ed25519_scalar_invert(recip: Uint8Array, s: Uint8Array): void;
  crypto_core_ed25519_scalar_reduce(r: Uint8Array, s: Uint8Array): void;
  crypto_scalarmult_ed25519_noclamp(q: Uint8Array, n: Uint8Array, p: Uint8Array): void;
  crypto_scalarmult_ed25519_base_noclamp(q: Uint8Array, n: Uint8Array): void;
}

// sodium-native loads its prebuilt binary through node-gyp-build at run time (no install
// script is needed), so a plain require is the whole set-up.
const sodium = createRequire(import.meta.url)('sodium-native') as Sodium;

/** Identifier of this suite, in the context string as RFC 9497 §3.1 builds it. */
export const OPRF_SUITE = 'edwards25519-SHA512-ELL2-RO';
const CONTEXT = Buffer.concat([Buffer.from('OPRFV1-'), Buffer.from([0]), Buffer.from(`-${OPRF_SUITE}`)]);
const HASH_TO_GROUP_DST = Buffer.concat([Buffer.from('HashToGroup-'), CONTEXT]);
const FINALIZE = Buffer.from('Finalize');

/** Bytes of an encoded group element and of a scalar. */
export const ELEMENT_BYTES = 32;
export const SCALAR_BYTES = 32;
/** Bytes of an OPRF output. */
export const OUTPUT_BYTES = 64;

/** A point received from the other side is not a valid element of the group. */
export class InvalidElementError extends Error {
  override name = 'InvalidElementError';
}

function i2osp(value: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = length - 1, v = value; i >= 0; i--, v = Math.floor(v / 256)) out[i] = v & 0xff;
  return out;
}

/** expand_message_xmd with SHA-512 (RFC 9380 §5.3.1). */
export function expandMessageXmd(msg: Uint8Array, dst: Uint8Array, length: number): Buffer {
  const bInBytes = 64;
  const rInBytes = 128;
  const ell = Math.ceil(length / bInBytes);
  if (ell > 255 || length > 65535 || dst.length > 255) throw new RangeError('expand_message_xmd: too long');
  const dstPrime = Buffer.concat([dst, i2osp(dst.length, 1)]);
  const b0 = createHash('sha512')
    .update(Buffer.alloc(rInBytes))
    .update(msg)
    .update(i2osp(length, 2))
    .update(i2osp(0, 1))
    .update(dstPrime)
    .digest();
  const blocks: Buffer[] = [];
  let prev = createHash('sha512').update(b0).update(i2osp(1, 1)).update(dstPrime).digest();
  blocks.push(prev);
  for (let i = 2; i <= ell; i++) {
    const x = Buffer.alloc(bInBytes);
    for (let j = 0; j < bInBytes; j++) x[j] = b0[j]! ^ prev[j]!;
    prev = createHash('sha512').update(x).update(i2osp(i, 1)).update(dstPrime).digest();
    blocks.push(prev);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** HashToGroup of RFC 9497 §4: random-oracle hash to the prime-order subgroup. */
export function hashToGroup(input: Uint8Array): Buffer {
  const uniform = expandMessageXmd(input, HASH_TO_GROUP_DST, 64);
  const p = Buffer.alloc(ELEMENT_BYTES);
  const q = Buffer.alloc(ELEMENT_BYTES);
  sodium.crypto_core_ed25519_from_uniform(p, uniform.subarray(0, 32));
  sodium.crypto_core_ed25519_from_uniform(q, uniform.subarray(32, 64));
  const out = Buffer.alloc(ELEMENT_BYTES);
  sodium.crypto_core_ed25519_add(out, p, q);
  return out;
}

/** A fresh secret key: a uniformly random non-zero scalar. */
export function generateOprfKey(): Buffer {
  const k = Buffer.alloc(SCALAR_BYTES);
  sodium.crypto_core_ed25519_scalar_random(k);
  return k;
}

/** True when the bytes encode a point of the prime-order subgroup other than the identity. */
export function isValidElement(element: Uint8Array): boolean {
  return element.length === ELEMENT_BYTES && sodium.crypto_core_ed25519_is_valid_point(element);
}

function multiply(scalar: Uint8Array, element: Uint8Array): Buffer {
  const out = Buffer.alloc(ELEMENT_BYTES);
  try {
    sodium.crypto_scalarmult_ed25519_noclamp(out, scalar, element);
  } catch {
    // libsodium refuses a product that is the identity: the input was not a group element.
    throw new InvalidElementError('scalar multiplication gave the identity');
  }
  return out;
}

/** Finalize of RFC 9497 §3.3.1: the PRF output from the input and the unblinded element. */
export function finalize(input: Uint8Array, unblinded: Uint8Array): Buffer {
  return createHash('sha512')
    .update(i2osp(input.length, 2))
    .update(input)
    .update(i2osp(unblinded.length, 2))
    .update(unblinded)
    .update(FINALIZE)
    .digest();
}

/** The querier's blinding of one input: keep `blind` secret, send `blindedElement`. */
export interface Blinded {
  readonly blind: Buffer;
  readonly blindedElement: Buffer;
}

/** Blind of RFC 9497 §3.3.1: a fresh random scalar times HashToGroup(input). */
export function blind(input: Uint8Array): Blinded {
  const r = Buffer.alloc(SCALAR_BYTES);
  sodium.crypto_core_ed25519_scalar_random(r);
  return { blind: r, blindedElement: multiply(r, hashToGroup(input)) };
}

/** Blind with a given scalar (test vectors only; real blinds are fresh and random). */
export function blindWith(input: Uint8Array, blindScalar: Uint8Array): Blinded {
  const r = Buffer.alloc(SCALAR_BYTES);
  sodium.crypto_core_ed25519_scalar_reduce(
    r,
    Buffer.concat([blindScalar, Buffer.alloc(64 - blindScalar.length)]),
  );
  return { blind: r, blindedElement: multiply(r, hashToGroup(input)) };
}

/** A scalar from 32 bytes, reduced mod the group order (test vectors). */
export function scalarFromBytes(bytes: Uint8Array): Buffer {
  const r = Buffer.alloc(SCALAR_BYTES);
  sodium.crypto_core_ed25519_scalar_reduce(r, Buffer.concat([bytes, Buffer.alloc(64 - bytes.length)]));
  return r;
}

/** BlindEvaluate (holder): `k` times a blinded element, refused unless it is a valid element. */
export function blindEvaluate(key: Uint8Array, blindedElement: Uint8Array): Buffer {
  if (!isValidElement(blindedElement)) throw new InvalidElementError('not a valid group element');
  return multiply(key, blindedElement);
}

/** Finalize (querier): removes the blind and hashes the result with the input. */
export function unblindFinalize(input: Uint8Array, blindScalar: Uint8Array, evaluated: Uint8Array): Buffer {
  if (!isValidElement(evaluated)) throw new InvalidElementError('not a valid group element');
  const inverse = Buffer.alloc(SCALAR_BYTES);
  sodium.crypto_core_ed25519_scalar_invert(inverse, blindScalar);
  return finalize(input, multiply(inverse, evaluated));
}

/** Evaluate (holder, on its own inputs): F(k, x) directly, as the index build computes it. */
export function evaluateDirect(key: Uint8Array, input: Uint8Array): Buffer {
  return finalize(input, multiply(key, hashToGroup(input)));
}

/** One scalar multiplication on a fixed valid point: the bench's unit of native speed. */
export function scalarMultiplyOnce(scalar: Uint8Array, element: Uint8Array): Buffer {
  return multiply(scalar, element);
}
