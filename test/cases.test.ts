// Joint cases between two real nodes on loopback: sharing through `case.*` messages,
// convergence of concurrent edits and of edits made while the partner is offline, withdrawal,
// need-to-know (a non-member learns nothing, not even that the case exists).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startNode } from '../src/app/server.js';
import { createLogger, listAuditEntries } from '../src/platform/index.js';
import {
  allowSharing,
  apiCall,
  pairNodes,
  startTestNode,
  type TestNode,
  testEngines,
  testScrypt,
  tokenForNewUser,
  waitFor,
} from './_util.js';

type Node = { url: string };
/** {@link apiCall} with the body also as text and buffer, and the content type. */
async function call(node: { url: string }, token: string, method: string, path: string, body?: unknown) {
  const r = await apiCall(node, token, method, path, body);
  const buf = Buffer.from(r.bytes);
  return { ...r, buf, text: buf.toString('utf8'), type: r.headers.get('content-type') };
}

const evaluation = { source: 'B', accuracy: '2' };

for (const engine of await testEngines()) {
  describe(`joint cases between two nodes (${engine})`, () => {
    let a: TestNode;
    let b: TestNode;
    let b2: Awaited<ReturnType<typeof startNode>> | undefined;
    const bNode = () => (b2 ?? b) as Node & { ctx: TestNode['ctx'] };
    const t: Record<string, string> = {};
    let caseId: string;

    before(async () => {
      [a, b] = await Promise.all([
        startTestNode({ id: 'ma-dgsn', engine }),
        startTestNode({ id: 'pk-fia', country: 'PK', engine }),
      ]);
      await pairNodes(a, b);
      t.amina = await tokenForNewUser(a, 'amina', ['analyst']);
      t.omar = await tokenForNewUser(a, 'omar', ['analyst']);
      t.viewerA = await tokenForNewUser(a, 'vera', ['viewer']);
      t.dvi = await tokenForNewUser(a, 'dina', ['dvi']);
      t.bilal = await tokenForNewUser(b, 'bilal', ['liaison']);
      t.sana = await tokenForNewUser(b, 'sana', ['analyst']);
      t.outsiderB = await tokenForNewUser(b, 'imran', ['analyst']);
    });
    after(async () => {
      await b2?.close();
      await Promise.all([a?.destroy(), b?.destroy()]);
    });

    test('a case is shared only under a DPO policy, lands unassigned at the partner, and its liaison assigns members', async () => {
      const created = await call(a, t.amina!, 'POST', '/cases', {
        title: 'Dakhla crossing network (synthetic)',
        summary: 'Synthetic test case.',
        crimeAreas: ['migrant_smuggling'],
        legalBasis: 'Bilateral security cooperation agreement, art. 3',
        handlingCode: 'H2',
      });
      assert.equal(created.status, 201, created.text);
      caseId = created.json.id;
      assert.deepEqual(
        created.json.members.map((m: any) => `${m.username}@${m.node}:${m.role}`),
        ['amina@ma-dgsn:lead'],
      );
      const added = await call(a, t.amina!, 'POST', `/cases/${caseId}/items/entities`, {
        items: [
          {
            kind: 'person',
            label: 'Karim Synthetic',
            role: 'organiser',
            evaluation,
            identifiers: ['phone:+212 661 000001'],
          },
          { kind: 'phone', label: '+212661000002', identifiers: ['phone:+212661000002'], evaluation },
        ],
      });
      assert.equal(added.status, 201, added.text);

      const refused = await call(a, t.amina!, 'POST', `/cases/${caseId}/partners`, { partner: 'pk-fia' });
      assert.equal(refused.status, 409);
      assert.equal(refused.json.error.code, 'sharing_not_covered');

      await allowSharing(a, 'pk-fia');
      await allowSharing(b, 'ma-dgsn');
      const shared = await call(a, t.amina!, 'POST', `/cases/${caseId}/partners`, { partner: 'pk-fia' });
      assert.equal(shared.status, 200, shared.text);
      assert.deepEqual(shared.json.partners, ['pk-fia']);

      await waitFor(
        async () => {
          const r = await call(b, t.bilal!, 'GET', '/cases/unassigned');
          // The share and the operations after it may arrive in either order: wait for both.
          return r.json.cases.some(
            (c: any) => c.id === caseId && c.partners.includes('pk-fia') && c.entityCount === 2,
          );
        },
        15_000,
        'the shared case at the partner',
      );
      // Before assignment nobody at the partner reads it.
      assert.equal((await call(b, t.sana!, 'GET', `/cases/${caseId}`)).status, 404);
      const assigned = await call(b, t.bilal!, 'POST', `/cases/${caseId}/assign`, {
        members: ['sana', 'bilal'],
      });
      assert.equal(assigned.status, 200, assigned.text);
      const atB = await call(b, t.sana!, 'GET', `/cases/${caseId}`);
      assert.equal(atB.status, 200);
      assert.equal(atB.json.owner, 'ma-dgsn');
      assert.equal(atB.json.entities.length, 2);
      // The partner's members reach the owner as operations of the partner's side.
      await waitFor(
        async () => {
          const r = await call(a, t.amina!, 'GET', `/cases/${caseId}`);
          return r.json.members.some((m: any) => m.node === 'pk-fia' && m.username === 'sana');
        },
        15_000,
        "the partner's members at the owner",
      );
      // The partner cannot add members for the owner's side.
      const forged = await call(b, t.sana!, 'POST', `/cases/${caseId}/members`, { username: 'omar' });
      assert.equal(forged.status, 400);
    });

    test('need-to-know: a non-member gets 404 everywhere, exactly as for a case that does not exist', async () => {
      const missing = '0190a000-0000-4000-8000-000000000000';
      for (const id of [caseId, missing]) {
        for (const [method, path, body] of [
          ['GET', `/cases/${id}`],
          ['PATCH', `/cases/${id}`, { title: 'x' }],
          ['GET', `/cases/${id}/graph`],
          ['GET', `/cases/${id}/metrics`],
          ['GET', `/cases/${id}/duplicates`],
          ['GET', `/cases/${id}/network?seeds=${missing}&depth=2`],
          ['GET', `/cases/${id}/paths?from=${missing}&to=${missing}`],
          ['GET', `/cases/${id}/export?format=pdf`],
          ['GET', `/cases/${id}/export?format=graphml`],
          ['POST', `/cases/${id}/items/tasks`, { items: [{ title: 't', owner: 'omar' }] }],
          ['POST', `/cases/${id}/import`, { kind: 'entities', csv: 'kind,label\nperson,x\n' }],
          ['POST', `/cases/${id}/members`, { username: 'omar' }],
        ] as const) {
          const r = await call(a, t.omar!, method, path, body);
          assert.equal(r.status, 404, `${method} ${path}: ${r.text}`);
          assert.equal(r.json.error.code, 'not_found');
        }
        assert.equal((await call(a, t.viewerA!, 'GET', `/cases/${id}`)).status, 404);
      }
      // Search and listings reveal nothing either, on both nodes.
      for (const q of ['', '?q=dakhla', '?q=karim', '?q=%2B212661000002']) {
        assert.deepEqual((await call(a, t.omar!, 'GET', `/cases${q}`)).json.cases, []);
        assert.deepEqual((await call(b, t.outsiderB!, 'GET', `/cases${q}`)).json.cases, []);
      }
      assert.equal((await call(a, t.amina!, 'GET', '/cases?q=karim')).json.cases.length, 1);
      assert.equal((await call(b, t.outsiderB!, 'GET', `/cases/${caseId}`)).status, 404);
      // A role without case permissions is refused outright (and learns no more).
      assert.equal((await call(a, t.dvi!, 'GET', '/cases')).status, 403);
      assert.equal((await call(a, t.dvi!, 'GET', `/cases/${caseId}`)).status, 403);
      // The attempts are audited.
      const denied = (await listAuditEntries(a.ctx.db, { limit: 500 })).filter(
        (e) => e.action === 'access.denied' && e.subject === `case:${caseId}`,
      );
      assert.ok(denied.length >= 12, `audited denials: ${denied.length}`);
    });

    test('concurrent edits on both sides converge; the overwritten value is kept as a conflict', async () => {
      await Promise.all([a.ctx.federation.stopWorker(), b.ctx.federation.stopWorker()]);
      const before = (await call(a, t.amina!, 'GET', `/cases/${caseId}`)).json;
      const r1 = await call(a, t.amina!, 'PATCH', `/cases/${caseId}`, {
        title: 'Title from Rabat',
        base: before.version,
      });
      assert.equal(r1.status, 200, r1.text);
      await new Promise((r) => setTimeout(r, 5));
      const r2 = await call(b, t.sana!, 'PATCH', `/cases/${caseId}`, {
        title: 'Title from Islamabad',
        status: 'active',
      });
      assert.equal(r2.status, 200, r2.text);
      const ent = await call(a, t.amina!, 'POST', `/cases/${caseId}/items/entities`, {
        items: [{ kind: 'vessel', label: 'Synthetic pirogue', identifiers: ['imo:9074729'], evaluation }],
      });
      const task = await call(b, t.sana!, 'POST', `/cases/${caseId}/items/tasks`, {
        items: [{ title: 'Trace the hawala chain', owner: 'sana@pk-fia', deadline: '2026-12-20' }],
      });
      assert.equal(ent.status, 201);
      assert.equal(task.status, 201);
      a.ctx.federation.startWorker();
      b.ctx.federation.startWorker();
      let va: any;
      let vb: any;
      await waitFor(
        async () => {
          va = (await call(a, t.amina!, 'GET', `/cases/${caseId}`)).json;
          vb = (await call(b, t.sana!, 'GET', `/cases/${caseId}`)).json;
          return va.opCount === vb.opCount && va.tasks.length === 1 && vb.entities.length === 3;
        },
        20_000,
        'convergence',
      );
      assert.equal(va.title, 'Title from Islamabad');
      assert.equal(vb.title, va.title);
      assert.equal(va.status, 'active');
      assert.deepEqual(va.conflicts, vb.conflicts);
      const titleConflict = va.conflicts.find(
        (c: any) => c.field === 'title' && c.lost === 'Title from Rabat',
      );
      assert.ok(titleConflict, JSON.stringify(va.conflicts));
      assert.equal(titleConflict.keptBy, 'sana@pk-fia');
      assert.deepEqual(va.entities.map((e: any) => e.id).sort(), vb.entities.map((e: any) => e.id).sort());
    });

    test('edits made while the partner is offline reach it when it is back, exactly once', async () => {
      const port = Number(new URL(b.url).port);
      await b.close();
      for (let i = 0; i < 3; i++) {
        const r = await call(a, t.amina!, 'POST', `/cases/${caseId}/items/events`, {
          items: [{ at: `2025-01-0${i + 1}`, title: `Synthetic event ${i + 1}` }],
        });
        assert.equal(r.status, 201, r.text);
      }
      await call(a, t.amina!, 'PATCH', `/cases/${caseId}`, {
        summary: 'Written while Islamabad was offline.',
      });
      const aView = (await call(a, t.amina!, 'GET', `/cases/${caseId}`)).json;
      b2 = await startNode(
        { ...b.config, node: { ...b.config.node, endpoint: b.url }, http: { ...b.config.http, port } },
        { scrypt: testScrypt, logger: createLogger({ level: 'silent' }) },
      );
      a.ctx.federation.nudge();
      await waitFor(
        async () => {
          const v = (await call(bNode(), t.sana!, 'GET', `/cases/${caseId}`)).json;
          return v.opCount === aView.opCount;
        },
        30_000,
        'catch-up after the outage',
      );
      const vb = (await call(bNode(), t.sana!, 'GET', `/cases/${caseId}`)).json;
      assert.equal(vb.summary, 'Written while Islamabad was offline.');
      assert.deepEqual(vb.events.map((e: any) => e.title).sort(), [
        'Synthetic event 1',
        'Synthetic event 2',
        'Synthetic event 3',
      ]);
    });

    test('withdrawing the partner stops the sharing, freezes its copy and is audited on both sides', async () => {
      const w = await call(a, t.amina!, 'POST', `/cases/${caseId}/partners/pk-fia/withdraw`, {
        reason: 'Joint investigation team closed',
      });
      assert.equal(w.status, 200, w.text);
      assert.deepEqual(w.json.partners, []);
      await waitFor(
        async () => {
          const v = (await call(bNode(), t.sana!, 'GET', `/cases/${caseId}`)).json;
          return v.withdrawnAt !== null;
        },
        15_000,
        'withdrawal at the partner',
      );
      const frozen = await call(bNode(), t.sana!, 'PATCH', `/cases/${caseId}`, { title: 'after withdrawal' });
      assert.equal(frozen.status, 409);
      assert.equal(frozen.json.error.code, 'case_withdrawn');
      const opsAtB = (await call(bNode(), t.sana!, 'GET', `/cases/${caseId}`)).json.opCount;
      await call(a, t.amina!, 'PATCH', `/cases/${caseId}`, { summary: 'Not for the withdrawn partner.' });
      await a.ctx.federation.runDeliveryOnce();
      await new Promise((r) => setTimeout(r, 300));
      const atB = (await call(bNode(), t.sana!, 'GET', `/cases/${caseId}`)).json;
      assert.equal(atB.opCount, opsAtB);
      assert.notEqual(atB.summary, 'Not for the withdrawn partner.');
      const auditA = await listAuditEntries(a.ctx.db, { limit: 500 });
      assert.ok(auditA.some((e) => e.action === 'case.withdraw' && e.subject === `case:${caseId}`));
      const auditB = await listAuditEntries(bNode().ctx.db, { limit: 500 });
      assert.ok(auditB.some((e) => e.action === 'case.withdrawn' && e.subject === `case:${caseId}`));
    });
  });
}
