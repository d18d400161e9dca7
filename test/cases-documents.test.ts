// Joint cases edited by hand: the API the case page's forms call (entities, links, tasks,
// events, members, linked incidents) answers bad input with a clear error and changes nothing;
// documents attached on one node are stored encrypted, travel with the case (case.document) and
// are downloaded on the other node by members only — a non-member gets 404 and is audited.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { listAuditEntries } from '../src/platform/index.js';
import {
  allowSharing,
  apiCall,
  pairNodes,
  runCli,
  startTestNode,
  type TestNode,
  testEngines,
  tokenForNewUser,
  waitFor,
} from './_util.js';

const evaluation = { source: 'B', accuracy: '2' };
// A minimal PDF: the vault recognises it by its signature.
const pdf = Buffer.from(
  '%PDF-1.4\n% Synthetic witness statement [SYNTHETIC DEMO]\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n',
  'latin1',
);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function upload(node: TestNode, token: string, caseId: string, body: Uint8Array, name: string, query = '') {
  return apiCall(
    node,
    token,
    'POST',
    `/cases/${caseId}/documents?title=${encodeURIComponent('Witness statement')}${query}`,
    body,
    {
      'content-type': 'application/pdf',
      'x-filename': encodeURIComponent(name),
    },
  );
}

for (const engine of await testEngines()) {
  describe(`case forms and documents (${engine})`, () => {
    let a: TestNode;
    let b: TestNode;
    const t: Record<string, string> = {};
    let caseId: string;
    let karim: string;
    let sidi: string;

    before(async () => {
      [a, b] = await Promise.all([
        startTestNode({ id: 'ma-dgsn', engine }),
        startTestNode({ id: 'pk-fia', country: 'PK', engine }),
      ]);
      await pairNodes(a, b);
      await allowSharing(a, 'pk-fia');
      await allowSharing(b, 'ma-dgsn');
      t.amina = await tokenForNewUser(a, 'amina', ['analyst']);
      t.omar = await tokenForNewUser(a, 'omar', ['analyst']);
      t.outsiderA = await tokenForNewUser(a, 'nadia', ['analyst']);
      t.bilal = await tokenForNewUser(b, 'bilal', ['liaison']);
      t.sana = await tokenForNewUser(b, 'sana', ['analyst']);
      t.outsiderB = await tokenForNewUser(b, 'imran', ['analyst']);
      const created = await apiCall(a, t.amina!, 'POST', '/cases', {
        title: 'Forms and documents (synthetic)',
        crimeAreas: ['migrant_smuggling'],
        legalBasis: 'Bilateral security cooperation agreement, art. 3',
        handlingCode: 'H1',
      });
      assert.equal(created.status, 201);
      caseId = created.json.id;
    });
    after(async () => {
      await Promise.all([a?.destroy(), b?.destroy()]);
    });

    test('entity, link, task and event forms: bad input is refused with the field named, good input lands', async () => {
      const opCount = async () => (await apiCall(a, t.amina!, 'GET', `/cases/${caseId}`)).json.opCount;
      const before = await opCount();
      const badRole = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/entities`, {
        items: [{ kind: 'person', label: 'Karim Synthetic', role: 'kingpin', evaluation }],
      });
      assert.equal(badRole.status, 400);
      assert.equal(badRole.json.error.code, 'bad_request');
      assert.ok(
        badRole.json.error.details.issues.some((i: any) => i.path === 'body.fields.role'),
        badRole.json.error.message,
      );
      const badEvaluation = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/entities`, {
        items: [{ kind: 'person', label: 'Karim Synthetic', evaluation: { source: 'E', accuracy: '9' } }],
      });
      assert.equal(badEvaluation.status, 400);
      assert.match(badEvaluation.json.error.message, /evaluation/);
      const badPhone = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/entities`, {
        items: [{ kind: 'phone', label: 'a phone', identifiers: ['phone:not a number'], evaluation }],
      });
      assert.equal(badPhone.status, 400);
      assert.match(badPhone.json.error.message, /phone:not a number/);
      assert.equal(await opCount(), before, 'refused input changes nothing');

      const added = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/entities`, {
        items: [
          {
            kind: 'person',
            label: 'Karim Synthetic',
            aliases: ['كريم', 'کریم'],
            role: 'organiser',
            identifiers: ['phone:+212 661 000001', 'passport:MA:ab 12345'],
            evaluation,
            synthetic: true,
          },
          {
            kind: 'person',
            label: 'Sidi Synthetic',
            role: 'facilitator',
            evaluation: { source: 'C', accuracy: '3' },
          },
        ],
      });
      assert.equal(added.status, 201, JSON.stringify(added.json));
      [karim, sidi] = added.json.ids;

      const unknownEnd = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/links`, {
        items: [{ from: karim, to: '019ad2a0-1c00-7000-8000-000000000999', type: 'paid', evaluation }],
      });
      assert.equal(unknownEnd.status, 400);
      assert.ok(unknownEnd.json.error.details.issues.some((i: any) => i.path === 'body.fields.to'));
      const badWeight = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/links`, {
        items: [{ from: karim, to: sidi, type: 'paid', weight: -5, currency: 'EUR', evaluation }],
      });
      assert.equal(badWeight.status, 400);
      assert.ok(badWeight.json.error.details.issues.some((i: any) => i.path === 'body.fields.weight'));
      const badType = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/links`, {
        items: [{ from: karim, to: sidi, type: 'hugged', evaluation }],
      });
      assert.equal(badType.status, 400);
      const link = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/links`, {
        items: [
          {
            from: karim,
            to: sidi,
            type: 'paid',
            at: '2025-01-10',
            weight: 4500,
            currency: 'EUR',
            evaluation,
          },
        ],
      });
      assert.equal(link.status, 201);

      const badDeadline = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/tasks`, {
        items: [{ title: 'Request bank records', owner: 'amina@ma-dgsn', deadline: '31/12/2025' }],
      });
      assert.equal(badDeadline.status, 400);
      assert.ok(badDeadline.json.error.details.issues.some((i: any) => i.path === 'body.fields.deadline'));
      const task = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/tasks`, {
        items: [{ title: 'Request bank records', owner: 'amina@ma-dgsn', deadline: '2025-12-31' }],
      });
      assert.equal(task.status, 201);
      const done = await apiCall(a, t.amina!, 'PATCH', `/cases/${caseId}/items/tasks/${task.json.ids[0]}`, {
        fields: { status: 'finished' },
      });
      assert.equal(done.status, 400);
      const event = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/events`, {
        items: [{ at: '2025-01-12', title: 'Departure from Nouadhibou', entityIds: [sidi] }],
      });
      assert.equal(event.status, 201);
      const badEvent = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/events`, {
        items: [{ at: 'last tuesday', title: 'Meeting' }],
      });
      assert.equal(badEvent.status, 400);

      const view = (await apiCall(a, t.amina!, 'GET', `/cases/${caseId}`)).json;
      const k = view.entities.find((e: any) => e.id === karim);
      assert.deepEqual(k.aliases, ['كريم', 'کریم']);
      assert.deepEqual(k.identifiers, ['phone:+212661000001', 'passport:MA:AB12345']);
      assert.equal(k.provenance.officer, 'amina');
      assert.equal(view.links.length, 1);
      assert.equal(view.links[0].weight, 4500);
      assert.equal(view.tasks[0].status, 'open');
      assert.equal(view.events[0].title, 'Departure from Nouadhibou');

      // A non-member learns nothing, whatever the form.
      for (const [collection, item] of [
        ['entities', { kind: 'person', label: 'X', evaluation }],
        ['tasks', { title: 'X', owner: 'x' }],
      ] as const) {
        const r = await apiCall(a, t.outsiderA!, 'POST', `/cases/${caseId}/items/${collection}`, {
          items: [item],
        });
        assert.equal(r.status, 404);
        assert.equal(r.json.error.code, 'not_found');
      }
      const edit = await apiCall(a, t.outsiderA!, 'PATCH', `/cases/${caseId}/items/entities/${karim}`, {
        fields: { label: 'Changed' },
      });
      assert.equal(edit.status, 404);
    });

    test('members: an unknown user is refused, a member is added and removed, a non-member cannot', async () => {
      const unknown = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/members`, { username: 'nobody' });
      assert.equal(unknown.status, 400);
      assert.match(unknown.json.error.message, /No user nobody/);
      const byOutsider = await apiCall(a, t.outsiderA!, 'POST', `/cases/${caseId}/members`, {
        username: 'nadia',
      });
      assert.equal(byOutsider.status, 404);
      const added = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/members`, { username: 'omar' });
      assert.equal(added.status, 200);
      assert.ok(added.json.members.some((m: any) => m.username === 'omar'));
      assert.equal((await apiCall(a, t.omar!, 'GET', `/cases/${caseId}`)).status, 200);
      const removed = await apiCall(a, t.amina!, 'DELETE', `/cases/${caseId}/members/omar`);
      assert.equal(removed.status, 204);
      assert.equal((await apiCall(a, t.omar!, 'GET', `/cases/${caseId}`)).status, 404);
    });

    test('a linked incident must exist and be visible; its label is kept with the link', async () => {
      const incident = await apiCall(a, t.amina!, 'POST', '/incidents', {
        type: 'shipwreck',
        date: '2025-01-15',
        place: 'Off Dakhla (synthetic)',
      });
      assert.equal(incident.status, 201, JSON.stringify(incident.json));
      const missing = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/references`, {
        items: [{ kind: 'incident', refId: '019ad2a0-1c00-7000-8000-0000000000ff' }],
      });
      assert.equal(missing.status, 404);
      assert.match(missing.json.error.message, /incident/i);
      const forged = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/references`, {
        items: [{ kind: 'incident', refId: incident.json.id, label: 'Something else' }],
      });
      assert.equal(forged.status, 400);
      const linked = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/references`, {
        items: [{ kind: 'incident', refId: incident.json.id, note: 'The shipwreck of the case' }],
      });
      assert.equal(linked.status, 201, JSON.stringify(linked.json));
      const view = (await apiCall(a, t.amina!, 'GET', `/cases/${caseId}`)).json;
      const ref = view.references.find((r: any) => r.refId === incident.json.id);
      assert.equal(ref.node, 'ma-dgsn');
      assert.match(ref.label, /Off Dakhla \(synthetic\)/);
      const retarget = await apiCall(a, t.amina!, 'PATCH', `/cases/${caseId}/items/references/${ref.id}`, {
        fields: { refId: '019ad2a0-1c00-7000-8000-0000000000ff' },
      });
      assert.equal(retarget.status, 400);
    });

    test(
      'a document attached on one node is downloaded on the other by a member, never by a non-member',
      { timeout: 120_000 },
      async () => {
        const bidi = await upload(a, t.amina!, caseId, pdf, 'statement\u202Efdp.exe');
        assert.equal(bidi.status, 400);
        assert.equal(bidi.json.error.code, 'invalid_text');
        const tooBig = await upload(
          a,
          t.amina!,
          caseId,
          Buffer.concat([pdf, Buffer.alloc(1024 * 1024)]),
          'big.pdf',
        );
        assert.equal(tooBig.status, 413);
        const notPdf = await apiCall(
          a,
          t.amina!,
          'POST',
          `/cases/${caseId}/documents?title=x`,
          Buffer.from('MZ\x90\x00 binary'),
          {
            'content-type': 'application/pdf',
            'x-filename': 'x.pdf',
          },
        );
        assert.equal(notPdf.status, 415);
        const lower = await upload(a, t.amina!, caseId, pdf, 'statement.pdf', '&handlingCode=H0');
        assert.equal(lower.status, 400, 'a document is handled at least as strictly as its case');
        const byOutsider = await upload(a, t.outsiderA!, caseId, pdf, 'statement.pdf');
        assert.equal(byOutsider.status, 404);

        const attached = await upload(a, t.amina!, caseId, pdf, 'témoignage شهادة.pdf', '&handlingCode=H2');
        assert.equal(attached.status, 201, JSON.stringify(attached.json));
        const docId = attached.json.id;
        const doc = attached.json.case.documents.find((d: any) => d.id === docId);
        assert.deepEqual(doc.file, {
          name: 'témoignage شهادة.pdf',
          mediaType: 'application/pdf',
          size: pdf.length,
          sha256: sha256(pdf),
        });
        assert.equal(doc.handlingCode, 'H2');
        // Stored encrypted: the plaintext is nowhere in the vault.
        const dir = join(a.ctx.config.dataDir, 'attachments');
        const marker = Buffer.from('Synthetic witness statement');
        assert.ok(readdirSync(dir).every((f) => !readFileSync(join(dir, f)).includes(marker)));

        const local = await apiCall(a, t.amina!, 'GET', `/cases/${caseId}/documents/${docId}`);
        assert.equal(local.status, 200);
        assert.deepEqual(Buffer.from(local.bytes), pdf);
        assert.equal(local.headers.get('x-handling-code'), 'H2');
        assert.match(local.headers.get('content-disposition')!, /filename\*=UTF-8''t%C3%A9moignage/);

        // Shared after the attachment: the file follows the log.
        const shared = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/partners`, { partner: 'pk-fia' });
        assert.equal(shared.status, 200, JSON.stringify(shared.json));
        await waitFor(
          async () =>
            (await apiCall(b, t.bilal!, 'GET', '/cases/unassigned')).json.cases.some(
              (c: any) => c.id === caseId,
            ),
          30_000,
          'the shared case at the partner',
        );
        assert.equal(
          (await apiCall(b, t.bilal!, 'POST', `/cases/${caseId}/assign`, { members: ['sana'] })).status,
          200,
        );
        await waitFor(
          async () =>
            (await apiCall(b, t.sana!, 'GET', `/cases/${caseId}/documents/${docId}`)).status === 200,
          30_000,
          'the document at the partner',
        );
        const remote = await apiCall(b, t.sana!, 'GET', `/cases/${caseId}/documents/${docId}`);
        assert.deepEqual(Buffer.from(remote.bytes), pdf);
        assert.equal(remote.headers.get('x-handling-code'), 'H2');
        assert.equal(remote.headers.get('content-type'), 'application/pdf');

        // A non-member of the partner: 404, exactly as for a case that does not exist, and audited.
        const denied = await apiCall(b, t.outsiderB!, 'GET', `/cases/${caseId}/documents/${docId}`);
        const unknownCase = await apiCall(
          b,
          t.outsiderB!,
          'GET',
          `/cases/019ad2a0-1c00-7000-8000-00000000dead/documents/${docId}`,
        );
        assert.equal(denied.status, 404);
        assert.deepEqual(denied.json, unknownCase.json);
        const auditB = await listAuditEntries(b.ctx.db);
        assert.ok(
          auditB.some(
            (e) =>
              e.action === 'access.denied' && e.actor.includes('imran') && e.subject === `case:${caseId}`,
          ),
        );
        assert.ok(auditB.some((e) => e.action === 'case.document.read' && e.actor.includes('sana')));
        assert.ok(auditB.some((e) => e.action === 'case.document_in'));

        // Attached on the partner's side, it reaches the owner.
        const fromB = await upload(b, t.sana!, caseId, pdf, 'second.pdf');
        assert.equal(fromB.status, 201, JSON.stringify(fromB.json));
        await waitFor(
          async () =>
            (await apiCall(a, t.amina!, 'GET', `/cases/${caseId}/documents/${fromB.json.id}`)).status === 200,
          30_000,
          "the partner's document at the owner",
        );
        const atA = await apiCall(a, t.amina!, 'GET', `/cases/${caseId}/documents/${fromB.json.id}`);
        assert.deepEqual(Buffer.from(atA.bytes), pdf);
        assert.equal(
          atA.headers.get('x-handling-code'),
          'H1',
          "a document takes the case's handling code by default",
        );
        assert.equal(
          (await apiCall(a, t.outsiderA!, 'GET', `/cases/${caseId}/documents/${fromB.json.id}`)).status,
          404,
        );

        // The CLI lists the documents with their handling codes.
        const cwd = mkdtempSync(join(tmpdir(), 'passerelle-case-docs-'));
        const show = await runCli(a, t.amina!, ['case', 'show', caseId], cwd);
        rmSync(cwd, { recursive: true, force: true });
        assert.equal(show.code, 0, show.err);
        assert.match(show.out, /Documents:\n {2}H2 Witness statement — témoignage شهادة\.pdf, \d+ bytes/);
        assert.match(show.out, /Linked records:\n {2}incident .* — .*Off Dakhla \(synthetic\)/);

        // A removed document is gone for everybody.
        assert.equal(
          (await apiCall(a, t.amina!, 'DELETE', `/cases/${caseId}/items/documents/${docId}`)).status,
          204,
        );
        assert.equal((await apiCall(a, t.amina!, 'GET', `/cases/${caseId}/documents/${docId}`)).status, 404);
        // A forged file description through the item API is refused.
        const forged = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/items/documents`, {
          items: [
            {
              title: 'Forged',
              file: { name: 'x.pdf', mediaType: 'application/pdf', size: 1, sha256: sha256(pdf) },
            },
          ],
        });
        assert.equal(forged.status, 400);
      },
    );

    /** Where a node keeps the encrypted file of a document, while it holds one. */
    async function storedFile(node: TestNode, documentId: string): Promise<string | null> {
      const row = await node.ctx.db
        .selectFrom('case_documents')
        .select('storage_id')
        .where('case_id', '=', caseId)
        .where('document_id', '=', documentId)
        .executeTakeFirst();
      return row ? join(node.ctx.config.dataDir, 'attachments', row.storage_id) : null;
    }

    async function tombstones(node: TestNode, documentId: string) {
      return node.ctx.db
        .selectFrom('case_document_tombstones')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('document_id', '=', documentId)
        .execute();
    }

    async function attachAndWaitAtPartner(name: string): Promise<{ id: string; atA: string; atB: string }> {
      const attached = await upload(a, t.amina!, caseId, pdf, name);
      assert.equal(attached.status, 201, JSON.stringify(attached.json));
      const id = attached.json.id as string;
      await waitFor(
        async () => (await apiCall(b, t.sana!, 'GET', `/cases/${caseId}/documents/${id}`)).status === 200,
        30_000,
        `${name} at the partner`,
      );
      const atA = await storedFile(a, id);
      const atB = await storedFile(b, id);
      assert.ok(atA && existsSync(atA), 'the owner holds the file');
      assert.ok(atB && existsSync(atB), 'the partner holds its own copy');
      return { id, atA, atB };
    }

    test(
      'removing a document deletes its file on both nodes, leaves tombstones, and the download answers 404',
      { timeout: 120_000 },
      async () => {
        // Removed by the owner: the removal reaches the partner through the case's operations.
        const first = await attachAndWaitAtPartner('removed-by-owner.pdf');
        const removed = await apiCall(a, t.amina!, 'DELETE', `/cases/${caseId}/items/documents/${first.id}`);
        assert.equal(removed.status, 204);
        // The row (with the file's wrapped key) goes with the removal; the file once it committed.
        assert.equal(await storedFile(a, first.id), null, "the owner's row (with the wrapped key) is gone");
        await waitFor(async () => !existsSync(first.atA), 30_000, "the owner's file deleted");
        await waitFor(async () => !existsSync(first.atB), 30_000, "the partner's copy deleted");
        assert.equal(await storedFile(b, first.id), null);
        for (const [label, node, token] of [
          ['owner', a, t.amina!],
          ['partner', b, t.sana!],
        ] as const) {
          const dl = await apiCall(node, token, 'GET', `/cases/${caseId}/documents/${first.id}`);
          assert.equal(dl.status, 404, `${label}: a removed document is not downloadable`);
        }
        const [tombA] = await tombstones(a, first.id);
        assert.equal(tombA?.reason, 'removed');
        assert.match(tombA!.deleted_by, /amina/);
        assert.equal(tombA?.sha256, sha256(pdf));
        const [tombB] = await tombstones(b, first.id);
        assert.equal(tombB?.reason, 'removed');
        assert.equal(tombB?.deleted_by, 'partner:ma-dgsn');
        for (const [label, node] of [
          ['owner', a],
          ['partner', b],
        ] as const) {
          const audit = await listAuditEntries(node.ctx.db);
          assert.ok(
            audit.some(
              (e) =>
                e.action === 'case.document.deleted' &&
                e.subject === `case:${caseId}` &&
                JSON.stringify(e.detail).includes(first.id),
            ),
            `the ${label} audits the deletion`,
          );
        }

        // Removed by the partner: the owner deletes its file too.
        const second = await attachAndWaitAtPartner('removed-by-partner.pdf');
        const byPartner = await apiCall(
          b,
          t.sana!,
          'DELETE',
          `/cases/${caseId}/items/documents/${second.id}`,
        );
        assert.equal(byPartner.status, 204);
        await waitFor(async () => !existsSync(second.atB), 30_000, "the partner's own file deleted");
        await waitFor(async () => !existsSync(second.atA), 30_000, "the owner's copy deleted");
        assert.equal(await storedFile(a, second.id), null);
        assert.equal(
          (await apiCall(a, t.amina!, 'GET', `/cases/${caseId}/documents/${second.id}`)).status,
          404,
        );
        assert.equal((await tombstones(a, second.id))[0]?.deleted_by, 'partner:pk-fia');
      },
    );

    test(
      "withdrawing the partner deletes the partner's copies and sends it no further document",
      { timeout: 120_000 },
      async () => {
        const kept = await attachAndWaitAtPartner('before-withdrawal.pdf');
        const w = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/partners/pk-fia/withdraw`, {
          reason: 'The joint investigation team was closed (synthetic)',
        });
        assert.equal(w.status, 200, JSON.stringify(w.json));
        await waitFor(
          async () => (await apiCall(b, t.sana!, 'GET', `/cases/${caseId}`)).json.withdrawnAt != null,
          30_000,
          'withdrawal at the partner',
        );
        // The partner is no longer a member: its copies of every file are gone, tombstones stay.
        await waitFor(async () => !existsSync(kept.atB), 30_000, "the withdrawn partner's copy deleted");
        const left = await b.ctx.db
          .selectFrom('case_documents')
          .select('document_id')
          .where('case_id', '=', caseId)
          .execute();
        assert.deepEqual(left, [], 'the withdrawn partner holds no file of the case');
        const dl = await apiCall(b, t.sana!, 'GET', `/cases/${caseId}/documents/${kept.id}`);
        assert.equal(dl.status, 404);
        assert.equal((await tombstones(b, kept.id))[0]?.reason, 'withdrawn');
        // The owner keeps its own file.
        assert.ok(existsSync(kept.atA));
        assert.equal(
          (await apiCall(a, t.amina!, 'GET', `/cases/${caseId}/documents/${kept.id}`)).status,
          200,
        );

        // A document attached after the withdrawal is not queued for the withdrawn partner.
        const toPartner = async () =>
          (
            await a.ctx.db
              .selectFrom('outbox')
              .select('id')
              .where('recipient', '=', 'pk-fia')
              .where('type', 'in', ['case.document', 'case.ops'])
              .execute()
          ).map((r) => r.id);
        const before = new Set(await toPartner());
        const after = await upload(a, t.amina!, caseId, pdf, 'after-withdrawal.pdf');
        assert.equal(after.status, 201, JSON.stringify(after.json));
        const queued = (await toPartner()).filter((id) => !before.has(id));
        assert.deepEqual(queued, [], 'nothing of the case goes to the withdrawn partner');
        assert.equal(
          (await apiCall(b, t.sana!, 'GET', `/cases/${caseId}/documents/${after.json.id}`)).status,
          404,
        );
      },
    );
  });
}
