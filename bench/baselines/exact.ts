// Baseline: exact comparison after case, accent and punctuation folding.
import { plainTokens } from './name-tokens.js';

/** 1 when the folded names are equal, else 0. */
export function exactScore(a: string, b: string): number {
  const x = plainTokens(a).join(' ');
  return x.length > 0 && x === plainTokens(b).join(' ') ? 1 : 0;
}
