// Phonetic keys for Arabic and South-Asian names: the consonant skeleton of a spelling form in
// coarse classes, so that spellings of one name share a key (Muhammad, Mohamed, Mouhammad,
// محمد → MHMD; Choudhry, Chaudhary, Chowdhury → CDR).

// Classes merge consonants that romanisations of the same Arabic, Urdu or Persian letter
// disagree on: ث is th in Arabic and s in Urdu (Uthman/Usman), ق is q, k or g, خ is kh or x.
const CLASSES: Readonly<Record<string, string>> = {
  b: 'B',
  p: 'B',
  f: 'F',
  v: 'F',
  t: 'T',
  d: 'D',
  D: 'D',
  s: 'S',
  z: 'S',
  T: 'S',
  S: 'C',
  C: 'C',
  j: 'J',
  g: 'J',
  G: 'J',
  Z: 'J',
  k: 'K',
  q: 'K',
  X: 'K',
  h: 'H',
  l: 'L',
  m: 'M',
  n: 'N',
  r: 'R',
};

/**
 * Phonetic key of a spelling form: consonant classes with vowels, semivowels and repeats
 * removed. Keys are compared for equality only (blocking, hit/no-hit tokens).
 */
export function phoneticKey(form: string): string {
  let key = '';
  let last = '';
  for (const ch of form) {
    const cls = CLASSES[ch];
    if (cls === undefined) continue;
    if (cls !== last) key += cls;
    last = cls;
  }
  // A name of vowels only (Ali → L is fine; "Aya", "Eio") keeps a marker so it is not empty.
  return key.length > 0 ? key : form.length > 0 ? '_' : '';
}
