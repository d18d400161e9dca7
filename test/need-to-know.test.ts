import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../src/governance/index.js';
import { listAuditEntries, ManualClock } from '../src/platform/index.js';
import {
  allowSharing,
  apiUser,
  pairNodes,
  startTestNode,
  type TestNode,
  testEngines,
  waitFor,
} from './_util.js';

const DAY = 86_400_000;

/** A user of a node with an API token, calling the node over HTTP as the CLI does. */
const user = (node: TestNode, username: string, roles: Role[], units: string[] = []) =>
  apiUser(node, username, roles, units);

function draft(clock: ManualClock, subject: string, extra: Record<string, unknown> = {}) {
  const now = clock.now().getTime();
  return {
    type: 'rfi',
    subject,
    body: 'Synthetic test request: is the synthetic person below known to your services?',
    language: 'en',
    crimeAreas: ['migrant_smuggling'],
    priority: 'high',
    deadline: new Date(now + 5 * DAY).toISOString(),
    handlingCode: 'H1',
    tlp: 'AMBER',
    evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
    legalBasis: 'Bilateral security cooperation agreement, art. 3',
    purpose: 'Identify the organisers of the crossing',
    retentionReviewDate: new Date(now + 365 * DAY).toISOString().slice(0, 10),
    ...extra,
  };
}

for (const engine of await testEngines()) {
  describe(`need-to-know on received messages (${engine})`, () => {
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    let a: TestNode;
    let b: TestNode;
    let alice: Awaited<ReturnType<typeof user>>;
    let bilal: Awaited<ReturnType<typeof user>>;
    let nadia: Awaited<ReturnType<typeof user>>;
    let vera: Awaited<ReturnType<typeof user>>;
    let omar: Awaited<ReturnType<typeof user>>;
    let dina: Awaited<ReturnType<typeof user>>;
    let redId: string;
    let attachmentId: string;

    async function deliveredToB(id: string) {
      await waitFor(
        async () =>
          (await b.ctx.db.selectFrom('messages').select('id').where('id', '=', id).executeTakeFirst()) !==
          undefined,
        15_000,
        `message ${id} on pk-fia`,
      );
    }

    before(async () => {
      [a, b] = await Promise.all([
        startTestNode({ id: 'ma-dgsn', country: 'MA', engine, clock }),
        startTestNode({ id: 'pk-fia', country: 'PK', engine, clock }),
      ]);
      await pairNodes(a, b);
      await allowSharing(a, 'pk-fia');
      await b.ctx.access.createUnit(null, { id: 'cid', name: 'Criminal investigation department' });
      alice = await user(a, 'alice', ['liaison']);
      bilal = await user(b, 'bilal', ['liaison'], ['cid']);
      nadia = await user(b, 'nadia', ['liaison'], ['cid']);
      vera = await user(b, 'vera', ['viewer'], ['cid']);
      omar = await user(b, 'omar', ['analyst']);
      dina = await user(b, 'dina', ['dpo']);
    });
    after(async () => {
      await Promise.all([a?.destroy(), b?.destroy()]);
    });

    test('TLP:RED cannot be sent without named recipients', async () => {
      const res = await alice.call('POST', '/messages', {
        recipient: 'pk-fia',
        message: draft(clock, 'Red without names', { tlp: 'RED' }),
      });
      assert.equal(res.status, 400);
      assert.deepEqual(
        res.json.error.details.issues.map((i: { path: string; code: string }) => [i.path, i.code]),
        [['message.addressedTo.officers', 'named_recipients_required']],
      );
    });

    test('H3 / TLP:RED material and its attachment reach only the named officer; others get 404, audited', async () => {
      const up = await alice.call('POST', '/attachments', new TextEncoder().encode('synthetic crew list\n'), {
        'content-type': 'text/plain',
        'x-filename': 'crew.txt',
      });
      assert.equal(up.status, 201);
      attachmentId = up.json.attachment.id;
      const sent = await alice.call('POST', '/messages', {
        recipient: 'pk-fia',
        message: {
          ...draft(clock, 'Informant identity', {
            tlp: 'RED',
            handlingCode: 'H3',
            handlingRestriction: 'Do not disclose the informant to any other service',
            addressedTo: { unit: 'cid', officers: ['bilal'] },
          }),
          attachmentIds: [attachmentId],
        },
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.json));
      redId = sent.json.message.id;
      await deliveredToB(redId);
      await waitFor(
        async () => (await bilal.call('GET', `/attachments/${attachmentId}`)).status === 200,
        15_000,
        'attachment fetched',
      );

      // The viewer and the unit colleague who is not named: not listed, 404 on every path.
      for (const other of [vera, nadia]) {
        const list = await other.call('GET', '/messages');
        assert.ok(
          !list.json.messages.some((m: { id: string }) => m.id === redId),
          `${other.username} lists it`,
        );
        const get = await other.call('GET', `/messages/${redId}`);
        assert.equal(get.status, 404);
        assert.equal(get.json.error.code, 'not_found');
        assert.equal((await other.call('GET', `/conversations/${redId}`)).status, 404);
        const file = await other.call('GET', `/attachments/${attachmentId}`);
        assert.equal(file.status, 404, `${other.username} downloads the attachment`);
        assert.ok(!Buffer.from(file.bytes).toString('utf8').includes('synthetic crew list'));
        // A viewer's role already refuses acknowledging (403); for the liaison it does not exist.
        const ack = await other.call('POST', `/messages/${redId}/ack`, { status: 'read' });
        assert.equal(ack.status, other === vera ? 403 : 404);
      }
      const denied = await listAuditEntries(b.ctx.db, { action: 'access.denied' });
      const subjects = denied.map((e) => `${e.actor} ${e.subject}`);
      assert.ok(subjects.includes(`user:vera message:${redId}`));
      assert.ok(subjects.includes(`user:vera attachment:${attachmentId}`));
      assert.ok(subjects.includes(`user:nadia message:${redId}`));

      // Nobody addressed has opened it yet: the refused attempts did not mark it read.
      const listed = (await bilal.call('GET', '/messages')).json.messages.find(
        (m: { id: string }) => m.id === redId,
      );
      assert.equal(listed.readAt, null);
      assert.equal(listed.unit, 'cid');
      assert.deepEqual(listed.addressedOfficers, ['bilal']);
      const opened = await bilal.call('GET', `/messages/${redId}`);
      assert.equal(opened.status, 200);
      assert.deepEqual(opened.json.message.payload.addressedTo, { unit: 'cid', officers: ['bilal'] });
      assert.notEqual(opened.json.message.readAt, null);
    });

    test('a unit sees what is addressed to it; opening by a viewer marks nothing read; unaddressed is organisation-wide', async () => {
      const toUnit = await alice.call('POST', '/messages', {
        recipient: 'pk-fia',
        message: draft(clock, 'Boat departures', { addressedTo: { unit: 'cid' } }),
      });
      const open = await alice.call('POST', '/messages', {
        recipient: 'pk-fia',
        message: draft(clock, 'General modus operandi'),
      });
      await deliveredToB(toUnit.json.message.id);
      await deliveredToB(open.json.message.id);
      const unitMsg = toUnit.json.message.id;
      assert.equal((await vera.call('GET', `/messages/${unitMsg}`)).status, 200);
      assert.equal((await omar.call('GET', `/messages/${unitMsg}`)).status, 404);
      assert.equal((await omar.call('GET', `/messages/${open.json.message.id}`)).status, 200);
      // The viewer read it, yet for this node (and so for the sender) it is still unread.
      const line = (await nadia.call('GET', '/messages')).json.messages.find(
        (m: { id: string }) => m.id === unitMsg,
      );
      assert.equal(line.readAt, null);
      const ack = await vera.call('POST', `/messages/${unitMsg}/ack`, { status: 'read' });
      assert.equal(ack.status, 403);
      // Messages addressed to an unknown unit, and restricted ones without addressees, go to the desk.
      const unknown = await alice.call('POST', '/messages', {
        recipient: 'pk-fia',
        message: draft(clock, 'For a unit unknown there', {
          addressedTo: { unit: 'nope' },
          handlingCode: 'H3',
          handlingRestriction: 'Internal use',
        }),
      });
      await deliveredToB(unknown.json.message.id);
      const row = await b.ctx.db
        .selectFrom('messages')
        .select('unit')
        .where('id', '=', unknown.json.message.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.unit, 'desk');
      assert.equal((await bilal.call('GET', `/messages/${unknown.json.message.id}`)).status, 404);
    });

    test('break-glass: reason required, DPO alerted, time-limited, reviewed; it never acknowledges', async () => {
      assert.equal((await omar.call('GET', `/messages/${redId}`)).status, 404);
      const short = await omar.call('POST', '/break-glass', {
        recordKind: 'message',
        recordId: redId,
        reason: 'need',
      });
      assert.equal(short.status, 400);
      assert.equal(
        (
          await vera.call('POST', '/break-glass', {
            recordKind: 'message',
            recordId: redId,
            reason: 'Viewer wants to look at it',
          })
        ).status,
        403,
      );
      const glass = await omar.call('POST', '/break-glass', {
        recordKind: 'message',
        recordId: redId,
        reason: 'Imminent departure of a boat; the named officer is unreachable',
        minutes: 30,
      });
      assert.equal(glass.status, 201);
      assert.equal(glass.json.access.expiresAt, new Date(clock.now().getTime() + 30 * 60_000).toISOString());
      const notes = await dina.call('GET', '/notifications');
      assert.equal(notes.status, 200);
      assert.ok(
        notes.json.notifications.some(
          (n: { kind: string; detail: string }) => n.kind === 'break_glass' && n.detail.includes(redId),
        ),
      );

      const seen = await omar.call('GET', `/messages/${redId}`);
      assert.equal(seen.status, 200);
      assert.equal((await omar.call('GET', `/attachments/${attachmentId}`)).status, 200);
      const reads = await listAuditEntries(b.ctx.db, { action: 'message.read', subject: `message:${redId}` });
      assert.ok(
        reads.some((e) => e.actor === 'user:omar' && (e.detail as { via?: string }).via === 'break_glass'),
      );
      assert.equal((await omar.call('POST', `/messages/${redId}/ack`, { status: 'read' })).status, 403);
      const opened = await b.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'access.break_glass')
        .execute();
      assert.equal(opened.length, 1);

      // The DPO's queue, then an unjustified verdict ends the access at once.
      assert.equal((await omar.call('GET', '/break-glass')).status, 403);
      const queue = await dina.call('GET', '/break-glass?unreviewed=true');
      assert.deepEqual(
        queue.json.accesses.map((g: { id: string }) => g.id),
        [glass.json.access.id],
      );
      const review = await dina.call('POST', `/break-glass/${glass.json.access.id}/review`, {
        verdict: 'unjustified',
        note: 'The named officer was reachable by phone',
      });
      assert.equal(review.status, 200);
      assert.equal(review.json.access.verdict, 'unjustified');
      assert.equal((await omar.call('GET', `/messages/${redId}`)).status, 404);
      assert.equal((await dina.call('GET', '/break-glass?unreviewed=true')).json.accesses.length, 0);

      // A justified access still ends when its time is up.
      const again = await omar.call('POST', '/break-glass', {
        recordKind: 'message',
        recordId: redId,
        reason: 'Second emergency: the boat left, the officer is off duty',
        minutes: 5,
      });
      assert.equal(again.status, 201);
      assert.equal((await omar.call('GET', `/messages/${redId}`)).status, 200);
      clock.advance(6 * 60_000);
      assert.equal((await omar.call('GET', `/messages/${redId}`)).status, 404);
    });
  });
}
