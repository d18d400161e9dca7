import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { parseDeadline } from '../src/cli/exchange-command.js';
import { main } from '../src/cli/main.js';
import { listAuditEntries, ManualClock, verifyAuditChain } from '../src/platform/index.js';
import {
  allowSharing,
  apiUser,
  enqueueMessage,
  pairNodes,
  startTestNode,
  syntheticRfi,
  type TestNode,
  testAdmin,
  testEngines,
  waitFor,
} from './_util.js';

const admin = { ...testAdmin, roles: [...testAdmin.roles] };
const DAY = 86_400_000;

/** A liaison officer's API client on a node (bearer token, like the CLI). */
const officer = (node: TestNode, username: string) => apiUser(node, username, ['liaison']);

function rfiDraft(clock: ManualClock, subject: string, deadlineInMs = 5 * DAY) {
  const now = clock.now().getTime();
  return syntheticRfi(now, { subject, language: 'fr', deadline: new Date(now + deadlineInMs).toISOString() });
}

function replyDraft(clock: ManualClock, inReplyTo: string) {
  const { deadline: _deadline, ...rest } = rfiDraft(clock, 'Re: request');
  return {
    ...rest,
    type: 'reply',
    inReplyTo,
    body: 'The person is not known to our services.',
    entities: [],
  };
}

/** Streams `total` bytes to the upload endpoint with chunked encoding; resolves the status. */
function uploadChunked(url: string, token: string, total: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/v1/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'text/plain',
        'x-filename': 'big.txt',
        'transfer-encoding': 'chunked',
      },
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

for (const engine of await testEngines()) {
  describe(`exchange between two nodes (${engine})`, () => {
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    let a: TestNode;
    let b: TestNode;
    let c: TestNode;
    let alice: Awaited<ReturnType<typeof officer>>;
    let bilal: Awaited<ReturnType<typeof officer>>;
    let rfiId: string;
    let conversationId: string;

    before(async () => {
      [a, b, c] = await Promise.all([
        startTestNode({ id: 'ma-dgsn', country: 'MA', engine, clock }),
        startTestNode({ id: 'pk-fia', country: 'PK', engine, clock }),
        startTestNode({ id: 'xx-other', country: 'FR', engine, clock }),
      ]);
      alice = await officer(a, 'alice');
      bilal = await officer(b, 'bilal');
      await allowSharing(a, 'pk-fia');
      await allowSharing(b, 'ma-dgsn');
      await allowSharing(a, 'xx-other');
    });
    after(async () => {
      await Promise.all([a?.destroy(), b?.destroy(), c?.destroy()]);
    });

    test('an unverified partner is refused and nothing is stored', async () => {
      await pairNodes(a, b, { verify: false });
      const res = await alice.call('POST', '/messages', {
        recipient: 'pk-fia',
        message: rfiDraft(clock, 'Boat departures'),
      });
      assert.equal(res.status, 409);
      assert.equal(res.json.error.code, 'partner_not_verified');
      const list = await alice.call('GET', '/messages');
      assert.deepEqual(list.json.messages, []);
      const cardA = await a.ctx.federation.ownCard();
      const cardB = await b.ctx.federation.ownCard();
      await a.ctx.federation.verifyPartner(admin, 'pk-fia', cardB.fingerprint.numeric);
      await b.ctx.federation.verifyPartner(admin, 'ma-dgsn', cardA.fingerprint.numeric);
    });

    test('an invalid message answers 400 with issues under message.…', async () => {
      const paths = async (message: Record<string, unknown>) => {
        const res = await alice.call('POST', '/messages', { recipient: 'pk-fia', message });
        assert.equal(res.status, 400);
        return res.json.error.details.issues.map((i: { path: string }) => i.path);
      };
      assert.deepEqual(await paths({ ...rfiDraft(clock, 'x'), priority: 'whenever' }), ['message.priority']);
      assert.deepEqual(await paths({ ...rfiDraft(clock, 'x'), handlingCode: 'H3' }), [
        'message.handlingRestriction',
      ]);
      assert.deepEqual(await paths({ ...rfiDraft(clock, 'x'), id: rfiDraft.name }), ['message.id']);
    });

    test('an rfi from A reaches B; reading it is audited and marks it read', async () => {
      const sent = await alice.call('POST', '/messages', {
        recipient: 'pk-fia',
        message: rfiDraft(clock, 'Boat departures from Dakhla'),
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.json));
      const m = sent.json.message;
      assert.equal(m.direction, 'out');
      assert.equal(m.status, 'sent');
      assert.equal(m.conversationId, m.id);
      assert.ok(['queued', 'sending', 'delivered'].includes(m.delivery.status));
      rfiId = m.id;
      conversationId = m.conversationId;
      await waitFor(
        async () => (await bilal.call('GET', '/messages?direction=in')).json.messages.length === 1,
        10_000,
        'rfi at B',
      );
      const inbox = await bilal.call('GET', '/messages?direction=in&type=rfi&partner=ma-dgsn&q=dakhla');
      const summary = inbox.json.messages[0];
      assert.equal(summary.id, rfiId);
      assert.equal(summary.readAt, null);
      assert.equal(summary.delivery, null);
      const detail = await bilal.call('GET', `/messages/${rfiId}`);
      assert.equal(detail.status, 200);
      assert.equal(detail.json.message.body, 'Is the synthetic person below known to your services?');
      assert.equal(detail.json.message.legalBasis, 'Bilateral security cooperation agreement, art. 3');
      assert.equal(detail.json.message.entities[0].role, 'suspect');
      assert.ok(detail.json.message.readAt);
      const reads = await listAuditEntries(b.ctx.db, { action: 'message.read' });
      assert.equal(reads[0]?.subject, `message:${rfiId}`);
      assert.equal(reads[0]?.actor, 'user:bilal');
      await waitFor(
        async () =>
          (await alice.call('GET', `/messages/${rfiId}`)).json.message.delivery.status === 'delivered',
      );
    });

    test('concurrent reads of one message are each audited once (group commit), and the chain verifies', async () => {
      const before = await listAuditEntries(b.ctx.db, { action: 'message.read', limit: 1000 });
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => bilal.call('GET', `/messages/${rfiId}`)),
      );
      for (const a of answers) assert.equal(a.status, 200);
      // Marked read once, by the first opening; concurrent readers all see that time.
      assert.equal(new Set(answers.map((a) => a.json.message.readAt)).size, 1);
      const reads = await listAuditEntries(b.ctx.db, { action: 'message.read', limit: 1000 });
      assert.equal(reads.length, before.length + 20);
      assert.ok(
        reads.slice(0, 20).every((e) => e.subject === `message:${rfiId}` && e.actor === 'user:bilal'),
      );
      const chain = await verifyAuditChain(b.ctx.db);
      assert.equal(chain.ok, true, JSON.stringify(chain));
    });

    test("B's reply threads into A's conversation and closes the request on both sides", async () => {
      clock.advance(60_000);
      const res = await bilal.call('POST', '/messages', {
        recipient: 'ma-dgsn',
        message: replyDraft(clock, rfiId),
      });
      assert.equal(res.status, 201, JSON.stringify(res.json));
      assert.equal(res.json.message.conversationId, conversationId);
      await waitFor(
        async () =>
          (await alice.call('GET', `/conversations/${conversationId}`)).json?.conversation.messages.length ===
          2,
        10_000,
        'reply at A',
      );
      const conv = (await alice.call('GET', `/conversations/${conversationId}`)).json.conversation;
      assert.equal(conv.partner, 'pk-fia');
      assert.equal(conv.subject, 'Boat departures from Dakhla');
      assert.deepEqual(
        conv.messages.map((m: { type: string; direction: string }) => `${m.type}:${m.direction}`),
        ['rfi:out', 'reply:in'],
      );
      assert.equal(conv.messages[1].inReplyTo, rfiId);
      assert.equal(conv.messages[0].status, 'answered');
      const atB = await bilal.call('GET', `/messages/${rfiId}`);
      assert.equal(atB.json.message.status, 'answered');
    });

    test('an unanswered rfi becomes overdue on both sides; declining it (with a reason) closes it', async () => {
      const sent = await alice.call('POST', '/messages', {
        recipient: 'pk-fia',
        message: rfiDraft(clock, 'Vessel MMSI check', DAY),
      });
      assert.equal(sent.status, 201);
      const id = sent.json.message.id;
      await waitFor(async () =>
        (await bilal.call('GET', `/messages?type=rfi`)).json.messages.some(
          (m: { id: string }) => m.id === id,
        ),
      );
      assert.equal((await alice.call('GET', '/messages?overdue=true')).json.messages.length, 0);
      clock.advance(2 * DAY);
      const overdueA = (await alice.call('GET', '/messages?overdue=true')).json.messages;
      const overdueB = (await bilal.call('GET', '/messages?overdue=true')).json.messages;
      assert.deepEqual(
        overdueA.map((m: { id: string }) => m.id),
        [id],
      );
      assert.deepEqual(
        overdueB.map((m: { id: string }) => m.id),
        [id],
      );
      assert.equal(overdueB[0].overdue, true);
      const dashA = (await alice.call('GET', '/dashboard/exchange')).json;
      const dashB = (await bilal.call('GET', '/dashboard/exchange')).json;
      assert.equal(dashA.requestsOverdue, 1);
      assert.equal(dashB.requestsOverdue, 1);
      assert.equal(dashB.requestsAwaitingReply, 1);
      // Failed deliveries have one figure, the admin dashboard's (test/observability.test.ts).
      assert.equal('deliveriesFailed' in dashA, false);

      const noReason = await bilal.call('POST', `/messages/${id}/ack`, { status: 'declined' });
      assert.equal(noReason.status, 400);
      assert.equal(noReason.json.error.details.issues[0].path, 'body.reason');
      const declined = await bilal.call('POST', `/messages/${id}/ack`, {
        status: 'declined',
        reason: 'Outside the scope of the agreement',
      });
      assert.equal(declined.status, 201, JSON.stringify(declined.json));
      assert.equal(declined.json.message.ackStatus, 'declined');
      assert.equal(declined.json.message.overdue, false);
      const again = await bilal.call('POST', `/messages/${id}/ack`, { status: 'accepted' });
      assert.equal(again.status, 409);
      assert.equal(again.json.error.code, 'already_acknowledged');
      await waitFor(
        async () => (await alice.call('GET', `/messages/${id}`)).json.message.ackStatus === 'declined',
      );
      const atA = (await alice.call('GET', `/messages/${id}`)).json.message;
      assert.equal(atA.ackReason, 'Outside the scope of the agreement');
      assert.equal(atA.overdue, false);
      assert.equal((await alice.call('GET', '/messages?overdue=true')).json.messages.length, 0);
      // An outgoing message cannot be acknowledged by its own sender.
      assert.equal((await alice.call('POST', `/messages/${id}/ack`, { status: 'read' })).status, 409);
    });

    test('a schema violation is refused with 422 and nothing is stored at the receiver', async () => {
      const bogus = rfiDraft(clock, 'bogus');
      const countAtB = async () =>
        Number(
          (
            await b.ctx.db
              .selectFrom('messages')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const stored = await countAtB();
      const { id } = await enqueueMessage(a, 'pk-fia', 'rfi', {
        message: {
          ...bogus,
          schemaVersion: 1,
          id: '00000000-0000-4000-8000-000000000000',
          conversationId: 'nope',
        },
        transferKeys: {},
      });
      await waitFor(async () => {
        const d = (await a.ctx.federation.deliveryStatus([id])).get(id);
        return d?.status === 'failed';
      });
      const d = (await a.ctx.federation.deliveryStatus([id])).get(id)!;
      assert.equal(d.lastError?.status, 422);
      assert.equal(await countAtB(), stored);
    });

    test('attachments: upload, send, the recipient fetches and verifies the same bytes', async () => {
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000)]);
      const up = await alice.call('POST', '/attachments', new Uint8Array(pdf), {
        'content-type': 'application/pdf',
        'x-filename': encodeURIComponent('rapport été.pdf'),
      });
      assert.equal(up.status, 201, JSON.stringify(up.json));
      const sha = createHash('sha256').update(pdf).digest('hex');
      assert.deepEqual(
        { ...up.json.attachment, id: undefined },
        {
          id: undefined,
          name: 'rapport été.pdf',
          mediaType: 'application/pdf',
          size: pdf.length,
          sha256: sha,
        },
      );
      const attachmentId = up.json.attachment.id;
      // At rest the file is encrypted: the plaintext does not appear on disk.
      const onDisk = readdirSync(join(a.dataDir, 'attachments'));
      assert.deepEqual(onDisk, [attachmentId]);

      // Before it is sent, the upload is its uploader's alone.
      const other = await officer(a, 'omar');
      assert.equal((await other.call('GET', `/attachments/${attachmentId}`)).status, 404);

      const { deadline: _d, ...info } = rfiDraft(clock, 'Forged passports, scans attached');
      const sent = await alice.call('POST', '/messages', {
        recipient: 'pk-fia',
        message: { ...info, type: 'info', attachmentIds: [attachmentId] },
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.json));
      assert.equal(sent.json.message.hasAttachments, true);
      const reuse = await alice.call('POST', '/messages', {
        recipient: 'pk-fia',
        message: { ...info, type: 'info', attachmentIds: [attachmentId] },
      });
      assert.equal(reuse.status, 400);

      const id = sent.json.message.id;
      await waitFor(
        async () =>
          (await bilal.call('GET', `/messages/${id}`)).json?.message?.attachments[0]?.status === 'stored',
        15_000,
        'attachment fetched by B',
      );
      const got = await bilal.call('GET', `/attachments/${attachmentId}`);
      assert.equal(got.status, 200);
      assert.equal(got.headers.get('content-type'), 'application/pdf');
      assert.match(
        got.headers.get('content-disposition') ?? '',
        /filename\*=UTF-8''rapport%20%C3%A9t%C3%A9\.pdf/,
      );
      assert.equal(createHash('sha256').update(got.bytes).digest('hex'), sha);
      // Once sent, anyone who may read the message may download it.
      assert.equal((await other.call('GET', `/attachments/${attachmentId}`)).status, 200);

      // Only the recipient node may fetch it: another verified partner of A gets 404,
      // an unsigned request 401.
      await pairNodes(a, c);
      const byC = await c.ctx.federation.fetchFromPartner(
        'ma-dgsn',
        `/federation/v1/attachments/${attachmentId}`,
      );
      assert.equal(byC.status, 404);
      const unsigned = await fetch(`${a.url}/federation/v1/attachments/${attachmentId}`);
      assert.equal(unsigned.status, 401);
      const transfers = await listAuditEntries(a.ctx.db, { action: 'attachment.transfer' });
      assert.equal(transfers[0]?.actor, 'partner:pk-fia');
    });

    test('CLI: passerelle send and passerelle inbox go through the API', async () => {
      const run = async (argv: string[], token: string, url: string) => {
        const out = new PassThrough();
        const err = new PassThrough();
        let stdout = '';
        let stderr = '';
        out.on('data', (d) => {
          stdout += d;
        });
        err.on('data', (d) => {
          stderr += d;
        });
        const code = await main(argv, {
          stdout: out,
          stderr: err,
          env: { PASSERELLE_URL: url, PASSERELLE_TOKEN: token },
          cwd: process.cwd(),
        });
        return { code, stdout, stderr };
      };
      const send = await run(
        [
          'send',
          '--to',
          'pk-fia',
          '--type',
          'rfi',
          '--subject',
          'Phone +92 check',
          '--body',
          'Is this number known?',
          '--deadline',
          // The CLI reads the wall clock for delays like 3d; this node runs on a manual clock.
          new Date(clock.now().getTime() + 3 * DAY).toISOString(),
          '--crime-area',
          'terrorism',
          '--handling',
          'H2',
          '--tlp',
          'AMBER',
          '--source',
          'B',
          '--accuracy',
          '2',
          '--legal-basis',
          'Agreement art. 3',
          '--purpose',
          'Counter-terrorism enquiry',
        ],
        alice.token,
        a.url,
      );
      assert.equal(send.code, 0, send.stderr);
      assert.equal(parseDeadline('3d', new Date('2026-01-01T00:00:00Z')), '2026-01-04T00:00:00.000Z');
      assert.match(send.stdout, /^Sent rfi [0-9a-f-]{36} to pk-fia/);
      const bad = await run(
        ['send', '--to', 'pk-fia', '--type', 'rfi', '--subject', 'x'],
        alice.token,
        a.url,
      );
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /message\.body/);
      await waitFor(async () => {
        const r = await run(['inbox', '--partner', 'ma-dgsn', '--json'], bilal.token, b.url);
        return JSON.parse(r.stdout).messages.some(
          (m: { subject: string }) => m.subject === 'Phone +92 check',
        );
      });
      const table = await run(['inbox', '--direction', 'in'], bilal.token, b.url);
      assert.equal(table.code, 0);
      assert.match(table.stdout, /ma-dgsn +rfi +routine +received\/unread +Phone \+92 check/);
      clock.advance(4 * DAY);
      const overdue = await run(['inbox', '--overdue', '--json'], alice.token, a.url);
      assert.deepEqual(
        JSON.parse(overdue.stdout).messages.map((m: { subject: string }) => m.subject),
        ['Phone +92 check'],
      );
    });

    test('uploads of a wrong or unknown type, or over 50 MiB, are refused and leave nothing', async () => {
      const before = readdirSync(join(a.dataDir, 'attachments')).length;
      const png = await alice.call(
        'POST',
        '/attachments',
        new Uint8Array(Buffer.from('%PDF-1.4 not a png')),
        {
          'content-type': 'image/png',
          'x-filename': 'photo.png',
        },
      );
      assert.equal(png.status, 415);
      assert.equal(png.json.error.code, 'unsupported_media_type');
      const exe = await alice.call(
        'POST',
        '/attachments',
        new Uint8Array(Buffer.from('MZ\x90\x00\x03binary')),
        {
          'content-type': 'application/octet-stream',
          'x-filename': 'tool.exe',
        },
      );
      assert.equal(exe.status, 415);
      const binaryText = await alice.call('POST', '/attachments', new Uint8Array([0x41, 0x00, 0x42]), {
        'content-type': 'text/plain',
        'x-filename': 'notes.txt',
      });
      assert.equal(binaryText.status, 415);
      const status = await uploadChunked(a.url, alice.token, 51 * 1024 * 1024);
      assert.equal(status, 413);
      assert.equal(
        readdirSync(join(a.dataDir, 'attachments')).length,
        before,
        JSON.stringify(readdirSync(join(a.dataDir, 'attachments'))),
      );
    });
  });
}
