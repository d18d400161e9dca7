// Weighted edit distance between spelling forms, with costs that encode how Arabic and
// South-Asian names vary between romanisations: vowels are cheap, confusable consonants
// (q/k, s/z, th/s, dh/d, ch/sh, j/g, p/b, v/w) are cheap, other consonants are dear.

const SIZE = 128;
const CROSS_LONG_VOWEL_COST = 0.8;
const subCost = new Float32Array(SIZE * SIZE).fill(1);

function setPair(a: string, b: string, cost: number): void {
  const i = a.charCodeAt(0);
  const j = b.charCodeAt(0);
  subCost[i * SIZE + j] = cost;
  subCost[j * SIZE + i] = cost;
}

for (let c = 0; c < SIZE; c++) subCost[c * SIZE + c] = 0;

// Vowel qualities: e sits between a and i (Mohammed, Saeed), o beside u (Omar/Umar).
const VOWEL_COSTS: ReadonlyArray<readonly [string, string, number]> = [
  ['a', 'e', 0.2],
  ['e', 'i', 0.2],
  ['o', 'u', 0.1],
  ['a', 'o', 0.4],
  ['e', 'o', 0.3],
  ['e', 'u', 0.3],
  ['a', 'i', 0.5],
  ['a', 'u', 0.5],
  ['i', 'u', 0.5],
  ['i', 'o', 0.5],
];
for (const [a, b, c] of VOWEL_COSTS) setPair(a, b, c);
for (const v of 'aeiou') setPair('@', v, 0);

// Semivowels against the vowels they are written with.
const SEMIVOWEL_COSTS: ReadonlyArray<readonly [string, string, number]> = [
  ['y', 'i', 0.1],
  ['y', 'e', 0.2],
  ['y', 'a', 0.5],
  ['w', 'u', 0.1],
  ['w', 'o', 0.15],
  ['w', 'v', 0.2],
  ['@', 'y', 0.3],
  ['@', 'w', 0.3],
  ['@', 'h', 0.6],
];
for (const [a, b, c] of SEMIVOWEL_COSTS) setPair(a, b, c);

// Consonants that romanisations (or dialects) substitute for each other.
const CONSONANT_COSTS: ReadonlyArray<readonly [string, string, number]> = [
  ['q', 'k', 0.1],
  ['q', 'g', 0.4],
  ['k', 'g', 0.5],
  ['k', 'X', 0.35],
  ['h', 'X', 0.35],
  ['G', 'g', 0.2],
  ['G', 'X', 0.4],
  ['G', 'r', 0.6],
  // ق is q, gh, g or k (Qandahari, Ghandahari, Kandahari; Qolam, Gholam)
  ['q', 'G', 0.25],
  ['k', 'G', 0.45],
  ['g', 'j', 0.35],
  ['j', 'Z', 0.3],
  ['z', 'Z', 0.3],
  ['s', 'z', 0.35],
  ['s', 'S', 0.4],
  ['S', 'C', 0.2],
  ['C', 'j', 0.5],
  ['s', 'C', 0.5],
  // Dutch-era Indonesian and German write kh as ch (Mochtar, Rochim, Achmed)
  ['C', 'X', 0.4],
  ['C', 'h', 0.5],
  ['t', 'T', 0.2],
  ['s', 'T', 0.3],
  ['d', 'D', 0.2],
  ['z', 'D', 0.3],
  // ذ is dh, th or z (Dhahabi, Thahabi, Zahabi)
  ['D', 'T', 0.25],
  ['z', 'T', 0.35],
  // j and y (Yusuf / Jusuf; Arabic ي for a Latin j or y)
  ['j', 'y', 0.4],
  ['d', 'z', 0.5],
  ['d', 't', 0.6],
  ['b', 'p', 0.3],
  ['f', 'v', 0.3],
  // ف for a German or Dutch w (Warburg, Winkelman); Persian و read v (Rajavi)
  ['f', 'w', 0.4],
  ['u', 'v', 0.35],
  ['f', 'p', 0.5],
  ['b', 'v', 0.6],
  ['n', 'm', 0.7],
  ['l', 'r', 0.75],
];
for (const [a, b, c] of CONSONANT_COSTS) setPair(a, b, c);

// Long vowels written with a Latin digraph (ee → I, oo/ou → U): the short vowel's costs, and
// free against it (only Arabic script tells them apart).
for (const [long, short] of [
  ['I', 'i'],
  ['U', 'u'],
] as const) {
  for (let c = 0; c < SIZE; c++) {
    const cost = subCost[short.charCodeAt(0) * SIZE + c]!;
    setPair(long, String.fromCharCode(c), cost);
  }
  setPair(long, short, 0);
  setPair(long, long, 0);
}
setPair('I', 'U', 0.5);
// The ayn wildcard stands for a short vowel, not for a long one Arabic would have written.
setPair('@', 'I', 0.6);
setPair('@', 'U', 0.6);

// Across scripts, a long vowel Arabic wrote (ا ي و: a, i, u) against a different Latin vowel
// is a different name (جميل Jamil is not Jamal, سعيد Saeed is not Saud): dearer than between two
// Latin spellings, where a and i or a and u stand for the same short vowel.
const crossSubCost = Float32Array.from(subCost);
for (const [a, b] of [
  ['a', 'i'],
  ['a', 'u'],
  ['i', 'u'],
  ['a', 'I'],
  ['a', 'U'],
  ['i', 'U'],
  ['u', 'I'],
  ['i', 'o'],
  ['a', 'o'],
] as const) {
  crossSubCost[a.charCodeAt(0) * SIZE + b.charCodeAt(0)] = CROSS_LONG_VOWEL_COST;
  crossSubCost[b.charCodeAt(0) * SIZE + a.charCodeAt(0)] = CROSS_LONG_VOWEL_COST;
}

/** Tunable costs of inserting or deleting a symbol. */
export interface EditCosts {
  /** A vowel present in one Latin form and missing in another Latin form. */
  vowel: number;
  /** A Latin vowel against an Arabic-script form, where short vowels are never written. */
  unwrittenVowel: number;
  /** y or w. */
  semivowel: number;
  /** h, which many romanisations drop (Shahzad/Shazad). */
  h: number;
  /** The '@' wildcard (ayn, alef seat). */
  wildcard: number;
  /** Any other consonant. */
  consonant: number;
}

/** Costs tuned on the training split (see docs/NAMES.md). */
export const DEFAULT_EDIT_COSTS: EditCosts = {
  vowel: 0.35,
  unwrittenVowel: 0.12,
  semivowel: 0.3,
  h: 0.5,
  wildcard: 0.1,
  consonant: 0.9,
};

// A Latin i, o or u against an Arabic form that has no letter there is a little dearer than
// an a or e (fatha is the commonest short vowel); a Latin long vowel (ee, oo) that Arabic
// did not write is a different name (Saeed / سعد, Mahmood / محمد).
const UNWRITTEN_IU_EXTRA = 0.06;
const LONG_VOWEL_UNWRITTEN = 0.6;
// A long vowel Arabic wrote (ا و ي) and the Latin spelling lacks.
const ARABIC_LONG_VOWEL_DROPPED = 0.5;

function indelCost(code: number, otherIsArabic: boolean, selfIsArabic: boolean, costs: EditCosts): number {
  switch (code) {
    case 64: // @
      return costs.wildcard;
    case 97:
    case 101:
      if (selfIsArabic && !otherIsArabic) return ARABIC_LONG_VOWEL_DROPPED;
      return otherIsArabic && !selfIsArabic ? costs.unwrittenVowel : costs.vowel;
    case 105:
    case 111:
    case 117:
      if (selfIsArabic && !otherIsArabic) return ARABIC_LONG_VOWEL_DROPPED;
      return otherIsArabic && !selfIsArabic ? costs.unwrittenVowel + UNWRITTEN_IU_EXTRA : costs.vowel;
    case 73: // I, U: a long vowel Arabic script would have written
    case 85:
      return otherIsArabic && !selfIsArabic ? LONG_VOWEL_UNWRITTEN : costs.vowel;
    case 121:
    case 119:
      return otherIsArabic && !selfIsArabic ? costs.unwrittenVowel + 0.08 : costs.semivowel;
    case 104:
      return costs.h;
    default:
      return costs.consonant;
  }
}

/** True when two symbols stand for each other cheaply (a merged spelling may start with either). */
export function cheapSubstitution(a: string, b: string): boolean {
  const i = a.charCodeAt(0);
  const j = b.charCodeAt(0);
  return i === j || (i < SIZE && j < SIZE && subCost[i * SIZE + j]! <= 0.3);
}

// Reused rows: forms are short, and the distance runs millions of times in the evaluation.
let prevRow = new Float64Array(64);
let currRow = new Float64Array(64);
let insertB = new Float64Array(64);

/**
 * Weighted edit distance between two spelling forms. `aArabic`/`bArabic` say whether a
 * form was romanised from Arabic script, which makes missing short vowels almost free.
 */
export function formDistance(
  a: string,
  b: string,
  aArabic = false,
  bArabic = false,
  costs: EditCosts = DEFAULT_EDIT_COSTS,
  maxCost = Number.POSITIVE_INFINITY,
): number {
  const n = a.length;
  const m = b.length;
  if (m + 1 > prevRow.length) {
    prevRow = new Float64Array(m + 1);
    currRow = new Float64Array(m + 1);
    insertB = new Float64Array(m + 1);
  }
  // The insertion cost of each symbol of b, once, outside the O(n·m) loop.
  prevRow[0] = 0;
  for (let j = 1; j <= m; j++) {
    insertB[j] = indelCost(b.charCodeAt(j - 1), aArabic, bArabic, costs);
    prevRow[j] = prevRow[j - 1]! + insertB[j]!;
  }
  const table = aArabic !== bArabic ? crossSubCost : subCost;
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    const delA = indelCost(ca, bArabic, aArabic, costs);
    currRow[0] = prevRow[0]! + delA;
    let rowMin = currRow[0]!;
    const rowBase = (ca < SIZE ? ca : 0) * SIZE;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const sub = ca === cb ? 0 : cb < SIZE && ca < SIZE ? table[rowBase + cb]! : 1;
      let best = prevRow[j - 1]! + sub;
      const del = prevRow[j]! + delA;
      if (del < best) best = del;
      const ins = currRow[j - 1]! + insertB[j]!;
      if (ins < best) best = ins;
      currRow[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Costs only grow down the table: once a whole row is dearer than the caller cares about,
    // so is the answer (most pairs of parts in bulk scoring are different names).
    if (rowMin > maxCost) return rowMin;
    const t = prevRow;
    prevRow = currRow;
    currRow = t;
  }
  return prevRow[m]!;
}

function formMass(form: string, arabic: boolean): number {
  let mass = 0;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    const vowel =
      c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 64 || c === 73 || c === 85;
    mass += vowel ? (arabic ? 0.8 : 0.6) : 1;
  }
  return mass;
}

// Bulk scoring meets the same pairs of name parts again and again (a list has a few thousand
// distinct parts, not millions): the similarity of a pair of forms is remembered, for the
// default costs only. Forms are numbered once; a pair of numbers and the script flags index a
// direct-mapped table of typed arrays (4 MiB, fixed). A collision only overwrites: no
// allocation per lookup and none per miss, which a map of maps paid in bulk scoring.
const FORM_ID_LIMIT = 1 << 20;
const TABLE_BITS = 18;
const formIds = new Map<string, number>();
const tableA = new Int32Array(1 << TABLE_BITS).fill(-1);
const tableB = new Int32Array(1 << TABLE_BITS);
const tableValue = new Float64Array(1 << TABLE_BITS);

function formId(form: string): number {
  let id = formIds.get(form);
  if (id === undefined) {
    if (formIds.size >= FORM_ID_LIMIT) {
      formIds.clear();
      tableA.fill(-1);
    }
    id = formIds.size;
    formIds.set(form, id);
  }
  return id;
}

function cachedSimilarity(
  a: string,
  b: string,
  aArabic: boolean,
  bArabic: boolean,
  sharedMass: number,
): number {
  const ia = formId(a);
  const kb = formId(b) * 8 + ((aArabic ? 1 : 0) | (bArabic ? 2 : 0) | (sharedMass === 1 ? 4 : 0));
  const slot = (Math.imul(ia, 0x9e3779b1) ^ Math.imul(kb, 0x85ebca6b)) >>> (32 - TABLE_BITS);
  if (tableA[slot] === ia && tableB[slot] === kb) return tableValue[slot]!;
  const s = computeSimilarity(a, b, aArabic, bArabic, DEFAULT_EDIT_COSTS, sharedMass, SIMILARITY_CUTOFF);
  tableA[slot] = ia;
  tableB[slot] = kb;
  tableValue[slot] = s;
  return s;
}

/**
 * Similarity of two spelling forms in [0, 1]: one minus the edit cost relative to the
 * larger form, where vowels weigh less than consonants. `sharedMass` adds the mass of a part
 * both forms share and that was cut off before the comparison (the abd of abd-compounds).
 */
export function formSimilarity(
  a: string,
  b: string,
  aArabic = false,
  bArabic = false,
  costs: EditCosts = DEFAULT_EDIT_COSTS,
  sharedMass = 0,
): number {
  if (a === b) return a.length > 0 || sharedMass > 0 ? 1 : 0;
  if (a.length === 0 || b.length === 0) return 0;
  return computeSimilarity(a, b, aArabic, bArabic, costs, sharedMass, Number.NEGATIVE_INFINITY);
}

/** Below this, `partSimilarity` reports 0: no rule of the name score looks at such pairs. */
export const SIMILARITY_CUTOFF = 0.5;

/**
 * `formSimilarity` with the default costs as the name score uses it: remembered per pair of
 * forms, and 0 for pairs below SIMILARITY_CUTOFF (whose edit distance is abandoned early).
 * `sharedMass` is 0 or 1.
 */
export function partSimilarity(
  a: string,
  b: string,
  aArabic: boolean,
  bArabic: boolean,
  sharedMass = 0,
): number {
  if (a === b) return a.length > 0 || sharedMass > 0 ? 1 : 0;
  if (a.length === 0 || b.length === 0) return 0;
  // Always computed with the two forms in a fixed order: the distance is symmetric, and so the
  // result is bit-identical whichever name came first.
  return a > b
    ? cachedSimilarity(b, a, bArabic, aArabic, sharedMass)
    : cachedSimilarity(a, b, aArabic, bArabic, sharedMass);
}

function computeSimilarity(
  a: string,
  b: string,
  aArabic: boolean,
  bArabic: boolean,
  costs: EditCosts,
  sharedMass: number,
  cutoff: number,
): number {
  const norm = Math.max(formMass(a, aArabic), formMass(b, bArabic), 2) + sharedMass;
  const maxCost = (1 - cutoff) * norm;
  const cost = formDistance(a, b, aArabic, bArabic, costs, maxCost);
  if (cost > maxCost) return 0;
  const s = 1 - cost / norm;
  return s < 0 ? 0 : s;
}
