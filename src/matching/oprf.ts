/**
 * 2HashDH oblivious pseudorandom function in the shape of RFC 9497 (mode OPRF, §3.3.1), over
 * the prime-order subgroup of edwards25519 with libsodium's Elligator 2 map (sodium-native).
 *
 *   F(k, x) = SHA-512(len(x) ‖ x ‖ len(Y) ‖ Y(N) ‖ "Finalize"),  N = k · HashToGroup(x)
 *
 * HashToGroup has the shape of RFC 9380's encode_to_curve (one map, "NU"): expand_message_xmd
 * (SHA-512) gives 32 bytes, mapped with Elligator 2 (the top bit gives the sign of x), cofactor
 * cleared by libsodium's map. Y(N) is the 32-byte encoding of N with the sign bit of x cleared:
 * the y-coordinate alone, which N and -N share. It lets the holder compute k·P for its own
 * index with the X25519 Montgomery ladder (x-only; P is in the subgroup by construction, so no
 * check is needed), about twice as fast as libsodium's edwards25519 multiplication, which
 * checks subgroup membership with a second multiplication on every call. Every point received
 * from the other side goes through that checked multiplication: it is refused unless it is a
 * canonical encoding of a point of the prime-order subgroup other than the identity.
 * docs/MATCHING.md argues the choices (one map, y-only Finalize, keys with an X25519 form).
 */
import { createRequire } from 'node:module';

/** The sodium-native functions this module uses (its package ships no types). */
interface Sodium {
  crypto_core_ed25519_from_uniform(p: Uint8Array, r: Uint8Array): void;
  crypto_core_ed25519_is_valid_point(p: Uint8Array): boolean;
  crypto_core_ed25519_scalar_random(r: Uint8Array): void;
  crypto_core_ed25519_scalar_invert(recip: Uint8Array, s: Uint8Array): void;
  crypto_core_ed25519_scalar_reduce(r: Uint8Array, s: Uint8Array): void;
  crypto_scalarmult_ed25519_noclamp(q: Uint8Array, n: Uint8Array, p: Uint8Array): void;
  crypto_scalarmult(q: Uint8Array, n: Uint8Array, p: Uint8Array): void;
  crypto_hash_sha512(out: Uint8Array, input: Uint8Array): void;
}

// sodium-native loads its prebuilt binary through node-gyp-build at run time (no install
// script is needed), so a plain require is the whole set-up.
const sodium = createRequire(import.meta.url)('sodium-native') as Sodium;

/** Identifier of this suite, in the context string as RFC 9497 §3.1 builds it. */
export const OPRF_SUITE = 'edwards25519-SHA512-ELL2-NU-Y';
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

// Scratch space for the hashing of one token at a time (each worker thread has its own
// module instance): the build hashes millions of tokens, and allocating per token showed as
// garbage-collection time in the profile.
const SCRATCH = Buffer.alloc(1024);
const SCRATCH_NEXT = Buffer.alloc(64 + 1 + 255 + 1);
const SCRATCH_OUT = Buffer.alloc(64);

/** expand_message_xmd with SHA-512 (RFC 9380 §5.3.1). */
export function expandMessageXmd(msg: Uint8Array, dst: Uint8Array, length: number): Buffer {
  const out = Buffer.allocUnsafe(Math.ceil(length / 64) * 64);
  expandInto(out, msg, dst, length);
  return out.subarray(0, length);
}

/** expand_message_xmd into `out` (whole 64-byte blocks). */
function expandInto(out: Uint8Array, msg: Uint8Array, dst: Uint8Array, length: number): void {
  const bInBytes = 64;
  const rInBytes = 128;
  const ell = Math.ceil(length / bInBytes);
  if (ell > 255 || length > 65535 || dst.length > 255) throw new RangeError('expand_message_xmd: too long');
  // b0 = H(Z_pad ‖ msg ‖ l_i_b_str ‖ 0 ‖ DST'), DST' = DST ‖ len(DST)
  const size = rInBytes + msg.length + 3 + dst.length + 1;
  const first = size <= SCRATCH.length ? SCRATCH.subarray(0, size) : Buffer.alloc(size);
  first.fill(0, 0, rInBytes);
  first.set(msg, rInBytes);
  first.writeUInt16BE(length, rInBytes + msg.length);
  first[rInBytes + msg.length + 2] = 0;
  first.set(dst, rInBytes + msg.length + 3);
  first[size - 1] = dst.length;
  const b0 = SCRATCH_OUT;
  sodium.crypto_hash_sha512(b0, first);
  // b_i = H((b0 XOR b_{i-1}) ‖ i ‖ DST')
  const next = SCRATCH_NEXT.subarray(0, bInBytes + 1 + dst.length + 1);
  next.set(dst, bInBytes + 1);
  next[next.length - 1] = dst.length;
  for (let i = 1; i <= ell; i++) {
    const prev = out.subarray((i - 2) * bInBytes, (i - 1) * bInBytes);
    for (let j = 0; j < bInBytes; j++) next[j] = i === 1 ? b0[j]! : b0[j]! ^ prev[j]!;
    next[bInBytes] = i;
    sodium.crypto_hash_sha512(out.subarray((i - 1) * bInBytes, i * bInBytes), next);
  }
}

const SCRATCH_UNIFORM = Buffer.alloc(64);

/** HashToGroup: expand_message_xmd to 32 bytes, one Elligator 2 map, cofactor cleared. */
export function hashToGroup(input: Uint8Array): Buffer {
  const out = Buffer.alloc(ELEMENT_BYTES);
  hashToGroupInto(out, input);
  return out;
}

/** HashToGroup written into `out` (32 bytes). */
export function hashToGroupInto(out: Uint8Array, input: Uint8Array): void {
  expandInto(SCRATCH_UNIFORM, input, HASH_TO_GROUP_DST, 32);
  sodium.crypto_core_ed25519_from_uniform(out, SCRATCH_UNIFORM.subarray(0, 32));
}

/** The group order L. */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
/** The field prime of curve25519. */
const P = 2n ** 255n - 19n;
const TWO_254 = 2n ** 254n;
const TWO_251 = 2n ** 251n;

function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  let r = 1n;
  let b = base % m;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}
const INV8 = modPow(8n, L - 2n, L);

const SCRATCH_REV = Buffer.alloc(32);

/** Little-endian 32 bytes (bit 255 dropped when `clearTop`) as a bigint. */
function leToBig(bytes: Uint8Array, offset = 0, clearTop = false): bigint {
  for (let i = 0; i < 32; i++) SCRATCH_REV[31 - i] = bytes[offset + i]!;
  if (clearTop) SCRATCH_REV[0] = SCRATCH_REV[0]! & 0x7f;
  return BigInt(`0x${SCRATCH_REV.toString('hex')}`);
}

/** A bigint below 2^256 into 32 little-endian bytes. */
function bigToLe(value: bigint, out: Uint8Array, offset = 0): void {
  SCRATCH_REV.write(value.toString(16).padStart(64, '0'), 'hex');
  for (let i = 0; i < 32; i++) out[offset + i] = SCRATCH_REV[31 - i]!;
}

/** `nums[i] / dens[i]` modulo the prime `m` for every i, with one inversion (Montgomery's trick). */
function batchDivide(nums: bigint[], dens: bigint[], m: bigint): bigint[] {
  const n = dens.length;
  const prefix = new Array<bigint>(n);
  let acc = 1n;
  for (let i = 0; i < n; i++) {
    prefix[i] = acc;
    acc = (acc * dens[i]!) % m;
  }
  let inv = modPow(acc, m - 2n, m);
  const out = new Array<bigint>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = (nums[i]! * ((inv * prefix[i]!) % m)) % m;
    inv = (inv * dens[i]!) % m;
  }
  return out;
}

/**
 * The X25519 form of a key: the scalar c ≡ k (mod L) of the shape X25519's clamping leaves
 * unchanged (2^254 + 8m with m < 2^251), or undefined when k has none (about half of all
 * scalars). On the prime-order subgroup, X25519 with c gives the u-coordinate of k·P.
 */
export function montgomeryScalar(key: Uint8Array): Buffer | undefined {
  const k = leToBig(key) % L;
  const m = ((((k - TWO_254) % L) + L) * INV8) % L;
  if (m >= TWO_251) return undefined;
  const out = Buffer.alloc(SCALAR_BYTES);
  bigToLe(TWO_254 + 8n * m, out);
  return out;
}

/**
 * A fresh secret key: a uniformly random non-zero scalar among those that have an X25519 form
 * (rejection sampling: about half of all scalars qualify; docs/MATCHING.md).
 */
export function generateOprfKey(): Buffer {
  const k = Buffer.alloc(SCALAR_BYTES);
  do sodium.crypto_core_ed25519_scalar_random(k);
  while (!montgomeryScalar(k));
  return k;
}

/** True when the bytes encode a point of the prime-order subgroup other than the identity. */
export function isValidElement(element: Uint8Array): boolean {
  return element.length === ELEMENT_BYTES && sodium.crypto_core_ed25519_is_valid_point(element);
}

/**
 * `scalar · element` on edwards25519. libsodium refuses (and this throws) an element that is
 * not a canonical encoding of a point of the prime-order subgroup other than the identity, and
 * a product that is the identity.
 */
function multiply(scalar: Uint8Array, element: Uint8Array): Buffer {
  const out = Buffer.alloc(ELEMENT_BYTES);
  if (element.length !== ELEMENT_BYTES) throw new InvalidElementError('not a valid group element');
  try {
    sodium.crypto_scalarmult_ed25519_noclamp(out, scalar, element);
  } catch {
    throw new InvalidElementError('not a valid group element');
  }
  return out;
}

/** Finalize from Y(N), the y-coordinate encoding (sign bit cleared). */
function finalizeY(input: Uint8Array, y: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(OUTPUT_BYTES);
  finalizeYInto(out, input, y);
  return out;
}

/** Finalize from Y(N) into `out` (64 bytes). */
function finalizeYInto(out: Uint8Array, input: Uint8Array, y: Uint8Array): void {
  const size = 2 + input.length + 2 + ELEMENT_BYTES + FINALIZE.length;
  const msg = size <= SCRATCH.length ? SCRATCH.subarray(0, size) : Buffer.allocUnsafe(size);
  msg.writeUInt16BE(input.length, 0);
  msg.set(input, 2);
  msg.writeUInt16BE(ELEMENT_BYTES, 2 + input.length);
  msg.set(y, 4 + input.length);
  msg.set(FINALIZE, 4 + input.length + ELEMENT_BYTES);
  sodium.crypto_hash_sha512(out, msg);
}

/** Finalize of RFC 9497 §3.3.1 over Y(N): the PRF output from the input and the unblinded element. */
export function finalize(input: Uint8Array, unblinded: Uint8Array): Buffer {
  const y = Buffer.from(unblinded);
  y[31] = y[31]! & 0x7f;
  return finalizeY(input, y);
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
  return multiply(key, blindedElement);
}

/** Finalize (querier): removes the blind and hashes the result with the input. */
export function unblindFinalize(input: Uint8Array, blindScalar: Uint8Array, evaluated: Uint8Array): Buffer {
  const inverse = Buffer.alloc(SCALAR_BYTES);
  sodium.crypto_core_ed25519_scalar_invert(inverse, blindScalar);
  return unblindFinalizeWithInverse(input, inverse, evaluated);
}

/** Finalize with the inverse of the blind already computed (a batch inverts all at once). */
export function unblindFinalizeWithInverse(
  input: Uint8Array,
  inverse: Uint8Array,
  evaluated: Uint8Array,
): Buffer {
  return finalize(input, multiply(inverse, evaluated));
}

/** Inverses modulo L of concatenated non-zero 32-byte scalars, with one inversion for all. */
export function invertScalars(scalars: Uint8Array): Buffer {
  const n = scalars.length / SCALAR_BYTES;
  if (n < 8) {
    // A few: libsodium's inversion each (one bigint exponentiation costs more than several).
    const out = Buffer.alloc(scalars.length);
    for (let i = 0; i < n; i++)
      sodium.crypto_core_ed25519_scalar_invert(
        out.subarray(i * SCALAR_BYTES, (i + 1) * SCALAR_BYTES),
        scalars.subarray(i * SCALAR_BYTES, (i + 1) * SCALAR_BYTES),
      );
    return out;
  }
  const values = Array.from({ length: n }, (_, i) => leToBig(scalars, i * SCALAR_BYTES) % L);
  if (values.includes(0n)) throw new RangeError('a blind is zero');
  const inverses = batchDivide(
    values.map(() => 1n),
    values,
    L,
  );
  const out = Buffer.alloc(scalars.length);
  inverses.forEach((v, i) => {
    bigToLe(v, out, i * SCALAR_BYTES);
  });
  return out;
}

/** Evaluate (holder, on its own input): F(k, x) directly, on edwards25519. */
export function evaluateDirect(key: Uint8Array, input: Uint8Array): Buffer {
  return finalize(input, multiply(key, hashToGroup(input)));
}

/**
 * F(k, x) for many inputs, as the index build computes it: HashToGroup on edwards25519, then
 * y → u (Montgomery form), k·P with the X25519 ladder, u → y; each conversion is a field
 * division, done for all inputs with one inversion (Montgomery's trick). A key without an
 * X25519 form (made before this suite) is evaluated on edwards25519. 64 bytes per input.
 */
export function evaluateDirectMany(key: Uint8Array, inputs: Uint8Array[]): Buffer {
  const n = inputs.length;
  const out = Buffer.allocUnsafe(n * OUTPUT_BYTES);
  const c = montgomeryScalar(key);
  if (!c) {
    for (let i = 0; i < n; i++) evaluateDirect(key, inputs[i]!).copy(out, i * OUTPUT_BYTES);
    return out;
  }
  const point = Buffer.allocUnsafe(ELEMENT_BYTES);
  const ys = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    hashToGroupInto(point, inputs[i]!);
    ys[i] = leToBig(point, 0, true);
    // The identity (y = 1) has no u; libsodium's map gives it for a negligible share of inputs.
    if (ys[i] === 1n) throw new InvalidElementError('HashToGroup gave the identity');
  }
  // u = (1 + y) / (1 - y)
  const us = batchDivide(
    ys.map((y) => (1n + y) % P),
    ys.map((y) => (P + 1n - y) % P),
    P,
  );
  const u = Buffer.allocUnsafe(ELEMENT_BYTES);
  const ku = Buffer.allocUnsafe(ELEMENT_BYTES);
  const kus = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    bigToLe(us[i]!, u);
    sodium.crypto_scalarmult(ku, c, u);
    kus[i] = leToBig(ku);
  }
  // y = (u - 1) / (u + 1) of k·P.
  const kys = batchDivide(
    kus.map((x) => (x + P - 1n) % P),
    kus.map((x) => (x + 1n) % P),
    P,
  );
  const y = Buffer.allocUnsafe(ELEMENT_BYTES);
  for (let i = 0; i < n; i++) {
    bigToLe(kys[i]!, y);
    finalizeYInto(out.subarray(i * OUTPUT_BYTES, (i + 1) * OUTPUT_BYTES), inputs[i]!, y);
  }
  return out;
}

/** One scalar multiplication on a fixed valid point: the bench's unit of native speed. */
export function scalarMultiplyOnce(scalar: Uint8Array, element: Uint8Array): Buffer {
  return multiply(scalar, element);
}
