// Particles and honorifics of Arabic, Maghrebi and South-Asian names, in their common Latin
// spellings and in Arabic script (after `foldArabic`).

/** Definite article and its sun-letter assimilations (al-, ar-Rahman, ad-Din, ul in Urdu). */
export const ARTICLES: ReadonlySet<string> = new Set([
  'al',
  'el',
  'ul',
  'ol',
  'il',
  'ad',
  'ed',
  'ud',
  'ar',
  'er',
  'ur',
  'as',
  'es',
  'us',
  'at',
  'et',
  'ut',
  'az',
  'ez',
  'uz',
  'an',
  'en',
  'un',
  'ash',
  'esh',
  'ush',
  'ath',
  'adh',
  'ال',
]);

/** "Son/daughter of": the following tokens name the father (or an ancestor). */
export const PATRONYMIC_MARKERS: ReadonlySet<string> = new Set([
  'bin',
  'ibn',
  'ben',
  'bint',
  'binti',
  'bent',
  'ould',
  'wuld',
  'bn',
  'بن',
  'ابن',
  'بنت',
  'ولد',
]);

/** "Father/mother of" (kunya) and the Berber "ait": joined with the next token. */
export const KUNYA_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['abu', 'abu'],
  ['abou', 'abu'],
  ['abo', 'abu'],
  ['umm', 'um'],
  ['um', 'um'],
  ['oum', 'um'],
  ['om', 'um'],
  ['ait', 'ait'],
  ['ابو', 'abu'],
  ['ام', 'um'],
  ['ايت', 'ait'],
]);

/** "Servant of": joined with the following divine name (Abd al-Latif = Abdellatif). */
export const ABD_PREFIXES: ReadonlySet<string> = new Set([
  'abd',
  'abdul',
  'abdel',
  'abdal',
  'abdol',
  'abdoul',
  'abdur',
  'abdus',
  'abdulla', // never a prefix alone; kept for "Abdulla Aziz"-style splits
  'عبد',
]);

/**
 * Glued abd-compounds: "abd", a linking vowel, and the article's l or an assimilated sun
 * letter (Abdellatif, Abdurrahman, Abdoulkarim, Abdirahman). Group 1 is the article
 * consonant, group 2 the rest of the name.
 */
export const ABD_GLUED = /^abd(?:[aeiou]{1,2}(l|([tdrzsn])(?=\2))?)?(.{3,})$/;

/** Titles and honorifics: kept as near-weightless tokens, never used for keys. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'haji',
  'hajji',
  'hadji',
  'haj',
  'hajj',
  'alhaj',
  'alhaji',
  'elhadj',
  'sheikh',
  'shaikh',
  'sheik',
  'shaykh',
  'cheikh',
  'cheick',
  'mullah',
  'mulla',
  'molla',
  'mollah',
  'maulvi',
  'maulavi',
  'maulawi',
  'mawlawi',
  'mawlavi',
  'mowlawi',
  'mowlavi',
  'moulavi',
  'molvi',
  'molavi',
  'mulvi',
  'moulvi',
  'maulana',
  'mawlana',
  'hafiz',
  'hafez',
  'qari',
  'mufti',
  'imam',
  'dr',
  'doctor',
  'prof',
  'professor',
  'eng',
  'engineer',
  'general',
  'colonel',
  'mr',
  'mrs',
  'sayyid',
  'sayed',
  'syed',
  'sayyed',
  'seyed',
  'حاج',
  'حاجي',
  'الحاج',
  'شيخ',
  'الشيخ',
  'ملا',
  'مولوي',
  'مولانا',
  'حافظ',
  'دكتور',
  'الدكتور',
  'د',
  'سيد',
  'السيد',
]);

/** Theophoric suffix tokens merged into the preceding name (Jalal ud-Din, Barakat Ullah). */
export const SUFFIX_TOKENS: ReadonlyMap<string, 'din' | 'allah'> = new Map([
  ['din', 'din'],
  ['deen', 'din'],
  ['dine', 'din'],
  ['ddin', 'din'],
  ['uddin', 'din'],
  ['eddin', 'din'],
  ['eddine', 'din'],
  ['addin', 'din'],
  ['uddeen', 'din'],
  ['ullah', 'allah'],
  ['ulla', 'allah'],
  ['allah', 'allah'],
  ['alla', 'allah'],
  ['ollah', 'allah'],
  ['illah', 'allah'],
  ['الدين', 'din'],
  ['دين', 'din'],
  ['الله', 'allah'],
  ['اللہ', 'allah'],
]);

/** Spelling forms of the two theophoric suffixes, shared by every script. */
export const SUFFIX_FORMS: Readonly<Record<'din' | 'allah', string>> = { din: 'udin', allah: 'ula' };

/** Abbreviations of very common names, read as the name (Mhd, Mohd, Md: Muhammad). */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['mhd', 'muhammad'],
  ['mohd', 'muhammad'],
  ['muhd', 'muhammad'],
  ['mohmd', 'muhammad'],
  ['mhmd', 'muhammad'],
  ['md', 'muhammad'],
  ['mohd.', 'muhammad'],
]);
