// In-memory candidate search over up to a few million person records: phonetic blocking keys
// with inverted lists in typed arrays (compressed sparse rows), interned name tokens, and a
// re-ranking of the best-keyed candidates with compareNames. Pure: no I/O.

import type { CompareOptions } from './compare.js';
import { DEFAULT_COMPARE_OPTIONS, scoreParsedNames } from './compare.js';
import { blockingKeyLength } from './match-keys.js';
import type { NameInput, NameToken, ParsedName } from './parse-name.js';
import { parseName } from './parse-name.js';

/** A person to index. */
export interface PersonRecord {
  /** The caller's identifier, returned with hits. */
  readonly id: string;
  readonly name: NameInput;
  readonly yearOfBirth?: number;
}

/** One search result. */
export interface NameSearchHit {
  readonly id: string;
  /** Combined score in [0, 1]: name similarity adjusted by year-of-birth agreement. */
  readonly score: number;
  readonly nameScore: number;
}

/** Options of `NameIndex.search`. */
export interface NameSearchOptions {
  /** Number of results (default 10). */
  readonly k?: number;
  readonly yearOfBirth?: number;
  /** Candidates re-ranked with the full comparison (default 200). */
  readonly candidates?: number;
  readonly compareOptions?: CompareOptions;
}

const NO_YEAR = -32768;

function keyOf(t: NameToken): string | undefined {
  return t.kind === 'honorific' || t.kind === 'initial' || t.key.length === 0
    ? undefined
    : t.key.slice(0, blockingKeyLength(t));
}

function tokenSignature(t: NameToken): string {
  return `${t.forms.join('|')}\u0001${t.kind}\u0001${t.arabic ? 1 : 0}\u0001${t.weight}\u0001${t.text}`;
}

/** Year-of-birth agreement factor: equal 1, one year off 0.97, within 3 0.9, else 0.75. */
export function yearFactor(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined) return 1;
  const d = Math.abs(a - b);
  return d === 0 ? 1 : d === 1 ? 0.97 : d <= 3 ? 0.9 : 0.75;
}

/**
 * Collects records, then freezes them into the compact search layout. Add everything first,
 * then call `build()`.
 */
export class NameIndexBuilder {
  readonly #tokens: NameToken[] = [];
  readonly #tokenIds = new Map<string, number>();
  readonly #recordTokens: number[] = [];
  readonly #recordStart: number[] = [0];
  readonly #years: number[] = [];
  readonly #ids: string[] = [];

  /** Adds one person. */
  add(record: PersonRecord): void {
    for (const t of parseName(record.name).tokens) {
      const sig = tokenSignature(t);
      let id = this.#tokenIds.get(sig);
      if (id === undefined) {
        id = this.#tokens.length;
        this.#tokens.push(t);
        this.#tokenIds.set(sig, id);
      }
      this.#recordTokens.push(id);
    }
    this.#recordStart.push(this.#recordTokens.length);
    this.#years.push(record.yearOfBirth ?? NO_YEAR);
    this.#ids.push(record.id);
  }

  /** Freezes the records into a searchable index. */
  build(): NameIndex {
    const n = this.#ids.length;
    const recordStart = Uint32Array.from(this.#recordStart);
    const recordTokens = Uint32Array.from(this.#recordTokens);
    // Blocking keys, interned, with document frequencies counted first (CSR layout).
    const keyIds = new Map<string, number>();
    const tokenKey = new Int32Array(this.#tokens.length).fill(-1);
    this.#tokens.forEach((t, i) => {
      const key = keyOf(t);
      if (key === undefined) return;
      let k = keyIds.get(key);
      if (k === undefined) {
        k = keyIds.size;
        keyIds.set(key, k);
      }
      tokenKey[i] = k;
    });
    const df = new Uint32Array(keyIds.size);
    const seen = new Int32Array(keyIds.size).fill(-1);
    for (let r = 0; r < n; r++) {
      for (let p = recordStart[r]!; p < recordStart[r + 1]!; p++) {
        const k = tokenKey[recordTokens[p]!]!;
        if (k < 0 || seen[k] === r) continue;
        seen[k] = r;
        df[k]!++;
      }
    }
    const postingStart = new Uint32Array(keyIds.size + 1);
    for (let k = 0; k < keyIds.size; k++) postingStart[k + 1] = postingStart[k]! + df[k]!;
    const postings = new Uint32Array(postingStart[keyIds.size]!);
    const fill = postingStart.slice(0, keyIds.size);
    seen.fill(-1);
    for (let r = 0; r < n; r++) {
      for (let p = recordStart[r]!; p < recordStart[r + 1]!; p++) {
        const k = tokenKey[recordTokens[p]!]!;
        if (k < 0 || seen[k] === r) continue;
        seen[k] = r;
        postings[fill[k]!++] = r;
      }
    }
    return new NameIndex({
      tokens: this.#tokens,
      recordStart,
      recordTokens,
      years: Int16Array.from(this.#years),
      ids: this.#ids,
      keyIds,
      postingStart,
      postings,
    });
  }
}

interface IndexLayout {
  tokens: NameToken[];
  recordStart: Uint32Array;
  recordTokens: Uint32Array;
  years: Int16Array;
  ids: string[];
  keyIds: Map<string, number>;
  postingStart: Uint32Array;
  postings: Uint32Array;
}

/** A frozen, searchable set of person names. Build it with `NameIndexBuilder` or `buildNameIndex`. */
export class NameIndex {
  readonly #l: IndexLayout;
  readonly #accumulator: Float32Array;
  readonly #touched: Uint32Array;

  constructor(layout: IndexLayout) {
    this.#l = layout;
    this.#accumulator = new Float32Array(layout.ids.length);
    this.#touched = new Uint32Array(layout.ids.length);
  }

  /** Number of records. */
  get size(): number {
    return this.#l.ids.length;
  }

  /** Distinct interned name tokens (a measure of the memory layout's compactness). */
  get distinctTokens(): number {
    return this.#l.tokens.length;
  }

  #recordName(r: number): ParsedName {
    const { recordStart, recordTokens, tokens } = this.#l;
    const out: NameToken[] = [];
    for (let p = recordStart[r]!; p < recordStart[r + 1]!; p++) out.push(tokens[recordTokens[p]!]!);
    return { tokens: out };
  }

  /**
   * Top-k records for a name (any script), best first. Candidates are the records sharing the
   * most informative blocking keys (weighted by inverse frequency); they are re-ranked with
   * the full name comparison and the year of birth.
   */
  search(name: NameInput, options: NameSearchOptions = {}): NameSearchHit[] {
    const k = options.k ?? 10;
    const limit = Math.max(k, options.candidates ?? 200);
    const query = parseName(name);
    const { keyIds, postingStart, postings, years, ids } = this.#l;
    const n = ids.length;
    const acc = this.#accumulator;
    const touched = this.#touched;
    let nTouched = 0;
    const queryKeys = new Set<number>();
    for (const t of query.tokens) {
      const key = keyOf(t);
      const id = key === undefined ? undefined : keyIds.get(key);
      if (id !== undefined) queryKeys.add(id);
    }
    for (const key of queryKeys) {
      const start = postingStart[key]!;
      const end = postingStart[key + 1]!;
      const idf = Math.log(1 + n / (end - start));
      for (let p = start; p < end; p++) {
        const r = postings[p]!;
        if (acc[r] === 0) touched[nTouched++] = r;
        acc[r]! += idf;
      }
    }
    // Keep the `limit` best-keyed records with a small min-heap over typed arrays.
    const heapScore = new Float64Array(limit);
    const heapRecord = new Uint32Array(limit);
    let size = 0;
    const yob = options.yearOfBirth;
    for (let i = 0; i < nTouched; i++) {
      const r = touched[i]!;
      let s = acc[r]!;
      acc[r] = 0;
      if (yob !== undefined && years[r] !== NO_YEAR) s *= 0.5 + 0.5 * yearFactor(yob, years[r]);
      if (size < limit) {
        let c = size++;
        while (c > 0) {
          const parent = (c - 1) >> 1;
          if (heapScore[parent]! <= s) break;
          heapScore[c] = heapScore[parent]!;
          heapRecord[c] = heapRecord[parent]!;
          c = parent;
        }
        heapScore[c] = s;
        heapRecord[c] = r;
      } else if (s > heapScore[0]!) {
        let c = 0;
        for (;;) {
          const l = 2 * c + 1;
          if (l >= size) break;
          const m = l + 1 < size && heapScore[l + 1]! < heapScore[l]! ? l + 1 : l;
          if (heapScore[m]! >= s) break;
          heapScore[c] = heapScore[m]!;
          heapRecord[c] = heapRecord[m]!;
          c = m;
        }
        heapScore[c] = s;
        heapRecord[c] = r;
      }
    }
    const compareOptions = options.compareOptions ?? DEFAULT_COMPARE_OPTIONS;
    const hits: Array<NameSearchHit & { record: number }> = [];
    for (let i = 0; i < size; i++) {
      const r = heapRecord[i]!;
      const nameScore = scoreParsedNames(query, this.#recordName(r), compareOptions);
      const year = years[r] === NO_YEAR ? undefined : years[r];
      hits.push({ id: ids[r]!, record: r, nameScore, score: nameScore * yearFactor(yob, year) });
    }
    hits.sort((x, y) => y.score - x.score || x.record - y.record);
    return hits.slice(0, k).map(({ id, score, nameScore }) => ({ id, score, nameScore }));
  }
}

/** Builds an index from records in one call. */
export function buildNameIndex(records: Iterable<PersonRecord>): NameIndex {
  const builder = new NameIndexBuilder();
  for (const r of records) builder.add(r);
  return builder.build();
}
