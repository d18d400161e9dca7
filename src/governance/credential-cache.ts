/**
 * Sessions and API tokens found valid a moment ago, kept in this process so that a burst of
 * requests does not look the same credential up in the database each time.
 *
 * Correctness across processes:
 * - Every change that can end or narrow a credential (sign-out, a session ended by a lock or a
 *   password change, a token revoked, a user's roles, password or disabled flag changed) fires
 *   a database trigger that notifies {@link CREDENTIALS_CHANNEL} when its transaction commits
 *   (migration `2026-12-02T0750-credential-changes`). Every process of the node listens and
 *   empties its cache: the change takes effect at once everywhere, including for changes
 *   made by another process or by the CLI on the database.
 * - An entry is trusted for at most `ttlMs` (1 s by default, PASSERELLE_AUTH_CACHE_MS): the
 *   bound when a notification is lost (the listening connection is being reopened).
 * - The process that makes a change also empties its own cache before answering, so its
 *   next request never waits for its own notification.
 * - A lookup that began before an invalidation does not store its (possibly stale) result.
 * - Only valid credentials are kept; expiry, idle timeout and the once-a-minute "last used"
 *   bookkeeping are still checked on every request against the cached row, and any doubt
 *   goes to the database.
 */

/** The PostgreSQL notification channel of credential changes. */
export const CREDENTIALS_CHANNEL = 'passerelle_credentials';

/** Default and maximum time an entry is trusted without a notification, in ms. */
export const CREDENTIAL_CACHE_MS = { default: 1000, max: 1000 } as const;

/** Most entries kept; past it the cache starts over (one browser or script is one entry). */
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  value: T;
  at: number;
}

/** Recently validated credential rows, keyed by the credential's hash. */
export class CredentialCache<T = unknown> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #ttlMs: number;
  #generation = 0;

  /** `ttlMs` 0 turns the cache off. */
  constructor(ttlMs: number = CREDENTIAL_CACHE_MS.default) {
    this.#ttlMs = Math.max(0, Math.min(ttlMs, CREDENTIAL_CACHE_MS.max));
  }

  /** A row cached less than `ttlMs` ago, or undefined. */
  get(key: string): T | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    if (performance.now() - e.at >= this.#ttlMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** The current generation: pass it to {@link set} after the database lookup. */
  get generation(): number {
    return this.#generation;
  }

  /**
   * Keeps a row read from the database, unless an invalidation happened since `generation`
   * was taken (the row may predate the change).
   */
  set(key: string, value: T, generation: number): void {
    if (this.#ttlMs === 0 || generation !== this.#generation) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    this.#entries.set(key, { value, at: performance.now() });
  }

  /** Forgets one credential (this process ended it). */
  delete(key: string): void {
    this.#generation++;
    this.#entries.delete(key);
  }

  /** Forgets every credential: something changed somewhere. */
  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }
}
