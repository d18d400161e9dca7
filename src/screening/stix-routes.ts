import { z } from 'zod';
import type { Actor } from '../governance/index.js';
import type { ApiRouter } from '../platform/index.js';
import type { AlertInterchangeService } from './alert-interchange.js';

const stixObject = z.looseObject({ type: z.string(), id: z.string() });
const bundleSchema = z.looseObject({
  type: z.literal('bundle'),
  id: z.string(),
  objects: z.array(stixObject),
});

/** Registers STIX export and import of alerts under /stix. */
export function registerStixRoutes(router: ApiRouter<Actor>, service: AlertInterchangeService): void {
  router.route({
    method: 'get',
    path: '/stix/messages/:id',
    tag: 'stix',
    summary: 'The STIX 2.1 bundle of an alert (threat warning, modus operandi, wanted); the read is audited',
    auth: 'user',
    params: z.object({ id: z.uuid() }),
    response: bundleSchema,
    errors: ['not_found'],
    handler: async ({ actor, params }) => service.exportAlert(actor, params.id),
  });

  router.route({
    method: 'post',
    path: '/stix/import',
    tag: 'stix',
    summary:
      'Map a STIX 2.1 bundle (validated against the OASIS schemas) to an alert draft; nothing is sent or stored',
    auth: 'user',
    body: z.strictObject({ bundle: z.unknown() }),
    response: z.object({ draft: z.record(z.string(), z.unknown()), notes: z.array(z.string()) }),
    errors: ['bad_request'],
    handler: async ({ actor, body }) => {
      const r = service.importBundle(actor, body.bundle);
      return { draft: r.draft, notes: r.notes };
    },
  });
}
