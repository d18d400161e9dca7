import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Context, Hono } from 'hono';
import { routePath } from 'hono/route';
import { ApiError, type Secret } from '../platform/index.js';
import type { AppContext } from './context.js';
import type { EventLoopLag } from './event-loop-lag.js';

/** Probes and the scrape itself are logged at debug level: they arrive every few seconds. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The probes and the metrics scrape: logged at debug level, never shed, and never queued by
 * the admission gate (a busy node must not look like a dead one). Takes a request's full URL.
 */
export function isProbeUrl(url: string): boolean {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start < 0) return false;
  const query = url.indexOf('?', start);
  return QUIET_PATHS.has(query < 0 ? url.slice(start) : url.slice(start, query));
}

/**
 * Access log and request metrics for every request: one structured line (method, route
 * template, path, status, duration, client) and one histogram observation labelled by the
 * route template, never the raw path. Query strings are not logged: they may hold names.
 */
export function registerAccessLog(app: Hono, ctx: AppContext, clientIp: (c: Context) => string | null): void {
  const log = ctx.logger.child({ component: 'http' });
  app.use('*', async (c, next) => {
    const start = performance.now();
    await next();
    const seconds = (performance.now() - start) / 1000;
    // After next() the route index points at the handler that answered.
    const matched = routePath(c);
    const route =
      c.res.status === 404 && (matched === '*' || matched === '/*') ? 'unmatched' : matched || 'unmatched';
    ctx.metrics.observeRequest(c.req.method, route, c.res.status, seconds);
    const fields = {
      event: 'http.access',
      method: c.req.method,
      route,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(seconds * 10_000) / 10,
      ip: clientIp(c),
    };
    if (QUIET_PATHS.has(c.req.path)) log.debug('request', fields);
    else log.info('request', fields);
  });
}

/**
 * Load shedding: at most `limit` requests in progress; the next ones answer at once 503
 * `overloaded` with `Retry-After: 1` instead of queueing until clients time out (a flood
 * of 1,000 clients on a node that serves a few hundred requests a second), and the same
 * while the event loop lags (CPU saturated). Probes are never shed, so a busy node is not
 * taken for a dead one.
 */
export function registerLoadShedding(app: Hono, limit: number, lag: EventLoopLag): void {
  let inFlight = 0;
  app.use('*', async (c, next) => {
    if (QUIET_PATHS.has(c.req.path)) return next();
    // Saturated CPU: requests wait unread in socket buffers, so counting those in progress
    // is not enough; a lagging event loop answers the cheap 503 until it catches up. It
    // still serves a few at a time: refusing everything would spend the CPU on refusals
    // and serve nobody, however long the flood lasts.
    if (inFlight >= limit || (lag.overloaded() && inFlight >= SERVED_WHILE_LAGGING)) {
      return c.json(
        { error: { code: 'overloaded', message: 'Too many requests in progress; retry shortly' } },
        503,
        { 'retry-after': '1' },
      );
    }
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  });
}

/** Largest request body left unread by a handler that is read before answering. */
const UNREAD_BODY_LIMIT = 64 * 1024;
/** How long the rest of such a body is waited for before the connection is closed instead. */
const UNREAD_BODY_WAIT_MS = 5000;

/**
 * Reads what is left of a request body before the answer leaves (refusals answer before
 * reading it: 503 `overloaded`, 401, 429). Left unread, the HTTP adapter drains it after the
 * answer with a 500 ms deadline and closes the connection when the deadline passes first:
 * on a lagging event loop (a flood) the deadline's timer fires before the body's bytes are
 * read, and the client's next request on that connection is reset or lost (1,000-client load
 * test: a few dozen socket errors and timeouts per run). A body over
 * {@link UNREAD_BODY_LIMIT}, or of unknown length, is not read: the answer says
 * `Connection: close` instead, so the client does not reuse the connection.
 */
export function registerUnreadBodyDrain(app: Hono): void {
  app.use('*', async (c, next) => {
    await next();
    // The Node.js request under the adapter (absent when the app is called without a server).
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming || incoming.complete || incoming.readableEnded || incoming.destroyed) return;
    const length = Number(incoming.headers['content-length'] ?? Number.NaN);
    if (length >= 0 && length <= UNREAD_BODY_LIMIT) {
      const read = await new Promise<boolean>((resolve) => {
        const done = (ok: () => boolean) => () => {
          clearTimeout(timer);
          resolve(ok());
        };
        // A client that announced a body and does not send it is not waited for long.
        const timer = setTimeout(
          done(() => false),
          UNREAD_BODY_WAIT_MS,
        );
        incoming.once(
          'end',
          done(() => true),
        );
        incoming.once(
          'error',
          done(() => false),
        );
        incoming.once(
          'close',
          done(() => incoming.complete),
        );
        incoming.resume();
      });
      if (read) return;
    }
    c.header('connection', 'close');
  });
}

/** Requests a lagging process still serves at once (the rest answer 503 `overloaded`). */
const SERVED_WHILE_LAGGING = 8;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function tokenMatches(header: string | undefined, token: Secret): boolean {
  const presented = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token.reveal());
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` in the Prometheus text format. Off unless configured: with
 * `PASSERELLE_METRICS_TOKEN` the scraper sends it as a bearer token; with
 * `PASSERELLE_METRICS=loopback` only clients on the loopback interface are served (not behind
 * a reverse proxy on the same host: every client would look local). Refused scrapes answer 404
 * (loopback, off) or 401 (token), as JSON.
 */
export function registerMetricsRoute(
  app: Hono,
  ctx: AppContext,
  clientIp: (c: Context) => string | null,
): void {
  const settings = ctx.config.metrics ?? { access: 'off', token: null };
  app.get('/metrics', async (c) => {
    if (settings.access === 'off')
      throw new ApiError(404, 'not_found', 'Metrics are not enabled on this node');
    if (settings.access === 'loopback' && !LOOPBACK.test(clientIp(c) ?? '')) {
      throw new ApiError(404, 'not_found', 'No route for GET /metrics');
    }
    if (
      settings.access === 'token' &&
      !(settings.token && tokenMatches(c.req.header('authorization'), settings.token))
    ) {
      throw new ApiError(401, 'unauthenticated', 'Send the metrics token: Authorization: Bearer <token>');
    }
    const { body, contentType } = await ctx.metrics.render();
    return c.body(body, 200, { 'content-type': contentType, 'cache-control': 'no-store' });
  });
}

/** `GET /readyz`: the database and the attachment store answer, and the delivery workers keep up. */
export function registerReadinessRoute(app: Hono, ctx: AppContext): void {
  app.get('/readyz', async (c) => {
    try {
      const r = await ctx.readiness();
      const storage = { kind: r.storage.kind, status: r.storage.status };
      return c.json(
        r.ready
          ? { status: 'ready', database: 'up', storage, delivery: r.delivery }
          : {
              status: 'not_ready',
              reason: r.reason ?? 'delivery_stalled',
              database: 'up',
              storage,
              ...(r.storage.message ? { message: r.storage.message } : {}),
              delivery: r.delivery,
            },
        r.ready ? 200 : 503,
      );
    } catch {
      return c.json({ status: 'not_ready', reason: 'database_unreachable', database: 'down' }, 503);
    }
  });
}
