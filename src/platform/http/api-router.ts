import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { ApiError, ValidationError } from '../errors.js';
import { assertText, INVALID_TEXT_PARAM, InvalidTextError } from '../text.js';
import { type ErrorCode, type ErrorSurface, errorCodes, statusOf } from './error-codes.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a handler receives: the parsed, validated request and the authenticated actor. */
export interface RouteRequest<Actor, Body, Query, Params> {
  actor: Actor;
  body: Body;
  query: Query;
  params: Params;
  c: Context;
}

/** One operation: validation, documentation and handler in one place. */
export interface RouteSpec<Actor, Body, Query, Params, Res> {
  method: Method;
  /** Hono path below the router's base, e.g. `/users/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** `public` runs without an actor; `user` requires a session or API token. */
  auth: 'public' | 'user';
  body?: z.ZodType<Body>;
  query?: z.ZodType<Query>;
  params?: z.ZodType<Params>;
  response?: z.ZodType<Res>;
  /** Status of a successful answer (200 unless said). 204 sends no body. */
  status?: 200 | 201 | 202 | 204;
  /**
   * Error codes this operation may answer with besides those every operation of its kind
   * answers (see {@link implicitErrors}); the documented statuses derive from them.
   */
  errors?: ErrorCode[];
  /** Media type of a success answer that is not JSON (a file download). */
  produces?: string;
  handler: (req: RouteRequest<Actor, Body, Query, Params>) => Promise<Res | Response>;
  /**
   * Called when the request is refused before the handler runs (bad content type, JSON or
   * text, failed validation), for example to audit an unauthenticated sign-in attempt.
   */
  onRefused?: (c: Context, error: ApiError) => Promise<void>;
}

/** What {@link createApiRouter}'s `openapi()` needs besides the operations. */
export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
  /** A description for every tag the operations use. */
  tags: Record<string, string>;
}

/** Options of {@link createApiRouter}. */
export interface ApiRouterOptions<Actor> {
  app: Hono;
  base: string;
  /** Resolves the actor of a request or throws an `UnauthenticatedError`. */
  authenticate: (c: Context) => Promise<Actor>;
  /** Called when a handler refuses an authenticated actor with 403 (to audit denials). */
  onDenied?: (c: Context, actor: Actor, error: ApiError) => Promise<void>;
  /** The federation endpoints answer some codes with another status (PROTOCOL §7.1). Default `api`. */
  surface?: ErrorSurface;
}

function issuesOf(error: z.ZodError, prefix: string) {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    code: i.code,
    message: i.message,
  }));
}

function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, part: string): T {
  if (!schema) return undefined as T;
  // One place for every string of every request: NUL and lone surrogates never reach a schema.
  assertText(value, part);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error, part);
    const textIssue = parsed.error.issues.find(
      (i) => i.code === 'custom' && (i.params as Record<string, unknown> | undefined)?.[INVALID_TEXT_PARAM],
    );
    if (textIssue) throw new InvalidTextError(issues[parsed.error.issues.indexOf(textIssue)]!);
    throw new ValidationError(
      `Invalid ${part}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  return parsed.data;
}

/** The media type of a Content-Type header without its parameters (RFC 9110 §8.3.1), lower-cased. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * The codes an operation answers without declaring them: 400 when it takes input, the
 * sign-in and permission refusals when it needs an actor, 413 when it takes a body (the
 * node's body limit), 500, and 503 while the database is unreachable or the node sheds load.
 */
export function implicitErrors(spec: {
  auth: 'public' | 'user';
  method: Method;
  body?: unknown;
  query?: unknown;
  params?: unknown;
}): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (spec.body || spec.query || spec.params) codes.push('bad_request', 'invalid_text');
  if (spec.body) codes.push('unsupported_media_type');
  if (spec.auth === 'user') {
    codes.push('unauthenticated', 'invalid_token', 'session_expired', 'forbidden');
    if (spec.method !== 'get') codes.push('csrf_invalid');
  }
  if (spec.body) codes.push('payload_too_large');
  codes.push('internal', 'database_unavailable', 'overloaded', 'shutting_down');
  return codes;
}

/** OpenAPI responses for a list of error codes, one per status, naming the codes. */
export function errorResponses(
  codes: readonly ErrorCode[],
  surface: ErrorSurface = 'api',
): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = statusOf(code, surface);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, unknown> = {};
  for (const [status, list] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    out[String(status)] = {
      description: list.map((c) => `\`${c}\`: ${errorCodes[c].description}`).join('; '),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return out;
}

/** The `Error` schema every error answer follows. */
export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable error code (see x-error-codes of each operation)' },
        message: { type: 'string', description: 'Human-readable explanation, in English' },
        details: { description: 'Structured detail, e.g. `{ issues: [{ path, code, message }] }` for 400' },
        reason: { type: 'string', description: 'Federation endpoints: the precise refusal reason' },
        fields: {
          type: 'array',
          items: { type: 'string' },
          description: 'Federation `headerMismatch`: the header members that differ',
        },
      },
    },
  },
} as const;

function toJsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

/**
 * A router that registers each operation on Hono and in an OpenAPI 3.1 document at once,
 * so the contract cannot drift from the code. Validation failures answer 400 before the
 * handler runs, which is how "bad input changes nothing" is kept at the edge.
 */
export function createApiRouter<Actor>(options: ApiRouterOptions<Actor>) {
  const paths: Record<string, Record<string, unknown>> = {};
  const tags = new Set<string>();
  let signedIn = false;

  function route<Body = undefined, Query = undefined, Params = undefined, Res = unknown>(
    spec: RouteSpec<Actor, Body, Query, Params, Res>,
  ): void {
    const full = `${options.base}${spec.path}`;
    options.app.on(spec.method.toUpperCase(), full, async (c) => {
      const actor = spec.auth === 'user' ? await options.authenticate(c) : (undefined as Actor);
      let body: Body;
      let query: Query;
      let params: Params;
      try {
        let rawBody: unknown;
        if (spec.body) {
          if (mediaType(c.req.header('content-type')) !== 'application/json')
            throw new ApiError(415, 'unsupported_media_type', 'Content-Type must be application/json');
          try {
            rawBody = await c.req.json();
          } catch {
            throw new ValidationError('Request body is not valid JSON');
          }
        }
        body = parsePart(spec.body, rawBody, 'body');
        query = parsePart(spec.query, c.req.query(), 'query');
        params = parsePart(spec.params, c.req.param(), 'params');
      } catch (err) {
        if (err instanceof ApiError && spec.onRefused) await spec.onRefused(c, err);
        throw err;
      }
      let result: Res | Response;
      try {
        result = await spec.handler({ actor, body, query, params, c });
      } catch (err) {
        if (err instanceof ApiError && err.status === 403 && spec.auth === 'user' && options.onDenied)
          await options.onDenied(c, actor, err);
        throw err;
      }
      if (result instanceof Response) return result;
      if (spec.status === 204) return c.body(null, 204);
      return c.json(result as object, spec.status ?? 200);
    });

    tags.add(spec.tag);
    if (spec.auth === 'user') signedIn = true;
    const openapiPath = full.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', spec.params],
      ['query', spec.query],
    ] as const) {
      if (!schema) continue;
      const js = toJsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          schema: s,
        });
      }
    }
    const responses: Record<string, unknown> = {};
    const ok = String(spec.status ?? 200);
    const okContent = spec.produces
      ? { content: { [spec.produces]: { schema: { type: 'string', format: 'binary' } } } }
      : spec.response
        ? { content: { 'application/json': { schema: toJsonSchema(spec.response) } } }
        : {};
    responses[ok] = spec.status === 204 ? { description: 'Done' } : { description: 'Success', ...okContent };
    const declared = [...implicitErrors(spec), ...(spec.errors ?? [])];
    Object.assign(responses, errorResponses(declared, options.surface));
    paths[openapiPath] ??= {};
    paths[openapiPath][spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      operationId: `${spec.method}${openapiPath.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}`,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toJsonSchema(spec.body) } },
            },
          }
        : {}),
      responses,
      security: spec.auth === 'user' ? [{ session: [] }, { bearer: [] }] : [],
      'x-error-codes': [...new Set(declared)],
    };
  }

  /**
   * Documents an operation served outside this router (health probes, static documents),
   * so the document lists everything the node answers.
   */
  function describe(
    method: Method,
    fullPath: string,
    operation: { tag: string } & Record<string, unknown>,
  ): void {
    tags.add(operation.tag);
    const { tag, ...rest } = operation;
    paths[fullPath] ??= {};
    paths[fullPath][method] = { tags: [tag], security: [], ...rest };
  }

  /**
   * The OpenAPI 3.1 document of every operation registered so far. Every tag in use needs a
   * description, so a new module cannot appear undocumented.
   */
  function openapi(options: OpenApiInfo) {
    const missing = [...tags].filter((t) => !options.tags[t]);
    if (missing.length > 0) throw new Error(`OpenAPI tags without a description: ${missing.join(', ')}`);
    return {
      openapi: '3.1.0',
      info: {
        title: options.title,
        version: options.version,
        ...(options.description ? { description: options.description } : {}),
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: '/' }],
      tags: [...tags].sort().map((name) => ({ name, description: options.tags[name] })),
      paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      components: {
        ...(signedIn
          ? {
              securitySchemes: {
                session: {
                  type: 'apiKey',
                  in: 'cookie',
                  name: 'passerelle_session',
                  description:
                    'Session of the web UI, set by POST /api/v1/auth/login; requests other than GET also send the x-csrf-token header with the value of the passerelle_csrf cookie',
                },
                bearer: {
                  type: 'http',
                  scheme: 'bearer',
                  description:
                    'API token for scripts and the CLI, shown once when created: `passerelle user token --username NAME` on the node, or POST /api/v1/tokens',
                },
              },
            }
          : {}),
        schemas: { Error: errorSchema },
      },
    };
  }

  return { route, describe, openapi };
}

/** The router type, for modules that register routes. */
export type ApiRouter<Actor> = ReturnType<typeof createApiRouter<Actor>>;
