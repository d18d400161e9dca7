import type { Random } from '../platform/index.js';

/**
 * Delay before retry number `attempt` (1 = after the first failure): "full jitter"
 * exponential back-off, uniformly random in [0, min(maxMs, baseMs·2^(attempt−1))). Full
 * jitter spreads the retries of many senders hit by one partner outage instead of having
 * them all return in step (AWS Architecture Blog, "Exponential Backoff and Jitter", 2015).
 */
export function retryDelayMs(attempt: number, random: Random, baseMs: number, maxMs: number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 40);
  const cap = Math.min(maxMs, baseMs * 2 ** exponent);
  const b = random.bytes(4);
  const u = (((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0) / 2 ** 32;
  return Math.floor(u * cap);
}

/** Joins a partner's endpoint (which may carry a base path) and a protocol path. */
export function endpointUrl(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}${path}`;
}
