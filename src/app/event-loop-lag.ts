/**
 * Event-loop lag, sampled every 50 ms: how late a timer fires. Above `maxLagMs` (the mean of
 * the last half second) the process is saturated and sheds load.
 */
export class EventLoopLag {
  #samples: number[] = [];
  #timer: NodeJS.Timeout;
  constructor(private readonly maxLagMs = 250) {
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
  overloaded(): boolean {
    return this.meanMs > this.maxLagMs;
  }
  stop(): void {
    clearInterval(this.#timer);
  }
}
