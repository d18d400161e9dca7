import type { Presence } from '../platform/index.js';
import { runDeliveryRound } from './delivery-worker.js';
import { OUTBOX_CHANNEL } from './outbox.js';
import { releaseLeases, releaseLeasesOf } from './outbox-store.js';
import { KEYS_CHANNEL } from './own-node.js';
import type { FederationRuntime } from './runtime.js';

/** How often a worker checks, besides notifications, that its keys are the latest card's. */
const KEY_CHECK_MS = 10_000;

/** LISTEN on the database: resolves a function that stops listening. */
export type Listen = (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;

/**
 * The background wiring of the delivery worker (`delivery-worker.ts` sends one round): a
 * loop that runs rounds while there is work, sleeps the poll interval otherwise, wakes on
 * a nudge or a database notification of a new message, and keeps the process's keys in
 * step with rotations made by other processes.
 */
export class DeliveryLoop {
  readonly #rt: FederationRuntime;
  readonly #listen: Listen | undefined;
  readonly #syncKeys: () => Promise<boolean>;
  #worker: Promise<void> | null = null;
  #running = false;
  #wake: (() => void) | null = null;
  #nudged = false;
  readonly #openPresence: (() => Promise<Presence | null>) | undefined;
  #presence: Presence | null = null;
  #unlisten: Promise<() => Promise<void>> | null = null;
  #unlistenKeys: Promise<() => Promise<void>> | null = null;

  constructor(
    rt: FederationRuntime,
    o: {
      listen?: Listen | undefined;
      syncKeys: () => Promise<boolean>;
      presence?: (() => Promise<Presence | null>) | undefined;
    },
  ) {
    this.#rt = rt;
    this.#listen = o.listen;
    this.#syncKeys = o.syncKeys;
    this.#openPresence = o.presence;
  }

  /** This process's presence id on the shared database (null on PGlite, or while reconnecting). */
  get owner(): number | null {
    return this.#presence?.id ?? null;
  }

  /** One round: dead-letters expired messages, claims due ones, sends them. */
  runOnce(): Promise<number> {
    return runDeliveryRound(this.#rt);
  }

  /**
   * Wakes the loop now. A nudge that comes while a round is running is remembered: the loop
   * runs another round straight after, instead of sleeping the poll interval with a
   * committed message waiting (the round's claim may have run before that commit).
   */
  nudge(): void {
    this.#nudged = true;
    this.#wake?.();
  }

  /** Starts the loop (idempotent). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#rt.stopping.requested = false;
    this.#worker = this.#loop();
    const listen = this.#listen;
    if (!listen) return;
    const { logger } = this.#rt;
    this.#unlisten = listen(OUTBOX_CHANNEL, () => this.nudge()).catch((err) => {
      logger.warn('federation: cannot listen for new messages; polling only', { err });
      return async () => {};
    });
    this.#unlistenKeys = listen(KEYS_CHANNEL, () => {
      this.#syncKeys().catch((err) => logger.error('federation: key sync failed', { err }));
    }).catch((err) => {
      logger.warn('federation: cannot listen for key rotations; polling only', { err });
      return async () => {};
    });
  }

  /**
   * Stops the loop: the round in progress finishes the messages it is sending and hands
   * back the leases of the rest of its batch; waits for that.
   */
  async stop(): Promise<void> {
    this.#running = false;
    this.#rt.stopping.requested = true;
    this.#wake?.();
    await this.#worker;
    this.#worker = null;
    // Rounds run by hand after a stop (runOnce) send their whole batch again.
    this.#rt.stopping.requested = false;
    const unlisten = await this.#unlisten;
    this.#unlisten = null;
    await unlisten?.();
    const unlistenKeys = await this.#unlistenKeys;
    this.#unlistenKeys = null;
    await unlistenKeys?.();
    await this.#presence?.stop();
    this.#presence = null;
  }

  async #loop(): Promise<void> {
    const { db, logger, settings } = this.#rt;
    if (this.#openPresence) {
      try {
        this.#presence = await this.#openPresence();
        // An id is fresh for this process, but may repeat that of a process long gone.
        this.#presence?.onAcquired(async (id) => {
          const n = await releaseLeasesOf(db, id);
          if (n > 0) logger.info('federation: released leases left under this id', { messages: n });
          this.nudge();
        });
      } catch (err) {
        logger.warn('federation: no presence on the database; leases only run out', { err });
      }
    }
    if (settings.reclaimOnStart) {
      try {
        const n = await releaseLeases(db);
        if (n > 0) logger.info('federation: released leases of a previous run', { messages: n });
      } catch (err) {
        logger.error('federation: releasing leases failed', { err });
      }
    }
    let lastDeadLetterPass = 0;
    let lastKeyCheck = Date.now();
    while (this.#running) {
      let n = 0;
      try {
        // A lost notification must not leave this process signing with rotated-out keys.
        if (Date.now() - lastKeyCheck >= KEY_CHECK_MS) {
          lastKeyCheck = Date.now();
          await this.#syncKeys();
        }
        // The time-to-live is counted in days: checking for expired messages once per poll
        // interval is plenty, and keeps busy rounds to the one claim query.
        const deadLetters = Date.now() - lastDeadLetterPass >= settings.pollMs;
        if (deadLetters) lastDeadLetterPass = Date.now();
        this.#nudged = false;
        n = await runDeliveryRound(this.#rt, { deadLetters });
      } catch (err) {
        logger.error('federation: delivery round failed', { err });
      }
      if (!this.#running) break;
      if (n > 0 || this.#nudged) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, settings.pollMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.#wake = done;
      });
      this.#wake = null;
    }
  }
}
