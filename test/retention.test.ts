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
