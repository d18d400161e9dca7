import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import type { Actor } from '../governance/index.js';
import { ApiError, type ApiRouter, ValidationError } from '../platform/index.js';
import {
  batchRequestSchema,
  batchViewSchema,
  diffViewSchema,
  importResultSchema,
  listViewSchema,
  screenRequestSchema,
  screenResultSchema,
  subjectFlagSchema,
  thresholdsSchema,
} from './schema.js';
import type { ScreeningService } from './service.js';

/** Path of the list upload, which reads its raw XML body under its own size limit. */
export const LIST_IMPORT_PATH = '/screening/lists';

/** Largest list file accepted (the 2024 list is 2.2 MB uncompressed). */
export const MAX_LIST_BYTES = 64 * 1024 * 1024;

const idParams = z.object({ id: z.uuid() });

async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ApiError(413, 'payload_too_large', `The list file is over ${limit} bytes`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/** Registers the screening API under /screening. */
export function registerScreeningRoutes(router: ApiRouter<Actor>, service: ScreeningService): void {
  router.route({
    method: 'post',
    path: LIST_IMPORT_PATH,
    tag: 'screening',
    summary:
      'Import a UN Security Council Consolidated List file (body: the XML, Content-Type application/xml; gzip accepted with Content-Encoding: gzip). The file is refused whole when malformed; the previous version stays active.',
    auth: 'user',
    query: z.object({ name: z.string().trim().min(1).max(255).optional() }),
    response: importResultSchema,
    status: 201,
    errors: ['list_already_imported', 'list_not_newer', 'payload_too_large'],
    handler: async ({ actor, query, c }) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^(application|text)\/xml\b/.test(type))
        throw new ValidationError('Content-Type must be application/xml');
      let xml = await readLimited(c.req.raw.body, MAX_LIST_BYTES);
      if ((c.req.header('content-encoding') ?? '').toLowerCase() === 'gzip') {
        try {
          xml = gunzipSync(xml, { maxOutputLength: MAX_LIST_BYTES });
        } catch (err) {
          throw new ValidationError(`The gzip body cannot be read: ${(err as Error).message}`);
        }
      }
      return service.importList(actor, { xml, sourceName: query.name ?? 'upload.xml' });
    },
  });

  router.route({
    method: 'get',
    path: '/screening/lists',
    tag: 'screening',
    summary: 'Imported versions of the UN list, newest first',
    auth: 'user',
    response: z.object({ lists: z.array(listViewSchema) }),
    handler: async ({ actor }) => ({ lists: await service.lists(actor) }),
  });

  router.route({
    method: 'get',
    path: '/screening/lists/:id/diff',
    tag: 'screening',
    summary: 'Designations added, removed and amended: against ?from=<version>, or as recorded at import',
    auth: 'user',
    params: idParams,
    query: z.object({ from: z.uuid().optional() }),
    response: diffViewSchema,
    errors: ['not_found'],
    handler: async ({ actor, params, query }) => service.diff(actor, params.id, query.from),
  });

  router.route({
    method: 'get',
    path: '/screening/designations/:ref',
    tag: 'screening',
    summary: 'A designation as the active list (or ?list=<version>) gives it',
    auth: 'user',
    params: z.object({
      ref: z.string().regex(/^[A-Za-z]{2,4}\.\d{1,4}$/, 'A UN reference number such as QDi.421'),
    }),
    query: z.object({ list: z.uuid().optional() }),
    response: z.object({ designation: z.record(z.string(), z.unknown()) }),
    errors: ['not_found'],
    handler: async ({ actor, params, query }) => ({
      designation: (await service.designation(actor, params.ref, query.list)) as unknown as Record<
        string,
        unknown
      >,
    }),
  });

  router.route({
    method: 'get',
    path: '/screening/thresholds',
    tag: 'screening',
    summary: 'Score thresholds: confident match and needs review',
    auth: 'user',
    response: thresholdsSchema,
    handler: async ({ actor }) => service.thresholds(actor),
  });

  router.route({
    method: 'put',
    path: '/screening/thresholds',
    tag: 'screening',
    summary: 'Change the score thresholds (audited)',
    auth: 'user',
    body: thresholdsSchema,
    response: thresholdsSchema,
    handler: async ({ actor, body }) => service.setThresholds(actor, body),
  });

  router.route({
    method: 'post',
    path: '/screening/screen',
    tag: 'screening',
    summary: 'Screen one person or organisation against the active list (audited with its purpose)',
    auth: 'user',
    body: screenRequestSchema,
    response: screenResultSchema,
    errors: ['no_active_list'],
    handler: async ({ actor, body }) => service.screen(actor, body),
  });

  router.route({
    method: 'post',
    path: '/screening/batches',
    tag: 'screening',
    summary: `Start a batch screening from CSV (columns ref, name, other_names, birth_date, nationality, document; name required; several values separated by |)`,
    auth: 'user',
    body: batchRequestSchema,
    response: batchViewSchema,
    status: 202,
    errors: ['no_active_list'],
    handler: async ({ actor, body }) => service.startBatch(actor, body),
  });

  router.route({
    method: 'get',
    path: '/screening/batches/:id',
    tag: 'screening',
    summary: 'Progress of a batch',
    auth: 'user',
    params: idParams,
    response: batchViewSchema,
    errors: ['not_found'],
    handler: async ({ actor, params }) => service.batch(actor, params.id),
  });

  router.route({
    method: 'get',
    path: '/screening/batches/:id/results',
    tag: 'screening',
    summary: 'Results of a finished batch: JSON, or CSV with ?format=csv',
    auth: 'user',
    params: idParams,
    query: z.object({ format: z.enum(['json', 'csv']).optional() }),
    errors: ['not_found', 'batch_not_done'],
    handler: async ({ actor, params, query, c }) => {
      if (query.format === 'csv') {
        const csv = await service.batchResultCsv(actor, params.id);
        return c.body(csv, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="screening-${params.id}.csv"`,
        });
      }
      return { results: await service.batchResults(actor, params.id) };
    },
  });

  router.route({
    method: 'get',
    path: '/screening/messages/:id/flags',
    tag: 'screening',
    summary:
      'Screening flags of the persons named in a received message (information for the officer, never an action)',
    auth: 'user',
    params: idParams,
    response: z.object({ flags: z.array(subjectFlagSchema) }),
    errors: ['not_found'],
    handler: async ({ actor, params }) => ({ flags: await service.messageFlags(actor, params.id) }),
  });
}
