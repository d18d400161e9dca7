/**
 * Admission of requests, a bounded number per turn of the event loop.
 *
 * Why: since libuv 1.45 (Node.js 20) a listening socket accepts **one** connection per turn
 * of the event loop (libuv PR #3696). Every request that arrives on an open connection is read
 * and started in the same turn, so a turn lasts as long as the work of every request that
 * arrived since the last one. Under a flood (1,000 clients on a 2-core node) a turn took
 * about 200 ms: the node accepted five new connections a second, and clients whose
 * connection was still in the kernel's accept queue waited 10 to 30 s for their first answer
 * while the connected ones were served over and over (load test, issue #15).
 *
 * The gate starts at most `perTurn` requests in each turn, in arrival order; the others wait
 * in a first-in first-out queue and start in the next turns. A turn then does a bounded
 * amount of work, so the listening socket is visited often and every client gets its turn.
 * Requests that wait only cost a queued promise; the load-shedding limit (503 `overloaded`)
 * still applies once they start.
 */
/**
 * Requests started per turn (PASSERELLE_ADMIT_PER_TURN). With 8, the 1,000-client load test
 * kept its throughput (1,557 req/s against 1,444 without the gate) and its slowest answer
 * fell from 29.3 s to 1.7 s; 16 gave 1,586 req/s and 2.4 s.
 */
export const DEFAULT_ADMIT_PER_TURN = 8;

export class AdmissionGate {
  readonly #perTurn: number;
  /** Waiting requests, oldest first (a ring would do; `#head` avoids shifting the array). */
  #waiting: Array<() => void> = [];
  #head = 0;
  #startedThisTurn = 0;
  #scheduled = false;
  /** Longest wait of a request in the queue since the last read, in ms (for metrics). */
  #maxWaitMs = 0;

  constructor(perTurn: number) {
    if (!Number.isInteger(perTurn) || perTurn < 1) throw new RangeError('perTurn must be a positive integer');
    this.#perTurn = perTurn;
  }

  /** Requests waiting for their turn. */
  get waiting(): number {
    return this.#waiting.length - this.#head;
  }

  /** The longest wait since the last call, in ms; resets it. */
  takeMaxWaitMs(): number {
    const v = this.#maxWaitMs;
    this.#maxWaitMs = 0;
    return v;
  }

  /**
   * Resolves when the request may start: at once while this turn has room and nobody waits,
   * otherwise in a later turn, in arrival order. `null` means "start now" (no promise).
   */
  admit(): Promise<void> | null {
    if (this.waiting === 0 && this.#startedThisTurn < this.#perTurn) {
      this.#startedThisTurn++;
      this.#schedule();
      return null;
    }
    const queuedAt = performance.now();
    return new Promise<void>((resolve) => {
      this.#waiting.push(() => {
        this.#maxWaitMs = Math.max(this.#maxWaitMs, performance.now() - queuedAt);
        resolve();
      });
      this.#schedule();
    });
  }

  /**
   * Wraps a fetch handler so that each call first waits for its turn; requests for which
   * `exempt` is true (the health probes: cheap, and a probe that waits looks like a dead
   * node) start at once.
   */
  wrap<E>(
    inner: (req: Request, env: E) => Promise<Response> | Response,
    exempt: (req: Request) => boolean = () => false,
  ): (req: Request, env: E) => Promise<Response> {
    return async (req, env) => {
      const wait = exempt(req) ? null : this.admit();
      if (wait) await wait;
      return inner(req, env);
    };
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // An immediate set while the loop polls runs after the poll phase of this turn; one set
    // from the immediate itself runs in the next turn, after that turn's poll (and accept).
    setImmediate(this.#turn);
  }

  readonly #turn = (): void => {
    this.#scheduled = false;
    this.#startedThisTurn = 0;
    while (this.waiting > 0 && this.#startedThisTurn < this.#perTurn) {
      const start = this.#waiting[this.#head]!;
      this.#head++;
      this.#startedThisTurn++;
      start();
    }
    if (this.#head > 1024 && this.#head * 2 > this.#waiting.length) {
      this.#waiting = this.#waiting.slice(this.#head);
      this.#head = 0;
    }
    if (this.waiting > 0) this.#schedule();
  };
}
