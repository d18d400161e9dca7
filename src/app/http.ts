import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { z } from 'zod';
import { registerCaseRoutes } from '../cases/index.js';
import {
  ATTACHMENT_UPLOAD_PATH,
  registerExchangeRoutes,
  registerOnwardRoutes,
  registerPartnerAttachmentRoute,
  registerRetentionRoutes,
  registerReviewRoutes,
} from '../exchange/index.js';
import { registerCheckpointRoutes, registerFederationRoutes } from '../federation/index.js';
import {
  type Actor,
  createAuthenticator,
  registerAccessRoutes,
  registerGovernanceRoutes,
  registerSharingPolicyRoutes,
  registerSubjectRoutes,
  requirePermission,
} from '../governance/index.js';
import { IOM_IMPORT_PATH, registerIncidentRoutes } from '../incidents/index.js';
import { registerMatchingRoutes, registerPartnerMatchingRoutes } from '../matching/index.js';
import {
  ApiError,
  type ApiRouter,
  createApiRouter,
  handleError,
  type OpenApiInfo,
} from '../platform/index.js';
import {
  LIST_IMPORT_PATH,
  registerScreeningRoutes,
  registerStixRoutes,
  registerTaxiiRoutes,
} from '../screening/index.js';
import type { AppContext } from './context.js';
import { registerSchemaRoutes } from './contract.js';
import { registerDashboardRoute } from './dashboard.js';
import { registerKeyRotationRoute } from './key-rotation.js';
import { registerLiveEventsRoute } from './live-events.js';
import {
  registerAccessLog,
  registerLoadShedding,
  registerMetricsRoute,
  registerReadinessRoute,
  registerUnreadBodyDrain,
} from './observability.js';

/** Requests in progress beyond which a process answers 503 `overloaded` (PASSERELLE_MAX_IN_FLIGHT). */
const DEFAULT_MAX_IN_FLIGHT = 256;

import { readStaticFile } from './static-files.js';

export const API_BASE = '/api/v1';

/** Paths for programs, not browsers: unknown ones answer 404 JSON, never the web page. */
const MACHINE_PATHS = /^\/(api|federation|taxii2|metrics|healthz|readyz)(\/|$)/i;

/** Title, description and tag descriptions of the node API's OpenAPI document. */
export const apiDocumentInfo: OpenApiInfo = {
  title: 'Passerelle node API',
  version: '1',
  description:
    'The officer-facing API of a Passerelle node (the same on every node; GET /api/v1/node says which node answers). ' +
    'Errors are always JSON `{"error":{"code","message","details?"}}`; each operation lists the codes it may answer in `x-error-codes`. ' +
    'The federation protocol between nodes is specified in docs/PROTOCOL.md and served at /federation/v1/openapi.json.',
  tags: {
    cases:
      'Joint cases shared with partners: members, tasks, timeline, entities and links, network analysis, import and export',
    audit: 'The tamper-evident audit log, its verification and signed checkpoints (admin, DPO)',
    auth: 'Sign-in with password and second factor, session, sign-out',
    live: 'Live updates (Server-Sent Events) from every process of the node',
    dashboard: 'Counts per module for the signed-in role',
    exchange: 'Messages with partners: requests, replies, information, alerts, attachments',
    governance:
      'Data protection: units and need-to-know, break-glass access, sharing policies, data-subject requests',
    federation:
      'Partners: cards, fingerprint verification, revocation, deliveries, notifications, key rotation',
    node: 'This node: identity and key fingerprint',
    users: 'Accounts, roles and API tokens',
    health: 'Probes for load balancers and orchestrators (no sign-in)',
    screening:
      'Screening of persons against the UN Security Council Consolidated List; list versions and differences',
    stix: 'Threat alerts as STIX 2.1 bundles with TLP 2.0 markings: export and import',
    incidents:
      'Incident registry (IOM Missing Migrants imports) and victim identification: post-mortem and ante-mortem records, reconciliation, identification board, families, repatriation, survivors',
    matching:
      'Privacy-preserving hit/no-hit checks with partners (OPRF): checks, batches, follow-up requests, index, policies, reports',
  },
};

/** Documents the health probes, which are served outside the API router. */
function describeProbes(router: { describe: ApiRouter<Actor>['describe'] }): void {
  const status = (value: string) => ({
    content: {
      'application/json': {
        schema: { type: 'object', required: ['status'], properties: { status: { const: value } } },
      },
    },
  });
  router.describe('get', '/healthz', {
    tag: 'health',
    operationId: 'getHealthz',
    summary: 'Liveness: the process answers',
    responses: { '200': { description: 'Alive', ...status('ok') } },
  });
  const delivery = {
    type: 'object',
    description: 'Undelivered outgoing messages by status, and how long the oldest due one has waited',
    required: ['queued', 'sending', 'failed', 'dead', 'oldestDueSeconds'],
    properties: Object.fromEntries(
      ['queued', 'sending', 'failed', 'dead', 'oldestDueSeconds'].map((k) => [
        k,
        { type: 'integer', minimum: 0 },
      ]),
    ),
  };
  const readiness = (value: string) => ({
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['status', 'database'],
          properties: {
            status: { const: value },
            reason: { enum: ['database_unreachable', 'delivery_stalled', 'storage_unreachable'] },
            database: { enum: ['up', 'down'] },
            storage: {
              type: 'object',
              description: 'The attachment store (a folder or an S3 bucket) and whether it answered',
              required: ['kind', 'status'],
              properties: { kind: { enum: ['folder', 's3'] }, status: { enum: ['up', 'down'] } },
            },
            message: { type: 'string', description: 'Why the attachment store is down (no secret)' },
            delivery,
          },
        },
      },
    },
  });
  router.describe('get', '/readyz', {
    tag: 'health',
    operationId: 'getReadyz',
    summary:
      'Readiness: the database and the attachment store answer, and no message due for delivery has waited over 5 minutes (the delivery backlog is reported)',
    responses: {
      '200': { description: 'Ready', ...readiness('ready') },
      '503': {
        description:
          'Not ready: database unreachable, attachment store unreachable (bucket missing, access denied, endpoint down), or the delivery workers are stalled',
        ...readiness('not_ready'),
      },
    },
  });
  router.describe('get', '/metrics', {
    tag: 'health',
    operationId: 'getMetrics',
    summary:
      'Prometheus metrics (off unless PASSERELLE_METRICS_TOKEN or PASSERELLE_METRICS=loopback is set; see docs/OPERATIONS.md)',
    responses: {
      '200': { description: 'Metrics', content: { 'text/plain': { schema: { type: 'string' } } } },
      '401': {
        description: '`unauthenticated`: the metrics token is missing or wrong',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      '404': {
        description: '`not_found`: metrics are off, or the client is not on the loopback interface',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  });
}

function clientIp(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const docsHtml = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Passerelle API</title>
<link rel="stylesheet" href="${API_BASE}/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="${API_BASE}/docs/swagger-ui-bundle.js"></script>
<script src="${API_BASE}/docs/init.js"></script></body></html>`;
const docsInit = `window.ui = SwaggerUIBundle({ url: '${API_BASE}/openapi.json', dom_id: '#swagger-ui',
  requestInterceptor: (r) => { const m = document.cookie.match(/passerelle_csrf=([^;]+)/); if (m) r.headers['x-csrf-token'] = decodeURIComponent(m[1]); return r; } });`;

/** The error of a request a stopping node will not serve (503, see server.ts). */
export const SHUTTING_DOWN_ERROR = {
  code: 'shutting_down',
  message: 'The node is shutting down; retry on another process',
} as const;
/** Seconds a client is told to wait (`Retry-After`) by a node that is shutting down. */
export const SHUTDOWN_RETRY_AFTER_S = '2';

/**
 * The node's HTTP surface: the officer-facing API under /api/v1 with its OpenAPI document
 * and interactive docs, health probes, and the web UI. Security headers and a body limit
 * apply to everything; errors leave through the one handler.
 */
export function createHttpApp(ctx: AppContext): Hono {
  const app = new Hono();
  app.onError((err, c) => {
    // A request that outlived the stop's grace period meets a closed database: that is the
    // stop, not a bug, and the client may retry on another process.
    if (ctx.closing && !(err instanceof ApiError) && !(err instanceof HTTPException)) {
      ctx.logger.warn('request cut by the stop', {
        event: 'shutdown',
        phase: 'request_cut',
        method: c.req.method,
        path: c.req.path,
        reason: err instanceof Error ? err.message : String(err),
      });
      return c.json({ error: SHUTTING_DOWN_ERROR }, 503, {
        'retry-after': SHUTDOWN_RETRY_AFTER_S,
        connection: 'close',
      });
    }
    return handleError(err, c, ctx.logger);
  });
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` } }, 404),
  );
  registerUnreadBodyDrain(app);
  registerAccessLog(app, ctx, clientIp);
  registerLoadShedding(app, ctx.config.http.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT, ctx.eventLoopLag);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: ctx.config.http.secureCookies ? 'max-age=63072000; includeSubDomains' : false,
      referrerPolicy: 'no-referrer',
      crossOriginEmbedderPolicy: false,
    }),
  );
  const apiBodyLimit = bodyLimit({
    maxSize: ctx.config.http.bodyLimitBytes,
    // The rest of the body is not read, so the connection cannot be reused: say so.
    onError: (c) =>
      c.json(
        {
          error: {
            code: 'payload_too_large',
            message: `Request body over ${ctx.config.http.bodyLimitBytes} bytes`,
          },
        },
        413,
        { connection: 'close' },
      ),
  });
  // Attachment uploads stream to disk under their own 50 MiB limit (hono's bodyLimit would
  // buffer a chunked body in memory), so only they skip the global one.
  // UN list and IOM imports read their files under their own limit too (both are over 1 MiB).
  const ownLimit = new Set([
    `${API_BASE}${ATTACHMENT_UPLOAD_PATH}`,
    `${API_BASE}${LIST_IMPORT_PATH}`,
    `${API_BASE}${IOM_IMPORT_PATH}`,
  ]);
  // GET and HEAD requests carry no body (the node adapter gives them none), so the limit is
  // skipped for them: checking it would build a full WHATWG Request for every read.
  app.use(`${API_BASE}/*`, (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' || (c.req.method === 'POST' && ownLimit.has(c.req.path))
      ? next()
      : apiBodyLimit(c, next),
  );
  app.use(`${API_BASE}/*`, async (c, next) => {
    await next();
    // Set on the answer's own headers: `c.header` after the handler would copy the answer
    // into a new one through a body stream, for every API answer.
    try {
      c.res.headers.set('Cache-Control', 'no-store');
    } catch {
      // Immutable headers (a response passed through from a fetch): copy, as c.header does.
      c.header('Cache-Control', 'no-store');
    }
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  registerReadinessRoute(app, ctx);
  registerMetricsRoute(app, ctx, clientIp);

  const router = createApiRouter<Actor>({
    app,
    base: API_BASE,
    authenticate: createAuthenticator(ctx.governance),
    onDenied: (c, actor, err) =>
      ctx.governance.recordDenied(actor, err.code, { method: c.req.method, path: c.req.path }),
  });
  registerGovernanceRoutes(router, {
    service: ctx.governance,
    db: ctx.db,
    clock: ctx.clock,
    secureCookies: ctx.config.http.secureCookies,
    clientIp,
  });
  registerAccessRoutes(router, ctx.access);
  registerSharingPolicyRoutes(router, ctx.sharingPolicies);
  registerSubjectRoutes(router, ctx.subjects);
  registerFederationRoutes(router, { service: ctx.federation, app, clientIp, db: ctx.db });
  registerLiveEventsRoute(router, ctx.live);
  registerCheckpointRoutes(router, app, ctx.checkpoints, ctx.federation);
  registerDashboardRoute(router, ctx);
  registerKeyRotationRoute(router, ctx);
  registerExchangeRoutes(router, ctx.exchange);
  registerReviewRoutes(router, ctx.review);
  registerRetentionRoutes(router, ctx.retention);
  registerOnwardRoutes(router, ctx.onward);
  registerPartnerAttachmentRoute(app, ctx.exchange);
  registerScreeningRoutes(router, ctx.screening);
  registerMatchingRoutes(router, ctx.matching, ctx.matchingHolder);
  registerPartnerMatchingRoutes(app, ctx.matchingHolder, (req) => ctx.federation.verifyPartnerRequest(req));
  registerCaseRoutes(router, ctx.cases);
  registerStixRoutes(router, ctx.alerts);
  registerIncidentRoutes(router, ctx.incidents, ctx.dvi, ctx.dviExchange);
  registerTaxiiRoutes(app, ctx.alerts, createAuthenticator(ctx.governance));
  registerSchemaRoutes(app, () => ctx.federation.publicEndpoint);

  router.route({
    method: 'get',
    path: '/node',
    tag: 'node',
    summary: 'This node: identity and key fingerprint',
    auth: 'user',
    response: z.object({
      id: z.string(),
      agency: z.string(),
      country: z.string(),
      endpoint: z.string(),
      fingerprint: z.string(),
    }),
    handler: async ({ actor }) => {
      requirePermission(actor, 'node.read');
      return { ...ctx.config.node, fingerprint: ctx.fingerprint };
    },
  });

  describeProbes(router);
  const openapi = router.openapi(apiDocumentInfo);
  app.get(`${API_BASE}/openapi.json`, (c) => c.json(openapi));
  app.get(`${API_BASE}/docs`, (c) => c.html(docsHtml));
  app.get(`${API_BASE}/docs/init.js`, (c) => c.body(docsInit, 200, { 'content-type': 'text/javascript' }));
  app.get(`${API_BASE}/docs/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}`, (c) => {
    const f = readStaticFile(swaggerDir, c.req.param('file'));
    if (!f) throw new ApiError(404, 'not_found', 'No such file');
    return c.body(new Uint8Array(f.body), 200, {
      'content-type': f.type,
      'cache-control': 'public, max-age=86400',
    });
  });

  const webDist = ctx.config.webDist ? resolve(ctx.config.webDist) : null;
  app.get('*', (c) => {
    // Machine surfaces never fall back to the web page: a client must see that a path is wrong.
    if (MACHINE_PATHS.test(c.req.path)) {
      throw new ApiError(404, 'not_found', `No route for GET ${c.req.path}`);
    }
    if (!webDist) return c.text('Passerelle node: the web UI is not built (npm run build:web).', 404);
    const file = readStaticFile(webDist, c.req.path === '/' ? '/index.html' : c.req.path);
    if (file) {
      const immutable = c.req.path.startsWith('/assets/');
      return c.body(new Uint8Array(file.body), 200, {
        'content-type': file.type,
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    // Client-side routes fall back to the application shell.
    const index = readStaticFile(webDist, '/index.html');
    if (!index) return c.text('Web UI missing', 404);
    return c.body(new Uint8Array(index.body), 200, {
      'content-type': index.type,
      'cache-control': 'no-cache',
    });
  });
  return app;
}
