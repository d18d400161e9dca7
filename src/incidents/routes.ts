import { z } from 'zod';
import type { Actor } from '../governance/index.js';
import { ApiError, type ApiRouter } from '../platform/index.js';
import type { DviExchange } from './dvi-exchange.js';
import type { DviService } from './dvi-service.js';
import {
  amViewSchema,
  anteMortemFormSchema,
  candidateSchema,
  decisionInputSchema,
  identificationViewSchema,
  identifierInputSchema,
  importViewSchema,
  incidentInputSchema,
  incidentListQuerySchema,
  incidentStatsSchema,
  incidentViewSchema,
  notificationInputSchema,
  pmViewSchema,
  postMortemFormSchema,
  recordInputSchema,
  repatriationInputSchema,
  statusBoardSchema,
  survivorFormSchema,
  survivorViewSchema,
  transferViewSchema,
} from './schema.js';
import type { IncidentService } from './service.js';

/** Path of the IOM CSV upload, which reads its raw body under its own size limit. */
export const IOM_IMPORT_PATH = '/incidents/imports';

/** Largest IOM file accepted (IOM's complete global export is about 10 MB). */
export const MAX_IOM_BYTES = 64 * 1024 * 1024;

const incidentParams = z.object({ id: z.uuid() });
const TAG = 'incidents';

async function readBody(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of body) {
    size += part.byteLength;
    if (size > limit) throw new ApiError(413, 'payload_too_large', `The file is over ${limit} bytes`);
    parts.push(Buffer.from(part));
  }
  return Buffer.concat(parts);
}

const notificationViewSchema = z.object({
  id: z.string(),
  amId: z.string(),
  amReference: z.string(),
  notifiedPerson: z.string(),
  relationship: z.string(),
  channel: z.string(),
  language: z.string(),
  support: z.string().nullable(),
  notifiedAt: z.string(),
});
const repatriationViewSchema = z.object({
  pmId: z.string(),
  pmReference: z.string(),
  status: z.enum(['planned', 'under_way', 'completed', 'buried']),
  familyWishes: z.string().nullable(),
  laissezPasser: z.record(z.string(), z.string()).nullable(),
  transport: z.string().nullable(),
  receivingAuthority: z.string().nullable(),
  graveLocation: z.string().nullable(),
  updatedAt: z.string(),
});

/** Registers the incidents API: registry, IOM imports and victim identification. */
export function registerIncidentRoutes(
  router: ApiRouter<Actor>,
  incidents: IncidentService,
  dvi: DviService,
  exchange: DviExchange,
): void {
  router.route({
    method: 'post',
    path: IOM_IMPORT_PATH,
    tag: TAG,
    summary:
      'Import an IOM Missing Migrants CSV export, either layout (body: the CSV, Content-Type text/csv; gzip with Content-Encoding: gzip or Content-Type application/gzip). The rows are read in the background: follow the import with GET /incidents/imports/{id}. Rows in error are reported with their line; a re-import updates incidents by IOM incident id.',
    auth: 'user',
    query: z.object({ name: z.string().trim().min(1).max(255).optional() }),
    response: importViewSchema,
    status: 202,
    errors: ['payload_too_large', 'unsupported_media_type'],
    handler: async ({ actor, query, c }) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const encoding = (c.req.header('content-encoding') ?? '').toLowerCase();
      if (!['text/csv', 'application/gzip', 'application/x-gzip'].includes(type))
        throw new ApiError(
          415,
          'unsupported_media_type',
          'Content-Type must be text/csv or application/gzip',
        );
      const bytes = await readBody(c.req.raw.body, MAX_IOM_BYTES);
      return incidents.startImport(actor, {
        bytes,
        fileName: query.name ?? 'upload.csv',
        gzip: type !== 'text/csv' || encoding === 'gzip',
      });
    },
  });
  router.route({
    method: 'get',
    path: IOM_IMPORT_PATH,
    tag: TAG,
    summary: 'IOM imports, newest first',
    auth: 'user',
    response: z.object({ imports: z.array(importViewSchema) }),
    handler: async ({ actor }) => ({ imports: await incidents.imports(actor) }),
  });
  router.route({
    method: 'get',
    path: `${IOM_IMPORT_PATH}/:id`,
    tag: TAG,
    summary: 'Progress and outcome of an IOM import, with the rows in error',
    auth: 'user',
    params: incidentParams,
    response: importViewSchema,
    errors: ['not_found'],
    handler: async ({ actor, params }) => incidents.importStatus(actor, params.id),
  });
  router.route({
    method: 'get',
    path: '/incidents/map',
    tag: TAG,
    summary: 'Every located incident, compactly, for the map',
    auth: 'user',
    response: z.object({
      points: z.array(
        z.object({
          id: z.string(),
          iomId: z.string().nullable(),
          date: z.string(),
          latitude: z.number(),
          longitude: z.number(),
          deadAndMissing: z.number(),
          place: z.string(),
        }),
      ),
    }),
    handler: async ({ actor }) => ({ points: await incidents.mapPoints(actor) }),
  });
  router.route({
    method: 'get',
    path: '/incidents/stats',
    tag: TAG,
    summary: 'Incidents and dead and missing by year, route and origin country',
    auth: 'user',
    response: incidentStatsSchema,
    handler: async ({ actor }) => incidents.stats(actor),
  });
  router.route({
    method: 'get',
    path: '/incidents',
    tag: TAG,
    summary: 'The incident registry, newest first (?q= place or IOM id, ?year=, ?route=, ?origin=)',
    auth: 'user',
    query: incidentListQuerySchema,
    response: z.object({ incidents: z.array(incidentViewSchema), total: z.number() }),
    handler: async ({ actor, query }) => incidents.list(actor, query),
  });
  router.route({
    method: 'post',
    path: '/incidents',
    tag: TAG,
    summary: 'Record an incident (a DVI officer who records it joins its team)',
    auth: 'user',
    body: incidentInputSchema,
    response: incidentViewSchema,
    status: 201,
    handler: async ({ actor, body }) => incidents.create(actor, body),
  });
  router.route({
    method: 'get',
    path: '/incidents/:id',
    tag: TAG,
    summary: 'One incident of the registry',
    auth: 'user',
    params: incidentParams,
    response: incidentViewSchema,
    errors: ['not_found'],
    handler: async ({ actor, params }) => incidents.get(actor, params.id),
  });
  router.route({
    method: 'put',
    path: '/incidents/:id',
    tag: TAG,
    summary: "Change an incident's registry fields",
    auth: 'user',
    params: incidentParams,
    body: incidentInputSchema,
    response: incidentViewSchema,
    errors: ['not_found'],
    handler: async ({ actor, params, body }) => incidents.update(actor, params.id, body),
  });
  router.route({
    method: 'get',
    path: '/incidents/:id/team',
    tag: TAG,
    summary: "The incident's DVI team",
    auth: 'user',
    params: incidentParams,
    response: z.object({
      members: z.array(z.object({ username: z.string(), addedBy: z.string(), addedAt: z.string() })),
    }),
    errors: ['not_found'],
    handler: async ({ actor, params }) => ({ members: await incidents.members(actor, params.id) }),
  });
  router.route({
    method: 'post',
    path: '/incidents/:id/team',
    tag: TAG,
    summary: 'Add a DVI officer to the incident team (an administrator, or a member of the team)',
    auth: 'user',
    params: incidentParams,
    body: z.strictObject({ username: z.string().trim().min(1).max(100) }),
    status: 204,
    errors: ['not_found', 'not_dvi'],
    handler: async ({ actor, params, body }) => {
      await incidents.addMember(actor, params.id, body.username);
      return undefined as never;
    },
  });

  // --- DVI records -----------------------------------------------------------------------------
  const recordRoutes = <V>(
    segment: string,
    what: string,
    form: z.ZodType,
    view: z.ZodType<V>,
    list: (actor: Actor, id: string) => Promise<V[]>,
    add: (actor: Actor, id: string, input: never) => Promise<V>,
  ) => {
    router.route({
      method: 'get',
      path: `/incidents/:id/${segment}`,
      tag: TAG,
      summary: `${what} of the incident (its DVI team)`,
      auth: 'user',
      params: incidentParams,
      response: z.object({ records: z.array(view) }),
      errors: ['not_found'],
      handler: async ({ actor, params }) => ({ records: await list(actor, params.id) }),
    });
    router.route({
      method: 'post',
      path: `/incidents/:id/${segment}`,
      tag: TAG,
      summary: `Record one of the ${what.toLowerCase()}`,
      auth: 'user',
      params: incidentParams,
      body: recordInputSchema(form),
      response: view,
      status: 201,
      errors: ['not_found', 'reference_taken'],
      handler: async ({ actor, params, body }) => add(actor, params.id, body as never),
    });
  };
  recordRoutes(
    'post-mortem',
    'Post-mortem records (INTERPOL DVI pink form)',
    postMortemFormSchema,
    pmViewSchema,
    (a, id) => dvi.postMortems(a, id),
    (a, id, input) => dvi.addPostMortem(a, id, input),
  );
  recordRoutes(
    'ante-mortem',
    'Ante-mortem records (INTERPOL DVI yellow form), collected here or received from partners',
    anteMortemFormSchema,
    amViewSchema,
    (a, id) => dvi.anteMortems(a, id),
    (a, id, input) => dvi.addAnteMortem(a, id, input),
  );
  recordRoutes(
    'survivors',
    'Survivors, recorded as victims of smuggling',
    survivorFormSchema,
    survivorViewSchema,
    (a, id) => dvi.survivors(a, id),
    (a, id, input) => dvi.addSurvivor(a, id, input),
  );

  router.route({
    method: 'get',
    path: '/incidents/:id/candidates',
    tag: TAG,
    summary:
      'Ranked reconciliation candidates with their explanation: ante-mortem candidates of a body (?pmId=), bodies for a missing person (?amId=), or the best candidates of every body',
    auth: 'user',
    params: incidentParams,
    query: z.object({
      pmId: z.uuid().optional(),
      amId: z.uuid().optional(),
      limit: z.coerce.number().int().min(1).max(100).optional(),
    }),
    response: z.object({ candidates: z.array(candidateSchema) }),
    errors: ['not_found'],
    handler: async ({ actor, params, query }) => ({
      candidates: await dvi.candidates(actor, params.id, query),
    }),
  });
  router.route({
    method: 'post',
    path: '/incidents/:id/identifiers',
    tag: TAG,
    summary: 'Record a primary identifier (fingerprint, dental, DNA) confirmed by an expert for a pair',
    auth: 'user',
    params: incidentParams,
    body: identifierInputSchema,
    status: 204,
    errors: ['not_found', 'match_locked'],
    handler: async ({ actor, params, body }) => {
      await dvi.confirmIdentifier(actor, params.id, body);
      return undefined as never;
    },
  });
  router.route({
    method: 'get',
    path: '/incidents/:id/identifications',
    tag: TAG,
    summary: "The identification board's decisions",
    auth: 'user',
    params: incidentParams,
    response: z.object({ identifications: z.array(identificationViewSchema) }),
    errors: ['not_found'],
    handler: async ({ actor, params }) => ({ identifications: await dvi.identifications(actor, params.id) }),
  });
  router.route({
    method: 'post',
    path: '/incidents/:id/identifications',
    tag: TAG,
    summary:
      "Record the identification board's decision on a pair (preliminary or confirmed); a confirmed one needs a primary identifier and locks both records",
    auth: 'user',
    params: incidentParams,
    body: decisionInputSchema,
    response: identificationViewSchema,
    status: 201,
    errors: ['not_found', 'match_locked', 'primary_identifier_required'],
    handler: async ({ actor, params, body }) => dvi.decide(actor, params.id, body),
  });
  router.route({
    method: 'get',
    path: '/incidents/:id/notifications',
    tag: TAG,
    summary: 'Families told of an identification',
    auth: 'user',
    params: incidentParams,
    response: z.object({ notifications: z.array(notificationViewSchema) }),
    errors: ['not_found'],
    handler: async ({ actor, params }) => ({
      notifications: await dvi.familyNotifications(actor, params.id),
    }),
  });
  router.route({
    method: 'post',
    path: '/incidents/:id/notifications',
    tag: TAG,
    summary: 'Record that a family was told (who, when, channel, language, support offered)',
    auth: 'user',
    params: incidentParams,
    body: notificationInputSchema,
    status: 204,
    errors: ['not_found', 'not_identified'],
    handler: async ({ actor, params, body }) => {
      await dvi.notifyFamily(actor, params.id, body);
      return undefined as never;
    },
  });
  router.route({
    method: 'get',
    path: '/incidents/:id/repatriations',
    tag: TAG,
    summary: 'Repatriations of remains and graves',
    auth: 'user',
    params: incidentParams,
    response: z.object({ repatriations: z.array(repatriationViewSchema) }),
    errors: ['not_found'],
    handler: async ({ actor, params }) => ({ repatriations: await dvi.repatriations(actor, params.id) }),
  });
  router.route({
    method: 'post',
    path: '/incidents/:id/repatriations',
    tag: TAG,
    summary:
      'Record or update the repatriation of identified remains (1937 Berlin Agreement laissez-passer) or their traceable grave',
    auth: 'user',
    params: incidentParams,
    body: repatriationInputSchema,
    status: 204,
    errors: ['not_found', 'not_identified'],
    handler: async ({ actor, params, body }) => {
      await dvi.setRepatriation(actor, params.id, body);
      return undefined as never;
    },
  });
  router.route({
    method: 'get',
    path: '/incidents/:id/board',
    tag: TAG,
    summary:
      "The incident's status board (pending, identified, notified, repatriating, repatriated), both nodes' news",
    auth: 'user',
    params: incidentParams,
    response: statusBoardSchema,
    errors: ['not_found'],
    handler: async ({ actor, params }) => dvi.statusBoard(actor, params.id),
  });

  // --- federation --------------------------------------------------------------------------------
  router.route({
    method: 'get',
    path: '/incidents/:id/transfers',
    tag: TAG,
    summary: 'Ante-mortem records sent (or held for the DPO) to partners',
    auth: 'user',
    params: incidentParams,
    response: z.object({ transfers: z.array(transferViewSchema) }),
    errors: ['not_found'],
    handler: async ({ actor, params }) => ({
      transfers: await exchange.transfers(actor, { incidentId: params.id }),
    }),
  });
  router.route({
    method: 'post',
    path: '/incidents/:id/transfers',
    tag: TAG,
    summary:
      "Send an ante-mortem record to a partner (dvi.antemortem). It leaves under the outgoing review's rules; with relatives' DNA references it always waits for the DPO",
    auth: 'user',
    params: incidentParams,
    body: z.strictObject({
      amId: z.uuid(),
      partner: z.string().min(2).max(63),
      includeRelativesDna: z.boolean().default(false),
    }),
    response: transferViewSchema,
    status: 201,
    errors: ['not_found', 'partner_not_verified', 'not_collected_here'],
    handler: async ({ actor, params, body }) => exchange.sendAnteMortem(actor, params.id, body),
  });
  router.route({
    method: 'get',
    path: '/dvi-transfers',
    tag: TAG,
    summary: "Ante-mortem transfers for the DPO's review (?status=held)",
    auth: 'user',
    query: z.object({ status: z.enum(['held', 'sent', 'refused']).optional() }),
    response: z.object({ transfers: z.array(transferViewSchema) }),
    handler: async ({ actor, query }) => ({
      transfers: await exchange.transfers(actor, { status: query.status }),
    }),
  });
  router.route({
    method: 'post',
    path: '/dvi-transfers/:id/decision',
    tag: TAG,
    summary: 'The DPO approves (it leaves now) or refuses a held ante-mortem transfer',
    auth: 'user',
    params: incidentParams,
    body: z.strictObject({ approve: z.boolean(), note: z.string().trim().min(1).max(2000) }),
    response: transferViewSchema,
    errors: ['not_found', 'already_decided'],
    handler: async ({ actor, params, body }) => exchange.decideTransfer(actor, params.id, body),
  });
  router.route({
    method: 'post',
    path: '/incidents/:id/alerts',
    tag: TAG,
    summary:
      'Send an unidentified body (post-mortem record) or a missing person (ante-mortem record) to a partner as an alert message',
    auth: 'user',
    params: incidentParams,
    body: z.strictObject({
      recordKind: z.enum(['pm', 'am']),
      recordId: z.uuid(),
      partner: z.string().min(2).max(63),
      language: z
        .string()
        .regex(/^[a-z]{2,3}$/)
        .default('en'),
    }),
    response: z.object({ messageId: z.string(), status: z.string() }),
    status: 201,
    errors: ['not_found', 'partner_not_verified'],
    handler: async ({ actor, params, body }) => {
      const sent = await exchange.sendAlert(actor, params.id, body);
      return { messageId: sent.id, status: sent.status };
    },
  });
}
