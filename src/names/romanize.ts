// Romanisation of Arabic-script name tokens (Arabic, Urdu, Persian, Pashto spellings) to a Latin
// consonant skeleton. Short vowels are not written in Arabic script, so the skeleton carries only
// the long vowels (ا و ي); the comparison treats the missing short vowels as cheap insertions.

// Base transliteration, close to common English-language practice (UNGEGN / ALA-LC without
// diacritics): emphatics lose their dots (ص → s, ط → t), ع and initial alef become '@',
// a wildcard vowel the comparison matches against any vowel or nothing.
const LETTERS: Readonly<Record<string, string>> = {
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '@',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  // letters of Persian and Urdu with no Arabic twin
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ڤ: 'v',
  ڨ: 'g', // Maghrebi gaf
};

const ALEF = 'ا';
const WAW = 'و';
const YEH = 'ي';
const HEH = 'ه';

function isVowelLetter(ch: string | undefined): boolean {
  return ch === ALEF || ch === WAW || ch === YEH;
}

/**
 * Romanises one folded Arabic-script token (see `foldArabic`) to a Latin skeleton such as
 * محمد → "mhmd", حسين → "hsin", عمر → "@mr". Letters outside the Arabic alphabet are dropped.
 */
export function romanizeArabicToken(token: string): string {
  const letters = [...token];
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const ch = letters[i]!;
    const prev = letters[i - 1];
    const next = letters[i + 1];
    if (ch === ALEF) {
      // word-initial alef only seats a vowel (a, i or u: أحمد, إبراهيم, أسامة)
      out += i === 0 ? '@' : 'a';
    } else if (ch === WAW) {
      // consonantal w at the start, next to an alef or doubled; otherwise the long vowel u/o
      // (after a word-initial alef seat it is the vowel: أوس)
      const afterSeat = i === 1 && prev === ALEF;
      out +=
        !afterSeat && (i === 0 || prev === ALEF || next === ALEF || next === WAW || prev === WAW) ? 'w' : 'u';
    } else if (ch === YEH) {
      const afterSeat = i === 1 && prev === ALEF; // إيمان: the long vowel ī
      out +=
        !afterSeat && (i === 0 || prev === ALEF || next === ALEF || next === WAW || next === YEH) ? 'y' : 'i';
    } else if (ch === HEH && i === letters.length - 1 && i > 1 && !isVowelLetter(prev)) {
      // word-final heh after a consonant is almost always a folded teh marbuta (فاطمة → fatma)
      out += 'a';
    } else {
      out += LETTERS[ch] ?? '';
    }
  }
  return out;
}

// Letter groups Arabic writers use for sounds Arabic lacks, in names from other languages:
// تش for ch (Charles, Tschudi, Czech cz, č), سك for sch (Schouten), تس for z and tz (German
// and Italian z, written z or tz: Zelda, Moritz). Read as the two letters they are, they would never meet the
// Latin spelling; each is an alternate reading, never the only one.
const FOREIGN_GROUPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/تش/g, 'چ'],
  [/سك/g, 'ش'],
  [/تس/g, 'ز'],
  [/تس/g, 'تز'],
];

/**
 * Alternate Latin skeletons of a folded Arabic-script token read with the foreign-sound letter
 * groups (تش = ch, سك = sch, تس = z); empty when the token has none.
 */
export function foreignReadings(token: string): string[] {
  const out: string[] = [];
  let all = token;
  for (const [group, letter] of FOREIGN_GROUPS) {
    if (!group.test(token)) continue;
    group.lastIndex = 0;
    out.push(romanizeArabicToken(token.replace(group, letter)));
    all = all.replace(group, letter);
  }
  if (out.length > 1) out.push(romanizeArabicToken(all));
  return out;
}
