// Baseline: American Soundex (as in the US National Archives rules) per token; a name scores the
// Dice overlap of its token codes.
import { diceOfCodes, plainTokens } from './name-tokens.js';

const CODES: Readonly<Record<string, string>> = {
  b: '1',
  f: '1',
  p: '1',
  v: '1',
  c: '2',
  g: '2',
  j: '2',
  k: '2',
  q: '2',
  s: '2',
  x: '2',
  z: '2',
  d: '3',
  t: '3',
  l: '4',
  m: '5',
  n: '5',
  r: '6',
};

/** Soundex code of one word ("Robert" → R163); empty for words without Latin letters. */
export function soundex(word: string): string {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length === 0) return '';
  let out = letters[0]!.toUpperCase();
  let last = CODES[letters[0]!] ?? '';
  for (let i = 1; i < letters.length && out.length < 4; i++) {
    const ch = letters[i]!;
    const code = CODES[ch];
    if (code === undefined) {
      // h and w do not separate equal codes; vowels do
      if (ch !== 'h' && ch !== 'w') last = '';
      continue;
    }
    if (code !== last) out += code;
    last = code;
  }
  return out.padEnd(4, '0');
}

/** Dice overlap of the Soundex codes of two names' tokens. */
export function soundexScore(a: string, b: string): number {
  return diceOfCodes(
    plainTokens(a).map((t) => [soundex(t)]),
    plainTokens(b).map((t) => [soundex(t)]),
  );
}
