// From a name as written (any script, free text or structured) to weighted name tokens.

import { detectScript, normalizeName } from './normalize.js';
import {
  ABBREVIATIONS,
  ABD_GLUED,
  ABD_PREFIXES,
  ARTICLES,
  HONORIFICS,
  KUNYA_PREFIXES,
  PATRONYMIC_MARKERS,
  SUFFIX_FORMS,
  SUFFIX_TOKENS,
} from './particles.js';
import { phoneticKey } from './phonetic-key.js';
import { foreignReadings, romanizeArabicToken } from './romanize.js';
import { spellingForm } from './spelling-form.js';
import { partSimilarity } from './token-distance.js';

/** A name as free text, or split into the parts a form or a list gives. */
export type NameInput =
  | string
  | {
      /** Given name(s), e.g. "Muhammad Taher". */
      given?: string;
      /** Family or tribal name, nisba, laqab. */
      family?: string;
      /** Father's (and grandfather's) name, as in "bin X bin Y" chains. */
      father?: string;
      /** Anything else, or the whole name when parts are unknown. */
      full?: string;
    };

/** Which part of a name a token came from. */
export type NameRole = 'given' | 'family' | 'father' | 'any';

/** What a token is. */
export type TokenKind = 'name' | 'compound' | 'kunya' | 'initial' | 'honorific';

/** One comparable unit of a name. */
export interface NameToken {
  /** The token as written (compounds keep their parts: "Abd al-Latif"). */
  readonly text: string;
  /** Spelling forms, preferred first; alternates cover ambiguous particles (Alzawahiri). */
  readonly forms: readonly string[];
  /** Phonetic key of the preferred form (blocking and hit/no-hit tokens). */
  readonly key: string;
  /** True when romanised from Arabic script (short vowels unwritten). */
  readonly arabic: boolean;
  readonly kind: TokenKind;
  readonly role: NameRole;
  /** Share of the name's identity this token carries. */
  readonly weight: number;
  /** Rules applied, for the explanation (e.g. "abd-compound", "article dropped"). */
  readonly rules: readonly string[];
  /** Somali-orthography reading (x = ḥ, c = ayn), compared against Latin spellings only. */
  readonly somali?: string | undefined;
  /**
   * The Latin word as pronounced where French spelling writes silent final letters (Bouchard,
   * Daudet, Leroux → bouchar, daude, leru; Arnaud → arno): Arabic script writes the sound. An
   * alternate reading: the written form stays the main one.
   */
  readonly spoken?: string | undefined;
}

/** A parsed name. */
export interface ParsedName {
  readonly tokens: readonly NameToken[];
  /**
   * Words as written, before the MAX_NAME_WORDS cap (absent: no more than the tokens). A text
   * with more words than any name is scored on its first words only, and scaled down.
   */
  readonly words?: number;
}

/**
 * At most this many words of a name are considered: real names have fewer (the longest UN
 * listed names have about 12 with particles). It bounds the cost of one comparison whatever
 * the input. A text of more than twice as many words is not a name (a list, junk): its score
 * is scaled down by 2 × MAX_NAME_WORDS / words.
 */
export const MAX_NAME_WORDS = 15;
/** Longer words are cut to this many letters (the longest real name words have about 20). */
export const MAX_WORD_LENGTH = 40;
// Text beyond this many characters is not read at all (15 words of 40 letters fit many times).
const MAX_NAME_CHARS = 4096;

/** Relative weights of token kinds and roles; tuned on the training split. */
export const TOKEN_WEIGHTS = {
  name: 1,
  compound: 1.1,
  kunya: 0.8,
  initial: 0.3,
  honorific: 0.05,
  fatherRole: 0.85,
  common: 0.55,
} as const;

// Names so frequent that sharing them says little (keys, so every spelling is covered).
const COMMON_NAMES = [
  'muhammad',
  'ahmad',
  'ali',
  'khan',
  'abdullah',
  'hassan',
  'hussain',
  'ibrahim',
  'mahmud',
  'abu',
];
const COMMON_FORMS: ReadonlyMap<string, string> = new Map(
  COMMON_NAMES.map((n) => [phoneticKey(spellingForm(n)), spellingForm(n)]),
);

// The key finds the spellings (Mohammed, Muhammad, محمد); the form check keeps out other
// names that share a consonant skeleton (Kony is not Khan, Il is not Ali).
function isCommonName(form: string, key: string, arabic: boolean): boolean {
  const common = COMMON_FORMS.get(key);
  return common !== undefined && partSimilarity(form, common, arabic, false) >= 0.75;
}

const SOMALI_LETTERS = /x|c(?![hk])/;

// Every word with a role of its own; anything else is a plain name word.
const SPECIAL_WORDS: ReadonlySet<string> = new Set([
  ...HONORIFICS,
  ...PATRONYMIC_MARKERS,
  ...SUFFIX_TOKENS.keys(),
  ...ARTICLES,
  ...ABD_PREFIXES,
  ...KUNYA_PREFIXES.keys(),
]);

interface TokenDraft {
  text: string;
  forms: string[];
  arabic: boolean;
  kind: TokenKind;
  rules: string[];
  somali?: string;
  spoken?: string;
}

function formOf(raw: string, arabic: boolean): string {
  return spellingForm(arabic ? romanizeArabicToken(raw) : raw);
}

/** Strips a written article from the front of a token that follows abd/abu/umm. */
function withoutArticle(raw: string, arabic: boolean): string {
  if (arabic) return raw.startsWith('ال') && raw.length > 3 ? raw.slice(2) : raw;
  const m = /^(?:a|e|u|o)(?:l|([tdrzsn])(?=\1))(.{2,})$/.exec(raw);
  if (m && !/^[aeiou]/.test(raw.slice(2))) return raw.slice(m[1] ? 1 : 2);
  return raw;
}

// Why 'ul': every abd-compound is rebuilt as abd + ul + name, so "Abd ar-Rahman",
// "Abdurrahman" and "Abdul Rahman" meet on one spelling.
function abdCompound(rest: string, arabic: boolean): string {
  if (arabic && (rest === 'الله' || rest === 'له')) return 'abdula';
  const stripped = withoutArticle(rest, arabic);
  if (!arabic && /^l?lah?$/.test(stripped)) return 'abdula';
  return `abdul${formOf(stripped, arabic)}`;
}

function splitGluedAbd(raw: string, arabic: boolean): string | undefined {
  if (arabic) {
    return raw.startsWith('عبد') && raw.length >= 5 ? raw.slice(3) : undefined;
  }
  if (!raw.startsWith('abd')) return undefined;
  const m = ABD_GLUED.exec(raw);
  if (!m) return undefined;
  const article = m[1];
  const rest = m[3]!;
  // "abdul-lah" style: the article consonant doubles as the first letter of the rest
  return article && article !== 'l' ? article + rest : rest;
}

// "SURNAME, Given" (the convention of sanctions lists) reads as "Given SURNAME", so that
// "BIN SALEH, Omar" parses like "Omar bin Saleh". Only with exactly one comma.
function naturalOrder(text: string): string {
  const comma = /[,،]/;
  const parts = text.split(comma);
  if (parts.length !== 2) return text;
  const [family, given] = parts as [string, string];
  if (!/\p{L}/u.test(family) || !/\p{L}/u.test(given)) return text;
  return `${given} ${family}`;
}

// A one-letter fragment between hyphens is a linking vowel (Persian ezafe: Nur-e-Alam,
// Mir-i-Zaman), not an initial: dropped, so it cannot align with a whole word.
const HYPHEN_FRAGMENT = /(?<=\p{L})\s*[-‐‑–]\s*\p{L}\s*[-‐‑–]\s*(?=\p{L})/gu;

const HAS_COMMA = /[,،]/;
const HAS_DASH = /[-‐‑–]/;

function draftTokens(text: string): { drafts: TokenDraft[]; words: number } {
  const cut = text.length > MAX_NAME_CHARS ? text.slice(0, MAX_NAME_CHARS) : text;
  const ordered = HAS_COMMA.test(cut) ? naturalOrder(cut) : cut;
  const all = normalizeName(HAS_DASH.test(ordered) ? ordered.replace(HYPHEN_FRAGMENT, ' ') : ordered)
    .split(' ')
    .filter((t) => t.length > 0);
  const raws = all.length > MAX_NAME_WORDS ? all.slice(0, MAX_NAME_WORDS) : all;
  for (let i = 0; i < raws.length; i++)
    if (raws[i]!.length > MAX_WORD_LENGTH) raws[i] = [...raws[i]!].slice(0, MAX_WORD_LENGTH).join('');
  return { drafts: draftWords(raws), words: all.length };
}

function draftWords(raws: string[]): TokenDraft[] {
  const out: TokenDraft[] = [];
  let pendingArticle: string | undefined;
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    if (!SPECIAL_WORDS.has(raw)) {
      // Most words are plain name words: one lookup instead of the particle tables below.
      const article = pendingArticle;
      pendingArticle = undefined;
      out.push(draftOf(plainToken(raw), raw, article));
      continue;
    }
    const arabic = detectScript(raw) === 'arabic';
    const hasNext = i + 1 < raws.length;
    if (HONORIFICS.has(raw)) {
      out.push({ text: raw, forms: [formOf(raw, arabic)], arabic, kind: 'honorific', rules: ['honorific'] });
      continue;
    }
    if (PATRONYMIC_MARKERS.has(raw) && hasNext && out.length > 0) {
      out.push({ text: raw, forms: [], arabic, kind: 'name', rules: ['patronymic marker'] });
      continue;
    }
    const suffix = SUFFIX_TOKENS.get(raw);
    const prev = out[out.length - 1];
    if (suffix && prev && prev.forms.length > 0 && prev.kind !== 'honorific') {
      prev.text += `${pendingArticle ? ` ${pendingArticle}` : ''} ${raw}`;
      prev.forms = prev.forms.map((f) => f + SUFFIX_FORMS[suffix]);
      prev.rules = [...prev.rules, `${suffix} suffix joined`];
      pendingArticle = undefined;
      continue;
    }
    if (ARTICLES.has(raw) && hasNext) {
      pendingArticle = raw;
      continue;
    }
    const article = pendingArticle;
    pendingArticle = undefined;
    // "Abdulla" is a whole name (Abdullah) when an article follows: Abdulla al-Aulaqi.
    if (ABD_PREFIXES.has(raw) && hasNext && !(raw === 'abdulla' && ARTICLES.has(raws[i + 1]!))) {
      let j = i + 1;
      if (ARTICLES.has(raws[j]!) && j + 1 < raws.length) j++;
      const rest = raws[j]!;
      const restArabic = detectScript(rest) === 'arabic';
      out.push({
        text: raws.slice(i, j + 1).join(' '),
        forms: [abdCompound(rest, restArabic)],
        arabic: restArabic,
        kind: 'compound',
        rules: ['abd-compound'],
      });
      i = j;
      continue;
    }
    const kunya = KUNYA_PREFIXES.get(raw);
    if (kunya && hasNext) {
      let j = i + 1;
      if (ARTICLES.has(raws[j]!) && j + 1 < raws.length) j++;
      const rest = raws[j]!;
      const restArabic = detectScript(rest) === 'arabic';
      out.push({
        text: raws.slice(i, j + 1).join(' '),
        forms: [kunya + formOf(withoutArticle(rest, restArabic), restArabic)],
        arabic: restArabic,
        kind: 'kunya',
        rules: [`${kunya}-compound`],
      });
      i = j;
      continue;
    }
    out.push(draftOf(plainToken(raw), raw, article));
  }
  return out;
}

function draftOf(plain: PlainToken, raw: string, article: string | undefined): TokenDraft {
  const { forms, somali, spoken, kind, arabic } = plain;
  // A glued abd-compound swallows its article (Abdellatif has none to drop).
  if (kind === 'compound' || article === undefined)
    return { text: raw, forms, arabic, kind, rules: plain.rules, somali, spoken };
  const rules = [`article "${article}" dropped`, ...plain.rules];
  return { text: `${article} ${raw}`, forms, arabic, kind, rules, somali, spoken };
}

interface PlainToken {
  readonly arabic: boolean;
  readonly forms: string[];
  readonly somali: string | undefined;
  readonly spoken?: string | undefined;
  readonly kind: TokenKind;
  readonly rules: string[];
}

// A plain name word reads the same in every name it occurs in: bulk scoring meets a few
// thousand distinct words in millions of names, so each is read once. Bounded. The arrays are
// shared between drafts and never mutated (drafts replace them).
const PLAIN_CACHE_LIMIT = 100_000;
const plainCache = new Map<string, PlainToken>();

function plainToken(raw: string): PlainToken {
  let t = plainCache.get(raw);
  if (t === undefined) {
    t = readPlainToken(raw, detectScript(raw) === 'arabic');
    if (plainCache.size >= PLAIN_CACHE_LIMIT) plainCache.clear();
    plainCache.set(raw, t);
  }
  return t;
}

function readPlainToken(written: string, arabic: boolean): PlainToken {
  const expanded = ABBREVIATIONS.get(written);
  const raw = expanded ?? written;
  const gluedAbd = splitGluedAbd(raw, arabic);
  if (gluedAbd !== undefined) {
    return {
      arabic,
      forms: [abdCompound(gluedAbd, arabic)],
      somali: undefined,
      kind: 'compound',
      rules: ['abd-compound'],
    };
  }
  const rules: string[] = expanded ? [`abbreviation of ${expanded}`] : [];
  const forms = [formOf(raw, arabic)];
  if (arabic && raw.startsWith('ال') && raw.length > 4) {
    // the Arabic article is always glued; the bare name is the preferred form
    forms.unshift(formOf(raw.slice(2), true));
    rules.push('article ال dropped');
  }
  if (arabic) {
    // Letter groups Arabic uses for foreign sounds (تش = ch, سك = sch, تس = z): alternates.
    const foreign = foreignReadings(raw.startsWith('ال') && raw.length > 4 ? raw.slice(2) : raw);
    for (const reading of foreign) {
      const form = spellingForm(reading);
      if (!forms.includes(form)) forms.push(form);
    }
    if (foreign.length > 0) rules.push('foreign-sound letter group');
  } else if (raw.includes('cz')) {
    // Polish and Czech cz is ch (Czerny, Wilczek), which Arabic writes تش.
    forms.push(formOf(raw.replace(/cz/g, 'ch'), false));
  } else if (/[aeiou]ll[aeiou]/.test(raw)) {
    // Spanish ll is y (Castillo, Murillo), which Arabic writes ي.
    forms.push(formOf(raw.replace(/([aeiou])ll(?=[aeiou])/g, '$1y'), false));
  } else if (raw.includes('aa')) {
    // Scandinavian and Dutch aa is close to o (Aasen, Haaland), which Arabic writes و / أو.
    forms.push(formOf(raw.replace(/aa/g, 'o'), false));
  } else if (/(?:^|[aeiou])c[aeiou]/.test(raw)) {
    // Turkish c is j (Cemal = Jamal, Cuma = Juma): an alternate reading.
    forms.push(formOf(raw.replace(/c(?=[aeiou])/g, 'j'), false));
  }
  if (!arabic && raw.length >= 3 && !/[aeiouy]/.test(raw)) {
    // Written without vowels (Khld, Mhmd): compared like an Arabic-script skeleton.
    return {
      arabic: true,
      forms,
      somali: undefined,
      kind: 'name',
      rules: [...rules, 'written without vowels'],
    };
  }
  if (!arabic && /^(?:al|el)[^aeiou]/.test(raw) && raw.length >= 6) {
    forms.push(formOf(raw.slice(2), false)); // Alzawahiri, Elsseid: maybe a glued article
  }
  const glued = arabic ? undefined : GLUED_PATRONYMIC.exec(raw);
  if (glued) forms.push(formOf(glued[1]!, false)); // Binalshibh, Benali: bin (al) + name
  // Somali orthography writes ḥ as x and ayn as c (Xasan, Cabdullahi, Maxamed, Cusman): an
  // alternate reading, so Xasan meets Hassan without making every Latin x an h. Compared
  // against Latin spellings only: against Arabic script the ordinary reading of a Western
  // name (Alexander, Carla) would gain spurious matches.
  const somali =
    !arabic && raw.length > 2 && SOMALI_LETTERS.test(raw)
      ? formOf(raw.replace(/x/g, 'h').replace(/c(?![hk])/g, '@'), false)
      : undefined;
  const kind: TokenKind = !arabic && raw.length === 1 ? 'initial' : 'name';
  const spoken = arabic ? undefined : frenchSpoken(raw);
  return { arabic, forms, somali, spoken: spoken === forms[0] ? undefined : spoken, kind, rules };
}

// French endings as pronounced: -eau(x), -aux, -ault, -aud, -aut are o (Arnaud, Thibault,
// Rousseau); the final consonants of -ard, -et, -oux, -eux, -ez are silent (Bouchard, Daudet,
// Leroux). Words of five letters or fewer are spared (Daud, Saud, Ahmet are not French).
const FRENCH_O_END = /(?<=[^aeiou])(?:eaux?|aux|ault|aud|aut)$/;
const FRENCH_SILENT_END = /(?<=[^aeiou].*(?:ar|e|ou|eu|ai))(?:ds?|ts?|x|z)$/;

function frenchSpoken(raw: string): string | undefined {
  if (raw.length < 6) return undefined;
  if (FRENCH_O_END.test(raw)) return formOf(raw.replace(FRENCH_O_END, 'o'), false);
  if (FRENCH_SILENT_END.test(raw)) return formOf(raw.replace(FRENCH_SILENT_END, ''), false);
  return undefined;
}

// A patronymic marker glued to the name, with or without the article (Binalshibh, Ibnsina).
const GLUED_PATRONYMIC = /^(?:bin|ben|ibn)(?:al|el)?([^aeiou].{2,})$/;

const keyCache = new Map<string, { key: string; common: boolean }>();

function keyOf(form: string, arabic: boolean): { key: string; common: boolean } {
  const id = arabic ? `${form}#` : form;
  let k = keyCache.get(id);
  if (k === undefined) {
    const key = phoneticKey(form);
    k = { key, common: isCommonName(form, key, arabic) };
    if (keyCache.size >= PLAIN_CACHE_LIMIT) keyCache.clear();
    keyCache.set(id, k);
  }
  return k;
}

function finishTokens(drafts: TokenDraft[], role: NameRole, out: NameToken[]): void {
  let inFather = role === 'father';
  for (const d of drafts) {
    if (d.forms.length === 0) {
      inFather = true; // bin/ibn/ould: what follows names an ancestor
      continue;
    }
    const { key, common } = keyOf(d.forms[0]!, d.arabic);
    let weight = TOKEN_WEIGHTS[d.kind];
    if (inFather) weight *= TOKEN_WEIGHTS.fatherRole;
    if (d.kind === 'name' && common) weight *= TOKEN_WEIGHTS.common;
    const rules = inFather && role !== 'father' ? [...d.rules, 'patronymic'] : d.rules;
    out.push({
      text: d.text,
      forms: d.forms,
      key,
      arabic: d.arabic,
      kind: d.kind,
      role: inFather ? 'father' : role,
      weight,
      rules,
      somali: d.somali,
      spoken: d.spoken,
    });
  }
}

// Drafts one part of a name into `out`; returns its word count before the cap.
function addPart(text: string, role: NameRole, out: NameToken[]): number {
  const drafted = draftTokens(text);
  finishTokens(drafted.drafts, role, out);
  return drafted.words;
}

/**
 * Parses a name in any script into weighted tokens: normalises, tokenises, joins
 * compounds (abd-, abu-, -ud-din, -ullah), marks honorifics, initials and patronymics.
 */
export function parseName(input: NameInput): ParsedName {
  const tokens: NameToken[] = [];
  let words = 0;
  if (typeof input === 'string') {
    words = addPart(input, 'any', tokens);
  } else {
    if (input.given) words += addPart(input.given, 'given', tokens);
    if (input.father) words += addPart(input.father, 'father', tokens);
    if (input.family) words += addPart(input.family, 'family', tokens);
    if (input.full) words += addPart(input.full, 'any', tokens);
  }
  return words > MAX_NAME_WORDS ? { tokens, words } : { tokens };
}
