// compareNames: are these two names (any script) the same person's name? A score in [0, 1]
// with the alignment that produced it.

import { unsupportedScripts } from './normalize.js';
import type { NameInput, NameToken, ParsedName } from './parse-name.js';
import { MAX_NAME_WORDS, parseName } from './parse-name.js';
import { cheapSubstitution, partSimilarity } from './token-distance.js';

/** How two aligned parts matched. */
export type AlignmentKind =
  | 'identical'
  | 'same spelling'
  | 'spelling variant'
  | 'cross-script'
  | 'initial'
  | 'merged'
  | 'honorific'
  /** Aligned only weakly (Omar ~ Ayman): counted against the score as two different names. */
  | 'conflict';

/** One aligned pair of parts. */
export interface NameAlignment {
  /** Part(s) of the first name, as written. */
  readonly a: string;
  /** Part(s) of the second name, as written. */
  readonly b: string;
  /** Similarity of the parts in [0, 1]. */
  readonly similarity: number;
  readonly kind: AlignmentKind;
}

/** Result of `compareNames`. */
export interface CompareNamesResult {
  /** Similarity of the two names in [0, 1]; 1 means the same name. */
  readonly score: number;
  /** Aligned parts, strongest first. */
  readonly alignments: readonly NameAlignment[];
  /** Parts of the first name left unaligned (missing parts are tolerated, at a price). */
  readonly unmatchedA: readonly string[];
  /** Parts of the second name left unaligned. */
  readonly unmatchedB: readonly string[];
  /** Normalisation rules applied to either name (honorifics, compounds, articles). */
  readonly notes: readonly string[];
  /**
   * Why the score may not mean what it seems: scripts with no Latin reading (Devanagari,
   * Chinese…), or a text longer than MAX_NAME_WORDS read in part. Absent when there is none.
   */
  readonly warnings?: readonly string[];
}

/** Tunable parameters of the name score. */
export interface CompareOptions {
  /** Token pairs below this similarity are not aligned. */
  minTokenSimilarity: number;
  /** Similarity at which an aligned pair starts to count. */
  similarityFloor: number;
  /** Weight of coverage of the shorter name versus the whole of both names. */
  coverageShare: number;
  /** A shorter name lighter than this is judged as if it had this weight (one-word names). */
  minDenominator: number;
  /**
   * Penalty per unit of conflicting weight: parts both names keep and the other lacks
   * (Ibrahim Sabawi … / Sa'd Sabawi …), or parts aligned only weakly (Omar ~ Ayman). A missing
   * part is an omission; two different parts in one name are two different people. Not scaled
   * by the length of the names: brothers with five-part names differ in one part.
   */
  conflictPenalty: number;
  /** Aligned pairs below this similarity also count towards the conflict. */
  clearVariantSimilarity: number;
}

/** Parameters tuned on the training split (see docs/NAMES.md). */
export const DEFAULT_COMPARE_OPTIONS: CompareOptions = {
  minTokenSimilarity: 0.55,
  similarityFloor: 0.45,
  coverageShare: 0.75,
  minDenominator: 2,
  conflictPenalty: 0.4,
  clearVariantSimilarity: 0.8,
};

const ALTERNATE_PENALTY = 0.03;
/** Share of a whole word's weight still open to conflict when only an initial confirms it. */
const INITIAL_UNCONFIRMED = 0.7;
const STRONG_SIMILARITY = 0.85;

/** Similarity of two name tokens in [0, 1] (best over their alternate forms). */
export function compareTokens(a: NameToken, b: NameToken): number {
  if (a.kind === 'honorific' || b.kind === 'honorific') {
    return a.kind === b.kind ? partSimilarity(a.forms[0]!, b.forms[0]!, a.arabic, b.arabic) : 0;
  }
  if (a.kind === 'initial' || b.kind === 'initial') {
    const ia = a.forms[0]!;
    const ib = b.forms[0]!;
    if (a.kind === 'initial' && b.kind === 'initial') return ia === ib ? 1 : 0;
    const letter = a.kind === 'initial' ? ia : ib;
    const other = a.kind === 'initial' ? b : a;
    return other.text.startsWith(letter) || other.forms[0]!.startsWith(letter) ? 0.9 : 0;
  }
  if (a.kind === b.kind && a.kind !== 'name') return compoundSimilarity(a, b);
  let best = partialSimilarity(a, b);
  if (!a.arabic && !b.arabic && swappedConsonants(a.text, b.text)) best = TRANSPOSED_SIMILARITY;
  for (let i = 0; i < a.forms.length; i++) {
    for (let j = 0; j < b.forms.length; j++) {
      let s = partSimilarity(a.forms[i]!, b.forms[j]!, a.arabic, b.arabic);
      if (i > 0 || j > 0) s -= ALTERNATE_PENALTY;
      if (s > best) best = s;
    }
  }
  if (a.arabic !== b.arabic) {
    const latin = a.arabic ? b : a;
    const arabic = a.arabic ? a : b;
    if (latin.spoken !== undefined) {
      for (let i = 0; i < arabic.forms.length; i++) {
        const s = partSimilarity(latin.spoken, arabic.forms[i]!, false, true) - ALTERNATE_PENALTY;
        if (s > best) best = s;
      }
    }
  }
  if ((a.spoken !== undefined || b.spoken !== undefined) && !a.arabic && !b.arabic) {
    const s =
      partSimilarity(a.spoken ?? a.forms[0]!, b.spoken ?? b.forms[0]!, false, false) - ALTERNATE_PENALTY;
    if (s > best) best = s;
  }
  if ((a.somali !== undefined || b.somali !== undefined) && !a.arabic && !b.arabic) {
    const s =
      partSimilarity(a.somali ?? a.forms[0]!, b.somali ?? b.forms[0]!, false, false) - ALTERNATE_PENALTY;
    if (s > best) best = s;
  }
  return best;
}

/** Two adjacent consonants written in the other order (Rashid / Rahsid): a typing slip. */
const TRANSPOSED_SIMILARITY = 0.9;
const CONSONANT = /^[b-df-hj-np-tv-z]$/;

function swappedConsonants(x: string, y: string): boolean {
  if (x.length !== y.length || x.length < 4 || x === y) return false;
  let i = 0;
  while (x[i] === y[i]) i++;
  return (
    i + 1 < x.length &&
    x[i] === y[i + 1] &&
    x[i + 1] === y[i] &&
    CONSONANT.test(x[i]!) &&
    CONSONANT.test(x[i + 1]!) &&
    x.slice(i + 2) === y.slice(i + 2)
  );
}

// Two abd-compounds (or two kunyas) share their particle by construction: Abd al-Rahman and
// Abd al-Rahim are two names, and only the divine name after "abd" tells them apart.
function compoundSimilarity(a: NameToken, b: NameToken): number {
  const fa = a.forms[0]!;
  const fb = b.forms[0]!;
  if (fa === fb) return 1;
  const prefix = COMPOUND_PREFIXES.find((p) => fa.startsWith(p) && fb.startsWith(p));
  if (prefix === undefined) return partSimilarity(fa, fb, a.arabic, b.arabic);
  const n = prefix.length;
  // The shared particle counts as one unit of mass, so a short divine name does not make a
  // spelling difference look larger than in the name written as one word.
  return partSimilarity(fa.slice(n), fb.slice(n), a.arabic, b.arabic, 1);
}

// The spelling forms parse-name gives abd-compounds and kunyas (see SUFFIX_FORMS, abdCompound).
const COMPOUND_PREFIXES = ['abdul', 'abu', 'um', 'ait'];

const PREFIX_SIMILARITY = 0.8;
const ABD_HALF_SIMILARITY = 0.88;
const ABD_HALF_PENALTY = 0.05;
const PARTIAL_PENALTY = 0.1;
const THEOPHORIC_END = /^(.{3,}?)(?:[aeu]din|ula)$/;

const stemCache = new Map<string, string>();

/** The name before a glued -uddin/-ullah ('' when there is none), remembered per form. */
function theophoricStem(form: string): string {
  // Most forms end otherwise: two string tests spare the cache lookup.
  if (!form.endsWith('din') && !form.endsWith('ula')) return '';
  let stem = stemCache.get(form);
  if (stem === undefined) {
    stem = THEOPHORIC_END.exec(form)?.[1] ?? '';
    if (stemCache.size >= 100_000) stemCache.clear();
    stemCache.set(form, stem);
  }
  return stem;
}

// A name cut short (Parlin for Parlindungan, Siraj for Sirajuddin; four letters at least), an
// abd-compound without its "abd" (Abdul Rashid / Rashid), a theophoric name without its
// -uddin or -ullah (Nasiruddin / Nasir): how lists and forms with short fields write long
// names. Weaker evidence than a respelling, capped at PREFIX_SIMILARITY.
function partialSimilarity(a: NameToken, b: NameToken): number {
  const x = a.forms[0]!;
  const y = b.forms[0]!;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (!a.arabic && !b.arabic && short.length >= 4 && short.length < long.length && long.startsWith(short))
    return PREFIX_SIMILARITY;
  let best = 0;
  if (a.kind !== b.kind && (a.kind === 'compound' || b.kind === 'compound')) {
    const [c, other] = a.kind === 'compound' ? [a, b] : [b, a];
    const rest = c.forms[0]!.slice(5);
    // The divine name standing for the whole compound (Rahman for Abdurrahman) is how the
    // compound is shortened in speech and on forms: nearly as strong as a respelling.
    if (other.kind === 'name' && rest.length >= 3)
      return Math.min(
        ABD_HALF_SIMILARITY,
        partSimilarity(rest, other.forms[0]!, c.arabic, other.arabic) - ABD_HALF_PENALTY,
      );
  }
  const sx = a.kind === 'name' ? theophoricStem(x) : '';
  const sy = b.kind === 'name' ? theophoricStem(y) : '';
  if ((sx === '') !== (sy === '') && a.kind === 'name' && b.kind === 'name') {
    const s =
      sx !== '' ? partSimilarity(sx, y, a.arabic, b.arabic) : partSimilarity(x, sy, a.arabic, b.arabic);
    if (s - PARTIAL_PENALTY > best) best = s - PARTIAL_PENALTY;
  }
  return Math.min(best, PREFIX_SIMILARITY);
}

interface Edge {
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly similarity: number;
  /** 1 when one side is an initial: such edges are chosen after every whole-word edge. */
  readonly initial?: number;
}

function mergeable(t: NameToken): boolean {
  return t.kind === 'name' || t.kind === 'compound';
}

function mergedSimilarity(pair: readonly [NameToken, NameToken], single: NameToken): number {
  const [x, y] = pair;
  // Glued, the parts' meeting letters are one spelling (Mirza + Abdollahi = Mirzabdollahi).
  const joined = (x.forms[0]! + y.forms[0]!).replace(/(.)\1+/g, '$1');
  const arabic = x.arabic && y.arabic;
  // As in compoundSimilarity: two abd-compounds are told apart by what follows "abd" only.
  if (x.kind === 'compound' && single.kind === 'compound')
    return partSimilarity(joined.slice(5), single.forms[0]!.slice(5), arabic, single.arabic, 1);
  return partSimilarity(joined, single.forms[0]!, arabic, single.arabic);
}

const ONSET_VOWELS = 'aeiou@IU';
const MERGED_MIN_SIMILARITY = 0.8;

// A merged spelling starts like its first part, or with a letter that stands for it (Qolam /
// Gholam): a cheap test before the edit distance.
function sameOnset(x: string, y: string): boolean {
  const cx = x[0];
  const cy = y[0];
  if (cx === undefined || cy === undefined) return false;
  return cx === cy || (ONSET_VOWELS.includes(cx) && ONSET_VOWELS.includes(cy)) || cheapSubstitution(cx, cy);
}

function addMergedEdges(
  pairs: readonly NameToken[],
  singles: readonly NameToken[],
  minSim: number,
  edges: Edge[],
  swapped: boolean,
): void {
  for (let i = 0; i < pairs.length; i++) {
    if (!mergeable(pairs[i]!)) continue;
    for (let k = 0; k < pairs.length; k++) {
      if (k === i || !mergeable(pairs[k]!)) continue;
      const joinedLength = pairs[i]!.forms[0]!.length + pairs[k]!.forms[0]!.length;
      for (let j = 0; j < singles.length; j++) {
        const single = singles[j]!;
        if (!mergeable(single) || Math.abs(single.forms[0]!.length - joinedLength) > 3) continue;
        if (!sameOnset(single.forms[0]!, pairs[i]!.forms[0]!)) continue;
        const s = mergedSimilarity([pairs[i]!, pairs[k]!], single);
        // A glued spelling is the same letters: a weak merged alignment is a coincidence
        // (Cho Yong / Song), never evidence.
        if (s < Math.max(minSim, MERGED_MIN_SIMILARITY)) continue;
        edges.push(swapped ? { a: [j], b: [i, k], similarity: s } : { a: [i, k], b: [j], similarity: s });
      }
    }
  }
}

function candidateEdges(ta: readonly NameToken[], tb: readonly NameToken[], minSim: number): Edge[] {
  const edges: Edge[] = [];
  for (let i = 0; i < ta.length; i++) {
    for (let j = 0; j < tb.length; j++) {
      const s = compareTokens(ta[i]!, tb[j]!);
      if (s < minSim) continue;
      const initial = ta[i]!.kind === 'initial' || tb[j]!.kind === 'initial';
      edges.push(initial ? { a: [i], b: [j], similarity: s, initial: 1 } : { a: [i], b: [j], similarity: s });
    }
  }
  // Split/merged spellings: "Bashir Uddin" / "Bashiruddin", "Fazlur Rahman" / "Fazl-ur-Rahman".
  // Any two tokens, in both orders, so the result does not depend on token order. Only
  // needed when some token lacks a strong one-to-one partner, which keeps the common case fast.
  const strongA = new Uint8Array(ta.length);
  const strongB = new Uint8Array(tb.length);
  for (const e of edges) {
    if (e.similarity < STRONG_SIMILARITY) continue;
    strongA[e.a[0]!] = 1;
    strongB[e.b[0]!] = 1;
  }
  if (strongA.includes(0) || strongB.includes(0)) {
    addMergedEdges(ta, tb, minSim, edges, false);
    addMergedEdges(tb, ta, minSim, edges, true);
  }
  return edges;
}

function weightOf(tokens: readonly NameToken[], idx: readonly number[]): number {
  let w = 0;
  for (const i of idx) w += tokens[i]!.weight;
  return w;
}

// Sums in a fixed (sorted) order: floating-point addition is not associative, and the score
// must not depend on the order the tokens came in.
function sumSorted(values: number[]): number {
  values.sort((x, y) => x - y);
  let w = 0;
  for (const v of values) w += v;
  return w;
}

function unmatchedWeight(tokens: readonly NameToken[], used: Uint8Array): number {
  const values: number[] = [];
  for (let i = 0; i < tokens.length; i++)
    if (!used[i] && tokens[i]!.kind !== 'honorific') values.push(tokens[i]!.weight);
  return sumSorted(values);
}

function totalWeight(tokens: readonly NameToken[]): number {
  return sumSorted(tokens.map((t) => t.weight));
}

function compareStrings(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

// Ties between equally good edges are broken by content, never by position or by which name
// came first, so the alignment depends neither on token order nor on argument order.
function edgeLabel(ta: readonly NameToken[], tb: readonly NameToken[], e: Edge): string {
  const x = e.a.map((i) => ta[i]!.forms[0]).join('+');
  const y = e.b.map((j) => tb[j]!.forms[0]).join('+');
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}

function alignmentKind(
  ta: readonly NameToken[],
  tb: readonly NameToken[],
  e: Edge,
  options: CompareOptions,
): AlignmentKind {
  if (e.a.length > 1 || e.b.length > 1) return 'merged';
  const x = ta[e.a[0]!]!;
  const y = tb[e.b[0]!]!;
  if (x.kind === 'honorific') return 'honorific';
  if (x.kind === 'initial' || y.kind === 'initial') return 'initial';
  if (e.similarity < options.clearVariantSimilarity) return 'conflict';
  if (x.arabic !== y.arabic) return 'cross-script';
  if (x.text === y.text) return 'identical';
  if (x.forms[0] === y.forms[0]) return 'same spelling';
  return 'spelling variant';
}

/**
 * Scores two parsed names. Tokens are aligned greedily by similarity (one-to-one, or two
 * adjacent tokens against one), ignoring order; the score mixes how much of the shorter
 * name is covered with how much of both names is.
 */
export function compareParsedNames(
  a: ParsedName,
  b: ParsedName,
  options: CompareOptions = DEFAULT_COMPARE_OPTIONS,
): CompareNamesResult {
  const { chosen, score } = alignNames(a, b, options);
  const ta = a.tokens;
  const tb = b.tokens;
  const usedA = new Uint8Array(ta.length);
  const usedB = new Uint8Array(tb.length);
  for (const e of chosen) {
    for (const i of e.a) usedA[i] = 1;
    for (const j of e.b) usedB[j] = 1;
  }
  const notes = new Set<string>();
  for (const t of [...ta, ...tb]) for (const r of t.rules) notes.add(`${t.text}: ${r}`);
  return {
    score,
    alignments: chosen.map((e) => ({
      a: e.a.map((i) => ta[i]!.text).join(' '),
      b: e.b.map((j) => tb[j]!.text).join(' '),
      similarity: Math.round(e.similarity * 1000) / 1000,
      kind: alignmentKind(ta, tb, e, options),
    })),
    unmatchedA: ta.filter((_, i) => !usedA[i]).map((t) => t.text),
    unmatchedB: tb.filter((_, j) => !usedB[j]).map((t) => t.text),
    notes: [...notes],
  };
}

/** The score of `compareParsedNames` alone, without building the explanation (bulk scoring). */
export function scoreParsedNames(
  a: ParsedName,
  b: ParsedName,
  options: CompareOptions = DEFAULT_COMPARE_OPTIONS,
): number {
  return alignNames(a, b, options).score;
}

function alignNames(
  a: ParsedName,
  b: ParsedName,
  options: CompareOptions,
): { chosen: Edge[]; score: number } {
  const ta = a.tokens;
  const tb = b.tokens;
  const edges = candidateEdges(ta, tb, options.minTokenSimilarity);
  // Strongest evidence first; heavier parts break ties.
  // Whole words are aligned before initials: an initial confirms what is left, it never takes
  // a word from a full name that matches it (A. Rahman: Rahman takes Abdurrahman, not "A").
  edges.sort(
    (x, y) =>
      (x.initial ?? 0) - (y.initial ?? 0) ||
      y.similarity - x.similarity ||
      weightOf(ta, y.a) + weightOf(tb, y.b) - (weightOf(ta, x.a) + weightOf(tb, x.b)) ||
      compareStrings(edgeLabel(ta, tb, x), edgeLabel(ta, tb, y)),
  );
  const usedA = new Uint8Array(ta.length);
  const usedB = new Uint8Array(tb.length);
  const chosen: Edge[] = [];
  for (const e of edges) {
    if (e.a.some((i) => usedA[i]) || e.b.some((j) => usedB[j])) continue;
    for (const i of e.a) usedA[i] = 1;
    for (const j of e.b) usedB[j] = 1;
    chosen.push(e);
  }
  const floor = options.similarityFloor;
  // A weakly aligned pair (Omar ~ Ayman, Ahmed ~ Mahmoud) is more likely two different names
  // in the same slot than one name respelt: it counts towards the conflict, in proportion to
  // how far it falls below a clear spelling variant.
  const weakValues: number[] = [];
  const span = options.clearVariantSimilarity - options.minTokenSimilarity;
  for (const e of chosen) {
    if (e.similarity >= options.clearVariantSimilarity) continue;
    const x = ta[e.a[0]!]!;
    const y = tb[e.b[0]!]!;
    if (x.kind === 'initial' || y.kind === 'initial' || x.kind === 'honorific') continue;
    const weight = Math.min(weightOf(ta, e.a), weightOf(tb, e.b));
    weakValues.push(((options.clearVariantSimilarity - e.similarity) / span) * weight);
  }
  const weakConflict = sumSorted(weakValues);
  // A glued word aligned with two parts (Gholamhossein / Gholam Hossein) carries the weight of
  // both: the one-word spelling is not a shorter name.
  let gluedA = 0;
  let gluedB = 0;
  // A whole word aligned only with an initial is confirmed, not matched: against a part the
  // other name keeps unmatched it still counts as a conflict (Nabil K. Saleh / Khoury, Nabil).
  let initialA = 0;
  let initialB = 0;
  const matchedValues: number[] = [];
  for (const e of chosen) {
    const wA = weightOf(ta, e.a);
    const wB = weightOf(tb, e.b);
    if (e.a.length === 1 && e.b.length > 1) gluedA += Math.max(0, wB - wA);
    if (e.b.length === 1 && e.a.length > 1) gluedB += Math.max(0, wA - wB);
    const merged = e.a.length > 1 || e.b.length > 1;
    const value = Math.max(0, (e.similarity - floor) / (1 - floor));
    matchedValues.push(merged ? value * Math.max(wA, wB) : (value * (wA + wB)) / 2);
    if (merged) continue;
    const x = ta[e.a[0]!]!;
    const y = tb[e.b[0]!]!;
    // At most one or two per name: plain sums (order cannot change them measurably; rounded below).
    if (x.kind === 'initial' && y.kind !== 'initial') initialB += y.weight * INITIAL_UNCONFIRMED;
    if (y.kind === 'initial' && x.kind !== 'initial') initialA += x.weight * INITIAL_UNCONFIRMED;
  }
  const matched = sumSorted(matchedValues);
  const wa = totalWeight(ta) + gluedA;
  const wb = totalWeight(tb) + gluedB;
  let score = 0;
  if (wa > 0 && wb > 0) {
    const small = Math.min(wa, wb);
    const large = Math.max(wa, wb);
    const coverage = Math.min(1, matched / Math.max(small, Math.min(large, options.minDenominator)));
    const whole = Math.min(1, matched / ((wa + wb) / 2));
    score = options.coverageShare * coverage + (1 - options.coverageShare) * whole;
    const conflict =
      Math.min(unmatchedWeight(ta, usedA) + initialA, unmatchedWeight(tb, usedB) + initialB) + weakConflict;
    score -= options.conflictPenalty * conflict;
  }
  // A text with more words than any name (MAX_NAME_WORDS) was read in part; one with more
  // than twice as many is not a name (a list, junk) and its score is scaled down with its length.
  const words = Math.max(a.words ?? 0, b.words ?? 0);
  if (words > 2 * MAX_NAME_WORDS) score *= (2 * MAX_NAME_WORDS) / words;
  // Rounded far below any meaningful difference, so equal inputs give bit-equal scores.
  return { chosen, score: Math.round(Math.min(1, Math.max(0, score)) * 1e12) / 1e12 };
}

/**
 * Compares two names, each free text or structured, in Latin or Arabic script:
 * `compareNames('Abd al-Latif', 'Abdellatif').score` is close to 1,
 * `compareNames('Muhammad', 'Mahmoud').score` is not.
 */
export function compareNames(
  a: NameInput,
  b: NameInput,
  options: CompareOptions = DEFAULT_COMPARE_OPTIONS,
): CompareNamesResult {
  const pa = parseName(a);
  const pb = parseName(b);
  const result = compareParsedNames(pa, pb, options);
  const warnings: string[] = [];
  const scripts = unsupportedScripts(
    [a, b].map((n) => (typeof n === 'string' ? n : Object.values(n).join(' '))).join(' '),
  );
  if (scripts.length > 0) warnings.push(`unsupported script: ${scripts.join(', ')} (no Latin reading)`);
  for (const [which, p] of [
    ['first', pa],
    ['second', pb],
  ] as const) {
    if (p.words !== undefined)
      warnings.push(`${which} name has ${p.words} words: the first ${MAX_NAME_WORDS} were compared`);
  }
  return warnings.length > 0 ? { ...result, warnings } : result;
}
