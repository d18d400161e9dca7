import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAuditEntries, ManualClock } from '../src/platform/index.js';
import {
  allowSharing,
  apiUser,
  pairNodes,
  runCli,
  startTestNode,
  type TestNode,
  testAdmin,
  waitFor,
} from './_util.js';

const DAY = 86_400_000;
const PURPOSE = 'Synthetic: Imran K., born 1990 in Gujrat, is wanted in Spain for the same crossing';
const CONDITIONS = 'Synthetic: only for the Spanish file on Imran K.';
type User = Awaited<ReturnType<typeof apiUser>>;

/**
 * Consent requests under need-to-know, and after the purge of the message they concern.
 * The message (H3: restricted to its addressees) is addressed by name to bilal at pk-fia:
 * his colleague badr there, and amina at ma-dgsn (not its author), are outside its
 * need-to-know.
 */
describe('consent requests: need-to-know, and their free text purged with the message', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let a: TestNode;
  let b: TestNode;
  let amal: User;
  let amina: User;
  let bilal: User;
  let badr: User;
  let messageId: string;
  let requestId: string;
  const dpo = { ...testAdmin, username: 'test-dpo', roles: ['dpo' as const] };

  before(async () => {
    [a, b] = await Promise.all([
      startTestNode({ id: 'ma-dgsn', country: 'MA', clock }),
      startTestNode({ id: 'pk-fia', country: 'PK', clock }),
    ]);
    await pairNodes(a, b);
    await allowSharing(a, 'pk-fia');
    amal = await apiUser(a, 'amal', ['liaison']);
    amina = await apiUser(a, 'amina', ['liaison']);
    bilal = await apiUser(b, 'bilal', ['liaison']);
    badr = await apiUser(b, 'badr', ['liaison']);
    const sent = await amal.call('POST', '/messages', {
      recipient: 'pk-fia',
      message: {
        type: 'info',
        subject: 'Synthetic: a smuggling route',
        body: 'Synthetic information about a smuggling route.',
        language: 'en',
        crimeAreas: ['migrant_smuggling'],
        priority: 'routine',
        handlingCode: 'H3',
        handlingRestriction: 'Not to be used in court without the provider’s permission',
        tlp: 'AMBER',
        evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
        legalBasis: 'Bilateral security cooperation agreement, art. 3',
        purpose: 'Dismantle the network behind the crossing',
        retentionReviewDate: new Date(clock.now().getTime() + 365 * DAY).toISOString().slice(0, 10),
        addressedTo: { officers: ['bilal'] },
      },
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.json));
    messageId = sent.json.message.id;
    await waitFor(
      async () => (await bilal.call('GET', `/messages/${messageId}`)).status === 200,
      20_000,
      'the message at pk-fia',
    );
    const ask = await bilal.call('POST', `/messages/${messageId}/consent-requests`, {
      recipient: 'es-cgpj',
      purpose: PURPOSE,
    });
    assert.equal(ask.status, 201, JSON.stringify(ask.json));
    requestId = ask.json.request.id;
    await waitFor(
      async () => (await amal.call('GET', `/consent-requests/${requestId}`)).status === 200,
      20_000,
      'consent.request at ma-dgsn',
    );
    const answer = await amal.call('POST', `/consent-requests/${requestId}/reply`, {
      granted: true,
      conditions: CONDITIONS,
    });
    assert.equal(answer.status, 204, JSON.stringify(answer.json));
    await waitFor(
      async () =>
        (await bilal.call('GET', `/consent-requests/${requestId}`)).json?.request.status === 'granted',
      20_000,
      'consent.reply at pk-fia',
    );
  });
  after(async () => {
    await Promise.all([a?.destroy(), b?.destroy()]);
  });

  test('outside the need-to-know of its message a request is neither listed nor shown (404), and the attempt is audited', async () => {
    for (const [node, inside, outside] of [
      [b, bilal, badr],
      [a, amal, amina],
    ] as const) {
      const seen = await inside.call('GET', `/consent-requests/${requestId}`);
      assert.equal(seen.status, 200);
      assert.equal(seen.json.request.purpose, PURPOSE);
      assert.ok(
        (await inside.call('GET', '/consent-requests')).json.requests.some(
          (r: { id: string }) => r.id === requestId,
        ),
      );

      const listed = await outside.call('GET', '/consent-requests');
      assert.equal(listed.status, 200);
      assert.deepEqual(listed.json.requests, []);
      const single = await outside.call('GET', `/consent-requests/${requestId}`);
      assert.equal(single.status, 404);
      assert.equal(single.json.error.code, 'not_found');
      assert.doesNotMatch(JSON.stringify(single.json), /Imran/);
      const denied = await listAuditEntries(node.ctx.db, { action: 'access.denied' });
      assert.ok(
        denied.some(
          (e) => e.actor === `user:${outside.username}` && e.subject === `consent_request:${requestId}`,
        ),
        `the refusal of ${outside.username} is audited`,
      );
    }
    // The CLI shows one request the same way.
    const cli = await runCli(a, amal.token, ['onward', 'consents', requestId, '--json'], process.cwd());
    assert.equal(cli.code, 0, cli.err);
    assert.equal(JSON.parse(cli.out).requests[0].purpose, PURPOSE);
    const cliOutside = await runCli(a, amina.token, ['onward', 'consents', requestId], process.cwd());
    assert.notEqual(cliOutside.code, 0);
    assert.doesNotMatch(cliOutside.out + cliOutside.err, /Imran/);
    // Answering is refused alike, and audited, outside the need-to-know (at the provider).
    const before = (await listAuditEntries(a.ctx.db, { action: 'access.denied' })).length;
    const reply = await amina.call('POST', `/consent-requests/${requestId}/reply`, { granted: false });
    assert.equal(reply.status, 404);
    assert.equal((await listAuditEntries(a.ctx.db, { action: 'access.denied' })).length, before + 1);
  });

  test('a retention purge of the message empties the free text of its consent requests; a tombstone stays', async () => {
    for (const node of [b, a]) {
      await node.ctx.retention.purge(dpo, messageId, { reason: 'Retention period over (synthetic)' });
      const row = await node.ctx.db
        .selectFrom('consent_requests')
        .selectAll()
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow();
      // The tombstone: who asked whom, for whom, the answer and when; not what was written.
      assert.equal(row.purpose, '');
      assert.equal(row.conditions, null);
      assert.ok(row.purged_at);
      assert.equal(row.status, 'granted');
      assert.equal(row.recipient, 'es-cgpj');
      const purge = await listAuditEntries(node.ctx.db, { action: 'retention.purge' });
      assert.deepEqual((purge[0]!.detail.tombstone as { consentRequests: string[] }).consentRequests, [
        requestId,
      ]);
      // Nothing on the node quotes the purpose or the conditions any more: not the request,
      // the audit, the DPO's notifications, nor the outbox copies of the consent envelopes.
      for (const table of ['consent_requests', 'audit_log', 'notifications', 'outbox', 'messages']) {
        const rows = await node.ctx.db
          .selectFrom(table as 'audit_log')
          .selectAll()
          .execute();
        const text = JSON.stringify(rows);
        assert.doesNotMatch(text, /Imran/, `${node.ctx.config.node.id}: ${table} still quotes the text`);
      }
      // The request left with its message: nobody lists or opens it any more.
      const user = node === a ? amal : bilal;
      assert.equal((await user.call('GET', `/consent-requests/${requestId}`)).status, 404);
      assert.deepEqual((await user.call('GET', '/consent-requests')).json.requests, []);
    }
  });
});
