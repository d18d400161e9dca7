/**
 * Hybrid logical clocks (Kulkarni et al., "Logical Physical Clocks", 2014) for case
 * operations: the physical time in milliseconds, and a counter that orders events within a
 * millisecond or when the local clock is behind the highest value seen. Written as
 * `<15 digits>.<5 digits>`, so string order is clock order.
 */

const MS_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

/** A parsed clock value. */
export interface Hlc {
  ms: number;
  counter: number;
}

/** Parses `<ms>.<counter>`. */
export function parseHlc(value: string): Hlc {
  const [ms, counter] = value.split('.');
  return { ms: Number(ms), counter: Number(counter) };
}

/** Formats a clock value so that string order is clock order. */
export function formatHlc(h: Hlc): string {
  return `${String(h.ms).padStart(MS_DIGITS, '0')}.${String(h.counter).padStart(COUNTER_DIGITS, '0')}`;
}

/**
 * The next clock value after `highestSeen` at physical time `nowMs`: physical time when it is
 * ahead, otherwise the highest seen value with its counter advanced.
 */
export function nextHlc(nowMs: number, highestSeen: string | null): string {
  if (!highestSeen) return formatHlc({ ms: nowMs, counter: 0 });
  const seen = parseHlc(highestSeen);
  if (nowMs > seen.ms) return formatHlc({ ms: nowMs, counter: 0 });
  if (seen.counter >= MAX_COUNTER) return formatHlc({ ms: seen.ms + 1, counter: 0 });
  return formatHlc({ ms: seen.ms, counter: seen.counter + 1 });
}

/** The n clock values following `highestSeen`, for a batch of operations. */
export function nextHlcs(nowMs: number, highestSeen: string | null, n: number): string[] {
  const out: string[] = [];
  let last = highestSeen;
  for (let i = 0; i < n; i++) {
    last = nextHlc(nowMs, last);
    out.push(last);
  }
  return out;
}
