/**
 * The authorisation matrix: every role × every operation of the node's OpenAPI document ×
 * a record inside and one outside the caller's need-to-know, each checked for allow or
 * deny over real HTTP. The operations come from the served OpenAPI document, so a new
 * endpoint without an entry here fails the test instead of going unchecked.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { type Permission, permissions, type Role, roles } from '../src/governance/index.js';
import { ManualClock } from '../src/platform/index.js';
import { allowSharing, pairNodes, startTestNode, type TestNode, waitFor } from './_util.js';

const DAY = 86_400_000;
const clock = new ManualClock('2026-03-02T09:00:00.000Z');

/** Records the matrix uses. */
interface Fixtures {
  inside: { message: string; attachment: string; incident: string; case: string };
  outside: { message: string; attachment: string; incident: string; case: string };
  otherUserId: string;
}
type Scope = 'inside' | 'outside';
interface Req {
  path: string;
  body?: unknown;
  raw?: Uint8Array;
  headers?: Record<string, string>;
  /** Served at the node's root, not under /api/v1 (health probes). */
  root?: boolean;
}
interface Entry {
  /** Who may call it: a permission of `roles.ts`, any signed-in user, or anyone. */
  allow: Permission | 'user' | 'public';
  /**
   * `record`: the operation reads or acts on one record (or lists records), and is tried on
   * a record inside and one outside the caller's need-to-know; `none`: it holds no such record.
   */
  records: 'record' | 'listing' | 'none';
  request: (f: Fixtures, scope: Scope, role: Role) => Req;
  /** Statuses of an allowed call inside the need-to-know. */
  ok: number[];
}

function draft(subject: string, extra: Record<string, unknown> = {}) {
  const now = clock.now().getTime();
  return {
    type: 'info',
    subject,
    body: 'Synthetic test information for the authorisation matrix.',
    language: 'en',
    crimeAreas: ['migrant_smuggling'],
    priority: 'routine',
    handlingCode: 'H1',
    tlp: 'AMBER',
    evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
    legalBasis: 'Bilateral security cooperation agreement, art. 3',
    purpose: 'Authorisation matrix test',
    retentionReviewDate: new Date(now + 365 * DAY).toISOString().slice(0, 10),
    ...extra,
  };
}

const none = (path: string, body?: unknown) => () => ({ path, ...(body !== undefined ? { body } : {}) });

const incident = {
  type: 'shipwreck',
  date: '2025-01-15',
  place: 'Synthetic matrix incident off Dakhla',
  latitude: 23.6,
  longitude: -16.9,
};

/** A DVI operation on the incident inside or outside the caller's team. */
const dvi = (
  allow: Permission,
  method: 'GET' | 'POST',
  segment: string,
  body?: () => unknown,
  ok: number[] = [method === 'GET' ? 200 : 201],
): Entry => ({
  allow,
  records: 'record',
  request: (f, s) => ({
    path: `/incidents/${f[s].incident}/${segment}`,
    ...(body ? { body: body() } : {}),
  }),
  ok,
});
const ref = () => `MX-${randomUUID().slice(0, 8)}`;
const pmForm = {
  recoveryPlace: 'Synthetic beach',
  recoveredAt: '2025-01-17T09:00:00.000Z',
  condition: 'complete',
  sex: 'male',
};
const amForm = {
  names: [{ full: 'Synthetic Missing Person', script: 'Latn' }],
  sex: 'male',
  collectedBy: 'Synthetic interviewer',
  collectedFrom: 'Synthetic relative',
};
const pair = () => ({ pmId: randomUUID(), amId: randomUUID() });

/** One entry per operation, keyed `METHOD /path` as in the OpenAPI document. */
const matrix: Record<string, Entry> = {
  'POST /auth/login': {
    allow: 'public',
    records: 'none',
    request: none('/auth/login', { username: 'nobody', password: 'wrong password' }),
    ok: [401],
  },
  'GET /healthz': {
    allow: 'public',
    records: 'none',
    request: () => ({ path: '/healthz', root: true }),
    ok: [200],
  },
  'GET /readyz': {
    allow: 'public',
    records: 'none',
    request: () => ({ path: '/readyz', root: true }),
    ok: [200],
  },
  // Not role-gated: its own token (PASSERELLE_METRICS_TOKEN) or loopback; off on these nodes.
  'GET /metrics': {
    allow: 'public',
    records: 'none',
    request: () => ({ path: '/metrics', root: true }),
    ok: [404],
  },
  'GET /auth/me': { allow: 'user', records: 'none', request: none('/auth/me'), ok: [200] },
  'POST /auth/logout': { allow: 'user', records: 'none', request: none('/auth/logout', {}), ok: [204] },
  'GET /users': { allow: 'user.manage', records: 'none', request: none('/users'), ok: [200] },
  'POST /users': {
    allow: 'user.manage',
    records: 'none',
    request: (_f, _s, role) => ({
      path: '/users',
      body: {
        username: `made-by-${role}-${randomUUID().slice(0, 8)}`,
        displayName: 'Synthetic',
        password: 'correct horse battery',
        roles: ['viewer'],
      },
    }),
    ok: [201],
  },
  'PATCH /users/{id}': {
    allow: 'user.manage',
    records: 'none',
    request: (f) => ({ path: `/users/${f.otherUserId}`, body: { displayName: 'Renamed' } }),
    ok: [200],
  },
  'POST /users/{id}/unlock': {
    allow: 'user.manage',
    records: 'none',
    request: (f) => ({ path: `/users/${f.otherUserId}/unlock`, body: {} }),
    ok: [200],
  },
  'POST /auth/password': {
    allow: 'user',
    records: 'none',
    request: none('/auth/password', {
      currentPassword: 'not the password',
      newPassword: 'another long password',
    }),
    ok: [400],
  },
  'GET /tokens': { allow: 'user', records: 'none', request: none('/tokens'), ok: [200] },
  // The matrix calls with API tokens: new tokens come only from a browser session (403 session_required).
  'POST /tokens': { allow: 'user', records: 'none', request: none('/tokens', { name: 'matrix' }), ok: [403] },
  'DELETE /tokens/{id}': {
    allow: 'user',
    records: 'none',
    request: () => ({ path: `/tokens/${randomUUID()}` }),
    ok: [404],
  },
  'GET /audit': { allow: 'audit.read', records: 'none', request: none('/audit'), ok: [200] },
  'POST /audit/verify': {
    allow: 'audit.verify',
    records: 'none',
    request: none('/audit/verify', {}),
    ok: [200],
  },
  'GET /units': { allow: 'unit.read', records: 'none', request: none('/units'), ok: [200] },
  'POST /units': {
    allow: 'unit.manage',
    records: 'none',
    request: () => ({ path: '/units', body: { id: `u-${randomUUID().slice(0, 8)}`, name: 'Unit' } }),
    ok: [201],
  },
  'PUT /users/{id}/units': {
    allow: 'unit.manage',
    records: 'none',
    request: (f) => ({ path: `/users/${f.otherUserId}/units`, body: { units: ['other'] } }),
    ok: [200],
  },
  'POST /break-glass': {
    allow: 'breakglass.open',
    records: 'none',
    // A record id that exists nowhere: the grant must not widen the matrix's later checks.
    request: () => ({
      path: '/break-glass',
      body: { recordKind: 'message', recordId: randomUUID(), reason: 'Matrix test emergency access' },
    }),
    ok: [201],
  },
  'GET /break-glass': {
    allow: 'breakglass.review',
    records: 'none',
    request: none('/break-glass'),
    ok: [200],
  },
  'POST /break-glass/{id}/review': {
    allow: 'breakglass.review',
    records: 'none',
    request: () => ({
      path: `/break-glass/${randomUUID()}/review`,
      body: { verdict: 'justified', note: 'ok' },
    }),
    ok: [404],
  },
  'GET /node/card': { allow: 'node.read', records: 'none', request: none('/node/card'), ok: [200] },
  'GET /partners': { allow: 'partner.read', records: 'none', request: none('/partners'), ok: [200] },
  'POST /partners': {
    allow: 'partner.manage',
    records: 'none',
    request: none('/partners', { cardJws: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln' }),
    ok: [400, 422],
  },
  'POST /partners/{nodeId}/verify': {
    allow: 'partner.manage',
    records: 'none',
    request: none('/partners/zz-none/verify', { fingerprint: '000000' }),
    ok: [404],
  },
  'POST /partners/{nodeId}/revoke': {
    allow: 'partner.manage',
    records: 'none',
    request: none('/partners/zz-none/revoke', { reason: 'matrix' }),
    ok: [404],
  },
  'GET /deliveries': { allow: 'partner.read', records: 'none', request: none('/deliveries'), ok: [200] },
  'POST /deliveries/{id}/retry': {
    allow: 'partner.manage',
    records: 'none',
    request: () => ({ path: `/deliveries/${randomUUID()}/retry`, body: {} }),
    ok: [404],
  },
  'GET /notifications': {
    allow: 'notification.read',
    records: 'none',
    request: none('/notifications'),
    ok: [200],
  },
  'POST /notifications/{id}/read': {
    allow: 'notification.read',
    records: 'none',
    request: () => ({ path: `/notifications/${randomUUID()}/read`, body: {} }),
    ok: [404],
  },
  'GET /audit/checkpoints': {
    allow: 'audit.read',
    records: 'none',
    request: none('/audit/checkpoints'),
    ok: [200],
  },
  'POST /audit/checkpoints': {
    allow: 'audit.verify',
    records: 'none',
    request: none('/audit/checkpoints', {}),
    ok: [200, 201],
  },
  'POST /audit/checkpoints/verify': {
    allow: 'audit.verify',
    records: 'none',
    request: none('/audit/checkpoints/verify', { partners: false }),
    ok: [200],
  },
  'GET /dashboard': { allow: 'user', records: 'none', request: none('/dashboard'), ok: [200] },
  'GET /events': { allow: 'user', records: 'none', request: none('/events'), ok: [200] },
  'POST /node/rotate-keys': {
    allow: 'node.rotate_keys',
    records: 'none',
    request: none('/node/rotate-keys', {}),
    ok: [200, 201],
  },
  'GET /messages': { allow: 'message.read', records: 'listing', request: none('/messages'), ok: [200] },
  'POST /messages': {
    allow: 'message.send',
    records: 'none',
    request: none('/messages', { recipient: 'ma-dgsn', message: draft('Matrix outgoing') }),
    ok: [201],
  },
  'GET /messages/{id}': {
    allow: 'message.read',
    records: 'record',
    request: (f, s) => ({ path: `/messages/${f[s].message}` }),
    ok: [200],
  },
  'GET /conversations/{id}': {
    allow: 'message.read',
    records: 'record',
    request: (f, s) => ({ path: `/conversations/${f[s].message}` }),
    ok: [200],
  },
  'POST /messages/{id}/ack': {
    allow: 'message.send',
    records: 'record',
    request: (f, s) => ({ path: `/messages/${f[s].message}/ack`, body: { status: 'read' } }),
    ok: [201, 409],
  },
  'POST /attachments': {
    allow: 'message.send',
    records: 'none',
    request: () => ({
      path: '/attachments',
      raw: new TextEncoder().encode('synthetic\n'),
      headers: { 'content-type': 'text/plain', 'x-filename': 'matrix.txt' },
    }),
    ok: [201],
  },
  'GET /attachments/{id}': {
    allow: 'message.read',
    records: 'record',
    request: (f, s) => ({ path: `/attachments/${f[s].attachment}` }),
    ok: [200],
  },
  'GET /dashboard/exchange': {
    allow: 'dashboard.read',
    records: 'none',
    request: none('/dashboard/exchange'),
    ok: [200],
  },
  'GET /node': { allow: 'node.read', records: 'none', request: none('/node'), ok: [200] },
  'GET /reviews': { allow: 'message.review', records: 'none', request: none('/reviews'), ok: [200] },
  'POST /reviews/{id}/approve': {
    allow: 'message.review',
    records: 'none',
    request: () => ({ path: `/reviews/${randomUUID()}/approve`, body: { note: 'ok' } }),
    ok: [404],
  },
  'POST /reviews/{id}/return': {
    allow: 'message.review',
    records: 'none',
    request: () => ({ path: `/reviews/${randomUUID()}/return`, body: { comment: 'no' } }),
    ok: [404],
  },
  'POST /subject-requests/search': {
    allow: 'subject.request',
    records: 'none',
    request: none('/subject-requests/search', { name: { full: 'Nobody Synthetic' }, reference: 'matrix' }),
    ok: [200],
  },
  'POST /subject-requests/change': {
    allow: 'subject.request',
    records: 'none',
    request: () => ({
      path: '/subject-requests/change',
      body: {
        module: 'exchange',
        recordId: randomUUID(),
        entityId: 'p1',
        action: 'erase',
        reference: 'matrix',
      },
    }),
    ok: [404],
  },
  'GET /retention/due': {
    allow: 'retention.manage',
    records: 'none',
    request: none('/retention/due'),
    ok: [200],
  },
  'POST /retention/scan': {
    allow: 'retention.manage',
    records: 'none',
    request: none('/retention/scan', {}),
    ok: [200],
  },
  'PUT /retention/rules': {
    allow: 'retention.manage',
    records: 'none',
    request: none('/retention/rules', {
      recordType: 'message',
      legalBasis: 'Matrix basis',
      reviewAfterDays: 30,
    }),
    ok: [204],
  },
  'POST /retention/{id}/extend': {
    allow: 'retention.manage',
    records: 'none',
    request: () => ({
      path: `/retention/${randomUUID()}/extend`,
      body: { until: '2099-01-01', reason: 'matrix test' },
    }),
    ok: [404],
  },
  'POST /retention/{id}/purge': {
    allow: 'retention.manage',
    records: 'none',
    request: () => ({ path: `/retention/${randomUUID()}/purge`, body: { reason: 'matrix test' } }),
    ok: [404],
  },
  'POST /messages/{id}/consent-requests': {
    allow: 'message.send',
    records: 'record',
    request: (f, s) => ({
      path: `/messages/${f[s].message}/consent-requests`,
      body: { recipient: 'zz-third', purpose: 'Matrix test' },
    }),
    ok: [201],
  },
  'GET /consent-requests': {
    allow: 'message.read',
    records: 'none',
    request: none('/consent-requests'),
    ok: [200],
  },
  'GET /consent-requests/{id}': {
    allow: 'message.read',
    records: 'none',
    request: () => ({ path: `/consent-requests/${randomUUID()}` }),
    ok: [404],
  },
  'POST /consent-requests/{id}/reply': {
    allow: 'message.send',
    records: 'none',
    request: () => ({ path: `/consent-requests/${randomUUID()}/reply`, body: { granted: false } }),
    ok: [404],
  },
  'POST /messages/{id}/forward': {
    allow: 'message.send',
    records: 'record',
    // The only partner is the provider itself: refused after the need-to-know check.
    request: (f, s) => ({ path: `/messages/${f[s].message}/forward`, body: { recipient: 'ma-dgsn' } }),
    ok: [400],
  },
  'GET /cases': { allow: 'case.read', records: 'none', request: none('/cases?q=matrix'), ok: [200] },
  'POST /cases': {
    allow: 'case.write',
    records: 'none',
    request: none('/cases', {
      title: 'Matrix case (synthetic)',
      crimeAreas: ['migrant_smuggling'],
      legalBasis: 'Matrix test',
      handlingCode: 'H1',
    }),
    ok: [201],
  },
  'GET /cases/unassigned': {
    allow: 'case.assign',
    records: 'none',
    request: none('/cases/unassigned'),
    ok: [200],
  },
  'POST /cases/{id}/assign': {
    allow: 'case.assign',
    records: 'none',
    // Only cases shared by a partner and not yet assigned: a case of this node is unknown here.
    request: (f) => ({ path: `/cases/${f.inside.case}/assign`, body: { members: ['keeper'] } }),
    ok: [404],
  },
  'GET /cases/{id}': {
    allow: 'case.read',
    records: 'record',
    request: (f, s) => ({ path: `/cases/${f[s].case}` }),
    ok: [200],
  },
  'PATCH /cases/{id}': {
    allow: 'case.write',
    records: 'record',
    request: (f, s) => ({ path: `/cases/${f[s].case}`, body: { summary: 'Changed by the matrix' } }),
    ok: [200],
  },
  'POST /cases/{id}/members': {
    allow: 'case.write',
    records: 'record',
    request: (f, s) => ({ path: `/cases/${f[s].case}/members`, body: { username: 'keeper' } }),
    ok: [200],
  },
  'DELETE /cases/{id}/members/{username}': {
    allow: 'case.write',
    records: 'record',
    request: (f, s) => ({ path: `/cases/${f[s].case}/members/nobody-here` }),
    ok: [404],
  },
  'POST /cases/{id}/partners': {
    allow: 'case.write',
    records: 'record',
    // No sharing policy covers an unknown partner.
    request: (f, s) => ({ path: `/cases/${f[s].case}/partners`, body: { partner: 'xx-unknown' } }),
    ok: [409],
  },
  'POST /cases/{id}/partners/{partner}/withdraw': {
    allow: 'case.write',
    records: 'record',
    request: (f, s) => ({
      path: `/cases/${f[s].case}/partners/ma-dgsn/withdraw`,
      body: { reason: 'Matrix' },
    }),
    ok: [404],
  },
  'POST /cases/{id}/items/{collection}': {
    allow: 'case.write',
    records: 'record',
    request: (f, s) => ({
      path: `/cases/${f[s].case}/items/tasks`,
      body: { items: [{ title: 'Matrix task', owner: 'liaison-officer' }] },
    }),
    ok: [201],
  },
  'PATCH /cases/{id}/items/{collection}/{itemId}': {
    allow: 'case.write',
    records: 'record',
    request: (f, s) => ({
      path: `/cases/${f[s].case}/items/tasks/${randomUUID()}`,
      body: { fields: { status: 'done' } },
    }),
    ok: [404],
  },
  'DELETE /cases/{id}/items/{collection}/{itemId}': {
    allow: 'case.write',
    records: 'record',
    request: (f, s) => ({ path: `/cases/${f[s].case}/items/tasks/${randomUUID()}` }),
    ok: [404],
  },
  'POST /cases/{id}/documents': {
    allow: 'case.write',
    records: 'record',
    request: (f, s) => ({
      path: `/cases/${f[s].case}/documents?title=Matrix%20document`,
      raw: new TextEncoder().encode('synthetic\n'),
      headers: { 'content-type': 'text/plain', 'x-filename': 'matrix.txt' },
    }),
    ok: [201],
  },
  'GET /cases/{id}/documents/{documentId}': {
    allow: 'case.read',
    records: 'record',
    request: (f, s) => ({ path: `/cases/${f[s].case}/documents/${randomUUID()}` }),
    ok: [404],
  },
  'GET /cases/{id}/graph': {
    allow: 'case.read',
    records: 'record',
    request: (f, s) => ({ path: `/cases/${f[s].case}/graph` }),
    ok: [200],
  },
  'GET /cases/{id}/paths': {
    allow: 'case.read',
    records: 'record',
    request: (f, s) => ({ path: `/cases/${f[s].case}/paths?from=${randomUUID()}&to=${randomUUID()}` }),
    ok: [400],
  },
  'GET /cases/{id}/network': {
    allow: 'case.read',
    records: 'record',
    request: (f, s) => ({ path: `/cases/${f[s].case}/network?seeds=${randomUUID()}` }),
    ok: [400],
  },
  'GET /cases/{id}/metrics': {
    allow: 'case.read',
    records: 'record',
    request: (f, s) => ({ path: `/cases/${f[s].case}/metrics` }),
    ok: [200],
  },
  'GET /cases/{id}/duplicates': {
    allow: 'case.read',
    records: 'record',
    request: (f, s) => ({ path: `/cases/${f[s].case}/duplicates` }),
    ok: [200],
  },
  'POST /cases/{id}/merge': {
    allow: 'case.write',
    records: 'record',
    request: (f, s) => ({
      path: `/cases/${f[s].case}/merge`,
      body: { survivor: randomUUID(), merged: [randomUUID()] },
    }),
    ok: [404],
  },
  'POST /cases/{id}/unmerge': {
    allow: 'case.write',
    records: 'record',
    request: (f, s) => ({ path: `/cases/${f[s].case}/unmerge`, body: { entity: randomUUID() } }),
    ok: [409],
  },
  'POST /cases/{id}/import': {
    allow: 'case.write',
    records: 'record',
    request: (f, s) => ({
      path: `/cases/${f[s].case}/import`,
      body: { kind: 'entities', csv: 'kind,label\nperson,x\n' },
    }),
    ok: [200],
  },
  'GET /cases/{id}/export': {
    allow: 'case.read',
    records: 'record',
    request: (f, s) => ({ path: `/cases/${f[s].case}/export?format=json` }),
    ok: [200],
  },
  'POST /screening/lists': {
    allow: 'screening.manage',
    records: 'none',
    request: () => ({
      path: '/screening/lists',
      raw: new TextEncoder().encode('<not-a-list/>'),
      headers: { 'content-type': 'application/xml' },
    }),
    ok: [400, 422],
  },
  'GET /screening/lists': {
    allow: 'screening.read',
    records: 'none',
    request: none('/screening/lists'),
    ok: [200],
  },
  'GET /screening/lists/{id}/diff': {
    allow: 'screening.read',
    records: 'none',
    request: () => ({ path: `/screening/lists/${randomUUID()}/diff` }),
    ok: [404],
  },
  'GET /screening/designations/{ref}': {
    allow: 'screening.read',
    records: 'none',
    request: none('/screening/designations/QDi.999'),
    ok: [404, 409],
  },
  'GET /screening/thresholds': {
    allow: 'screening.read',
    records: 'none',
    request: none('/screening/thresholds'),
    ok: [200],
  },
  'PUT /screening/thresholds': {
    allow: 'screening.manage',
    records: 'none',
    request: none('/screening/thresholds', { confident: 0.9, review: 0.7 }),
    ok: [200],
  },
  'POST /screening/screen': {
    allow: 'screening.run',
    records: 'none',
    request: none('/screening/screen', { query: { names: ['Nobody Synthetic'] }, purpose: 'Matrix test' }),
    ok: [200, 409],
  },
  'POST /screening/batches': {
    allow: 'screening.run',
    records: 'none',
    request: none('/screening/batches', { csv: 'name\nNobody Synthetic\n', purpose: 'Matrix test' }),
    ok: [201, 202, 409],
  },
  'GET /screening/batches/{id}': {
    allow: 'screening.run',
    records: 'none',
    request: () => ({ path: `/screening/batches/${randomUUID()}` }),
    ok: [404],
  },
  'GET /screening/batches/{id}/results': {
    allow: 'screening.run',
    records: 'none',
    request: () => ({ path: `/screening/batches/${randomUUID()}/results` }),
    ok: [404],
  },
  'GET /screening/messages/{id}/flags': {
    allow: 'screening.read',
    records: 'record',
    request: (f, s) => ({ path: `/screening/messages/${f[s].message}/flags` }),
    ok: [200],
  },
  'POST /matching/checks': {
    allow: 'matching.run',
    records: 'none',
    // No partner allows this node to match: refused before any value leaves it.
    request: none('/matching/checks', {
      partner: 'xx-none',
      purpose: 'Matrix test',
      legalBasis: 'Matrix test',
      items: [{ kind: 'phone', number: '+212612345678' }],
    }),
    ok: [409],
  },
  'POST /matching/batches': {
    allow: 'matching.run',
    records: 'none',
    request: none('/matching/batches', {
      partner: 'xx-none',
      purpose: 'Matrix test',
      legalBasis: 'Matrix test',
      csv: 'kind,number\nphone,+212612345678\n',
    }),
    ok: [202],
  },
  'GET /matching/batches/{id}': {
    allow: 'matching.run',
    records: 'none',
    request: () => ({ path: `/matching/batches/${randomUUID()}` }),
    ok: [404],
  },
  'GET /matching/batches/{id}/results': {
    allow: 'matching.run',
    records: 'none',
    request: () => ({ path: `/matching/batches/${randomUUID()}/results` }),
    ok: [404],
  },
  'POST /matching/follow-ups': {
    allow: 'matching.run',
    records: 'none',
    request: none('/matching/follow-ups', {
      partner: 'xx-none',
      hitRef: 'MX-AAAAAAAAAAAAAAAA',
      purpose: 'Matrix test',
      legalBasis: 'Matrix test',
      crimeAreas: ['migrant_smuggling'],
    }),
    ok: [400, 404, 409],
  },
  'GET /matching/follow-ups/{id}': {
    allow: 'matching.read',
    records: 'record',
    // The fixture message is no partner's follow-up rfi: inside need-to-know it is 404 too.
    request: (f, s) => ({ path: `/matching/follow-ups/${f[s].message}` }),
    ok: [404],
  },
  'GET /matching/hits/{ref}': {
    allow: 'matching.read',
    records: 'none',
    // A reference this node never issued: refused with its reason (no record shown).
    request: none('/matching/hits/MX-AAAAAAAAAAAAAAAA?partner=xx-none'),
    ok: [409],
  },
  'GET /matching/index': {
    allow: 'matching.read',
    records: 'none',
    request: none('/matching/index'),
    ok: [200],
  },
  'POST /matching/index/refresh': {
    allow: 'matching.manage',
    records: 'none',
    request: none('/matching/index/refresh'),
    ok: [200],
  },
  'POST /matching/index/rebuild': {
    allow: 'matching.manage',
    records: 'none',
    request: none('/matching/index/rebuild'),
    ok: [200],
  },
  'GET /matching/policies': {
    allow: 'matching.read',
    records: 'none',
    request: none('/matching/policies'),
    ok: [200],
  },
  'PUT /matching/policies/{partner}': {
    allow: 'matching.policy',
    records: 'none',
    request: none('/matching/policies/xx-none', {
      enabled: false,
      recordTypes: [],
      crimeAreas: [],
      dailyQuota: 0,
    }),
    ok: [404],
  },
  'POST /matching/holdings': {
    allow: 'matching.manage',
    records: 'none',
    request: none('/matching/holdings', {
      source: 'Matrix test',
      crimeAreas: ['migrant_smuggling'],
      entities: [{ kind: 'phone', id: 'ph1', number: '+212612345678' }],
    }),
    ok: [201],
  },
  'GET /matching/holdings': {
    allow: 'matching.manage',
    records: 'none',
    request: none('/matching/holdings'),
    ok: [200],
  },
  'DELETE /matching/holdings/{id}': {
    allow: 'matching.manage',
    records: 'none',
    request: () => ({ path: `/matching/holdings/${randomUUID()}` }),
    ok: [404],
  },
  'GET /matching/reports': {
    allow: 'matching.read',
    records: 'none',
    request: none('/matching/reports'),
    ok: [200],
  },
  'GET /matching/queries': {
    allow: 'matching.read',
    records: 'none',
    request: none('/matching/queries'),
    ok: [200],
  },
  'GET /stix/messages/{id}': {
    allow: 'message.read',
    records: 'record',
    // The export of a message: an info is not a threat alert, hence 400 inside; 404 outside.
    request: (f, s) => ({ path: `/stix/messages/${f[s].message}` }),
    ok: [400],
  },
  'POST /stix/import': {
    allow: 'message.send',
    records: 'none',
    request: none('/stix/import', { bundle: {} }),
    ok: [400],
  },
  'GET /sharing-policies': {
    allow: 'message.review',
    records: 'none',
    request: none('/sharing-policies'),
    ok: [200],
  },
  'POST /sharing-policies': {
    allow: 'policy.manage',
    records: 'none',
    request: none('/sharing-policies', {
      partner: 'zz-nobody',
      maxHandlingCode: 'H1',
      dataCategories: ['persons'],
      description: 'Matrix test policy for a partner that does not exist',
    }),
    ok: [201],
  },
  'POST /incidents/imports': {
    allow: 'incident.manage',
    records: 'none',
    request: () => ({
      path: '/incidents/imports',
      raw: new TextEncoder().encode('not,an,iom,file\n'),
      headers: { 'content-type': 'text/csv' },
    }),
    ok: [202],
  },
  'GET /incidents/imports': {
    allow: 'incident.manage',
    records: 'none',
    request: none('/incidents/imports'),
    ok: [200],
  },
  'GET /incidents/imports/{id}': {
    allow: 'incident.manage',
    records: 'none',
    request: () => ({ path: `/incidents/imports/${randomUUID()}` }),
    ok: [404],
  },
  'GET /incidents/map': {
    allow: 'incident.read',
    records: 'none',
    request: none('/incidents/map'),
    ok: [200],
  },
  'GET /incidents/stats': {
    allow: 'incident.read',
    records: 'none',
    request: none('/incidents/stats'),
    ok: [200],
  },
  'GET /incidents': { allow: 'incident.read', records: 'none', request: none('/incidents'), ok: [200] },
  'POST /incidents': {
    allow: 'incident.manage',
    records: 'none',
    request: none('/incidents', incident),
    ok: [201],
  },
  'GET /incidents/{id}': {
    allow: 'incident.read',
    records: 'none',
    request: (f) => ({ path: `/incidents/${f.inside.incident}` }),
    ok: [200],
  },
  'PUT /incidents/{id}': {
    allow: 'incident.manage',
    records: 'none',
    request: (f) => ({ path: `/incidents/${f.inside.incident}`, body: incident }),
    ok: [200],
  },
  'GET /incidents/{id}/team': dvi('dvi.read', 'GET', 'team'),
  'POST /incidents/{id}/team': {
    allow: 'incident.team',
    records: 'none',
    request: (f) => ({ path: `/incidents/${f.inside.incident}/team`, body: { username: 'dvi-officer' } }),
    ok: [204],
  },
  'GET /incidents/{id}/post-mortem': dvi('dvi.read', 'GET', 'post-mortem'),
  'POST /incidents/{id}/post-mortem': dvi('dvi.write', 'POST', 'post-mortem', () => ({
    reference: ref(),
    synthetic: true,
    form: pmForm,
  })),
  'GET /incidents/{id}/ante-mortem': dvi('dvi.read', 'GET', 'ante-mortem'),
  'POST /incidents/{id}/ante-mortem': dvi('dvi.write', 'POST', 'ante-mortem', () => ({
    reference: ref(),
    synthetic: true,
    form: amForm,
  })),
  'GET /incidents/{id}/survivors': dvi('dvi.read', 'GET', 'survivors'),
  'POST /incidents/{id}/survivors': dvi('dvi.write', 'POST', 'survivors', () => ({
    reference: ref(),
    synthetic: true,
    form: { names: [{ full: 'Synthetic Survivor', script: 'Latn' }], sex: 'female' },
  })),
  'GET /incidents/{id}/candidates': dvi('dvi.read', 'GET', 'candidates'),
  'POST /incidents/{id}/identifiers': dvi(
    'dvi.write',
    'POST',
    'identifiers',
    () => ({ ...pair(), kind: 'dna', expert: 'Synthetic expert' }),
    [404],
  ),
  'GET /incidents/{id}/identifications': dvi('dvi.read', 'GET', 'identifications'),
  'POST /incidents/{id}/identifications': dvi(
    'dvi.write',
    'POST',
    'identifications',
    () => ({ ...pair(), status: 'preliminary', members: ['Synthetic chair'] }),
    [404],
  ),
  'GET /incidents/{id}/notifications': dvi('dvi.read', 'GET', 'notifications'),
  'POST /incidents/{id}/notifications': dvi(
    'dvi.write',
    'POST',
    'notifications',
    () => ({
      amId: randomUUID(),
      notifiedPerson: 'Synthetic relative',
      relationship: 'mother',
      channel: 'consulate',
      language: 'ur',
      notifiedAt: '2025-02-01T10:00:00.000Z',
    }),
    [404],
  ),
  'GET /incidents/{id}/repatriations': dvi('dvi.read', 'GET', 'repatriations'),
  'POST /incidents/{id}/repatriations': dvi(
    'dvi.write',
    'POST',
    'repatriations',
    () => ({ pmId: randomUUID(), status: 'planned' }),
    [409],
  ),
  'GET /incidents/{id}/board': dvi('dvi.read', 'GET', 'board'),
  'GET /incidents/{id}/transfers': dvi('dvi.read', 'GET', 'transfers'),
  'POST /incidents/{id}/transfers': dvi(
    'dvi.write',
    'POST',
    'transfers',
    () => ({ amId: randomUUID(), partner: 'ma-dgsn' }),
    [404],
  ),
  'POST /incidents/{id}/alerts': dvi(
    'dvi.write',
    'POST',
    'alerts',
    () => ({ recordKind: 'pm', recordId: randomUUID(), partner: 'ma-dgsn' }),
    [404],
  ),
  'GET /dvi-transfers': {
    allow: 'message.review',
    records: 'none',
    request: none('/dvi-transfers'),
    ok: [200],
  },
  'POST /dvi-transfers/{id}/decision': {
    allow: 'message.review',
    records: 'none',
    request: () => ({
      path: `/dvi-transfers/${randomUUID()}/decision`,
      body: { approve: false, note: 'Matrix' },
    }),
    ok: [404],
  },
  'POST /sharing-policies/{id}/revoke': {
    allow: 'policy.manage',
    records: 'none',
    request: () => ({ path: `/sharing-policies/${randomUUID()}/revoke`, body: {} }),
    ok: [404],
  },
};

function allowed(entry: Entry, role: Role): boolean {
  if (entry.allow === 'public' || entry.allow === 'user') return true;
  return (permissions[entry.allow] as readonly Role[]).includes(role);
}

describe('authorisation matrix generated from the OpenAPI document', () => {
  let a: TestNode;
  let b: TestNode;
  let operations: Array<{ key: string; method: string; path: string }>;
  const tokens = new Map<Role, string>();
  const fixtures: Fixtures = {
    inside: { message: '', attachment: '', incident: '', case: '' },
    outside: { message: '', attachment: '', incident: '', case: '' },
    otherUserId: '',
  };

  async function call(token: string | null, method: string, req: Req) {
    const res = await fetch(`${b.url}${req.root ? '' : '/api/v1'}${req.path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...req.headers,
      },
      ...(req.raw ? { body: req.raw } : req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
    });
    // A live stream (Server-Sent Events) never ends: its status and headers are the answer.
    const streaming = res.headers.get('content-type')?.startsWith('text/event-stream');
    const text = streaming ? '' : await res.text();
    if (streaming) await res.body?.cancel();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: res.status, json, text };
  }

  before(async () => {
    [a, b] = await Promise.all([
      startTestNode({ id: 'ma-dgsn', country: 'MA', clock }),
      startTestNode({ id: 'pk-fia', country: 'PK', clock }),
    ]);
    await pairNodes(a, b);
    await allowSharing(a, 'pk-fia');
    await allowSharing(b, 'ma-dgsn');
    await b.ctx.access.createUnit(null, { id: 'cid', name: 'Criminal investigation department' });
    await b.ctx.access.createUnit(null, { id: 'other', name: 'Another unit' });
    for (const role of roles) {
      const username = `${role}-officer`;
      await b.ctx.governance.createUser(null, {
        username,
        displayName: username,
        password: 'correct horse battery',
        roles: [role],
      });
      await b.ctx.access.setUserUnits(null, username, ['cid']);
      tokens.set(role, (await b.ctx.governance.createToken(username, { name: 'matrix' })).token);
    }
    const keeper = await b.ctx.governance.createUser(null, {
      username: 'keeper',
      displayName: 'Keeper',
      password: 'correct horse battery',
      roles: ['liaison'],
    });
    fixtures.otherUserId = keeper.user.id;
    // An incident whose DVI team the dvi officer is on (they recorded it), and one they are not.
    fixtures.inside.incident = (
      await call(tokens.get('dvi')!, 'POST', { path: '/incidents', body: incident })
    ).json.id;
    fixtures.outside.incident = (
      await call(tokens.get('admin')!, 'POST', { path: '/incidents', body: incident })
    ).json.id;
    await b.ctx.access.setUserUnits(null, 'keeper', ['other']);

    await a.ctx.governance.createUser(null, {
      username: 'alice',
      displayName: 'Alice',
      password: 'correct horse battery',
      roles: ['liaison'],
    });
    const alice = {
      userId: '',
      username: 'alice',
      displayName: 'Alice',
      roles: ['liaison'] as Role[],
      via: 'token' as const,
    };
    alice.userId = (
      await a.ctx.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'alice')
        .executeTakeFirstOrThrow()
    ).id;
    for (const scope of ['inside', 'outside'] as const) {
      const file = await a.ctx.exchange.uploadAttachment(alice, {
        body: Readable.from([Buffer.from(`synthetic ${scope} file\n`)]),
        name: `${scope}.txt`,
        mediaType: 'text/plain',
      });
      const extra =
        scope === 'inside'
          ? { addressedTo: { unit: 'cid' } }
          : {
              tlp: 'RED',
              handlingCode: 'H3',
              handlingRestriction: 'For the named officer only',
              addressedTo: { officers: ['keeper'] },
            };
      const sent = await a.ctx.exchange.send(alice, {
        recipient: 'pk-fia',
        message: { ...draft(`Matrix ${scope}`, extra), attachmentIds: [file.id] },
      });
      fixtures[scope] = { ...fixtures[scope], message: sent.id, attachment: file.id };
    }
    await waitFor(
      async () => {
        const rows = await b.ctx.db
          .selectFrom('attachments')
          .select('status')
          .where('id', 'in', [fixtures.inside.attachment, fixtures.outside.attachment])
          .execute();
        return rows.length === 2 && rows.every((r) => r.status === 'stored');
      },
      20_000,
      'attachments fetched',
    );
    // A case every role's officer is a member of, and one only the keeper is in.
    const keeperActor = {
      userId: keeper.user.id,
      username: 'keeper',
      displayName: 'Keeper',
      roles: ['liaison'] as Role[],
      via: 'token' as const,
    };
    for (const scope of ['inside', 'outside'] as const) {
      const c = await b.ctx.cases.cases.create(keeperActor, {
        title: `Matrix ${scope} case (synthetic)`,
        crimeAreas: ['migrant_smuggling'],
        legalBasis: 'Matrix test',
        handlingCode: 'H1',
      });
      fixtures[scope].case = c.id;
      if (scope === 'inside') {
        for (const role of roles)
          await b.ctx.cases.cases.addMember(keeperActor, c.id, `${role}-officer`, 'member');
      }
    }
    const doc = (await call(null, 'GET', { path: '/openapi.json' })).json;
    operations = [];
    for (const [path, ops] of Object.entries<Record<string, unknown>>(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const rel = path.replace(/^\/api\/v1/, '');
        operations.push({ key: `${method.toUpperCase()} ${rel}`, method: method.toUpperCase(), path: rel });
      }
    }
  });
  after(async () => {
    await Promise.all([a?.destroy(), b?.destroy()]);
  });

  test('every operation of the OpenAPI document has a matrix entry, and no entry is stale', () => {
    const keys = operations.map((o) => o.key);
    assert.ok(keys.length >= 40, `only ${keys.length} operations found`);
    assert.deepEqual(
      keys.filter((k) => !(k in matrix)),
      [],
      'operations without an authorisation-matrix entry',
    );
    assert.deepEqual(
      Object.keys(matrix).filter((k) => !keys.includes(k)),
      [],
      'entries for operations that no longer exist',
    );
    // Every file download and every export reads records, so it must be tried outside them.
    for (const k of keys.filter(
      (k) => /\/attachments\/\{|export|\/stix\/messages\/\{/.test(k) && k.startsWith('GET'),
    ))
      assert.equal(matrix[k]!.records, 'record', `${k} must be checked against need-to-know`);
  });

  test('no operation but sign-in answers without authentication', async () => {
    for (const op of operations) {
      const entry = matrix[op.key]!;
      if (entry.allow === 'public') continue;
      const res = await call(null, op.method, entry.request(fixtures, 'inside', 'admin'));
      assert.equal(res.status, 401, `${op.key} without a token answered ${res.status}`);
    }
  });

  test('every role × every operation × inside and outside need-to-know', async () => {
    const failures: string[] = [];
    let checks = 0;
    // Keys last: rotating them mid-matrix would not change permissions, but keep it tidy.
    const ordered = [...operations].sort(
      (x, y) => Number(x.key.includes('rotate')) - Number(y.key.includes('rotate')),
    );
    for (const op of ordered) {
      const entry = matrix[op.key]!;
      for (const role of roles) {
        const scopes: Scope[] = entry.records === 'none' ? ['inside'] : ['inside', 'outside'];
        for (const scope of scopes) {
          checks++;
          const res = await call(tokens.get(role)!, op.method, entry.request(fixtures, scope, role));
          const where = `${role} ${op.key} (${scope})`;
          if (!allowed(entry, role)) {
            if (res.status !== 403) failures.push(`${where}: expected 403, got ${res.status}`);
            continue;
          }
          if (entry.records === 'listing') {
            const ids = (res.json?.messages ?? []).map((m: { id: string }) => m.id);
            const want = fixtures[scope].message;
            if (res.status !== 200) failures.push(`${where}: expected 200, got ${res.status}`);
            else if (scope === 'inside' && !ids.includes(want)) failures.push(`${where}: record not listed`);
            else if (scope === 'outside' && ids.includes(want))
              failures.push(`${where}: record outside need-to-know listed`);
            continue;
          }
          if (scope === 'outside') {
            if (res.status !== 404) failures.push(`${where}: expected 404, got ${res.status}`);
            if (res.text.includes('synthetic outside file')) failures.push(`${where}: leaked the file`);
            continue;
          }
          if (!entry.ok.includes(res.status))
            failures.push(
              `${where}: expected ${entry.ok.join('/')}, got ${res.status} ${res.text.slice(0, 200)}`,
            );
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checks > operations.length * roles.length, `${checks} checks`);
  });
});
