// Name search on real held-out variants: the UN listed names (every individual) hidden among
// synthetic person records, queried with the held-out half's real aliases and original-script
// names; top-10 recall of Passerelle's index against a trigram index built in the same run.
// Synthetic filler only beside the public UN list; no held-out pair is printed.
//
//   node --import tsx bench/names-search-heldout.ts [--filler=200000]

import { buildNameIndex, normalizeName } from '../src/names/index.js';
import { heldOutSearchSet, resolveDataDir, type SearchQuery, seededRandom } from './names-eval-data.js';

/** A plain trigram index (the usual fuzzy-search baseline): Dice overlap of letter trigrams. */
export class TrigramIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly sizes: number[] = [];

  constructor(names: readonly string[]) {
    names.forEach((name, id) => {
      const grams = trigrams(name);
      this.sizes.push(grams.size);
      for (const g of grams) {
        const list = this.postings.get(g);
        if (list === undefined) this.postings.set(g, [id]);
        else list.push(id);
      }
    });
  }

  /** Ids of the k records with the highest trigram Dice coefficient. */
  search(query: string, k: number): number[] {
    const grams = trigrams(query);
    const shared = new Map<number, number>();
    for (const g of grams)
      for (const id of this.postings.get(g) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    return [...shared.entries()]
      .map(([id, n]) => [id, (2 * n) / (grams.size + this.sizes[id]!)] as const)
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, k)
      .map(([id]) => id);
  }
}

function trigrams(name: string): Set<string> {
  const s = ` ${normalizeName(name)} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

const SYLLABLES = [
  'ba',
  'da',
  'ka',
  'ma',
  'na',
  'ra',
  'sa',
  'ta',
  'za',
  'ha',
  'la',
  'fa',
  'ja',
  'qa',
  'ri',
  'di',
  'mu',
  'lu',
];

// Synthetic filler: three or four made-up name words (no real person).
function fillerName(rnd: () => number): string {
  const word = (): string => {
    let w = '';
    const n = 2 + Math.floor(rnd() * 2);
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    return w[0]!.toUpperCase() + w.slice(1) + (rnd() < 0.5 ? 'n' : 'r');
  };
  return Array.from({ length: 3 + Math.floor(rnd() * 2) }, word).join(' ');
}

/** Top-10 recall per query kind, Passerelle and trigram baseline, same records and queries. */
export interface HeldOutSearchResult {
  readonly records: number;
  readonly queries: number;
  readonly byKind: ReadonlyArray<{
    kind: SearchQuery['kind'];
    queries: number;
    passerelle: number;
    trigram: number;
  }>;
  readonly passerelleP95Ms: number;
  readonly trigramP95Ms: number;
}

export function runHeldOutSearch(options: { filler?: number; dataDir?: string } = {}): HeldOutSearchResult {
  const { records: listed, queries } = heldOutSearchSet(resolveDataDir(options.dataDir));
  const rnd = seededRandom(11);
  const names = [...listed, ...Array.from({ length: options.filler ?? 200_000 }, () => fillerName(rnd))];
  const index = buildNameIndex(names.map((name, i) => ({ id: String(i), name })));
  const trigram = new TrigramIndex(names);
  const p95 = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(0.95 * (xs.length - 1))] ?? 0;
  const latP: number[] = [];
  const latT: number[] = [];
  const kinds = new Map<SearchQuery['kind'], { queries: number; passerelle: number; trigram: number }>();
  for (const q of queries) {
    const k = kinds.get(q.kind) ?? { queries: 0, passerelle: 0, trigram: 0 };
    kinds.set(q.kind, k);
    k.queries++;
    let t0 = performance.now();
    const hits = index.search(q.query, { k: 10 });
    latP.push(performance.now() - t0);
    if (hits.some((h) => names[Number(h.id)] === q.target)) k.passerelle++;
    t0 = performance.now();
    const tri = trigram.search(q.query, 10);
    latT.push(performance.now() - t0);
    if (tri.some((id) => names[id] === q.target)) k.trigram++;
  }
  return {
    records: names.length,
    queries: queries.length,
    byKind: [...kinds.entries()].map(([kind, k]) => ({
      kind,
      queries: k.queries,
      passerelle: k.passerelle / k.queries,
      trigram: k.trigram / k.queries,
    })),
    passerelleP95Ms: p95(latP),
    trigramP95Ms: p95(latT),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const filler = process.argv.find((a) => a.startsWith('--filler='))?.split('=')[1];
  const r = runHeldOutSearch({ filler: filler ? Number(filler) : undefined });
  console.log(`records ${r.records} (UN listed names + synthetic filler), ${r.queries} held-out queries`);
  for (const k of r.byKind)
    console.log(
      `  ${k.kind.padEnd(14)} ${String(k.queries).padStart(4)} queries   top-10 recall: Passerelle ${(k.passerelle * 100).toFixed(1)}%   trigram ${(k.trigram * 100).toFixed(1)}%`,
    );
  console.log(
    `  p95 latency: Passerelle ${r.passerelleP95Ms.toFixed(2)} ms, trigram ${r.trigramP95Ms.toFixed(2)} ms`,
  );
}
