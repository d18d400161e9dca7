// The published filter: one 16-byte entry per token of the holder's index, sorted by
// fingerprint. An entry is a 48-bit fingerprint of the PRF output and the record's 80-bit hit
// reference sealed under other bits of that output, so only a querier who evaluated the very
// token (and so holds the full output) can tell the entry is there and read the reference.
//
// False hits: a query token that is not in the index meets an entry by chance with probability
// n / 2^48 for n entries (4 million entries: 1.4e-8 per token; a 10,000-item batch of about
// 90,000 tokens: about 1e-3 false hits per batch). See docs/MATCHING.md.

/** Bytes of one entry: 6 of fingerprint, 10 of sealed reference. */
export const ENTRY_BYTES = 16;
const FP_BYTES = 6;
const REF_BYTES = 10;
const PAD_OFFSET = 32;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `MX-` and the 16 base32 characters of an 80-bit reference. */
export function formatHitRef(ref: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of ref) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return `MX-${out}`;
}

/** The 10 bytes of a hit reference; undefined when malformed. */
export function parseHitRef(ref: string): Buffer | undefined {
  const m = /^MX-([A-Z2-7]{16})$/.exec(ref);
  if (!m) return undefined;
  const out = Buffer.alloc(REF_BYTES);
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const ch of m[1]!) {
    value = (value << 5) | BASE32.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out[i++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return out;
}

/** The 48-bit fingerprint of a PRF output, as a number (exact in a double). */
export function fingerprintOf(output: Uint8Array): number {
  return Buffer.from(output.buffer, output.byteOffset, output.byteLength).readUIntBE(0, FP_BYTES);
}

/** Writes the filter entry of a token whose PRF output is `output`, for the record `ref`. */
export function writeEntry(target: Buffer, offset: number, output: Buffer, ref: Uint8Array): void {
  output.copy(target, offset, 0, FP_BYTES);
  for (let i = 0; i < REF_BYTES; i++) target[offset + FP_BYTES + i] = ref[i]! ^ output[PAD_OFFSET + i]!;
}

/** Opens the sealed reference of an entry with the PRF output that found it. */
export function openEntryRef(entries: Buffer, index: number, output: Buffer): Buffer {
  const ref = Buffer.alloc(REF_BYTES);
  const at = index * ENTRY_BYTES + FP_BYTES;
  for (let i = 0; i < REF_BYTES; i++) ref[i] = entries[at + i]! ^ output[PAD_OFFSET + i]!;
  return ref;
}

/**
 * A filter as the querier keeps it: entries sorted by fingerprint, searched by bisection.
 * Deltas (entries added and removed since a version) are merged into a new sorted copy.
 */
export class MatchFilter {
  readonly entries: Buffer;
  readonly #fps: Float64Array;

  /** `knownFps`: the fingerprints of already sorted entries, when the caller has them. */
  constructor(entries: Buffer, sorted = false, knownFps?: Float64Array) {
    if (entries.length % ENTRY_BYTES !== 0) throw new RangeError('filter entries are 16 bytes each');
    if (sorted && knownFps) {
      this.entries = entries;
      this.#fps = knownFps;
      return;
    }
    const n = entries.length / ENTRY_BYTES;
    const fps = new Float64Array(n);
    for (let i = 0; i < n; i++) fps[i] = entries.readUIntBE(i * ENTRY_BYTES, FP_BYTES);
    if (sorted) {
      this.entries = entries;
      this.#fps = fps;
      return;
    }
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => fps[a]! - fps[b]!);
    const out = Buffer.alloc(entries.length);
    const sortedFps = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      entries.copy(out, i * ENTRY_BYTES, order[i]! * ENTRY_BYTES, (order[i]! + 1) * ENTRY_BYTES);
      sortedFps[i] = fps[order[i]!]!;
    }
    this.entries = out;
    this.#fps = sortedFps;
  }

  /** Number of entries. */
  get size(): number {
    return this.#fps.length;
  }

  /** Indexes of the entries whose fingerprint is `fp`. */
  find(fp: number): number[] {
    const fps = this.#fps;
    let lo = 0;
    let hi = fps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (fps[mid]! < fp) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < fps.length && fps[i] === fp; i++) out.push(i);
    return out;
  }

  /** The hit references (formatted) of the entries a PRF output finds. */
  lookup(output: Buffer): string[] {
    return this.find(fingerprintOf(output)).map((i) => formatHitRef(openEntryRef(this.entries, i, output)));
  }

  /**
   * A new filter with `removed` entries taken out (each once) and `added` entries put in. The
   * kept entries stay sorted; the (few) added ones are sorted and merged in, so a delta costs
   * one pass over the filter, not a sort of it.
   */
  apply(added: Buffer, removed: Buffer): MatchFilter {
    const drop = new Map<string, number>();
    for (let i = 0; i < removed.length; i += ENTRY_BYTES) {
      const key = removed.subarray(i, i + ENTRY_BYTES).toString('base64');
      drop.set(key, (drop.get(key) ?? 0) + 1);
    }
    const extra = new MatchFilter(added);
    const n = this.size;
    const out = Buffer.allocUnsafe(this.entries.length + added.length);
    const fps = new Float64Array(n + extra.size);
    let k = 0;
    let j = 0;
    const take = (from: MatchFilter, index: number) => {
      from.entries.copy(out, k * ENTRY_BYTES, index * ENTRY_BYTES, (index + 1) * ENTRY_BYTES);
      fps[k++] = from.#fps[index]!;
    };
    for (let i = 0; i < n; i++) {
      if (drop.size > 0) {
        const key = this.entries.subarray(i * ENTRY_BYTES, (i + 1) * ENTRY_BYTES).toString('base64');
        const left = drop.get(key);
        if (left) {
          if (left === 1) drop.delete(key);
          else drop.set(key, left - 1);
          continue;
        }
      }
      while (j < extra.size && extra.#fps[j]! < this.#fps[i]!) take(extra, j++);
      take(this, i);
    }
    while (j < extra.size) take(extra, j++);
    return new MatchFilter(out.subarray(0, k * ENTRY_BYTES), true, fps.subarray(0, k));
  }
}
