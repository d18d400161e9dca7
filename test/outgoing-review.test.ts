import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { main } from '../src/cli/main.js';
import type { Role } from '../src/governance/index.js';
import { listAuditEntries, ManualClock } from '../src/platform/index.js';
import {
  apiUser,
  pairNodes,
  startTestNode,
  syntheticRfi,
  type TestNode,
  testEngines,
  waitFor,
} from './_util.js';

/** A user's API client on a node (bearer token, like the CLI). */
const user = async (node: TestNode, username: string, roles: Role[]) =>
  (await apiUser(node, username, roles)).call;

function rfi(clock: ManualClock, subject: string, extra: Record<string, unknown> = {}) {
  return syntheticRfi(clock.now().getTime(), {
    subject,
    body: 'Is the synthetic person below known to your services? Travelled via the coast.',
    ...extra,
  });
}

for (const engine of await testEngines()) {
  describe(`outgoing review by the DPO (${engine})`, () => {
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    let a: TestNode;
    let b: TestNode;
    let alice: Awaited<ReturnType<typeof user>>;
    let dora: Awaited<ReturnType<typeof user>>;

    const onB = async (id: string) =>
      b.ctx.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
    const queued = async (id: string) =>
      (await a.ctx.db.selectFrom('outbox').select('id').where('id', '=', id).executeTakeFirst()) !==
      undefined;

    before(async () => {
      [a, b] = await Promise.all([
        startTestNode({ id: 'ma-dgsn', country: 'MA', engine, clock }),
        startTestNode({ id: 'pk-fia', country: 'PK', engine, clock }),
      ]);
      await pairNodes(a, b);
      alice = await user(a, 'alice', ['liaison']);
      dora = await user(a, 'dora', ['dpo']);
    });
    after(async () => {
      await Promise.all([a?.destroy(), b?.destroy()]);
    });

    test('personal data waits: nothing is queued until the DPO approves; the DPO sees and redacts what leaves', async () => {
      const sent = await alice('POST', '/messages', {
        recipient: 'pk-fia',
        message: rfi(clock, 'Crossing organisers'),
      });
      assert.equal(sent.status, 201);
      const m = sent.json.message;
      assert.equal(m.status, 'held');
      assert.equal(m.review.status, 'pending');
      assert.deepEqual(m.review.flags, [{ kind: 'personal_data', categories: ['persons'] }]);
      assert.equal(await queued(m.id), false, 'nothing in the outbox');
      a.ctx.federation.nudge();
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await onB(m.id), undefined, 'the partner has nothing');

      // The DPO sees exactly what would leave; the author cannot approve their own message.
      assert.equal((await alice('POST', `/reviews/${m.id}/approve`, {})).status, 403);
      const queue = await dora('GET', '/reviews');
      const item = queue.json.messages.find((x: { id: string }) => x.id === m.id);
      assert.equal(item.createdBy, 'user:alice');
      assert.equal(item.payload.entities[0].names[0].family, 'Synthetic');
      const notes = await dora('GET', '/notifications');
      assert.ok(notes.json.notifications.some((n: { kind: string }) => n.kind === 'review_pending'));

      const approved = await dora('POST', `/reviews/${m.id}/approve`, {
        note: 'Name removed: not needed for the question',
        redact: { body: 'Is a person of this description known to your services?', removeEntityIds: ['p1'] },
      });
      assert.equal(approved.status, 200, JSON.stringify(approved.json));
      assert.equal(approved.json.message.status, 'sent');
      assert.equal(approved.json.message.review.status, 'approved');
      await waitFor(async () => (await onB(m.id)) !== undefined, 15_000, 'delivery after approval');
      const received = (await onB(m.id))!.payload as Record<string, unknown>;
      assert.equal(received.body, 'Is a person of this description known to your services?');
      assert.deepEqual(received.entities, []);
      const audit = await listAuditEntries(a.ctx.db, {
        action: 'review.approve',
        subject: `message:${m.id}`,
      });
      assert.deepEqual((audit[0]?.detail as { redacted: string[] }).redacted, ['body', 'entities']);
      assert.equal((await dora('POST', `/reviews/${m.id}/approve`, {})).status, 409);
    });

    test('returned with a comment: the author sees it and nothing leaves', async () => {
      const sent = await alice('POST', '/messages', {
        recipient: 'pk-fia',
        message: rfi(clock, 'Second request'),
      });
      const id = sent.json.message.id;
      const back = await dora('POST', `/reviews/${id}/return`, {
        comment: 'State why this person is suspected',
      });
      assert.equal(back.status, 200);
      const mine = await alice('GET', `/messages/${id}`);
      assert.equal(mine.json.message.status, 'returned');
      assert.equal(mine.json.message.review.note, 'State why this person is suspected');
      assert.equal((await dora('POST', `/reviews/${id}/approve`, {})).status, 409);
      assert.equal(await queued(id), false);
    });

    test('a standing documented policy lets covered personal data go; what it does not cover still waits', async () => {
      const made = await dora('POST', '/sharing-policies', {
        partner: 'pk-fia',
        crimeArea: 'migrant_smuggling',
        maxHandlingCode: 'H1',
        dataCategories: ['persons'],
        description: 'Agreement art. 3: suspects of migrant smuggling, for identification',
      });
      assert.equal(made.status, 201);
      assert.equal((await alice('POST', '/sharing-policies', made.json.policy)).status, 403);
      const covered = await alice('POST', '/messages', {
        recipient: 'pk-fia',
        message: rfi(clock, 'Covered'),
      });
      assert.equal(covered.json.message.status, 'sent');
      assert.equal(covered.json.message.review, null);
      assert.equal(await queued(covered.json.message.id), true);
      const h2 = await alice('POST', '/messages', {
        recipient: 'pk-fia',
        message: rfi(clock, 'Not covered: H2', { handlingCode: 'H2' }),
      });
      assert.equal(h2.json.message.status, 'held');
      const terror = await alice('POST', '/messages', {
        recipient: 'pk-fia',
        message: rfi(clock, 'Not covered: terrorism', { crimeAreas: ['terrorism'] }),
      });
      assert.equal(terror.json.message.status, 'held');
    });

    test('threat to life goes first and is reviewed after; a neutrality flag always waits, with its reason shown', async () => {
      const urgent = await alice('POST', '/messages', {
        recipient: 'pk-fia',
        message: rfi(clock, 'Boat in distress', { crimeAreas: ['terrorism'], priority: 'threat_to_life' }),
      });
      const id = urgent.json.message.id;
      assert.equal(urgent.json.message.status, 'sent');
      assert.equal(urgent.json.message.review.status, 'sent_before_review');
      await waitFor(async () => (await onB(id)) !== undefined, 15_000, 'urgent delivery');
      assert.ok((await dora('GET', '/reviews')).json.messages.some((x: { id: string }) => x.id === id));
      const after = await dora('POST', `/reviews/${id}/approve`, { note: 'Justified: lives at sea' });
      assert.equal(after.json.message.review.status, 'reviewed_after');
      assert.equal((await dora('POST', `/reviews/${id}/return`, { comment: 'too late' })).status, 409);

      const flagged = await alice('POST', '/messages', {
        recipient: 'pk-fia',
        message: rfi(clock, 'Members of the political opposition', {
          priority: 'threat_to_life',
          body: 'Please provide the list of members of the opposition party who attended the demonstration against the government last week.',
          purpose: 'Monitor the political opposition',
          entities: [],
        }),
      });
      const f = flagged.json.message;
      assert.equal(f.status, 'held');
      assert.equal(f.review.flags[0].kind, 'neutrality');
      assert.equal(f.review.flags[0].category, 'political');
      assert.equal(f.review.flags[0].rule, 'political.opposition');
      assert.match(f.review.flags[0].excerpt, /opposition party/);
      assert.equal(await queued(f.id), false);
      const decided = await dora('POST', `/reviews/${f.id}/return`, {
        comment: 'Article 3: a request about political opposition cannot be sent',
      });
      assert.equal(decided.status, 200);
      const audit = await listAuditEntries(a.ctx.db, { action: 'review.return', subject: `message:${f.id}` });
      assert.equal(audit.length, 1);
    });

    test('CLI: passerelle dpo queue, approve and return, with --json', async () => {
      const { token } = await a.ctx.governance.createToken('dora', { name: 'cli' });
      const run = async (argv: string[]) => {
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
          env: { PASSERELLE_URL: a.url, PASSERELLE_TOKEN: token },
          cwd: process.cwd(),
        });
        return { code, stdout, stderr };
      };
      const first = await alice('POST', '/messages', {
        recipient: 'pk-fia',
        message: rfi(clock, 'CLI one', { crimeAreas: ['terrorism'] }),
      });
      const second = await alice('POST', '/messages', {
        recipient: 'pk-fia',
        message: rfi(clock, 'CLI two', { crimeAreas: ['terrorism'] }),
      });
      const queue = await run(['dpo', 'queue', '--json']);
      assert.equal(queue.code, 0, queue.stderr);
      const ids = JSON.parse(queue.stdout).messages.map((m: { id: string }) => m.id);
      assert.ok(ids.includes(first.json.message.id) && ids.includes(second.json.message.id));
      // The DPO's dashboard shows the same real figures.
      const cards = (await dora('GET', '/dashboard')).json.cards as Array<{ id: string; value: number }>;
      const card = (id: string) => cards.find((c) => c.id === id)?.value;
      assert.equal(card('disclosuresPending'), ids.length);
      assert.equal(card('neutralityFlags'), 0);
      assert.equal(card('breakGlassToReview'), 0);
      const text = await run(['dpo', 'queue']);
      assert.match(text.stdout, /why: personal data \(persons\)/);
      const approve = await run([
        'dpo',
        'approve',
        first.json.message.id,
        '--note',
        'fine',
        '--remove-entity',
        'p1',
        '--json',
      ]);
      assert.equal(approve.code, 0, approve.stderr);
      assert.equal(JSON.parse(approve.stdout).message.review.status, 'approved');
      await waitFor(
        async () => (await onB(first.json.message.id)) !== undefined,
        15_000,
        'CLI-approved delivery',
      );
      const back = await run(['dpo', 'return', second.json.message.id, '--comment', 'Too broad']);
      assert.equal(back.code, 0, back.stderr);
      assert.equal((await run(['dpo', 'return', second.json.message.id, '--comment', 'again'])).code, 2);
      const denied = await run(['dpo', 'queue']);
      assert.equal(denied.code, 0);
    });
  });
}
