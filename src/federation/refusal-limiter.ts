import type { Clock } from '../platform/index.js';

/**
 * Counts refused inbound requests per client address in fixed one-minute windows. Every
 * refusal is audited, so without a limit anyone who can reach the public inbox could fill
 * the audit log with junk; past the limit an address is answered 429 without any work or
 * audit entry until the window ends (one entry records that the limit was reached).
 * Accepted deliveries are never counted, so a partner's burst is not slowed.
 */
export class RefusalLimiter {
  readonly #windows = new Map<string, { start: number; refusals: number }>();
  constructor(
    private readonly clock: Clock,
    private readonly perMinute = 60,
  ) {}

  #window(key: string) {
    const now = this.clock.now().getTime();
    let w = this.#windows.get(key);
    if (!w || now - w.start >= 60_000) {
      if (this.#windows.size > 10_000) this.#windows.clear();
      w = { start: now, refusals: 0 };
      this.#windows.set(key, w);
    }
    return w;
  }

  /** True when the address has used up its refusals for this window. */
  blocked(key: string): boolean {
    return this.#window(key).refusals >= this.perMinute;
  }

  /** Counts one refusal; true when this one reached the limit. */
  record(key: string): boolean {
    const w = this.#window(key);
    w.refusals++;
    return w.refusals === this.perMinute;
  }
}
