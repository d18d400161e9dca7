import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { type Config, claimScheduledJob } from '../platform/index.js';
import { CARD_CHECK_INTERVAL_MS, renewCardIfDue } from './card-renewal.js';
import { type AppContext, type AppContextOverrides, createAppContext } from './context.js';
import { createHttpApp } from './http.js';

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
  let server: ReturnType<typeof createAdaptorServer>;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = createAdaptorServer({ fetch: app.fetch });
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
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      ctx.logger.info('node stopped listening; finishing background work', {
        event: 'shutdown',
        phase: 'http',
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
