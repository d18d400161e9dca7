/**
 * Event-loop lag, sampled every 50 ms: how late a timer fires. Above `maxLagMs` (the mean of
 * the last ten samples; PASSERELLE_SHED_LAG_MS, off by default: start-up and a shared machine
 * lag too) the process is saturated and sheds load.
 */
export class EventLoopLag {
  #samples: number[] = [];
  #timer: NodeJS.Timeout;
  constructor(private readonly maxLagMs: number | null = null) {
    let expected = performance.now() + 50;
    this.#timer = setInterval(() => {
      const now = performance.now();
      this.#samples.push(Math.max(0, now - expected));
      if (this.#samples.length > 10) this.#samples.shift();
      expected = now + 50;
    }, 50);
    this.#timer.unref();
  }
  /** Mean lag of the last samples, in ms. */
  get meanMs(): number {
    return this.#samples.length === 0 ? 0 : this.#samples.reduce((a, b) => a + b, 0) / this.#samples.length;
  }
  /** True while the mean lag is over the threshold; never when no threshold is set. */
  overloaded(): boolean {
    return this.maxLagMs !== null && this.meanMs > this.maxLagMs;
  }
  stop(): void {
    clearInterval(this.#timer);
  }
}
