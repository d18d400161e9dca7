import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bundledDataPath, listAuditEntries, readBundledData } from '../src/platform/index.js';
import { allowSharing, pairNodes, runCli, startTestNode, type TestNode, tokenForNewUser } from './_util.js';

describe('screening through the API and the CLI', () => {
  let ma: TestNode;
  let pk: TestNode;
  let adminToken: string;
  let officerToken: string;
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-screen-'));

  before(async () => {
    ma = await startTestNode({ id: 'ma-dgsn', country: 'MA' });
    pk = await startTestNode({ id: 'pk-fia', country: 'PK' });
    await pairNodes(ma, pk);
    // The DPO's standing policy: outgoing personal data is reviewed in test/outgoing-review.
    await allowSharing(pk, 'ma-dgsn');
    adminToken = await tokenForNewUser(ma, 'ada', ['admin']);
    officerToken = await tokenForNewUser(ma, 'omar', ['liaison']);
  });
  after(async () => {
    await ma?.destroy();
    await pk?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  test('passerelle list import / versions / diff: two versions and what changed', async () => {
    const first = await runCli(
      ma,
      adminToken,
      ['list', 'import', bundledDataPath('un-consolidated-2020-11-24.xml')],
      dir,
    );
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /713 individuals, 305 entities/);
    // An officer may not import; the refusal names the permission.
    const denied = await runCli(
      ma,
      officerToken,
      ['list', 'import', bundledDataPath('un-consolidated-2024-09-26.xml')],
      dir,
    );
    assert.equal(denied.code, 2);
    assert.match(denied.err, /screening\.manage/);
    const second = await runCli(
      ma,
      adminToken,
      ['list', 'import', bundledDataPath('un-consolidated-2024-09-26.xml'), '--json'],
      dir,
    );
    assert.equal(second.code, 0, second.err);
    const imported = JSON.parse(second.out);
    assert.equal(imported.list.individuals, 682);
    assert.ok(imported.diff.added > 0 && imported.diff.removed > 0 && imported.diff.amended > 0);
    const diff = await runCli(ma, officerToken, ['list', 'diff', '--json'], dir);
    assert.equal(diff.code, 0, diff.err);
    assert.deepEqual(JSON.parse(diff.out).changes, imported.diff.changes);
    // A truncated file is refused with the reason; the 2024 version stays active.
    const cut = join(dir, 'cut.xml');
    writeFileSync(cut, readBundledData('un-consolidated-2024-09-26.xml').subarray(0, 500_000));
    const refused = await runCli(ma, adminToken, ['list', 'import', cut], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /The list was refused: Not well-formed XML at line \d+/);
    const versions = await runCli(ma, officerToken, ['list', 'versions', '--json'], dir);
    const lists = JSON.parse(versions.out).lists;
    assert.equal(lists.length, 2);
    assert.equal(lists.find((l: { active: boolean }) => l.active).id, imported.list.id);
  });

  test('passerelle screen --json: ranked candidates with reference number, matched name, score, checks', async () => {
    const noPurpose = await runCli(ma, officerToken, ['screen', 'Hamza Osama Mohammed Bin Ladin'], dir);
    assert.equal(noPurpose.code, 2);
    const r = await runCli(
      ma,
      officerToken,
      [
        'screen',
        'حمزة أسامة محمد بن لادن',
        '--birth',
        '1989',
        '--purpose',
        'Test of the screening CLI',
        '--json',
      ],
      dir,
    );
    assert.equal(r.code, 0, r.err);
    const [first] = JSON.parse(r.out);
    const top = first.candidates[0];
    assert.equal(top.referenceNumber, 'QDi.421');
    assert.equal(top.level, 'confident');
    assert.equal(top.matchedSource, 'original_script');
    assert.equal(top.birth.status, 'agree');
    assert.ok(top.score >= 0.85);
    const text = await runCli(
      ma,
      officerToken,
      ['screen', 'Amir Ali Chowdhury', '--birth', '1986', '--purpose', 'x-check'],
      dir,
    );
    assert.equal(text.code, 3);
    assert.match(text.out, /confident .* QDi\.312 +AAMIR ALI CHAUDHRY/);
    const audit = await listAuditEntries(ma.ctx.db, { action: 'screening.run', actor: 'user:omar' });
    assert.equal(audit.length, 2);
    assert.equal(audit[1]!.detail.purpose, 'Test of the screening CLI');
  });

  test('passerelle screen --csv: a batch with progress and a result file', async () => {
    const input = join(dir, 'people.csv');
    writeFileSync(
      input,
      'ref,name,birth_date,nationality\nA1,Amir Ali Chowdhury,1986,PK\nA2,Synthetic Nobody Qwzx,1999,FR\n',
    );
    const r = await runCli(
      ma,
      officerToken,
      ['screen', '--csv', 'people.csv', '--purpose', 'Manifest check', '--out', 'out.csv'],
      dir,
    );
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /screened 2\/2: 1 confident, 0 to review/);
    const lines = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\r\n');
    assert.equal(lines.length, 3);
    assert.match(lines[1]!, /^2,A1,.*,confident,.*,QDi\.312,/);
    assert.match(lines[2]!, /^3,A2,.*,none,/);
  });

  test('a person named in a partner message is flagged for the officer, never acted on', async () => {
    const pkToken = await tokenForNewUser(pk, 'pk-officer', ['liaison']);
    const today = new Date();
    const res = await fetch(`${pk.url}/api/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pkToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        recipient: 'ma-dgsn',
        message: {
          type: 'info',
          subject: 'Synthetic test: passenger list',
          body: 'Synthetic test message.',
          language: 'en',
          crimeAreas: ['terrorism'],
          priority: 'high',
          handlingCode: 'H0',
          tlp: 'AMBER',
          evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
          legalBasis: 'Test',
          purpose: 'Test',
          retentionReviewDate: new Date(today.getTime() + 86_400_000 * 30).toISOString().slice(0, 10),
          entities: [
            {
              kind: 'person',
              id: 'p1',
              role: 'other',
              names: [{ full: 'Amir Ali Chowdhury', script: 'Latn' }],
              datesOfBirth: ['1986'],
              nationalities: ['PK'],
              synthetic: true,
            },
            {
              kind: 'person',
              id: 'p2',
              role: 'victim',
              names: [{ full: 'Aamir Ali Chaudhry', script: 'Latn' }],
              synthetic: true,
            },
          ],
        },
      }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const { message } = (await res.json()) as { message: { id: string } };
    let flags: any[] = [];
    for (let i = 0; i < 100 && flags.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const f = await fetch(`${ma.url}/api/v1/screening/messages/${message.id}/flags`, {
        headers: { authorization: `Bearer ${officerToken}` },
      });
      assert.equal(f.status, 200);
      flags = ((await f.json()) as { flags: any[] }).flags;
    }
    // The victim is never screened; the other person is flagged with the UN reference.
    assert.deepEqual(
      flags.map((f) => [f.entityId, f.level, f.candidates[0]?.referenceNumber]),
      [['p1', 'confident', 'QDi.312']],
    );
    const openapi = (await (await fetch(`${ma.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    for (const p of [
      '/api/v1/screening/screen',
      '/api/v1/screening/lists',
      '/api/v1/screening/batches',
      '/api/v1/screening/messages/{id}/flags',
    ]) {
      assert.ok(openapi.paths[p], p);
    }
  });
});
