// Shared, deliberately plain preprocessing for the baselines: what an off-the-shelf matcher
// does (case and accent folding, punctuation to spaces), with no knowledge of Arabic names.

/** Lowercase, accent-free, punctuation-free tokens of a name. */
export function plainTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((t) => t.length > 0);
}

/** Dice overlap of two token-code lists, each code used once. */
export function diceOfCodes(a: readonly string[][], b: readonly string[][]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const used = new Uint8Array(b.length);
  let common = 0;
  for (const codesA of a) {
    for (let j = 0; j < b.length; j++) {
      if (used[j]) continue;
      if (codesA.some((c) => c !== '' && b[j]!.includes(c))) {
        used[j] = 1;
        common++;
        break;
      }
    }
  }
  return (2 * common) / (a.length + b.length);
}
