import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
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
  waitFor,
} from './_util.js';

const DAY = 86_400_000;

describe('data-subject requests across scripts (names engine)', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let a: TestNode;
  let b: TestNode;
  let dpoToken: string;
  let liaisonToken: string;
  const ids: Record<string, string> = {};

  const call = (token: string, method: string, path: string, body?: unknown) =>
    apiCall(a, token, method, path, body);

  before(async () => {
    [a, b] = await Promise.all([
      startTestNode({ id: 'ma-dgsn', country: 'MA', clock }),
      startTestNode({ id: 'pk-fia', country: 'PK', clock }),
    ]);
    await pairNodes(a, b);
    await allowSharing(b, 'ma-dgsn');
    for (const [username, role] of [
      ['dalia', 'dpo'],
      ['youssef', 'liaison'],
    ] as const) {
      await a.ctx.governance.createUser(null, {
        username,
        displayName: username,
        password: 'correct horse battery',
        roles: [role],
      });
    }
    dpoToken = (await a.ctx.governance.createToken('dalia', { name: 't' })).token;
    liaisonToken = (await a.ctx.governance.createToken('youssef', { name: 't' })).token;
    // Islamabad sends four messages, each naming one synthetic person.
    const sender = { ...testAdmin, username: 'ayesha', roles: ['liaison' as const] };
    const people: Record<string, Record<string, string>> = {
      arabic: { full: 'محمد طاهر', script: 'Arab', lang: 'ur' },
      latinA: { given: 'Muhammad', family: 'Tahir', script: 'Latn' },
      latinB: { given: 'Mohammed', family: 'Taher', script: 'Latn' },
      decoy: { given: 'Tariq', family: 'Mehmood', script: 'Latn' },
    };
    const now = clock.now().getTime();
    for (const [key, name] of Object.entries(people)) {
      const sent = await b.ctx.exchange.send(sender, {
        recipient: 'ma-dgsn',
        message: {
          type: 'info',
          subject: `Synthetic person ${key}`,
          body: 'A synthetic person seen at the departure point.',
          language: 'en',
          crimeAreas: ['migrant_smuggling'],
          priority: 'routine',
          handlingCode: 'H1',
          tlp: 'AMBER',
          evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
          legalBasis: 'Bilateral security cooperation agreement, art. 3',
          purpose: 'Identify the organisers of the crossing',
          entities: [{ kind: 'person', id: 'p1', role: 'suspect', names: [name], synthetic: true }],
          retentionReviewDate: new Date(now + 365 * DAY).toISOString().slice(0, 10),
        },
      });
      ids[key] = sent.id;
    }
    await waitFor(
      async () =>
        (await a.ctx.db.selectFrom('messages').select('id').where('id', 'in', Object.values(ids)).execute())
          .length === 4,
      20_000,
      'four messages received',
    );
  });
  after(async () => {
    await Promise.all([a?.destroy(), b?.destroy()]);
  });

  test('a search finds the person written in Arabic script and in two Latin spellings, not the other one', async () => {
    const search = { name: { given: 'Mohamed', family: 'Taher' }, reference: 'Request 2026/17 (art. 15)' };
    assert.equal((await call(liaisonToken, 'POST', '/subject-requests/search', search)).status, 403);
    const res = await call(dpoToken, 'POST', '/subject-requests/search', search);
    assert.equal(res.status, 200);
    const report = res.json.report;
    const found = report.hits.map((h: { recordId: string }) => h.recordId).sort();
    assert.deepEqual(found, [ids.arabic, ids.latinA, ids.latinB].sort());
    const arabic = report.hits.find((h: { recordId: string }) => h.recordId === ids.arabic);
    assert.equal(arabic.matchedName.full, 'محمد طاهر');
    assert.equal(arabic.partner, 'pk-fia');
    assert.equal(arabic.handlingCode, 'H1');
    assert.equal(arabic.purpose, 'Identify the organisers of the crossing');
    assert.ok(arabic.score >= 0.8 && arabic.score < 1);
    const audit = await listAuditEntries(a.ctx.db, { action: 'subject.search' });
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.subject, 'subject-request:Request 2026/17 (art. 15)');
  });

  test('erasure removes the person from the record, correction replaces the names; both audited', async () => {
    const erase = await call(dpoToken, 'POST', '/subject-requests/change', {
      module: 'exchange',
      recordId: ids.latinA,
      entityId: 'p1',
      action: 'erase',
      reference: 'Request 2026/17 (art. 17)',
    });
    assert.equal(erase.status, 204);
    const row = await a.ctx.db
      .selectFrom('messages')
      .select('payload')
      .where('id', '=', ids.latinA!)
      .executeTakeFirstOrThrow();
    assert.deepEqual((row.payload as { entities: unknown[] }).entities, []);
    const correct = await call(dpoToken, 'POST', '/subject-requests/change', {
      module: 'exchange',
      recordId: ids.latinB,
      entityId: 'p1',
      action: 'correct',
      names: [{ given: 'Mohammad', family: 'Taher', script: 'Latn' }],
      reference: 'Request 2026/17 (art. 16)',
    });
    assert.equal(correct.status, 204);
    const again = await call(dpoToken, 'POST', '/subject-requests/search', {
      name: { given: 'Mohamed', family: 'Taher' },
      reference: 'Request 2026/17 (check)',
    });
    const hits = again.json.report.hits as Array<{ recordId: string; names: Array<{ given?: string }> }>;
    assert.deepEqual(hits.map((h) => h.recordId).sort(), [ids.arabic, ids.latinB].sort());
    assert.equal(hits.find((h) => h.recordId === ids.latinB)?.names[0]?.given, 'Mohammad');
    const tombstones = await listAuditEntries(a.ctx.db, { action: 'subject.erase' });
    assert.equal(tombstones[0]?.subject, `exchange:${ids.latinA}#p1`);
    assert.equal((await listAuditEntries(a.ctx.db, { action: 'subject.correct' })).length, 1);
    const missing = await call(dpoToken, 'POST', '/subject-requests/change', {
      module: 'exchange',
      recordId: ids.latinA,
      entityId: 'p1',
      action: 'erase',
      reference: 'again',
    });
    assert.equal(missing.status, 404);
  });

  test('CLI: passerelle dpo subject prints the report (--json)', async () => {
    const out = new PassThrough();
    let stdout = '';
    out.on('data', (d) => {
      stdout += d;
    });
    const code = await main(
      ['dpo', 'subject', '--given', 'Mohamed', '--family', 'Taher', '--reference', 'CLI check', '--json'],
      {
        stdout: out,
        stderr: new PassThrough(),
        env: { PASSERELLE_URL: a.url, PASSERELLE_TOKEN: dpoToken },
        cwd: process.cwd(),
      },
    );
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).report.hits.length, 2);
  });
});
