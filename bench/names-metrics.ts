// Recall at a fixed false-positive rate: the threshold is set on the negatives so that at most
// `fpr` of them score above it; recall is the share of positives strictly above it.

/** Recall of positives at the threshold that keeps the false-positive rate at or below `fpr`. */
export function recallAtFpr(
  positives: Float64Array,
  negatives: Float64Array,
  fpr: number,
): { recall: number; threshold: number } {
  const neg = Float64Array.from(negatives).sort().reverse();
  const allowed = Math.floor(fpr * neg.length);
  // Scores at or below the (allowed+1)-th highest negative are rejected, ties included, so a
  // scorer with coarse scores (exact match: 0 or 1) is not credited for lucky tie-breaking.
  const threshold = allowed < neg.length ? neg[allowed]! : Number.NEGATIVE_INFINITY;
  let hits = 0;
  for (const s of positives) if (s > threshold) hits++;
  return { recall: positives.length > 0 ? hits / positives.length : 0, threshold };
}

/** Scores every pair with a scorer. */
export function scorePairs(
  pairs: ReadonlyArray<readonly [string, string]>,
  scorer: (a: string, b: string) => number,
): Float64Array {
  const out = new Float64Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) out[i] = scorer(pairs[i]![0], pairs[i]![1]);
  return out;
}
