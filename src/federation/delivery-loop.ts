import { runDeliveryRound } from './delivery-worker.js';
import { OUTBOX_CHANNEL } from './outbox.js';
import { releaseLeases } from './outbox-store.js';
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
  #unlisten: Promise<() => Promise<void>> | null = null;
  #unlistenKeys: Promise<() => Promise<void>> | null = null;

  constructor(rt: FederationRuntime, o: { listen?: Listen | undefined; syncKeys: () => Promise<boolean> }) {
    this.#rt = rt;
    this.#listen = o.listen;
    this.#syncKeys = o.syncKeys;
  }

  /** One round: dead-letters expired messages, claims due ones, sends them. */
  runOnce(): Promise<number> {
    return runDeliveryRound(this.#rt);
  }

  /** Wakes the loop now, if it sleeps. */
  nudge(): void {
    this.#wake?.();
  }

  /** Starts the loop (idempotent). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#worker = this.#loop();
    const listen = this.#listen;
    if (!listen) return;
    const { logger } = this.#rt;
    this.#unlisten = listen(OUTBOX_CHANNEL, () => this.#wake?.()).catch((err) => {
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

  /** Stops the loop and waits for the round in progress to finish. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#worker;
    this.#worker = null;
    const unlisten = await this.#unlisten;
    this.#unlisten = null;
    await unlisten?.();
    const unlistenKeys = await this.#unlistenKeys;
    this.#unlistenKeys = null;
    await unlistenKeys?.();
  }

  async #loop(): Promise<void> {
    const { db, logger, settings } = this.#rt;
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
        n = await runDeliveryRound(this.#rt, { deadLetters });
      } catch (err) {
        logger.error('federation: delivery round failed', { err });
      }
      if (!this.#running) break;
      if (n > 0) continue;
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
