// TAXII 2.1 server (OASIS TAXII Version 2.1, 2021) at /taxii2/: discovery, one API root, the
// alert collections, objects (added_after, limit, next, match[...]), single objects and their
// versions, the manifest, and status. Read-only. Media type application/taxii+json;version=2.1
// for every answer and error (§1.6.8.1); errors are TAXII error messages (§3.6.1). Clients
// authenticate with the node's API tokens: "Authorization: Bearer <token>", or HTTP Basic with
// the token as password (what the OASIS reference client, taxii2-client, sends).
import type { Context, Hono } from 'hono';
import type { Actor } from '../governance/index.js';
import { ApiError, UnauthenticatedError } from '../platform/index.js';
import type { AlertCollection, AlertInterchangeService } from './alert-interchange.js';
import type { StoredStixObject } from './stix-store.js';

/** The TAXII 2.1 media type. */
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
/** The STIX 2.1 media type of the objects served. */
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';
const ROOT = '/taxii2';
const API_ROOT = `${ROOT}/api1`;
const MAX_PAGE = 100;
const MAX_CONTENT_LENGTH = 1_048_576;

class TaxiiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly description?: string,
  ) {
    super(title);
  }
}

function send(c: Context, body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(body), status as 200, { 'content-type': TAXII_MEDIA_TYPE, ...headers });
}

function acceptable(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (type === '*/*' || type === 'application/*') return true;
    if (type !== 'application/taxii+json') return false;
    const version = params.find((p) => p.startsWith('version='));
    return !version || version === 'version=2.1';
  });
}

function bearerFromBasic(header: string): string | null {
  const m = /^Basic\s+(\S+)$/i.exec(header);
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : null;
}

function parseTimestamp(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new TaxiiError(
      400,
      `Invalid ${name}`,
      `${name} must be a timestamp such as 2026-12-01T08:00:00.000Z`,
    );
  }
  return new Date(value);
}

const iso = (d: Date) => d.toISOString();

/** Registers the TAXII 2.1 endpoints on the app. */
export function registerTaxiiRoutes(
  app: Hono,
  service: AlertInterchangeService,
  authenticate: (c: Context) => Promise<Actor>,
): void {
  async function actorOf(c: Context): Promise<Actor> {
    const basic = bearerFromBasic(c.req.header('authorization') ?? '');
    if (basic !== null) c.req.raw.headers.set('authorization', `Bearer ${basic}`);
    return authenticate(c);
  }

  const handle =
    (fn: (c: Context, actor: Actor) => Promise<Response>) =>
    async (c: Context): Promise<Response> => {
      try {
        if (!acceptable(c.req.header('accept'))) {
          throw new TaxiiError(406, 'Not acceptable', `This server answers with ${TAXII_MEDIA_TYPE}`);
        }
        const actor = await actorOf(c);
        return await fn(c, actor);
      } catch (err) {
        const e =
          err instanceof TaxiiError
            ? err
            : err instanceof UnauthenticatedError
              ? new TaxiiError(
                  401,
                  'Authentication required',
                  'Send an API token: Authorization: Bearer <token>',
                )
              : err instanceof ApiError
                ? new TaxiiError(err.status, err.status === 403 ? 'Forbidden' : 'Error', err.message)
                : null;
        if (!e) throw err;
        return send(
          c,
          {
            title: e.title,
            ...(e.description ? { description: e.description } : {}),
            http_status: String(e.status),
          },
          e.status,
          e.status === 401
            ? { 'www-authenticate': 'Bearer realm="passerelle", Basic realm="passerelle"' }
            : {},
        );
      }
    };

  async function collectionOf(c: Context, actor: Actor): Promise<AlertCollection> {
    const found = await service.collection(actor, c.req.param('collection') ?? '');
    if (!found) throw new TaxiiError(404, 'Collection not found');
    return found;
  }

  function queryOf(c: Context, extra: { ids?: string[] } = {}) {
    const limitText = c.req.query('limit');
    const limit = limitText === undefined ? MAX_PAGE : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1)
      throw new TaxiiError(400, 'Invalid limit', 'limit must be a positive integer');
    const next = c.req.query('next');
    let afterSeq: number | undefined;
    if (next !== undefined) {
      const n = Number(Buffer.from(next, 'base64url').toString('utf8'));
      if (!Number.isInteger(n) || n < 0)
        throw new TaxiiError(400, 'Invalid next', 'next must be a value this server returned');
      afterSeq = n;
    }
    const list = (name: string) =>
      c.req
        .queries(name)
        ?.flatMap((v) => v.split(','))
        .filter(Boolean);
    return {
      limit: Math.min(limit, MAX_PAGE),
      addedAfter: parseTimestamp(c.req.query('added_after'), 'added_after'),
      afterSeq,
      ids: extra.ids ?? list('match[id]'),
      types: list('match[type]'),
      version: c.req.query('match[version]'),
      specVersions: list('match[spec_version]'),
    };
  }

  function pageHeaders(rows: StoredStixObject[]): Record<string, string> {
    return rows.length === 0
      ? {}
      : {
          'x-taxii-date-added-first': iso(rows[0]!.dateAdded),
          'x-taxii-date-added-last': iso(rows[rows.length - 1]!.dateAdded),
        };
  }

  function nextOf(rows: StoredStixObject[], more: boolean): Record<string, string> {
    return more && rows.length > 0
      ? { next: Buffer.from(String(rows[rows.length - 1]!.seq)).toString('base64url') }
      : {};
  }

  const collectionView = (col: AlertCollection) => ({
    id: col.id,
    title: col.title,
    description: col.description,
    can_read: true,
    can_write: false,
    media_types: [STIX_MEDIA_TYPE],
  });

  for (const path of [ROOT, `${ROOT}/`]) {
    app.get(
      path,
      handle(async (c) => {
        // Absolute URLs, as clients follow them without resolving (TAXII 2.1 §4.1.1).
        const apiRoot = new URL(`${API_ROOT}/`, c.req.url).href;
        return send(c, {
          title: 'Passerelle TAXII 2.1 server',
          description: 'Threat alerts of this Passerelle node, as STIX 2.1',
          default: apiRoot,
          api_roots: [apiRoot],
        });
      }),
    );
  }
  app.get(
    `${API_ROOT}/`,
    handle(async (c) =>
      send(c, {
        title: 'Passerelle alerts',
        description: 'Threat warnings, modus operandi and wanted alerts',
        versions: [TAXII_MEDIA_TYPE],
        max_content_length: MAX_CONTENT_LENGTH,
      }),
    ),
  );
  app.get(
    `${API_ROOT}/status/:status/`,
    handle(async () => {
      throw new TaxiiError(
        404,
        'Status not found',
        'This server accepts no object uploads, so it has no status resources',
      );
    }),
  );
  app.get(
    `${API_ROOT}/collections/`,
    handle(async (c, actor) =>
      send(c, { collections: (await service.collections(actor)).map(collectionView) }),
    ),
  );
  app.get(
    `${API_ROOT}/collections/:collection/`,
    handle(async (c, actor) => send(c, collectionView(await collectionOf(c, actor)))),
  );
  app.get(
    `${API_ROOT}/collections/:collection/objects/`,
    handle(async (c, actor) => {
      const col = await collectionOf(c, actor);
      const { rows, more } = await service.objects(actor, col, queryOf(c));
      return send(
        c,
        { more, ...nextOf(rows, more), objects: rows.map((r) => r.object) },
        200,
        pageHeaders(rows),
      );
    }),
  );
  app.post(
    `${API_ROOT}/collections/:collection/objects/`,
    handle(async (c, actor) => {
      await collectionOf(c, actor);
      throw new TaxiiError(
        403,
        'Collection is read-only',
        'Alerts enter Passerelle as signed messages between partner nodes',
      );
    }),
  );
  app.get(
    `${API_ROOT}/collections/:collection/objects/:id/`,
    handle(async (c, actor) => {
      const col = await collectionOf(c, actor);
      const { rows, more } = await service.objects(
        actor,
        col,
        queryOf(c, { ids: [c.req.param('id') ?? ''] }),
      );
      if (rows.length === 0 && c.req.query('next') === undefined)
        throw new TaxiiError(404, 'Object not found');
      return send(
        c,
        { more, ...nextOf(rows, more), objects: rows.map((r) => r.object) },
        200,
        pageHeaders(rows),
      );
    }),
  );
  app.get(
    `${API_ROOT}/collections/:collection/objects/:id/versions/`,
    handle(async (c, actor) => {
      const col = await collectionOf(c, actor);
      const q = { ...queryOf(c, { ids: [c.req.param('id') ?? ''] }), version: 'all' };
      const { rows, more } = await service.objects(actor, col, q);
      if (rows.length === 0 && c.req.query('next') === undefined)
        throw new TaxiiError(404, 'Object not found');
      return send(
        c,
        { more, ...nextOf(rows, more), versions: rows.map((r) => r.version) },
        200,
        pageHeaders(rows),
      );
    }),
  );
  app.get(
    `${API_ROOT}/collections/:collection/manifest/`,
    handle(async (c, actor) => {
      const col = await collectionOf(c, actor);
      const { rows, more } = await service.objects(actor, col, queryOf(c));
      return send(
        c,
        {
          more,
          ...nextOf(rows, more),
          objects: rows.map((r) => ({
            id: r.id,
            date_added: iso(r.dateAdded),
            version: r.version,
            media_type: STIX_MEDIA_TYPE,
          })),
        },
        200,
        pageHeaders(rows),
      );
    }),
  );
}
