import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { main } from '../src/cli/main.js';
import { listAuditEntries, ManualClock } from '../src/platform/index.js';
import {
  allowSharing,
  apiCall,
  pairNodes,
  startTestNode,
  type TestNode,
  testAdmin,
  testEngines,
  tokenForNewUser,
  waitFor,
} from './_util.js';

const DAY = 86_400_000;

for (const engine of await testEngines()) {
  describe(`retention: due list, extension, purge everywhere, provider told (${engine})`, () => {
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    let a: TestNode;
    let b: TestNode;
    let dpoToken: string;
    let dpo: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>;
    const ids: Record<string, string> = {};
    let fileId: string;

    before(async () => {
      [a, b] = await Promise.all([
        startTestNode({ id: 'ma-dgsn', country: 'MA', engine, clock }),
        startTestNode({ id: 'pk-fia', country: 'PK', engine, clock }),
      ]);
      await pairNodes(a, b);
      await allowSharing(a, 'pk-fia');
      await b.ctx.governance.createUser(null, {
        username: 'dina',
        displayName: 'Dina',
        password: 'correct horse battery',
        roles: ['dpo'],
      });
      const { token } = await b.ctx.governance.createToken('dina', { name: 't' });
      dpoToken = token;
      dpo = (method, path, body) => apiCall(b, token, method, path, body);
      const alice = { ...testAdmin, username: 'alice', roles: ['liaison' as const] };
      const today = clock.now().toISOString().slice(0, 10);
      for (const [key, legalBasis, review] of [
        ['short', 'Agreement art. 3', today],
        ['kept', 'Agreement art. 3', today],
        [
          'ruled',
          'Court order 2026/4',
          new Date(clock.now().getTime() + 400 * DAY).toISOString().slice(0, 10),
        ],
        ['later', 'Agreement art. 3', new Date(clock.now().getTime() + 400 * DAY).toISOString().slice(0, 10)],
      ] as const) {
        const attachmentIds: string[] = [];
        if (key === 'short') {
          const file = await a.ctx.exchange.uploadAttachment(alice, {
            body: Readable.from([Buffer.from('synthetic crew list\n')]),
            name: 'crew.txt',
            mediaType: 'text/plain',
          });
          attachmentIds.push(file.id);
          fileId = file.id;
        }
        const sent = await a.ctx.exchange.send(alice, {
          recipient: 'pk-fia',
          message: {
            type: 'info',
            subject: `Synthetic ${key}`,
            body: 'Synthetic information.',
            language: 'en',
            crimeAreas: ['migrant_smuggling'],
            priority: 'routine',
            handlingCode: 'H1',
            tlp: 'AMBER',
            evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
            legalBasis,
            purpose: 'Retention test',
            retentionReviewDate: review,
            attachmentIds,
          },
        });
        ids[key] = sent.id;
      }
      await waitFor(
        async () =>
          (
            await b.ctx.db
              .selectFrom('attachments')
              .select('status')
              .where('id', '=', fileId)
              .where('status', '=', 'stored')
              .execute()
          ).length === 1,
        20_000,
        'attachment fetched by pk-fia',
      );
      await waitFor(
        async () =>
          (await b.ctx.db.selectFrom('messages').select('id').where('id', 'in', Object.values(ids)).execute())
            .length === 4,
        20_000,
        'four messages at pk-fia',
      );
    });
    after(async () => {
      await Promise.all([a?.destroy(), b?.destroy()]);
    });

    test('the scan lists what is due by its own date or by the period of its legal basis', async () => {
      assert.equal(
        (
          await dpo('PUT', '/retention/rules', {
            recordType: 'message',
            legalBasis: 'Court order 2026/4',
            reviewAfterDays: 3,
          })
        ).status,
        204,
      );
      clock.advance(4 * DAY);
      const scan = await dpo('POST', '/retention/scan', {});
      assert.equal(scan.status, 200, JSON.stringify(scan.json));
      assert.equal(scan.json.listed, 3);
      const due = await dpo('GET', '/retention/due');
      assert.deepEqual(
        due.json.messages.map((m: { id: string }) => m.id).sort(),
        [ids.short, ids.kept, ids.ruled].sort(),
      );
      assert.equal((await dpo('POST', '/retention/scan', {})).json.listed, 0, 'listing twice adds nothing');
      const cards = (await dpo('GET', '/dashboard')).json.cards as Array<{ id: string; value: number }>;
      assert.equal(cards.find((c) => c.id === 'retentionDue')?.value, 3);
    });

    test('the DPO extends one with a reason; it leaves the list until its new date', async () => {
      const until = new Date(clock.now().getTime() + 90 * DAY).toISOString().slice(0, 10);
      assert.equal(
        (await dpo('POST', `/retention/${ids.kept}/extend`, { until, reason: 'Investigation still open' }))
          .status,
        204,
      );
      const out = new PassThrough();
      let stdout = '';
      out.on('data', (d) => {
        stdout += d;
      });
      const code = await main(['dpo', 'retention', '--json'], {
        stdout: out,
        stderr: new PassThrough(),
        env: { PASSERELLE_URL: b.url, PASSERELLE_TOKEN: dpoToken },
        cwd: process.cwd(),
      });
      assert.equal(code, 0);
      const due = { json: JSON.parse(stdout) };
      assert.equal(due.json.messages.length, 2);
      assert.ok(!due.json.messages.some((m: { id: string }) => m.id === ids.kept));
      assert.equal((await dpo('POST', '/retention/scan', {})).json.listed, 0);
      const audit = await listAuditEntries(b.ctx.db, { action: 'retention.extend' });
      assert.equal((audit[0]?.detail as { reason: string }).reason, 'Investigation still open');
    });

    test('a purge removes the message, its file on disk and its attachment row, keeps a tombstone and tells the provider', async () => {
      const path = join(b.dataDir, 'attachments', fileId);
      assert.ok(existsSync(path), 'the received file is on disk');
      assert.equal(
        (await dpo('POST', `/retention/${ids.short}/purge`, { reason: 'Review date passed' })).status,
        204,
      );
      assert.equal(
        await b.ctx.db.selectFrom('messages').select('id').where('id', '=', ids.short!).executeTakeFirst(),
        undefined,
      );
      assert.equal(
        await b.ctx.db.selectFrom('attachments').select('id').where('id', '=', fileId).executeTakeFirst(),
        undefined,
      );
      assert.equal(existsSync(path), false, 'the file is gone');
      const tomb = await listAuditEntries(b.ctx.db, {
        action: 'retention.purge',
        subject: `message:${ids.short}`,
      });
      const detail = tomb[0]?.detail as {
        tombstone: { partner: string; attachments: string[]; payloadSha256: string };
      };
      assert.equal(detail.tombstone.partner, 'ma-dgsn');
      assert.deepEqual(detail.tombstone.attachments, [fileId]);
      assert.match(detail.tombstone.payloadSha256, /^[0-9a-f]{64}$/);
      assert.ok(!JSON.stringify(tomb[0]).includes('Synthetic short'), 'the tombstone holds no content');
      // The provider learns its data was deleted.
      await waitFor(
        async () =>
          (
            await a.ctx.db
              .selectFrom('messages')
              .select('partner_deleted_at')
              .where('id', '=', ids.short!)
              .executeTakeFirstOrThrow()
          ).partner_deleted_at !== null,
        15_000,
        'retention.deleted at the provider',
      );
      assert.equal((await listAuditEntries(a.ctx.db, { action: 'retention.partner_deleted' })).length, 1);
      assert.equal((await dpo('POST', `/retention/${ids.short}/purge`, { reason: 'again' })).status, 404);
    });
  });
}

// Case documents follow the same rules: the `case_document` rule of the case's legal basis sets
// the review date, the DPO keeps one longer with a reason or purges it, and a purge deletes the
// file on every node of the case (the removal travels with the case's operations).
for (const engine of await testEngines()) {
  describe(`retention of case documents: due, extended, purged on both nodes (${engine})`, () => {
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    const legalBasis = 'Agreement art. 5 (synthetic)';
    const pdf = Buffer.from(
      '%PDF-1.4\n% Synthetic statement [SYNTHETIC DEMO]\ntrailer<<>>\n%%EOF\n',
      'latin1',
    );
    let a: TestNode;
    let b: TestNode;
    const t: Record<string, string> = {};
    let caseId: string;
    const docs: string[] = [];

    const storedFile = async (node: TestNode, documentId: string) => {
      const row = await node.ctx.db
        .selectFrom('case_documents')
        .select('storage_id')
        .where('document_id', '=', documentId)
        .executeTakeFirst();
      return row ? join(node.ctx.config.dataDir, 'attachments', row.storage_id) : null;
    };

    before(async () => {
      [a, b] = await Promise.all([
        startTestNode({ id: 'ma-dgsn', country: 'MA', engine, clock }),
        startTestNode({ id: 'pk-fia', country: 'PK', engine, clock }),
      ]);
      await pairNodes(a, b);
      await allowSharing(a, 'pk-fia');
      await allowSharing(b, 'ma-dgsn');
      t.amina = await tokenForNewUser(a, 'amina', ['analyst']);
      t.bilal = await tokenForNewUser(b, 'bilal', ['liaison']);
      t.sana = await tokenForNewUser(b, 'sana', ['analyst']);
      t.dina = await tokenForNewUser(b, 'dina', ['dpo']);
      const created = await apiCall(a, t.amina!, 'POST', '/cases', {
        title: 'Retention of documents (synthetic)',
        crimeAreas: ['migrant_smuggling'],
        legalBasis,
        handlingCode: 'H1',
      });
      assert.equal(created.status, 201, JSON.stringify(created.json));
      caseId = created.json.id;
      for (const name of ['kept.pdf', 'purged.pdf']) {
        const up = await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/documents?title=${name}`, pdf, {
          'content-type': 'application/pdf',
          'x-filename': name,
        });
        assert.equal(up.status, 201, JSON.stringify(up.json));
        docs.push(up.json.id);
      }
      assert.equal(
        (await apiCall(a, t.amina!, 'POST', `/cases/${caseId}/partners`, { partner: 'pk-fia' })).status,
        200,
      );
      await waitFor(
        async () =>
          (await apiCall(b, t.bilal!, 'GET', '/cases/unassigned')).json.cases?.some(
            (c: any) => c.id === caseId,
          ),
        30_000,
        'the shared case at the partner',
      );
      assert.equal(
        (await apiCall(b, t.bilal!, 'POST', `/cases/${caseId}/assign`, { members: ['sana'] })).status,
        200,
      );
      for (const id of docs) {
        await waitFor(
          async () => (await apiCall(b, t.sana!, 'GET', `/cases/${caseId}/documents/${id}`)).status === 200,
          30_000,
          'the documents at the partner',
        );
      }
    });
    after(async () => {
      await Promise.all([a?.destroy(), b?.destroy()]);
    });

    test(
      'due under the case legal basis, extended with a reason, purged from both nodes',
      { timeout: 120_000 },
      async () => {
        const dpo = (method: string, path: string, body?: unknown) => apiCall(b, t.dina!, method, path, body);
        // The one due list of the DPO: case documents beside messages and DVI records.
        const dueDocuments = async () =>
          (await dpo('GET', '/retention/due')).json.messages.filter((m: any) => m.type === 'case_document');
        assert.equal(
          (
            await dpo('PUT', '/retention/rules', {
              recordType: 'case_document',
              legalBasis,
              reviewAfterDays: 1,
            })
          ).status,
          204,
        );
        await dpo('POST', '/retention/scan', {});
        assert.deepEqual(await dueDocuments(), [], 'nothing due yet');
        assert.equal((await apiCall(b, t.sana!, 'GET', '/retention/due')).status, 403);

        clock.advance(2 * DAY);
        const scan = await dpo('POST', '/retention/scan', {});
        assert.equal(scan.json.listed, 2);
        const due = await dueDocuments();
        assert.deepEqual(due.map((d: any) => d.id).sort(), [...docs].sort());
        assert.ok(
          due.every(
            (d: any) =>
              d.legalBasis === legalBasis &&
              d.direction === 'in' &&
              d.partner === 'ma-dgsn' &&
              d.handlingCode === 'H1' &&
              d.subject.includes(caseId),
          ),
          JSON.stringify(due),
        );
        assert.ok(
          due.every((d: any) => !d.subject.includes('.pdf') && !('name' in d)),
          'the due list does not show file names',
        );
        // `passerelle dpo retention --json` shows the same rows.
        const cliOut = new PassThrough();
        let stdout = '';
        cliOut.on('data', (d) => {
          stdout += d;
        });
        const code = await main(['dpo', 'retention', '--json'], {
          stdout: cliOut,
          stderr: new PassThrough(),
          env: { PASSERELLE_URL: b.url, PASSERELLE_TOKEN: t.dina! },
          cwd: process.cwd(),
        });
        assert.equal(code, 0);
        assert.deepEqual(
          JSON.parse(stdout)
            .messages.filter((m: any) => m.type === 'case_document')
            .map((m: any) => m.id)
            .sort(),
          [...docs].sort(),
        );

        const [kept, purged] = docs as [string, string];
        const until = new Date(clock.now().getTime() + 90 * DAY).toISOString().slice(0, 10);
        const past = await dpo('POST', `/retention/${kept}/extend`, {
          until: '2020-01-01',
          reason: 'Investigation still open',
        });
        assert.equal(past.status, 400);
        assert.equal(
          (
            await dpo('POST', `/retention/${kept}/extend`, {
              until,
              reason: 'Investigation still open',
            })
          ).status,
          204,
        );
        assert.deepEqual(
          (await dueDocuments()).map((d: any) => d.id),
          [purged],
        );
        assert.equal(
          (await dpo('POST', '/retention/scan', {})).json.listed,
          0,
          'an extended document is not listed again',
        );

        const atA = await storedFile(a, purged);
        const atB = await storedFile(b, purged);
        assert.ok(atA && existsSync(atA) && atB && existsSync(atB));
        const short = await dpo('POST', `/retention/${purged}/purge`, { reason: 'x' });
        assert.equal(short.status, 400, 'a purge needs a reason');
        assert.equal(
          (await dpo('POST', `/retention/${purged}/purge`, { reason: 'Review date passed' })).status,
          204,
        );
        assert.equal(await storedFile(b, purged), null);
        await waitFor(async () => !existsSync(atB), 15_000, 'the file deleted at the purging node');
        await waitFor(async () => !existsSync(atA), 30_000, 'the file deleted at the providing node');
        assert.equal(await storedFile(a, purged), null);
        assert.equal((await apiCall(b, t.sana!, 'GET', `/cases/${caseId}/documents/${purged}`)).status, 404);
        assert.equal((await apiCall(a, t.amina!, 'GET', `/cases/${caseId}/documents/${purged}`)).status, 404);
        assert.deepEqual(await dueDocuments(), []);
        const tomb = await b.ctx.db
          .selectFrom('case_document_tombstones')
          .selectAll()
          .where('document_id', '=', purged)
          .execute();
        assert.equal(tomb[0]?.reason, 'retention');
        const audit = await listAuditEntries(b.ctx.db, { action: 'retention.purge' });
        assert.ok(audit.some((e) => e.subject === `case-document:${purged}`));
        // The kept document is untouched on both nodes.
        assert.equal((await apiCall(b, t.sana!, 'GET', `/cases/${caseId}/documents/${kept}`)).status, 200);
        assert.equal((await apiCall(a, t.amina!, 'GET', `/cases/${caseId}/documents/${kept}`)).status, 200);
        assert.equal(
          (await dpo('POST', `/retention/${purged}/purge`, { reason: 'again, twice' })).status,
          404,
        );
      },
    );
  });
}
