/**
 * One fixed-window counter of the rate limiter, shared by every process on the database
 * (sign-in attempts per address, refused federation requests per address or partner).
 */
export interface RateLimitsTable {
  /** Scope and key, e.g. `signin:198.51.100.7`. */
  scope_key: string;
  /** Start of the window the count belongs to (windows are aligned on the epoch). */
  window_start: Date;
  count: number;
}
