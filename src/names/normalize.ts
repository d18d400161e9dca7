// Script-aware normalisation of personal names. Pure: runs in Node and in the browser.

/** Writing system of a token, as far as name matching cares. */
export type NameScript = 'latin' | 'arabic' | 'other';

function isArabicCode(c: number): boolean {
  return (
    (c >= 0x0600 && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfeff)
  );
}

/** Detects the script of one token from its first decisive character. */
export function detectScript(token: string): NameScript {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return 'latin';
    if (c < 0x80) continue;
    if (isArabicCode(c)) return 'arabic';
    if (/\p{L}/u.test(token[i]!)) return 'other';
  }
  return 'latin';
}

// Each rule is listed separately so tests can name it and the explanation can cite it.
// Harakat (fatha, damma, kasra, tanwin, shadda, sukun, …), the superscript (dagger) alef and
// Quranic annotation marks carry no consonant and are absent from most written names.
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08FF]/g;
const TATWEEL = /\u0640/g;

/**
 * Letter foldings applied to Arabic-script text, in the spirit of the normalisation used by
 * Arabic search engines: variant spellings of one letter become one letter. Urdu/Persian
 * letters with an Arabic twin fold onto it; letters with no Arabic twin (پ چ ژ گ) are kept,
 * because they carry sounds (p, ch, zh, g) the romaniser needs.
 */
export const ARABIC_FOLDINGS: Readonly<Record<string, string>> = {
  // hamza carriers and madda: all alef forms become bare alef
  '\u0623': '\u0627', // أ
  '\u0625': '\u0627', // إ
  '\u0622': '\u0627', // آ
  '\u0671': '\u0627', // ٱ alef wasla
  '\u0672': '\u0627',
  '\u0673': '\u0627',
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064A', // ئ → ي
  '\u0621': '', // ء standalone hamza is dropped: writers omit it freely
  // teh marbuta is pronounced like heh (or t in construct state); writers alternate with ه
  '\u0629': '\u0647', // ة → ه
  '\u06C3': '\u0647', // ۃ Urdu teh marbuta goal
  // alef maksura and the Urdu/Persian yeh forms
  '\u0649': '\u064A', // ى → ي
  '\u06CC': '\u064A', // ی Farsi yeh
  '\u06D2': '\u064A', // ے yeh barree
  '\u06D0': '\u064A', // ې
  // keheh and swash kaf
  '\u06A9': '\u0643', // ک → ك
  '\u06AA': '\u0643', // ڪ → ك
  // Urdu heh forms; do-chashmi heh marks aspiration (بھ = bh) and stays a heh
  '\u06C1': '\u0647', // ہ heh goal
  '\u06BE': '\u0647', // ھ heh doachashmee
  '\u06C0': '\u0647', // ۀ
  '\u06D5': '\u0647', // ە
  // noon ghunna is a nasalised noon
  '\u06BA': '\u0646', // ں → ن
  // retroflex consonants of Urdu fold onto their dental twins (Latin spellings rarely mark them)
  '\u0679': '\u062A', // ٹ → ت
  '\u0688': '\u062F', // ڈ → د
  '\u0691': '\u0631', // ڑ → ر
};

/** Applies Arabic-script folding: marks, tatweel and letter variants. */
export function foldArabic(text: string): string {
  let out = '';
  for (const ch of text.replace(ARABIC_MARKS, '').replace(TATWEEL, '')) {
    const folded = ARABIC_FOLDINGS[ch];
    out += folded === undefined ? ch : folded;
  }
  return out;
}

// Letters NFKD does not decompose into base + mark.
// Letters whose accent carries a sound of its own in Turkish, Balkan and Central European
// spellings: ç and č are ch (Çelebi = Chelebi), ş and š are sh, ž is zh. Folded before the
// accents are stripped.
const LATIN_SPECIALS: Readonly<Record<string, string>> = {
  ç: 'ch',
  č: 'ch',
  ć: 'ch',
  ş: 'sh',
  š: 'sh',
  ș: 'sh',
  ž: 'zh',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'dh',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
};

// Most non-ASCII names (Arabic script, plain accents) have none of these: one test skips the loop.
// Decomposed input (c + combining cedilla) is caught by the combining marks.
const HAS_LATIN_SPECIAL = /[çčćşšșžßæœøđðþłıħ]|\p{M}/u;

// Ayn and hamza are written with a zoo of apostrophe-like characters, or not at all.
const APOSTROPHES = /['`´ʻʼʽʾʿ‘’′]/g;

/**
 * Folds Latin text to lowercase ASCII letters: strips accents and dots below (ḥ, ṣ, ā),
 * expands ligatures and removes ayn/hamza apostrophes. Other characters are kept.
 */
export function foldLatin(text: string): string {
  // Fast path: plain ASCII needs no decomposition (most names in bulk scoring).
  if (/^[\x20-\x7E]*$/.test(text)) return text.toLowerCase().replace(APOSTROPHES, '');
  let out = text.toLowerCase();
  if (HAS_LATIN_SPECIAL.test(out)) {
    let expanded = '';
    for (const ch of out.normalize('NFC')) {
      const special = LATIN_SPECIALS[ch];
      expanded += special === undefined ? ch : special;
    }
    out = expanded;
  }
  return out
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(APOSTROPHES, '');
}

/**
 * Normalises a whole name string: NFKC, case folding, Latin accent folding and Arabic-script
 * folding, with every separator (space, hyphen, comma, dot, slash, brackets) turned into a
 * single space. Scripts are kept: this is the form tokens are cut from.
 */
export function normalizeName(text: string): string {
  if (/^[\x20-\x7E]*$/.test(text)) {
    return text
      .toLowerCase()
      .replace(APOSTROPHES, '')
      .replace(/[^a-z]+/g, ' ')
      .trim();
  }
  const visible = HAS_INVISIBLE_OR_CYRILLIC.test(text) ? romanizeCyrillic(stripInvisible(text)) : text;
  const nfkc = visible.normalize('NFKC');
  const folded = foldArabic(foldLatin(nfkc));
  // Separators: anything that is neither a letter nor a combining mark. Arabic letters
  // are \p{L}, so they survive.
  return folded
    .replace(/[^\p{L}\p{M}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

// Whitespace controls separate words; every other control character (NUL, DEL, C1) and every
// format character (zero-width space and joiners, direction marks, the byte-order mark, soft
// hyphen) is invisible in a name as displayed and is removed, so "Al<ZWJ>i" is "Ali".
const HAS_INVISIBLE_OR_CYRILLIC = /[\p{Cc}\p{Cf}\u0085\u0400-\u04FF]/u;
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085]/g;
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/** Removes control and format characters (separating whitespace controls become spaces). */
export function stripInvisible(text: string): string {
  return text.replace(WHITESPACE_CONTROLS, ' ').replace(INVISIBLE, '');
}

// Cyrillic: the transliteration of ICAO Doc 9303 (machine-readable travel documents, part 3),
// which Russian passports use since 2013, with the letters of Kazakh, Kyrgyz, Tajik and Uzbek
// Cyrillic read as those countries' passports read them (қ q, ғ gh, ҳ h, ҷ j, ң ng, ө o,
// ү ұ ӯ u, ә a, ў u, ӣ i). The soft and hard signs are dropped (ICAO writes ъ as ie; names
// almost never contain it). Ukrainian і ї є ґ follow ICAO too.
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  і: 'i',
  ї: 'i',
  є: 'ie',
  ґ: 'g',
  қ: 'q',
  ғ: 'gh',
  ҳ: 'h',
  һ: 'h',
  ҷ: 'j',
  ң: 'ng',
  ө: 'o',
  ү: 'u',
  ұ: 'u',
  ӯ: 'u',
  ә: 'a',
  ў: 'u',
  ӣ: 'i',
  ј: 'j',
};

const HAS_CYRILLIC = /[\u0400-\u04FF]/;

/** Romanises Cyrillic letters (ICAO Doc 9303 with Central Asian letters); others are kept. */
export function romanizeCyrillic(text: string): string {
  if (!HAS_CYRILLIC.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = CYRILLIC[lower];
    out += latin === undefined ? ch : latin;
  }
  return out;
}

const OTHER_LETTER = /(?![\p{Script=Latin}\p{Script=Arabic}\p{Script=Cyrillic}])\p{L}/u;

// Scripts with letters the engine cannot read yet, named for the message that says so.
const UNSUPPORTED_SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Greek', /\p{Script=Greek}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Syriac', /\p{Script=Syriac}/u],
  ['Thaana', /\p{Script=Thaana}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Ethiopic', /\p{Script=Ethiopic}/u],
  ['Tifinagh', /\p{Script=Tifinagh}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Gurmukhi', /\p{Script=Gurmukhi}/u],
  ['Gujarati', /\p{Script=Gujarati}/u],
  ['Tamil', /\p{Script=Tamil}/u],
  ['Sinhala', /\p{Script=Sinhala}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Myanmar', /\p{Script=Myanmar}/u],
  ['Khmer', /\p{Script=Khmer}/u],
  ['Han (Chinese)', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Hangul', /\p{Script=Hangul}/u],
];

/**
 * Scripts in `text` that have no Latin reading in this engine (anything but Latin, Arabic
 * script and Cyrillic): their letters are kept but cannot meet a Latin or Arabic spelling,
 * so a score involving them must say so rather than be a silent 0.
 */
export function unsupportedScripts(text: string): string[] {
  if (!OTHER_LETTER.test(text)) return [];
  const found: string[] = [];
  for (const ch of new Set(text.normalize('NFKC'))) {
    if (!/\p{L}/u.test(ch) || /[\p{Script=Latin}\p{Script=Arabic}\p{Script=Cyrillic}]/u.test(ch)) continue;
    const named = UNSUPPORTED_SCRIPTS.find(([, re]) => re.test(ch));
    const name = named ? named[0] : 'other script';
    if (!found.includes(name)) found.push(name);
  }
  return found;
}
