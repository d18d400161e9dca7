// The spelling form: a phonetic rewrite of a Latin (or romanised) token in a small alphabet
// where the digraphs of English, French and South-Asian romanisation become one symbol.
//
// Alphabet: vowels a e i o u, the long vowels I U (Latin ee ii, oo ou uu), the wildcard '@'
// (ayn or a bare alef seat), semivowels y w,
// Latin consonants, and X (kh, خ), G (gh, غ), S (sh, ش), C (ch, چ), T (th, ث),
// D (dh, ذ), Z (zh, ژ).

// Ordered: longer patterns first.
// Each pair is [pattern, replacement, a letter the pattern needs] — the letter test skips most
// regular expressions on most tokens.
const DIGRAPHS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/x/g, 'ks', 'x'], // Latin x before kh becomes X
  [/tsch|tch/g, 'C', 'ch'],
  [/sch/g, 'S', 'sch'],
  [/sh/g, 'S', 'sh'],
  // Indonesian and Malay write sh as sy: Rasyid, Basyir, Syamsuddin
  [/sy(?=[aeiou])/g, 'S', 'sy'],
  [/ch/g, 'C', 'ch'],
  [/kh/g, 'X', 'kh'],
  [/gh/g, 'G', 'gh'],
  [/th/g, 'T', 'th'],
  [/dh/g, 'D', 'dh'],
  [/zh/g, 'Z', 'zh'],
  [/ph/g, 'f', 'ph'],
  [/dj|dzh/g, 'j', 'd'],
  [/ck/g, 'k', 'ck'],
  [/^wr/g, 'r', 'wr'],
  [/^kn/g, 'n', 'kn'],
  [/c(?=[eiy])/g, 's', 'c'],
  [/c/g, 'k', 'c'],
  // French ou is any u (Khouja, Youssef). English oo, ee and doubled ii, uu write a long vowel
  // (Mahmood, Saeed): U and I, which Arabic script must write too (و ي): Saeed is سعيد, not سعد.
  [/ou/g, 'u', 'ou'],
  [/oo/g, 'U', 'oo'],
  [/uu/g, 'U', 'uu'],
  [/ee/g, 'I', 'ee'],
  [/ii/g, 'I', 'ii'],
  [/aa/g, 'a', 'aa'],
  [/ow(?=[^aeiou]|$)/g, 'au', 'ow'],
  [/ue(?=[^aeiou]|$)/g, 'u', 'ue'],
];

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', '@', 'I', 'U']);

/** True for the vowel symbols of the spelling-form alphabet (including '@'). */
export function isFormVowel(ch: string): boolean {
  return VOWELS.has(ch);
}

/**
 * Spelling form of one Latin token already folded to lowercase ASCII (romanised Arabic may
 * also contain '@'). Examples: "Mohammed" → "mohamed", "Choudhry" → "Cudri",
 * "Youssef" → "yusef", "Khaled" → "Xaled".
 */
export function spellingForm(token: string): string {
  let form = formCache.get(token);
  if (form === undefined) {
    form = computeSpellingForm(token);
    if (formCache.size >= FORM_CACHE_LIMIT) formCache.clear();
    formCache.set(token, form);
  }
  return form;
}

// Names repeat their parts: each distinct token is rewritten once (bounded, so memory is flat).
const FORM_CACHE_LIMIT = 100_000;
const formCache = new Map<string, string>();

function computeSpellingForm(token: string): string {
  let s = token;
  for (const [pattern, replacement, trigger] of DIGRAPHS)
    if (s.includes(trigger)) s = s.replace(pattern, replacement);
  // y between consonants or after a final consonant is a vowel (Chaudhry, Haydr → i)
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === 'y') {
      const prev = s[i - 1];
      const next = s[i + 1];
      const prevVowel = prev !== undefined && VOWELS.has(prev);
      const nextVowel = next !== undefined && VOWELS.has(next);
      out += i > 0 && !prevVowel && !nextVowel ? 'i' : 'y';
    } else out += ch;
  }
  // Doubled letters (shadda, or spelling habit) carry no identity: Hassan = Hasan
  // in romanised lists. Collapse all runs.
  out = out.replace(/(.)\1+/g, '$1');
  // Final h after a is silent (Fatimah, Allah, Shah → Sa; Saleh keeps its ح); final e after a consonant
  // is silent in French spellings (Eddine, Houcine).
  if (out.length > 2 && out.endsWith('ah')) out = out.slice(0, -1);
  else if (out.length > 3 && out.endsWith('e') && !VOWELS.has(out[out.length - 2]!)) out = out.slice(0, -1);
  return out;
}
