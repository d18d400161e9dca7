// Baseline: Jaro-Winkler similarity (Winkler 1990, prefix scale 0.1, prefix up to 4) of the
// whole folded names with tokens sorted, so word order does not count against it.
import { plainTokens } from './name-tokens.js';

/** Jaro-Winkler similarity of two strings in [0, 1]. */
export function jaroWinkler(s: string, t: string): number {
  if (s === t) return s.length > 0 ? 1 : 0;
  const n = s.length;
  const m = t.length;
  if (n === 0 || m === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(n, m) / 2) - 1);
  const sMatched = new Uint8Array(n);
  const tMatched = new Uint8Array(m);
  let matches = 0;
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(m - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (tMatched[j] || s[i] !== t[j]) continue;
      sMatched[i] = 1;
      tMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (!sMatched[i]) continue;
    while (!tMatched[k]) k++;
    if (s[i] !== t[k]) transpositions++;
    k++;
  }
  const jaro = (matches / n + matches / m + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < n && prefix < m && s[prefix] === t[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Jaro-Winkler of the folded, token-sorted names. */
export function jaroWinklerScore(a: string, b: string): number {
  return jaroWinkler(plainTokens(a).sort().join(' '), plainTokens(b).sort().join(' '));
}
