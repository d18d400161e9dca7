// Text normalisation and tokenising for the neutrality check. Pure: no I/O, no node:* imports.
//
// Every character of the input is folded on its own (NFKC, case, Latin accents, Arabic-script
// letter variants, look-alike Cyrillic and Greek letters, Eastern Arabic digits), so each token
// keeps the offsets of the original text it came from and a flag can quote the request exactly.
// Invisible characters (NUL and other controls, bidi overrides and isolates, zero-width joiners,
// soft hyphens, tatweel, harakat) are dropped without splitting the word, so they cannot be used
// to hide a word from the rules.

import { foldArabic } from '../names/index.js';

/** Languages the rules are written in (the four UI languages). */
export type NeutralityLanguage = 'fr' | 'en' | 'ar' | 'ur';

/** One word of a request, folded, with its place in the original field. */
export interface TextToken {
  /** Folded form (lowercase ASCII for Latin, folded Arabic letters for Arabic script). */
  readonly form: string;
  /** UTF-16 offset of the first original character. */
  readonly start: number;
  /** UTF-16 offset after the last original character. */
  readonly end: number;
  /** Clause number inside the field; a sentence mark (. ! ? ; : ، ؛ ۔ ؟ or a line break) starts a new one. */
  readonly clause: number;
  readonly arabicScript: boolean;
  /** The form and, for Arabic script, its forms without proclitics (see wordVariants). */
  readonly variants: readonly string[];
  /**
   * For Arabic-script words: the language of their sentence, told by the letters only Urdu or
   * only Arabic writes (or of the whole field when the sentence does not tell). Unset when
   * neither does.
   */
  readonly arabicLanguage?: 'ar' | 'ur';
}

/** Result of tokenising one field: content tokens (stop words removed) and language evidence. */
export interface TokenizedText {
  readonly tokens: readonly TextToken[];
  readonly latinVotes: { readonly fr: number; readonly en: number };
  readonly arabicVotes: { readonly ar: number; readonly ur: number };
}

const DROP = '';
const SEPARATOR = ' ';
const BOUNDARY = '\n';

// Look-alike letters from Cyrillic and Greek that render as Latin ones; the rules have no
// Cyrillic or Greek words, so folding them only defeats spoofed spellings such as "dеsertion".
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};

const LATIN_SPECIALS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
};

const SENTENCE_MARKS = new Set(['.', '!', '?', ';', ':', '\n', '\r', '\u2028', '\u2029', '،', '؛', '۔', '؟']);
// The Arabic comma is a list separator, not a sentence mark: "سياسي، عسكري" must stay one clause.
SENTENCE_MARKS.delete('،');

const ARABIC_DIGIT_ZERO = 0x0660;
const EXTENDED_DIGIT_ZERO = 0x06f0;

function isArabicScriptCode(c: number): boolean {
  return (
    (c >= 0x0600 && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfeff)
  );
}

function foldNonAscii(ch: string, cp: number): string {
  if (cp >= ARABIC_DIGIT_ZERO && cp <= ARABIC_DIGIT_ZERO + 9) return String(cp - ARABIC_DIGIT_ZERO);
  if (cp >= EXTENDED_DIGIT_ZERO && cp <= EXTENDED_DIGIT_ZERO + 9) return String(cp - EXTENDED_DIGIT_ZERO);
  if (cp === 0x0640) return DROP; // tatweel
  if (/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u.test(ch)) return DROP; // controls, bidi, zero-width, BOM
  if (SENTENCE_MARKS.has(ch)) return BOUNDARY;
  // NFKC first (presentation forms, full-width letters, ligatures), then decompose so marks and
  // hamza/madda above can be stripped, then the Arabic letter foldings of the names engine.
  const decomposed = ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  let out = '';
  for (const c of decomposed) {
    const mapped = HOMOGLYPHS[c] ?? LATIN_SPECIALS[c];
    if (mapped !== undefined) out += mapped;
    else if (/[\p{L}\p{N}]/u.test(c)) out += foldArabic(c);
    else if (SENTENCE_MARKS.has(c)) out += BOUNDARY;
    else if (c === '\u0640') out += DROP;
    else out += SEPARATOR;
  }
  return out;
}

const FOLD_CACHE_LIMIT = 4096;
const foldCache = new Map<number, string>();

function foldCodePoint(ch: string, cp: number): string {
  if (cp < 0x80) {
    if (cp >= 0x61 && cp <= 0x7a) return ch;
    if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32);
    if (cp >= 0x30 && cp <= 0x39) return ch;
    if (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) return DROP; // NUL and other controls
    if (cp === 0x7f) return DROP;
    return SENTENCE_MARKS.has(ch) ? BOUNDARY : SEPARATOR;
  }
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  const folded = foldNonAscii(ch, cp);
  if (foldCache.size < FOLD_CACHE_LIMIT) foldCache.set(cp, folded);
  return folded;
}

/** Stop words dropped before matching, so "member of the opposition party" and "membre d'un parti d'opposition" reduce to the same content words. Negations are never stop words. */
const STOP_WORDS_RAW: readonly string[] = [
  // en
  'the a an of to in on at for by with from and or as is are was were be been being has have had his her hers their theirs its this that these those it he she they him them who whom which whose into about after our your we us any some also all such there here i my',
  // fr
  'le la les l un une des du de d au aux et ou a en dans sur par pour avec son sa ses leur leurs ce cet cette ces qui que qu il elle ils elles se s lui est sont ete etait y dont ont avait avoir etre tout tous toute toutes lors',
  // ar
  'في من على الى إلى عن مع هذا هذه ذلك تلك التي الذي الذين و او أو ثم قد كان كانت له لها هو هي هم ان أن إن انه أنه اي أي كل بعد قبل عند حيث الي',
  // ur
  'کا کی کے کو میں سے نے ہے ہیں تھا تھی تھے اور یا پر بھی یہ وہ اس ان جو کہ ایک ہو گیا گئی گئے کر کیا لیے لئے والا والی والے کوئی اپنی اپنے اپنا',
];

/** Function words that tell French from English text. */
const LATIN_MARKERS: { readonly fr: ReadonlySet<string>; readonly en: ReadonlySet<string> } = {
  fr: new Set(
    'le la les des du de et est pour dans une un sur par avec son sa ses qui que au aux il elle'.split(' '),
  ),
  en: new Set('the of and is was for with his her that this from by an are has have who which to'.split(' ')),
};

// Letters only Urdu (and Persian) writes, against letters only Arabic writes.
const URDU_LETTERS = /[\u06CC\u06D2\u06C1\u06BE\u06BA\u0679\u0688\u0691\u06AF\u0686\u067E\u06A9]/g;
const ARABIC_LETTERS = /[\u064A\u0629\u0649\u0643]/g;

function splitCodePoints(text: string, visit: (folded: string, start: number, end: number) => void): void {
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = width === 2 ? text.slice(i, i + 2) : text[i]!;
    visit(foldCodePoint(ch, cp), i, i + width);
    i += width;
  }
}

interface RawToken {
  form: string;
  start: number;
  end: number;
  clause: number;
}

/** Splits a text into folded words with their original offsets; no stop-word removal. */
export function tokenizeRaw(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  let clause = 0;
  let form = '';
  let start = -1;
  let end = -1;
  const flush = (): void => {
    if (form !== '') tokens.push({ form, start, end, clause });
    form = '';
    start = -1;
  };
  splitCodePoints(text, (folded, s, e) => {
    if (folded === DROP) {
      if (form !== '') end = e; // an invisible character inside a word stays inside it
      return;
    }
    for (const c of folded) {
      if (c === SEPARATOR) flush();
      else if (c === BOUNDARY) {
        flush();
        clause++;
      } else {
        if (form === '') start = s;
        form += c;
        end = e;
      }
    }
  });
  flush();
  return tokens;
}

/** Normalises a word or phrase of a rule exactly as request text is normalised. */
export function foldPhrase(text: string): string[] {
  return tokenizeRaw(text).map((t) => t.form);
}

const STOP_WORDS: ReadonlySet<string> = new Set(STOP_WORDS_RAW.flatMap((line) => foldPhrase(line)));

/** Whether a folded form belongs to the stop-word list. */
export function isStopWord(form: string): boolean {
  return STOP_WORDS.has(form);
}

const ARABIC_CONJUNCTIONS = ['و', 'ف'];
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'ب', 'ل', 'ك'];

/**
 * Forms of an Arabic-script word with its proclitics removed: the conjunctions و/ف, the article
 * ال and the prepositions ب/ل/ك attached to it ("والمعارضة", "بالردة", "للتجنيد"). The rules list
 * bare stems, so a clitic never hides a word. Latin words are returned as they are.
 */
export function wordVariants(form: string, arabicScript: boolean): readonly string[] {
  if (!arabicScript || form.length < 3) return [form];
  const out = [form];
  const bases = [form];
  for (const c of ARABIC_CONJUNCTIONS) if (form.startsWith(c) && form.length > 3) bases.push(form.slice(1));
  for (const base of bases) {
    if (base !== form) out.push(base);
    for (const p of ARABIC_PREFIXES) {
      if (base.startsWith(p) && base.length - p.length >= 2) out.push(base.slice(p.length));
    }
  }
  return out;
}

function isArabicScriptForm(form: string): boolean {
  return isArabicScriptCode(form.charCodeAt(0));
}

/** Tokenises one field of a request: folded content words with offsets and language votes. */
export function tokenizeText(text: string): TokenizedText {
  const raw = tokenizeRaw(text);
  let fr = 0;
  let en = 0;
  const clauseVotes = new Map<number, number>(); // Urdu letters minus Arabic letters, per clause
  for (const t of raw) {
    if (LATIN_MARKERS.fr.has(t.form)) fr++;
    if (LATIN_MARKERS.en.has(t.form)) en++;
    if (!isArabicScriptForm(t.form)) continue;
    const word = text.slice(t.start, t.end);
    const vote = (word.match(URDU_LETTERS)?.length ?? 0) - (word.match(ARABIC_LETTERS)?.length ?? 0);
    if (vote !== 0) clauseVotes.set(t.clause, (clauseVotes.get(t.clause) ?? 0) + vote);
  }
  const ur = text.match(URDU_LETTERS)?.length ?? 0;
  const ar = text.match(ARABIC_LETTERS)?.length ?? 0;
  const decide = (vote: number): 'ar' | 'ur' | undefined => (vote > 0 ? 'ur' : vote < 0 ? 'ar' : undefined);
  const fieldLanguage = decide(ur - ar);
  const tokens: TextToken[] = [];
  for (const t of raw) {
    if (STOP_WORDS.has(t.form)) continue;
    const arabicScript = isArabicScriptForm(t.form);
    if (!arabicScript) {
      tokens.push({ ...t, arabicScript, variants: [t.form] });
      continue;
    }
    const variants = wordVariants(t.form, true);
    if (t.form.length <= 5 && variants.some((v) => STOP_WORDS.has(v))) continue;
    const arabicLanguage = decide(clauseVotes.get(t.clause) ?? 0) ?? fieldLanguage;
    tokens.push(
      arabicLanguage === undefined
        ? { ...t, arabicScript, variants }
        : { ...t, arabicScript, variants, arabicLanguage },
    );
  }
  return { tokens, latinVotes: { fr, en }, arabicVotes: { ar, ur } };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

// Characters never shown in an excerpt: controls, bidi overrides and isolates, zero-width marks.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;

/**
 * Quotes the original text around [start, end): a few words of context on each side, cut at
 * spaces, invisible characters removed and whitespace collapsed, at most maxLength characters.
 */
export function quoteExcerpt(
  text: string,
  start: number,
  end: number,
  context = 48,
  maxLength = 200,
): string {
  let from = Math.max(0, start - context);
  let to = Math.min(text.length, end + context);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space !== -1 && space >= end) to = space;
  }
  // Never cut a surrogate pair in two.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  let quote = text
    .slice(from, to)
    .replace(/[\t\n\r\u2028\u2029]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
  let cutEnd = to < text.length;
  const chars = Array.from(quote);
  if (chars.length > maxLength) {
    quote = chars.slice(0, maxLength).join('').trimEnd();
    cutEnd = true;
  }
  return `${from > 0 ? '…' : ''}${quote}${cutEnd ? '…' : ''}`;
}
