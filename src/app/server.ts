import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { type Config, claimScheduledJob } from '../platform/index.js';
import { AdmissionGate, DEFAULT_ADMIT_PER_TURN } from './admission.js';
import { CARD_CHECK_INTERVAL_MS, renewCardIfDue } from './card-renewal.js';
import { type AppContext, type AppContextOverrides, createAppContext } from './context.js';
import { createHttpApp, SHUTDOWN_RETRY_AFTER_S, SHUTTING_DOWN_ERROR } from './http.js';
import { isProbeUrl } from './observability.js';

/**
 * How often a node looks for new audit activity and, if there was some, signs its audit head
 * and sends it to its partners (PROTOCOL §8.3). Envelopes and receipts carry the head too.
 */
export const CHECKPOINT_INTERVAL_MS = 5 * 60 * 1000;
/**
 * Each process looks every {@link CHECKPOINT_INTERVAL_MS}; a run books the job this much
 * less ahead, so whichever process looks next after it gets the following run.
 */
const CHECKPOINT_SLACK_MS = 30 * 1000;

/**
 * How long a stopping node waits for the requests in progress to finish before it cuts
 * them (PASSERELLE_SHUTDOWN_GRACE_MS).
 */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** The answer to a request that arrives on a kept-alive connection while the node drains. */
function shuttingDown(path: string): Response {
  const body =
    path === '/readyz' ? { status: 'not_ready', reason: 'shutting_down' } : { error: SHUTTING_DOWN_ERROR };
  return new Response(JSON.stringify(body), {
    status: 503,
    headers: {
      'content-type': 'application/json',
      'retry-after': SHUTDOWN_RETRY_AFTER_S,
      connection: 'close',
    },
  });
}

/**
 * Requests in progress, so that a stop can drain them before the database closes. A
 * request counts until its handler has settled and its answer has left; a Server-Sent
 * Events stream counts only until its handler returns (it never ends by itself: the stop
 * cuts it, and the browser reconnects to another process).
 */
class Drain {
  draining = false;
  #handlers = 0;
  readonly #responses = new Set<ServerResponse>();
  readonly #streams = new WeakSet<ServerResponse>();
  #idle: (() => void) | null = null;

  /** Wraps the HTTP app's fetch: counts its handlers, and refuses requests once draining. */
  fetch<E>(
    inner: (req: Request, env: E) => Response | Promise<Response>,
  ): (req: Request, env: E) => Promise<Response> {
    return async (req, env) => {
      if (this.draining) return shuttingDown(new URL(req.url).pathname);
      this.#handlers++;
      try {
        const res = await inner(req, env);
        const outgoing = (env as { outgoing?: ServerResponse } | undefined)?.outgoing;
        if (outgoing && res.headers.get('content-type')?.startsWith('text/event-stream')) {
          this.#streams.add(outgoing);
        }
        return res;
      } finally {
        this.#handlers--;
        this.#check();
      }
    };
  }

  /** Node's `request` event: follows the answer until it has left. */
  track(res: ServerResponse): void {
    this.#responses.add(res);
    if (this.draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      this.#responses.delete(res);
      this.#check();
    });
  }

  get inProgress(): number {
    let n = this.#handlers;
    for (const r of this.#responses) if (!this.#streams.has(r)) n++;
    return n;
  }

  /** Starts draining; resolves true once nothing is in progress, false after `graceMs`. */
  start(graceMs: number): Promise<boolean> {
    this.draining = true;
    // Answers not yet started close their connection after them: the client does not send
    // its next request to a process that is going away.
    for (const r of this.#responses) if (!r.headersSent) r.setHeader('connection', 'close');
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.#idle = null;
        resolve(false);
      }, graceMs);
      this.#idle = () => {
        clearTimeout(timer);
        this.#idle = null;
        resolve(true);
      };
      this.#check();
    });
  }

  #check(): void {
    if (this.#idle && this.#handlers === 0 && [...this.#responses].every((r) => this.#streams.has(r))) {
      this.#idle();
    }
  }
}

/** A running node. */
export interface RunningNode {
  ctx: AppContext;
  /** Base URL the node listens on, e.g. `http://127.0.0.1:7410`. */
  url: string;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Builds a node from its config and starts serving HTTP; `port: 0` picks a free port. */
export async function startNode(config: Config, overrides: AppContextOverrides = {}): Promise<RunningNode> {
  const ctx = await createAppContext(config, overrides);
  const app = createHttpApp(ctx);
  const drain = new Drain();
  const admission = new AdmissionGate(config.http.admitPerTurn ?? DEFAULT_ADMIT_PER_TURN);
  ctx.metrics.watchAdmission(admission);
  let server: ReturnType<typeof createAdaptorServer>;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = createAdaptorServer({
      fetch: drain.fetch(admission.wrap(app.fetch, (req) => isProbeUrl(req.url))),
    });
    server.prependListener('request', (_req, res) => drain.track(res));
    server.once('error', reject);
    // A deep accept queue: a burst of new connections (1,000 clients after an incident) waits
    // in the kernel instead of having its SYNs dropped and retried seconds later.
    server.listen({ port: config.http.port, host: config.http.host, backlog: 4096 }, () =>
      resolve(server.address() as AddressInfo),
    );
    // Keep idle connections longer than the proxies in front usually do (60 s), so the node
    // never closes a connection a proxy or client is about to reuse (a reset request).
    const http = server as unknown as { keepAliveTimeout: number; headersTimeout: number };
    http.keepAliveTimeout = 65_000;
    http.headersTimeout = 66_000;
  }).catch(async (err) => {
    await ctx.close();
    throw err;
  });
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  ctx.logger.info('node listening', { url, db: config.db.kind });
  // An ephemeral port (tests) is only known now; the card must name the address partners reach.
  if (config.http.port === 0) ctx.federation.setEndpoint(url);
  ctx.federation.startWorker();
  ctx.attachmentFetcher.start();
  ctx.retention.start();
  ctx.matchingIndex.start();
  // Embedded PGlite is this process's alone: a batch found running was cut by a stop.
  if (ctx.database.kind === 'pglite') {
    ctx.screening.recoverInterrupted().catch((err) => ctx.logger.warn('screening recovery failed', { err }));
    ctx.incidents.recoverInterrupted().catch((err) => ctx.logger.warn('IOM import recovery failed', { err }));
  }
  // Partners keep a signed checkpoint of this node's audit chain, refreshed every few minutes
  // while there is activity (an idle node signs nothing new). With several processes on one
  // database, the scheduled job's row gives each run to one of them only.
  const checkpointTimer = setInterval(() => {
    claimScheduledJob(
      ctx.db,
      'audit.checkpoint',
      ctx.clock.now(),
      CHECKPOINT_INTERVAL_MS - CHECKPOINT_SLACK_MS,
    )
      .then((mine) => (mine ? ctx.checkpoints.publishIfActive() : null))
      .catch((err) => ctx.logger.error('audit checkpoint failed', { err }));
  }, CHECKPOINT_INTERVAL_MS);
  checkpointTimer.unref();
  // The card (valid a year) is renewed a month before it expires, partners told.
  const renewCard = () =>
    renewCardIfDue(ctx).catch((err) =>
      ctx.logger.error('card renewal failed', { event: 'card.renewal_failed', err }),
    );
  const renewalTimer = setInterval(renewCard, CARD_CHECK_INTERVAL_MS);
  renewalTimer.unref();
  // The first check runs before the node is handed to its caller: a caller that changes the
  // endpoint next (tests, a proxy in front) must not race a card load begun with the old one.
  await renewCard();
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const started = performance.now();
      ctx.logger.info('node stopping', { event: 'shutdown', phase: 'start', url });
      clearInterval(checkpointTimer);
      clearInterval(renewalTimer);
      // Drain: stop accepting connections (idle kept-alive ones close now), let the requests
      // in progress finish within the grace period, answer 503 `shutting_down` to any that
      // arrives meanwhile on an open connection; only then stop the workers and close the
      // database (a request cut from its database answered 500 before).
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const graceMs = ctx.config.http.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
      const drained = await drain.start(graceMs);
      if (!drained) {
        ctx.logger.warn('grace period over; cutting the requests still in progress', {
          event: 'shutdown',
          phase: 'grace_over',
          graceMs,
          requests: drain.inProgress,
        });
      }
      // What is left: idle connections, live-event streams, requests over the grace period.
      const http = server as unknown as { closeAllConnections?: () => void };
      http.closeAllConnections?.();
      await closed;
      ctx.logger.info('node stopped listening; finishing background work', {
        event: 'shutdown',
        phase: 'http',
        drained,
      });
      try {
        await ctx.close();
      } catch (err) {
        ctx.logger.error('node stop failed', { event: 'shutdown', phase: 'error', err });
        throw err;
      }
      ctx.logger.info('node stopped', {
        event: 'shutdown',
        phase: 'done',
        ms: Math.round(performance.now() - started),
      });
    })();
    return closing;
  };
  return { ctx, url, close, [Symbol.asyncDispose]: close };
}
