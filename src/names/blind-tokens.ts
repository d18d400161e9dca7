// Person tokens for blind (hit/no-hit) matching, second design. Blind matching compares
// tokens for equality only, so everything the engine tolerates in clear text must be folded
// into the tokens here: the phonetic keys of the name parts, paired (order-independent, a
// missing part leaves the other pairs), with the year of birth. Measured against the engine on
// the tune split of the name evaluation (bench/matching-bench.ts, docs/MATCHING.md).
//
// What differs from `personMatchTokens` (the first design, kept as it was for comparison):
// - a matching key that folds two more transliteration habits on both sides: the t of Arabic
//   تش (Archipenko = ارتشيبنكو), and a final h (Aghazadeh = اغازاده);
// - the querier also asks for the keys of the other readings of each part (the engine's
//   alternate forms: article dropped or kept, foreign letter groups; ch read as kh and kh as
//   ch, dh/ذ read as z and z as dh, s as sh, th as t, a leading al/el left out; for a Latin
//   part also the readings Arabic script writes differently, see `latinReadings`), at most
//   three keys a part;
// - a name part written as one word with a suffix or an abd- prefix (Nasiruddin, Faizullah,
//   Noorzai, Abdurrahman) also gives the key of the bare name, on both sides;
// - in a name of three or more distinct parts, a pair of two very common names (Muhammad +
//   Ahmad) is left out when the name has a rarer part to pair with, and a common name is not
//   paired at all when three rarer parts pair among themselves: such pairs are shared by many
//   different people.

import { type MatchPerson, type MatchTokenOptions, tokenYears } from './match-keys.js';
import type { NameToken } from './parse-name.js';
import { parseName } from './parse-name.js';
import { phoneticKey } from './phonetic-key.js';

/** Keys a querier asks for per name part, the part's own key first. */
export const BLIND_KEYS_PER_PART = 3;

function isKeyed(t: NameToken): boolean {
  return t.kind !== 'honorific' && t.kind !== 'initial' && t.key.length > 0;
}

/**
 * Matching key of one spelling form: the phonetic key, with the t of a romanised تش and a
 * word-final h left out.
 */
export function blindKey(form: string): string {
  const key = phoneticKey(form.replace(/t(?=[SC])/g, ''));
  return key.length > 1 && key.endsWith('H') && form.endsWith('h') ? key.slice(0, -1) : key;
}

// Readings of a spelling form that romanisations disagree on (spelling-form alphabet: C = ch,
// X = kh, D = dh, S = sh, T = th).
function otherReadings(form: string): string[] {
  const out: string[] = [];
  if (form.includes('C')) out.push(form.replace(/C/g, 'X'));
  if (form.includes('X')) out.push(form.replace(/X/g, 'C'));
  if (form.includes('D')) out.push(form.replace(/D/g, 'z'));
  if (form.includes('z')) out.push(form.replace(/z/g, 'D'));
  // Latin s for ش where ş, š or ș lost their mark (Yaşar, Siniša); Latin th for a plain t.
  if (form.includes('s')) out.push(form.replace(/s/g, 'S'));
  if (form.includes('T')) out.push(form.replace(/T/g, 't'));
  // A Latin al-/el- written into the word (Alban, Elefteriades): Arabic script reads أل as
  // the article and drops it.
  if (/^[ae]l./.test(form) && form.length > 4) out.push(form.slice(2));
  return out;
}

/**
 * Readings of a Latin name part that Arabic script writes differently, which the querier also
 * asks for (they come after the part's own readings, within the keys a part may have):
 * the French spoken form (silent final letters: Arnaud → arno); an article glued as l-
 * (Larfaoui, Lazhar for al-ʿArfāwī, al-Azhar, whose Arabic keys leave the article out); an
 * initial h written or not (Hanafi, Aanafi); German w, which Arabic writes ف (Wolfgang,
 * Ewald); an h after a vowel that is not sounded (Brahms, Ehrlich, Uhlenbeck); German final
 * dt (Karlfeldt); j read as y, as German, Dutch and Scandinavian names write it (Jakobson,
 * Karajan: ي); gh read as ق, as Persian names write it (Bagheri, Ghassemlou). Chosen on the
 * tune split (docs/MATCHING.md).
 */
function latinReadings(t: NameToken): string[] {
  if (t.arabic) return [];
  const form = t.forms[0]!;
  const out: string[] = [];
  if (t.spoken) out.push(t.spoken);
  if (/^l[aeiou]/.test(form) && form.length > 4) out.push(form.slice(1));
  if (/^h[aeiou]/.test(form)) out.push(form.slice(1));
  if (form.includes('w')) out.push(form.replace(/w/g, 'f'));
  if (/(?<=[aeiou])h(?![aeiou])/.test(form)) out.push(form.replace(/(?<=[aeiou])h(?![aeiou])/g, ''));
  if (form.endsWith('dt')) out.push(`${form.slice(0, -2)}t`);
  if (form.includes('j')) out.push(form.replace(/j/g, 'y'));
  if (form.includes('G')) out.push(form.replace(/G/g, 'q'));
  // Any g read as ق too: Arabic script writes a foreign g in several ways, ق among them. Chosen
  // on the tune split with the querier-only rule below, which makes room for its false hits.
  if (form.includes('g')) out.push(form.replace(/g/g, 'q'));
  return out;
}

/**
 * The given name inside a name written as one word with a suffix or an abd- prefix
 * (Nasiruddin → Nasir, Faizullah → Faiz, Noorzai → Noor, Abdurrahman → Rahman), which the
 * engine matches against the bare name; undefined when there is none.
 */
export function blindStem(form: string): string | undefined {
  const din = /^(.{3,}?)[aeiu]?d(in|In|ine)$/.exec(form);
  if (din) return din[1];
  const ullah = /^(.{4,}?)ulah?$/.exec(form);
  if (ullah && !form.startsWith('abd')) return ullah[1];
  const tribe = /^(.{3,}?)(zai|zada|zade)$/.exec(form);
  if (tribe) return tribe[1];
  if (/^abdul.{3,}/.test(form)) return form.slice(5);
  return undefined;
}

function partKeys(t: NameToken, side: MatchTokenOptions['side']): string[] {
  const keys = new Set([blindKey(t.forms[0]!)]);
  // Both sides carry the stem's key: the holder's record may be the long form or the short.
  // A stem of one consonant class (Abdullahi → ahi → H) would pair with too many names.
  const stem = blindStem(t.forms[0]!);
  const stemKey = stem === undefined ? '' : blindKey(stem);
  if (stemKey.length >= 2) keys.add(stemKey);
  if (side === 'querier') {
    for (const form of t.forms) {
      keys.add(blindKey(form));
      for (const reading of otherReadings(form)) keys.add(blindKey(reading));
    }
    for (const reading of latinReadings(t)) keys.add(blindKey(reading));
  }
  return [...keys].slice(0, BLIND_KEYS_PER_PART);
}

// The most frequent given names of the populations the lists hold (and Khan); their keys also
// cover spellings and names sharing the skeleton (MHMD is Muhammad and Mahmud).
const COMMON_NAMES = [
  'Muhammad',
  'Ahmad',
  'Ali',
  'Omar',
  'Hassan',
  'Amin',
  'Ibrahim',
  'Abdullah',
  'Abd al-Rahman',
  'Khan',
  'Salim',
  'Mustafa',
  'Khalid',
];
let commonKeys: ReadonlySet<string> | undefined;
function isCommonKey(key: string): boolean {
  commonKeys ??= new Set(COMMON_NAMES.map((n) => blindKey(parseName(n).tokens[0]!.forms[0]!)));
  return commonKeys.has(key);
}

/**
 * Person tokens for blind matching ("pb2:MHMD+NWR:1961", "pb1:…" for a one-part name), the
 * holder's and the querier's: equal strings on both sides mean a candidate hit. The holder
 * publishes the name's own keys for the recorded year; the querier asks for the other readings
 * of each part too, and for the year and its neighbours.
 */
export function personBlindTokens(person: MatchPerson, options: MatchTokenOptions): string[] {
  const parts = new Map<string, string[]>();
  for (const t of parseName(person.name).tokens) {
    if (!isKeyed(t)) continue;
    const keys = partKeys(t, options.side);
    if (!parts.has(keys[0]!)) parts.set(keys[0]!, keys);
  }
  const groups = [...parts.values()];
  const rare = groups.filter((g) => !isCommonKey(g[0]!)).length;
  const stems = new Set<string>();
  if (groups.length === 1) for (const k of groups[0]!) stems.add(`pb1:${k}`);
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const common = [groups[i]![0]!, groups[j]![0]!].filter(isCommonKey).length;
      // Two common names together, when a rarer part exists to pair with.
      if (groups.length >= 3 && rare >= 1 && common === 2) continue;
      // A common name with another part, when three rarer parts pair among themselves.
      if (rare >= 3 && common >= 1) continue;
      // The querier, for a name of four or more parts with two rarer ones, pairs only those:
      // the common names of a long name are the father's and grandfather's names (Ibrahim,
      // Hasan) that brothers and cousins share with the family name, most of the Latin false
      // hits of the tune split. The holder keeps publishing those pairs, so a shorter spelling
      // of the same person (its common name with the family name) still meets them.
      if (options.side === 'querier' && groups.length >= 4 && rare >= 2 && common >= 1) continue;
      for (const a of groups[i]!) {
        for (const b of groups[j]!) if (a !== b) stems.add(`pb2:${a < b ? `${a}+${b}` : `${b}+${a}`}`);
      }
    }
  }
  const years = tokenYears(person, options);
  const out: string[] = [];
  for (const stem of stems) for (const y of years) out.push(`${stem}:${y}`);
  return out;
}
