import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Actor } from '../governance/index.js';
import {
  ApiError,
  type ApiRouter,
  findInvalidText,
  InvalidTextError,
  ValidationError,
} from '../platform/index.js';
import type { CaseExports } from './case-export.js';
import { type CaseImport, importRequestSchema, importResultSchema } from './csv-import.js';
import type { CaseDocuments } from './documents.js';
import { type CaseItems, EDITABLE_COLLECTIONS } from './items.js';
import type { CaseNetwork } from './network.js';
import {
  caseSummarySchema,
  caseViewSchema,
  createCaseSchema,
  HANDLING_CODE_ORDER,
  LINK_TYPES,
  MAX_CASE_DOCUMENT_BYTES,
  updateCaseSchema,
} from './schema.js';
import type { CaseService } from './service.js';

/** The services the case routes call. */
export interface CaseRoutesServices {
  cases: CaseService;
  items: CaseItems;
  network: CaseNetwork;
  imports: CaseImport;
  exports: CaseExports;
  documents: CaseDocuments;
}

/** RFC 6266 / RFC 8187 content-disposition with an ASCII fallback and the UTF-8 name. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const idParams = z.object({ id: z.uuid() });
const itemParams = idParams.extend({ collection: z.enum(EDITABLE_COLLECTIONS) });
const bool = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');
const filterQuery = z.object({
  since: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY[-MM[-DD]]')
    .optional(),
  until: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY[-MM[-DD]]')
    .optional(),
  /** Comma-separated link types. */
  types: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const list = v.split(',').map((s) => s.trim());
      const bad = list.filter((t) => !(LINK_TYPES as readonly string[]).includes(t));
      if (bad.length > 0) {
        ctx.addIssue({ code: 'custom', message: `Unknown link type: ${bad.join(', ')}` });
        return z.NEVER;
      }
      return list as (typeof LINK_TYPES)[number][];
    }),
});
const pathSchema = z.object({ entities: z.array(z.string()), links: z.array(z.string()) });
const graphEntitySchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  role: z.string().nullable(),
  identifiers: z.array(z.string()),
  merged: z.array(z.string()),
  synthetic: z.boolean(),
});
const graphLinkSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  type: z.string(),
  at: z.string().nullable(),
  weight: z.number(),
  currency: z.string().nullable(),
  evaluation: z.object({ source: z.string(), accuracy: z.string() }),
});

/** Registers the joint-case API under /cases. */
export function registerCaseRoutes(router: ApiRouter<Actor>, s: CaseRoutesServices): void {
  const { cases, items, network } = s;
  router.route({
    method: 'get',
    path: '/cases',
    tag: 'cases',
    summary: 'The joint cases the caller is a member of; ?q= searches titles, entity names and identifiers',
    auth: 'user',
    query: z.object({ q: z.string().max(200).optional() }),
    response: z.object({ cases: z.array(caseSummarySchema) }),
    handler: async ({ actor, query }) => ({ cases: await cases.list(actor, query.q) }),
  });

  router.route({
    method: 'post',
    path: '/cases',
    tag: 'cases',
    summary: 'Open a joint case owned by this node; the caller becomes its lead member',
    auth: 'user',
    body: createCaseSchema,
    response: caseViewSchema,
    status: 201,
    handler: async ({ actor, body }) => cases.create(actor, body),
  });

  router.route({
    method: 'get',
    path: '/cases/unassigned',
    tag: 'cases',
    summary: 'Cases a partner shared with this node that have no member here yet (title and markings only)',
    auth: 'user',
    response: z.object({ cases: z.array(caseSummarySchema) }),
    handler: async ({ actor }) => ({ cases: await cases.unassigned(actor) }),
  });

  router.route({
    method: 'post',
    path: '/cases/:id/assign',
    tag: 'cases',
    summary: 'Assign members of this node to a case shared with it (liaison desk)',
    auth: 'user',
    params: idParams,
    body: z.object({ members: z.array(z.string().min(1).max(64)).min(1).max(50) }),
    response: caseSummarySchema,
    errors: ['not_found'],
    handler: async ({ actor, params, body }) => cases.assign(actor, params.id, body.members),
  });

  router.route({
    method: 'get',
    path: '/cases/:id',
    tag: 'cases',
    summary: 'A case in full (members only; anybody else gets 404)',
    auth: 'user',
    params: idParams,
    response: caseViewSchema,
    errors: ['not_found'],
    handler: async ({ actor, params }) => cases.get(actor, params.id),
  });

  router.route({
    method: 'patch',
    path: '/cases/:id',
    tag: 'cases',
    summary:
      'Change case fields; `base` names the versions the editor saw (concurrent edits are kept as conflicts)',
    auth: 'user',
    params: idParams,
    body: updateCaseSchema,
    response: caseViewSchema,
    errors: ['not_found', 'case_withdrawn'],
    handler: async ({ actor, params, body }) => cases.update(actor, params.id, body),
  });

  router.route({
    method: 'post',
    path: '/cases/:id/members',
    tag: 'cases',
    summary: 'Add a user of this node as a member of the case',
    auth: 'user',
    params: idParams,
    body: z.object({
      username: z.string().min(1).max(64),
      role: z.enum(['lead', 'member']).default('member'),
    }),
    response: caseViewSchema,
    errors: ['not_found', 'case_withdrawn'],
    handler: async ({ actor, params, body }) => cases.addMember(actor, params.id, body.username, body.role),
  });

  router.route({
    method: 'delete',
    path: '/cases/:id/members/:username',
    tag: 'cases',
    summary: 'Remove a member of this side',
    auth: 'user',
    params: idParams.extend({ username: z.string().min(1).max(64) }),
    status: 204,
    errors: ['not_found', 'conflict', 'case_withdrawn'],
    handler: async ({ actor, params, c }) => {
      await cases.removeMember(actor, params.id, params.username);
      return c.body(null, 204);
    },
  });

  router.route({
    method: 'post',
    path: '/cases/:id/partners',
    tag: 'cases',
    summary: 'Share the case with a partner node (owner only; needs a DPO sharing policy covering it)',
    auth: 'user',
    params: idParams,
    body: z.object({ partner: z.string().min(2).max(63) }),
    response: caseViewSchema,
    errors: ['not_found', 'conflict', 'sharing_not_covered', 'partner_not_verified'],
    handler: async ({ actor, params, body }) => cases.share(actor, params.id, body.partner),
  });

  router.route({
    method: 'post',
    path: '/cases/:id/partners/:partner/withdraw',
    tag: 'cases',
    summary: 'Stop sharing the case with a partner (audited on both sides; its copy becomes read-only)',
    auth: 'user',
    params: idParams.extend({ partner: z.string().min(2).max(63) }),
    body: z.object({ reason: z.string().trim().min(1).max(1000) }),
    response: caseViewSchema,
    errors: ['not_found'],
    handler: async ({ actor, params, body }) => cases.withdraw(actor, params.id, params.partner, body.reason),
  });

  router.route({
    method: 'post',
    path: '/cases/:id/items/:collection',
    tag: 'cases',
    summary:
      'Add items to a collection of the case (tasks, events, documents, references, entities, links, legs)',
    auth: 'user',
    params: itemParams,
    body: z.object({ items: z.array(z.record(z.string(), z.unknown())).min(1).max(1000) }),
    response: z.object({ ids: z.array(z.string()) }),
    status: 201,
    errors: ['not_found', 'case_withdrawn'],
    handler: async ({ actor, params, body }) => ({
      ids: await items.add(actor, params.id, params.collection, body.items),
    }),
  });

  router.route({
    method: 'patch',
    path: '/cases/:id/items/:collection/:itemId',
    tag: 'cases',
    summary: 'Change fields of an item',
    auth: 'user',
    params: itemParams.extend({ itemId: z.uuid() }),
    body: z.object({
      fields: z.record(z.string(), z.unknown()),
      base: z.record(z.string(), z.uuid().nullable()).optional(),
    }),
    response: caseViewSchema,
    errors: ['not_found', 'case_withdrawn'],
    handler: async ({ actor, params, body }) =>
      items.update(actor, params.id, params.collection, params.itemId, body.fields, body.base),
  });

  router.route({
    method: 'delete',
    path: '/cases/:id/items/:collection/:itemId',
    tag: 'cases',
    summary: 'Remove an item',
    auth: 'user',
    params: itemParams.extend({ itemId: z.uuid() }),
    status: 204,
    errors: ['not_found', 'case_withdrawn'],
    handler: async ({ actor, params, c }) => {
      await items.remove(actor, params.id, params.collection, params.itemId);
      return c.body(null, 204);
    },
  });

  router.route({
    method: 'post',
    path: '/cases/:id/documents',
    tag: 'cases',
    summary: `Attach a document file to the case (raw body up to ${MAX_CASE_DOCUMENT_BYTES} bytes; headers content-type and x-filename, URI-encoded); it is stored encrypted and sent to the partner with the case`,
    auth: 'user',
    params: idParams,
    query: z.object({
      title: z.string().trim().min(1).max(200),
      note: z.string().max(4000).optional(),
      handlingCode: z.enum(HANDLING_CODE_ORDER as ['H0', 'H1', 'H2', 'H3']).optional(),
    }),
    status: 201,
    response: z.object({ id: z.string(), case: caseViewSchema }),
    errors: [
      'storage_unavailable',
      'not_found',
      'case_withdrawn',
      'payload_too_large',
      'unsupported_media_type',
      'bad_request',
      'invalid_text',
    ],
    handler: async ({ actor, params, query, c }) => {
      const rawName = c.req.header('x-filename');
      let name: string | undefined;
      try {
        name = rawName === undefined ? undefined : decodeURIComponent(rawName);
      } catch {
        name = undefined;
      }
      if (!name) throw new ValidationError('Header x-filename (URI-encoded file name) is required');
      const textIssue = findInvalidText(name, 'header.x-filename');
      if (textIssue) throw new InvalidTextError(textIssue);
      const body = c.req.raw.body;
      if (!body) throw new ValidationError('The request has no body');
      const lengthHeader = c.req.header('content-length');
      let id: string;
      try {
        id = await s.documents.upload(actor, params.id, {
          body: body as unknown as AsyncIterable<Uint8Array>,
          name,
          mediaType: c.req.header('content-type'),
          length: lengthHeader ? Number(lengthHeader) : undefined,
          title: query.title,
          note: query.note,
          handlingCode: query.handlingCode,
        });
      } catch (err) {
        // The rest of the body is not read, so the connection cannot be reused: say so.
        if (err instanceof ApiError && err.status === 413) {
          return c.json({ error: { code: err.code, message: err.message } }, 413, { connection: 'close' });
        }
        throw err;
      }
      return { id, case: await cases.get(actor, params.id) };
    },
  });

  router.route({
    method: 'get',
    path: '/cases/:id/documents/:documentId',
    tag: 'cases',
    summary: "Download a document's file (members only; audited); the handling code is in x-handling-code",
    auth: 'user',
    params: idParams.extend({ documentId: z.uuid() }),
    produces: 'application/octet-stream',
    errors: ['not_found', 'attachment_pending', 'storage_unavailable'],
    handler: async ({ actor, params }) => {
      const doc = await s.documents.open(actor, params.id, params.documentId);
      return new Response(Readable.toWeb(doc.content) as unknown as ReadableStream<Uint8Array>, {
        status: 200,
        headers: {
          'content-type': doc.mediaType,
          'content-length': String(doc.size),
          'content-disposition': contentDisposition(doc.name),
          'x-handling-code': doc.handlingCode,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        },
      });
    },
  });

  router.route({
    method: 'get',
    path: '/cases/:id/graph',
    tag: 'cases',
    summary: 'The case graph with merges applied, filtered by time window and link types (the link chart)',
    auth: 'user',
    params: idParams,
    query: filterQuery,
    response: z.object({ entities: z.array(graphEntitySchema), links: z.array(graphLinkSchema) }),
    errors: ['not_found'],
    handler: async ({ actor, params, query }) => network.graph(actor, params.id, query),
  });

  router.route({
    method: 'get',
    path: '/cases/:id/paths',
    tag: 'cases',
    summary: 'Shortest path (or all paths with all=true) between two entities, by direction and time order',
    auth: 'user',
    params: idParams,
    query: filterQuery.extend({
      from: z.uuid(),
      to: z.uuid(),
      directed: bool,
      timeOrdered: bool,
      all: bool,
      maxHops: z.coerce.number().int().min(1).max(8).optional(),
    }),
    response: z.object({ paths: z.array(pathSchema) }),
    errors: ['not_found'],
    handler: async ({ actor, params, query }) => network.paths(actor, params.id, query),
  });

  router.route({
    method: 'get',
    path: '/cases/:id/network',
    tag: 'cases',
    summary: 'Connecting network: the entities within `depth` links of the seeds (comma-separated ids)',
    auth: 'user',
    params: idParams,
    query: filterQuery.extend({
      seeds: z
        .string()
        .transform((v) => v.split(',').filter(Boolean))
        .pipe(z.array(z.uuid()).min(1).max(50)),
      depth: z.coerce.number().int().min(1).max(6).default(2),
    }),
    response: z.object({
      entities: z.array(z.string()),
      links: z.array(z.string()),
      distance: z.record(z.string(), z.number()),
    }),
    errors: ['not_found'],
    handler: async ({ actor, params, query }) => network.network(actor, params.id, query),
  });

  router.route({
    method: 'get',
    path: '/cases/:id/metrics',
    tag: 'cases',
    summary: 'Clusters (Louvain), most connected by link weight, degree/betweenness/eigenvector centrality',
    auth: 'user',
    params: idParams,
    query: filterQuery,
    response: z.object({
      clusters: z.array(z.object({ entity: z.string(), cluster: z.number() })),
      clusterCount: z.number(),
      mostConnected: z.array(z.object({ id: z.string(), weightedDegree: z.number(), links: z.number() })),
      centrality: z.array(
        z.object({ id: z.string(), degree: z.number(), betweenness: z.number(), eigenvector: z.number() }),
      ),
      exact: z.boolean(),
      pivots: z.number(),
    }),
    errors: ['not_found'],
    handler: async ({ actor, params, query }) => network.metrics(actor, params.id, query),
  });

  router.route({
    method: 'get',
    path: '/cases/:id/duplicates',
    tag: 'cases',
    summary: 'Pairs of entities that may be the same (shared identifier, similar names across scripts)',
    auth: 'user',
    params: idParams,
    response: z.object({
      candidates: z.array(
        z.object({ a: z.string(), b: z.string(), score: z.number(), reasons: z.array(z.string()) }),
      ),
    }),
    errors: ['not_found'],
    handler: async ({ actor, params }) => ({ candidates: await network.duplicates(actor, params.id) }),
  });

  router.route({
    method: 'post',
    path: '/cases/:id/merge',
    tag: 'cases',
    summary: 'Merge entities into a survivor (links follow; undone by unmerge)',
    auth: 'user',
    params: idParams,
    body: z.object({ survivor: z.uuid(), merged: z.array(z.uuid()).min(1).max(50) }),
    response: caseViewSchema,
    errors: ['not_found', 'conflict', 'case_withdrawn'],
    handler: async ({ actor, params, body }) => network.merge(actor, params.id, body.survivor, body.merged),
  });

  router.route({
    method: 'post',
    path: '/cases/:id/unmerge',
    tag: 'cases',
    summary: 'Undo the merge of one entity: it stands on its own again with its own links',
    auth: 'user',
    params: idParams,
    body: z.object({ entity: z.uuid() }),
    response: caseViewSchema,
    errors: ['not_found', 'conflict', 'case_withdrawn'],
    handler: async ({ actor, params, body }) => network.unmerge(actor, params.id, body.entity),
  });

  router.route({
    method: 'post',
    path: '/cases/:id/import',
    tag: 'cases',
    summary:
      'Import entities or links from CSV: map columns to fields, check (dryRun, the default) and import; bad rows are listed by line',
    auth: 'user',
    params: idParams,
    body: importRequestSchema,
    response: importResultSchema,
    errors: ['not_found', 'case_withdrawn'],
    handler: async ({ actor, params, body }) => s.imports.run(actor, params.id, body),
  });

  router.route({
    method: 'get',
    path: '/cases/:id/export',
    tag: 'cases',
    summary:
      'Export the case: the graph as GraphML or JSON, or the report as PDF (handling code on every page)',
    auth: 'user',
    params: idParams,
    query: z.object({ format: z.enum(['graphml', 'json', 'pdf']) }),
    produces: 'application/octet-stream',
    errors: ['not_found'],
    handler: async ({ actor, params, query, c }) => {
      const name = `case-${params.id}`;
      if (query.format === 'pdf') {
        const pdf = await s.exports.report(actor, params.id);
        return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="${name}.pdf"`,
        });
      }
      if (query.format === 'graphml') {
        return c.body(await s.exports.graphml(actor, params.id), 200, {
          'content-type': 'application/graphml+xml; charset=utf-8',
          'content-disposition': `attachment; filename="${name}.graphml"`,
        });
      }
      return c.json(await s.exports.graphJson(actor, params.id), 200, {
        'content-disposition': `attachment; filename="${name}.json"`,
      });
    },
  });
}
