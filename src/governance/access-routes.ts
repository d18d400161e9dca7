import { z } from 'zod';
import type { ApiRouter } from '../platform/index.js';
import {
  type AccessService,
  breakGlassRequestSchema,
  breakGlassReviewSchema,
  breakGlassViewSchema,
  unitIdSchema,
  unitViewSchema,
} from './access-service.js';
import type { Actor } from './roles.js';
import {
  type SharingPolicyService,
  sharingPolicyRequestSchema,
  sharingPolicyViewSchema,
} from './sharing-policies.js';
import {
  type SubjectRequestService,
  subjectChangeSchema,
  subjectReportSchema,
  subjectSearchSchema,
} from './subject-requests.js';

/** Registers units, membership and break-glass routes. */
export function registerAccessRoutes(router: ApiRouter<Actor>, service: AccessService): void {
  router.route({
    method: 'get',
    path: '/units',
    tag: 'governance',
    summary: 'Units of this node and their members (need-to-know)',
    auth: 'user',
    response: z.object({ units: z.array(unitViewSchema) }),
    handler: async ({ actor }) => ({ units: await service.listUnits(actor) }),
  });

  router.route({
    method: 'post',
    path: '/units',
    tag: 'governance',
    summary: 'Create a unit (admin)',
    auth: 'user',
    body: z.object({ id: unitIdSchema, name: z.string().trim().min(1).max(200) }),
    status: 201,
    response: z.object({ unit: unitViewSchema }),
    errors: ['unit_exists'],
    handler: async ({ actor, body }) => ({ unit: await service.createUnit(actor, body) }),
  });

  router.route({
    method: 'put',
    path: '/users/:id/units',
    tag: 'governance',
    summary: 'Set the units a user belongs to (admin); replaces the previous membership',
    auth: 'user',
    params: z.object({ id: z.uuid() }),
    body: z.object({ units: z.array(unitIdSchema).max(50) }),
    response: z.object({ units: z.array(z.string()) }),
    errors: ['not_found', 'bad_request'],
    handler: async ({ actor, params, body }) => ({
      units: await service.setUserUnits(actor, params.id, body.units),
    }),
  });

  router.route({
    method: 'post',
    path: '/break-glass',
    tag: 'governance',
    summary:
      'Emergency access to one record outside your need-to-know: reason required, time-limited, the DPO is alerted and reviews it',
    auth: 'user',
    body: breakGlassRequestSchema,
    status: 201,
    response: z.object({ access: breakGlassViewSchema }),
    handler: async ({ actor, body }) => ({ access: await service.breakGlass(actor, body) }),
  });

  router.route({
    method: 'get',
    path: '/break-glass',
    tag: 'governance',
    summary: 'Break-glass accesses for the DPO to review, newest first',
    auth: 'user',
    query: z.object({ unreviewed: z.enum(['true', 'false']).optional() }),
    response: z.object({ accesses: z.array(breakGlassViewSchema) }),
    handler: async ({ actor, query }) => ({
      accesses: await service.listBreakGlass(actor, { unreviewed: query.unreviewed === 'true' }),
    }),
  });

  router.route({
    method: 'post',
    path: '/break-glass/:id/review',
    tag: 'governance',
    summary: 'Judge a break-glass access (DPO); an unjustified one ends at once',
    auth: 'user',
    params: z.object({ id: z.uuid() }),
    body: breakGlassReviewSchema,
    response: z.object({ access: breakGlassViewSchema }),
    errors: ['not_found', 'already_reviewed'],
    handler: async ({ actor, params, body }) => ({
      access: await service.reviewBreakGlass(actor, params.id, body),
    }),
  });
}

/** Registers the DPO's standing sharing policies. */
export function registerSharingPolicyRoutes(router: ApiRouter<Actor>, service: SharingPolicyService): void {
  router.route({
    method: 'get',
    path: '/sharing-policies',
    tag: 'governance',
    summary: 'Standing sharing policies under which personal data leaves without case-by-case review',
    auth: 'user',
    response: z.object({ policies: z.array(sharingPolicyViewSchema) }),
    handler: async ({ actor }) => ({ policies: await service.list(actor) }),
  });
  router.route({
    method: 'post',
    path: '/sharing-policies',
    tag: 'governance',
    summary: 'Adopt a standing sharing policy (DPO): partner, crime area, handling code, data categories',
    auth: 'user',
    body: sharingPolicyRequestSchema,
    status: 201,
    response: z.object({ policy: sharingPolicyViewSchema }),
    handler: async ({ actor, body }) => ({ policy: await service.create(actor, body) }),
  });
  router.route({
    method: 'post',
    path: '/sharing-policies/:id/revoke',
    tag: 'governance',
    summary: 'End a standing sharing policy (DPO)',
    auth: 'user',
    params: z.object({ id: z.uuid() }),
    status: 204,
    errors: ['not_found'],
    handler: async ({ actor, params }) => {
      await service.revoke(actor, params.id);
      return undefined;
    },
  });
}

/** Registers data-subject requests (DPO). */
export function registerSubjectRoutes(router: ApiRouter<Actor>, service: SubjectRequestService): void {
  router.route({
    method: 'post',
    path: '/subject-requests/search',
    tag: 'governance',
    summary:
      'Find everything the node holds on a person, in any script (names engine); the report is the export for the DPO (audited)',
    auth: 'user',
    body: subjectSearchSchema,
    response: z.object({ report: subjectReportSchema }),
    handler: async ({ actor, body }) => ({ report: await service.search(actor, body) }),
  });
  router.route({
    method: 'post',
    path: '/subject-requests/change',
    tag: 'governance',
    summary:
      'Erase or correct one person entity found by a subject request (DPO; audited with a tombstone). A missing person on whom an identification board decision rests is corrected, not erased (match_locked)',
    auth: 'user',
    body: subjectChangeSchema,
    status: 204,
    errors: ['not_found', 'match_locked'],
    handler: async ({ actor, body }) => {
      await service.change(actor, body);
      return undefined;
    },
  });
}
