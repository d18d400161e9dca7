// Neutrality check in the spirit of Article 3 of the INTERPOL Constitution: flags outgoing
// requests whose text or purpose suggests a political, military, religious or racial character,
// with the rule and the words that triggered it. Explainable rules only (neutrality-rules*.ts),
// over French, English, Arabic and Urdu. Pure: no I/O, no node:* imports; linear in the length of
// the text, so hostile input costs no more than its size.
//
// Predominance test. INTERPOL weighs whether the ordinary-law crime or the protected element
// predominates (a protest that ended in a killing, a deserter who took part in a bombing). Here
// each rule has a weight (2, 3 or 6) and each ordinary-crime family found in the text (violence,
// a listed terrorist group, smuggling, trafficking, document fraud, ...) weighs 2. A category is
// flagged when the weight of its rules found in the text exceeds the weight of the crime families.
// Generic labels ("terrorism", "criminal") are not crime cues: a journalist charged with
// "terrorism" for his articles stays flagged.

import { CRIME_CUES, IDENTIFICATION_CONTEXT } from './neutrality-crime-cues.js';
import {
  CRIME_CUE_WEIGHT,
  DISCLAIMER_ADJECTIVES,
  type LanguageTerms,
  NEGATION_BREAKS,
  type NeutralityCategory,
  PERSON_STATUS_WEIGHT,
  type TextPattern,
  TIGHT_NEGATIONS,
  WIDE_NEGATIONS,
} from './neutrality-patterns.js';
import { NEUTRALITY_RULES } from './neutrality-rules.js';
import {
  foldPhrase,
  isStopWord,
  type NeutralityLanguage,
  quoteExcerpt,
  type TextToken,
  tokenizeText,
} from './neutrality-text.js';

export { CRIME_CUES } from './neutrality-crime-cues.js';
export type { CrimeCue, NeutralityCategory, NeutralityRule } from './neutrality-patterns.js';
export { NEUTRALITY_RULES } from './neutrality-rules.js';
export type { NeutralityLanguage } from './neutrality-text.js';

/** One reason to send a request to the DPO: the rule, its category and the words that triggered it. */
export interface NeutralityFlag {
  category: 'political' | 'military' | 'religious' | 'racial';
  /** Rule id from NEUTRALITY_RULES, e.g. `military.desertion`. */
  rule: string;
  /** The original words with a little context, invisible characters removed. */
  excerpt: string;
  /** Language of the words that matched. */
  language: 'fr' | 'en' | 'ar' | 'ur';
}

/** Outcome of the neutrality check: flagged requests need DPO approval before they leave. */
export interface NeutralityResult {
  flagged: boolean;
  flags: NeutralityFlag[];
}

/** The text of an outgoing request or alert. */
export interface NeutralityInput {
  subject: string;
  body: string;
  purpose?: string;
}

/** Weight of one category in the predominance test, with the rules that make it up. */
export interface CategoryWeight {
  readonly weight: number;
  readonly rules: readonly string[];
}

/** The full reasoning behind a result, for the DPO's view and for tests. */
export interface NeutralityAnalysis extends NeutralityResult {
  readonly categories: Readonly<Record<NeutralityCategory, CategoryWeight>>;
  /** Crime families found (CRIME_CUES ids). */
  readonly crimeCues: readonly string[];
  readonly crimeWeight: number;
}

/** At most this many flags are returned; the first ones in reading order. */
export const MAX_NEUTRALITY_FLAGS = 16;

const CATEGORIES: readonly NeutralityCategory[] = ['political', 'military', 'religious', 'racial'];
const LANGUAGES: readonly NeutralityLanguage[] = ['fr', 'en', 'ar', 'ur'];
const WIDE_NEGATION_REACH = 2;
/** Highest weight a rule found only through a pair of nearby words may carry. */
const PAIR_WEIGHT = 2;

// ---- compiled patterns ----------------------------------------------------------------------

interface WordMatcher {
  readonly form: string;
  readonly prefix: boolean;
}

type TermRole = 'direct' | 'anchor' | 'companion';

interface CompiledTerm {
  readonly pattern: number;
  readonly role: TermRole;
  readonly pair: number;
  readonly words: readonly WordMatcher[];
  readonly notNext: WordMatcher | undefined;
  readonly languages: NeutralityLanguage[];
}

interface PatternIndex {
  readonly patterns: readonly TextPattern[];
  readonly exact: ReadonlyMap<string, readonly CompiledTerm[]>;
  readonly prefix: ReadonlyMap<string, readonly CompiledTerm[]>;
  readonly prefixLengths: readonly number[];
}

function compileWord(raw: string): WordMatcher[] {
  const prefix = raw.endsWith('*');
  const forms = foldPhrase(prefix ? raw.slice(0, -1) : raw).filter((f) => !isStopWord(f));
  return forms.map((form, i) => ({ form, prefix: prefix && i === forms.length - 1 }));
}

function compileWords(text: string): { words: WordMatcher[]; notNext: WordMatcher | undefined } {
  const words: WordMatcher[] = [];
  let notNext: WordMatcher | undefined;
  for (const raw of text.split(/\s+/)) {
    if (raw === '') continue;
    if (raw.startsWith('!')) {
      notNext = compileWord(raw.slice(1))[0];
      continue;
    }
    words.push(...compileWord(raw));
  }
  if (words.length === 0) throw new Error(`neutrality rule term has no content word: "${text}"`);
  return { words, notNext };
}

function buildIndex(patterns: readonly TextPattern[]): PatternIndex {
  const byKey = new Map<string, CompiledTerm>();
  const add = (pattern: number, role: TermRole, pair: number, terms: LanguageTerms): void => {
    for (const language of LANGUAGES) {
      for (const text of terms[language] ?? []) {
        const { words, notNext } = compileWords(text);
        const key = `${pattern}|${role}|${pair}|${notNext?.form ?? ''}${notNext?.prefix ? '*' : ''}|${words.map((w) => w.form + (w.prefix ? '*' : '')).join(' ')}`;
        const existing = byKey.get(key);
        if (existing === undefined)
          byKey.set(key, { pattern, role, pair, words, notNext, languages: [language] });
        else if (!existing.languages.includes(language)) existing.languages.push(language);
      }
    }
  };
  patterns.forEach((p, i) => {
    add(i, 'direct', -1, p.terms);
    p.pairs?.forEach((pair, j) => {
      add(i, 'anchor', j, pair.anchors);
      add(i, 'companion', j, pair.companions);
    });
  });
  const exact = new Map<string, CompiledTerm[]>();
  const prefix = new Map<string, CompiledTerm[]>();
  const lengths = new Set<number>();
  for (const term of byKey.values()) {
    const first = term.words[0]!;
    const map = first.prefix ? prefix : exact;
    if (first.prefix) lengths.add(first.form.length);
    const list = map.get(first.form);
    if (list === undefined) map.set(first.form, [term]);
    else list.push(term);
  }
  return { patterns, exact, prefix, prefixLengths: [...lengths].sort((a, b) => a - b) };
}

const RULE_INDEX = buildIndex(NEUTRALITY_RULES);
const CRIME_INDEX = buildIndex(CRIME_CUES);
const IDENTIFICATION_INDEX = buildIndex([IDENTIFICATION_CONTEXT]);
const DISCLAIMER_INDEX = buildIndex(
  CATEGORIES.map((category) => ({ id: category, description: '', terms: DISCLAIMER_ADJECTIVES[category] })),
);
const foldSet = (words: readonly string[]): ReadonlySet<string> =>
  new Set(words.flatMap((w) => foldPhrase(w)));
const WIDE = foldSet(WIDE_NEGATIONS);
const TIGHT = foldSet(TIGHT_NEGATIONS);
const BREAKS = foldSet(NEGATION_BREAKS);

// ---- matching -------------------------------------------------------------------------------

interface TermMatch {
  readonly term: CompiledTerm;
  readonly first: number;
  readonly last: number;
}

function wordMatches(word: WordMatcher, token: TextToken): boolean {
  for (const v of token.variants) {
    if (word.prefix ? v.startsWith(word.form) : v === word.form) return true;
  }
  return false;
}

function termMatchesAt(term: CompiledTerm, tokens: readonly TextToken[], i: number): number {
  const clause = tokens[i]!.clause;
  for (let k = 1; k < term.words.length; k++) {
    const token = tokens[i + k];
    if (token === undefined || token.clause !== clause || !wordMatches(term.words[k]!, token)) return -1;
  }
  const last = i + term.words.length - 1;
  if (term.notNext !== undefined) {
    const next = tokens[last + 1];
    if (next !== undefined && next.clause === clause && wordMatches(term.notNext, next)) {
      return -1;
    }
  }
  return last;
}

/** Every term of the index that starts at token i. */
function matchesAt(index: PatternIndex, tokens: readonly TextToken[], i: number): TermMatch[] {
  const token = tokens[i]!;
  const language = token.arabicScript ? token.arabicLanguage : undefined;
  const seen = new Set<CompiledTerm>();
  const out: TermMatch[] = [];
  const consider = (terms: readonly CompiledTerm[] | undefined): void => {
    if (terms === undefined) return;
    for (const term of terms) {
      if (seen.has(term)) continue;
      seen.add(term);
      // Arabic and Urdu share a script and, once folded, some spellings: Urdu حملہ "attack" is
      // Arabic حملة "campaign", Urdu بھائی "brother" is Arabic بهائي "Baha'i". A term counts only
      // in a sentence of its own language when the letters tell which one it is.
      if (language !== undefined && !term.languages.includes(language)) continue;
      const last = termMatchesAt(term, tokens, i);
      if (last >= 0) out.push({ term, first: i, last });
    }
  };
  for (const v of token.variants) {
    consider(index.exact.get(v));
    for (const length of index.prefixLengths) {
      if (length > v.length) break;
      consider(index.prefix.get(v.slice(0, length)));
    }
  }
  return out;
}

function isNegated(tokens: readonly TextToken[], i: number): boolean {
  const clause = tokens[i]!.clause;
  const before = tokens[i - 1];
  if (before !== undefined && before.clause === clause && TIGHT.has(before.form)) return true;
  for (let k = 1; k <= WIDE_NEGATION_REACH; k++) {
    const t = tokens[i - k];
    if (t === undefined || t.clause !== clause || BREAKS.has(t.form)) return false;
    if (WIDE.has(t.form)) return true;
  }
  return false;
}

/** Clauses that are an Article 3 statement: a negation and at least two of the four adjectives. */
function disclaimerClauses(tokens: readonly TextToken[]): Set<number> {
  const categories = new Map<number, Set<number>>();
  const negated = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (WIDE.has(t.form) || TIGHT.has(t.form)) negated.add(t.clause);
    for (const m of matchesAt(DISCLAIMER_INDEX, tokens, i)) {
      const set = categories.get(t.clause) ?? new Set<number>();
      set.add(m.term.pattern);
      categories.set(t.clause, set);
    }
  }
  const out = new Set<number>();
  for (const [clause, set] of categories) if (set.size >= 2 && negated.has(clause)) out.add(clause);
  return out;
}

interface FieldText {
  readonly text: string;
  readonly tokens: readonly TextToken[];
  readonly disclaimers: ReadonlySet<number>;
}

interface PatternHit {
  readonly pattern: number;
  readonly language: NeutralityLanguage;
  readonly field: number;
  readonly start: number;
  readonly end: number;
  /** Found by a pair of nearby terms rather than by a fixed phrase. */
  readonly paired: boolean;
}

interface Place {
  readonly pos: number;
  readonly start: number;
  readonly end: number;
  readonly languages: readonly NeutralityLanguage[];
}

/**
 * Finds the patterns of an index in the fields, in reading order, one hit per pattern and
 * language. Terms in a negated position or in an Article 3 statement do not count. Pairs are
 * matched as a stream (last anchor and last companion per pair), so memory stays constant.
 */
function findPatterns(
  index: PatternIndex,
  fields: readonly FieldText[],
  pickLanguage: (languages: readonly NeutralityLanguage[], token: TextToken) => NeutralityLanguage,
): PatternHit[] {
  const hits: PatternHit[] = [];
  const seen = new Set<string>();
  const record = (hit: PatternHit): void => {
    // One hit per rule and language; the same words matched by a twin term of another
    // language ("deserter" is English and French) count once.
    const key = `${hit.pattern}|${hit.language}`;
    const place = `${hit.pattern}@${hit.field}:${hit.start}-${hit.end}`;
    const fresh = !seen.has(key) && !seen.has(place);
    seen.add(place);
    if (!fresh) return;
    seen.add(key);
    hits.push(hit);
  };
  fields.forEach((field, f) => {
    const { tokens } = field;
    const lastPlace = new Map<string, Place>();
    for (let i = 0; i < tokens.length; i++) {
      const matches = matchesAt(index, tokens, i);
      if (matches.length === 0) continue;
      if (field.disclaimers.has(tokens[i]!.clause) || isNegated(tokens, i)) continue;
      const token = tokens[i]!;
      const preferred = pickLanguage(LANGUAGES, token);
      matches.sort(
        (a, b) =>
          Number(!a.term.languages.includes(preferred)) - Number(!b.term.languages.includes(preferred)),
      );
      for (const { term, first, last } of matches) {
        const start = tokens[first]!.start;
        const end = tokens[last]!.end;
        if (term.role === 'direct') {
          record({
            pattern: term.pattern,
            language: pickLanguage(term.languages, token),
            field: f,
            start,
            end,
            paired: false,
          });
          continue;
        }
        const pair = index.patterns[term.pattern]!.pairs![term.pair]!;
        const here: Place = { pos: i, start, end, languages: term.languages };
        const own = `${term.pattern}|${term.pair}|${term.role}`;
        const other = `${term.pattern}|${term.pair}|${term.role === 'anchor' ? 'companion' : 'anchor'}`;
        lastPlace.set(own, here);
        const partner = lastPlace.get(other);
        if (partner !== undefined && i - partner.pos <= pair.window && partner.pos !== i) {
          const anchor = term.role === 'anchor' ? here : partner;
          record({
            pattern: term.pattern,
            language: pickLanguage(anchor.languages, token),
            field: f,
            start: Math.min(partner.start, start),
            end: Math.max(partner.end, end),
            paired: true,
          });
        }
      }
    }
  });
  return hits;
}

/**
 * Weight of each category: every rule found counts once, at its weight, or at PAIR_WEIGHT at
 * most when only a pair of nearby words found it (co-occurrence is weaker evidence than a fixed
 * phrase). Two rules of one category found on overlapping words count once, at the higher weight,
 * so that "compulsory military service" does not count as both service and its refusal. When a
 * crime cue is found, the person-status rules of a category count together for
 * PERSON_STATUS_WEIGHT at most (they usually describe the people the crime harms or moves); in a
 * victim identification request they count for nothing (they describe the victim).
 */
function weighCategories(
  hits: readonly PatternHit[],
  context: StatusContext,
): Record<NeutralityCategory, CategoryWeight> {
  const weighed = hits
    .map((hit) => {
      const rule = NEUTRALITY_RULES[hit.pattern]!;
      return { hit, rule, weight: hit.paired ? Math.min(rule.weight, PAIR_WEIGHT) : rule.weight };
    })
    .sort((a, b) => b.weight - a.weight);
  const out = {} as Record<NeutralityCategory, CategoryWeight>;
  for (const category of CATEGORIES) {
    const counted: PatternHit[] = [];
    const rules: string[] = [];
    let weight = 0;
    let statusWeight = 0;
    for (const { hit, rule, weight: w } of weighed) {
      if (rule.category !== category || rules.includes(rule.id)) continue;
      const overlaps = counted.some((c) => c.field === hit.field && c.start < hit.end && hit.start < c.end);
      if (overlaps) continue;
      counted.push(hit);
      rules.push(rule.id);
      if (rule.personStatus && context !== 'none') statusWeight += w;
      else weight += w;
    }
    const status = context === 'identification' ? 0 : Math.min(statusWeight, PERSON_STATUS_WEIGHT);
    out[category] = { weight: weight + status, rules };
  }
  return out;
}

/** What person-status words most likely describe: the person sought, the people a crime harms or moves, or a victim to identify. */
type StatusContext = 'none' | 'crime' | 'identification';

// ---- the check ------------------------------------------------------------------------------

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Runs the neutrality check and returns its full reasoning: the weight of each category, the
 * crime families that weigh against it, and the flags of the categories that outweigh them.
 */
export function analyzeNeutrality(input: NeutralityInput): NeutralityAnalysis {
  const texts = [asText(input.subject), asText(input.body), asText(input.purpose)];
  let fr = 0;
  let en = 0;
  let ar = 0;
  let ur = 0;
  const fields: FieldText[] = texts.map((text) => {
    const tokenized = tokenizeText(text);
    fr += tokenized.latinVotes.fr;
    en += tokenized.latinVotes.en;
    ar += tokenized.arabicVotes.ar;
    ur += tokenized.arabicVotes.ur;
    return { text, tokens: tokenized.tokens, disclaimers: disclaimerClauses(tokenized.tokens) };
  });
  // A word spelt alike in two languages of one script ("opposition", "سیاسی") is attributed to
  // the language the request is written in.
  const latin: NeutralityLanguage = fr > en ? 'fr' : 'en';
  const arabic: NeutralityLanguage = ur > ar ? 'ur' : 'ar';
  const pickLanguage = (languages: readonly NeutralityLanguage[], token: TextToken): NeutralityLanguage => {
    const preferred = token.arabicScript ? (token.arabicLanguage ?? arabic) : latin;
    return languages.includes(preferred) ? preferred : languages[0]!;
  };

  const ruleHits = findPatterns(RULE_INDEX, fields, pickLanguage);
  const crimeHits = findPatterns(CRIME_INDEX, fields, pickLanguage);
  const crimeCues = [...new Set(crimeHits.map((h) => CRIME_CUES[h.pattern]!.id))];
  const crimeWeight = crimeCues.length * CRIME_CUE_WEIGHT;

  const identification = findPatterns(IDENTIFICATION_INDEX, fields, pickLanguage).length > 0;
  const context: StatusContext = identification ? 'identification' : crimeCues.length > 0 ? 'crime' : 'none';
  const categories = weighCategories(ruleHits, context);

  const flags: NeutralityFlag[] = [];
  const ordered = [...ruleHits].sort((a, b) => a.field - b.field || a.start - b.start);
  for (const hit of ordered) {
    const rule = NEUTRALITY_RULES[hit.pattern]!;
    if (categories[rule.category].weight <= crimeWeight) continue;
    if (flags.length >= MAX_NEUTRALITY_FLAGS) break;
    flags.push({
      category: rule.category,
      rule: rule.id,
      excerpt: quoteExcerpt(fields[hit.field]!.text, hit.start, hit.end),
      language: hit.language,
    });
  }
  return { flagged: flags.length > 0, flags, categories, crimeCues, crimeWeight };
}

/**
 * Checks an outgoing request or alert for a political, military, religious or racial character
 * (INTERPOL Constitution, Article 3). A flagged request needs the DPO's approval; every flag
 * names its rule and quotes the words that triggered it.
 */
export function checkNeutrality(text: { subject: string; body: string; purpose?: string }): NeutralityResult {
  const { flagged, flags } = analyzeNeutrality(text);
  return { flagged, flags };
}
