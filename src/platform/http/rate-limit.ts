import type { Clock } from '../clock.js';

/**
 * Counts events per key in fixed one-minute windows, in memory (one process). Used to slow
 * down guessing at sign-in and junk traffic at the federation inbox. The table is dropped
 * whole past 10,000 keys, so a flood of distinct addresses cannot grow memory without bound.
 */
export class FixedWindowCounter {
  readonly #windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly clock: Clock,
    private readonly windowMs = 60_000,
  ) {}

  #window(key: string) {
    const now = this.clock.now().getTime();
    let w = this.#windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.#windows.size > 10_000) this.#windows.clear();
      w = { start: now, count: 0 };
      this.#windows.set(key, w);
    }
    return w;
  }

  /** Events counted for the key in the current window. */
  peek(key: string): number {
    return this.#window(key).count;
  }

  /** Milliseconds until the key's current window ends (for a `Retry-After` answer). */
  resetInMs(key: string): number {
    const w = this.#window(key);
    return Math.max(0, w.start + this.windowMs - this.clock.now().getTime());
  }

  /** Counts one event; returns the count in the current window including it. */
  count(key: string): number {
    const w = this.#window(key);
    w.count++;
    return w.count;
  }
}
