import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { bundledDataPath, listAuditEntries, readBundledData } from '../src/platform/index.js';
import {
  allowSharing,
  apiCall,
  pairNodes,
  runCli,
  startTestNode,
  type TestNode,
  tokenForNewUser,
  waitFor,
} from './_util.js';

const api = apiCall;

async function importFile(node: TestNode, token: string, bytes: Uint8Array, gzip: boolean, name: string) {
  const started = await api(
    node,
    token,
    'POST',
    `/incidents/imports?name=${encodeURIComponent(name)}`,
    bytes,
    {
      'content-type': gzip ? 'application/gzip' : 'text/csv',
    },
  );
  assert.equal(started.status, 202, JSON.stringify(started.json));
  let view = started.json;
  await waitFor(
    async () => {
      view = (await api(node, token, 'GET', `/incidents/imports/${started.json.id}`)).json;
      return view.status !== 'running';
    },
    120_000,
    'the import',
  );
  return view;
}

/** The header and the Dakhla row of the bundled Europe-routes file: a one-incident IOM export. */
function dakhlaCsv(): Buffer {
  const text = readBundledData('iom-mmp-europe-2014-2026.csv').toString('utf8');
  const lines = text.split('\n');
  return Buffer.from(`${lines[0]}\n${lines.find((l) => l.startsWith('2025.MMP0019,'))}\n`);
}

const PM_FORM = {
  recoveryPlace: 'Beach 12 km south of Dakhla (synthetic)',
  recoveredAt: '2025-01-17T09:30:00.000Z',
  condition: 'complete',
  sex: 'male',
  ageRange: { min: 25, max: 35 },
  heightCm: { min: 168, max: 176 },
  marks: ['scar, left forearm'],
  clothing: ['blue tracksuit'],
  documents: [{ kind: 'identity card', names: ['Mohammad Asif Iqbal'] }],
  samples: [
    {
      kind: 'dna',
      reference: 'MA-DNA-SYN-001',
      custody: [
        { at: '2025-01-17T12:00:00.000Z', from: 'Synthetic pathologist', to: 'Synthetic laboratory' },
      ],
    },
  ],
  storage: 'Synthetic mortuary, drawer 4',
};

const AM_FORM = {
  names: [
    { full: 'Muhammad Asif Iqbal', script: 'Latn' },
    { full: 'محمد آصف اقبال', script: 'Arab', lang: 'ur' },
  ],
  sex: 'male',
  dateOfBirth: '1994-03-02',
  nationality: 'PK',
  heightCm: 172,
  marks: ['scar on left forearm'],
  clothing: ['blue tracksuit'],
  relativesDna: [
    {
      relative: 'Synthetic mother',
      relationship: 'mother',
      reference: 'PK-DNA-REL-SYN-001',
      consent: { given: true, at: '2025-01-25T10:00:00.000Z', form: 'Consent form 7/2025 (synthetic)' },
    },
  ],
  lastSeen: { place: 'Nouadhibou', date: '2025-01-02' },
  family: [
    {
      name: 'Synthetic brother',
      relationship: 'brother',
      contact: '+92 300 0000000 (synthetic)',
      language: 'ur',
    },
  ],
  collectedBy: 'Synthetic FIA DVI interviewer',
  collectedFrom: 'Synthetic mother',
};

describe('incidents: IOM import, DVI records, board, two nodes', () => {
  let ma: TestNode;
  let pk: TestNode;
  let maAdmin: string;
  let maDvi: string;
  let maDvi2: string;
  let maViewer: string;
  let pkDvi: string;
  let pkDpo: string;
  let maIncident: string;
  let pkIncident: string;
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-incidents-'));

  before(async () => {
    ma = await startTestNode({ id: 'ma-dgsn', country: 'MA' });
    pk = await startTestNode({ id: 'pk-fia', country: 'PK' });
    await pairNodes(ma, pk);
    await allowSharing(ma, 'pk-fia');
    maAdmin = await tokenForNewUser(ma, 'ada', ['admin']);
    maDvi = await tokenForNewUser(ma, 'dina', ['dvi']);
    maDvi2 = await tokenForNewUser(ma, 'driss', ['dvi']);
    maViewer = await tokenForNewUser(ma, 'vera', ['viewer']);
    pkDvi = await tokenForNewUser(pk, 'parveen', ['dvi']);
    pkDpo = await tokenForNewUser(pk, 'daud', ['dpo']);
  });
  after(async () => {
    await ma?.destroy();
    await pk?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the bundled Europe-routes IOM file imports whole, its bad rows reported with their line', async () => {
    const bytes = readFileSync(bundledDataPath('iom-mmp-europe-2014-2026.csv'));
    const view = await importFile(ma, maAdmin, bytes, true, 'iom-mmp-europe-2014-2026.csv.gz');
    assert.equal(view.status, 'done', view.failure);
    assert.equal(view.layout, 'europe-curated');
    assert.equal(view.rowsRead, 6802);
    assert.equal(view.errorCount, 6);
    assert.equal(view.created, 6796);
    assert.equal(view.bytesRead, bytes.length);
    const bad = view.errors.map((e: { iomId: string }) => e.iomId).sort();
    assert.deepEqual(bad, [
      '2015.MMP00513',
      '2015.MMP00565',
      '2016.MMP00134',
      '2020.MMP00773',
      '2022.MMP00157',
      '2026.MMP0190',
    ]);
    assert.ok(
      view.errors.every(
        (e: { line: number; message: string }) =>
          e.line > 1 && /is not a count of people: "-\d+"/.test(e.message),
      ),
    );

    const found = await api(ma, maViewer, 'GET', '/incidents?q=2025.MMP0019');
    assert.equal(found.status, 200);
    const dakhla = found.json.incidents.find((i: { iomId: string }) => i.iomId === '2025.MMP0019');
    assert.ok(dakhla);
    assert.equal(dakhla.date, '2025-01-15');
    assert.equal(dakhla.dead, 15);
    assert.equal(dakhla.missing, 35);
    assert.equal(dakhla.survivors, 36);
    assert.deepEqual(dakhla.originCountries, ['Pakistan']);
    assert.equal(dakhla.type, 'shipwreck');
    assert.equal(dakhla.departurePlace, 'Mauritania');
    assert.equal(dakhla.departureDate, '2025-01-02');
    assert.equal(dakhla.route, 'Western Africa / Atlantic route to the Canary Islands');
    assert.ok(Math.abs(dakhla.latitude - 23.607) < 0.001 && Math.abs(dakhla.longitude + 16.874) < 0.001);
    maIncident = dakhla.id;
  });

  test("IOM's own export layout imports; a re-import updates rather than duplicates", async () => {
    const bytes = readFileSync(bundledDataPath('iom-mmp-global-2026-05.csv'));
    const before = (await api(ma, maViewer, 'GET', '/incidents?limit=1')).json.total;
    const first = await importFile(ma, maAdmin, bytes, false, 'iom-mmp-global-2026-05.csv');
    assert.equal(first.layout, 'iom-export');
    assert.equal(first.rowsRead, 238);
    assert.equal(first.errorCount, 2);
    assert.deepEqual(
      first.errors.map((e: { line: number; iomId: string }) => `${e.line}:${e.iomId}`),
      ['162:2026.MMP0149', '197:2026.MMP0190'],
    );
    assert.equal(first.created + first.updated + first.unchanged, 236);
    const middle = (await api(ma, maViewer, 'GET', '/incidents?limit=1')).json.total;
    assert.equal(middle, before + first.created);
    const again = await importFile(ma, maAdmin, bytes, false, 'iom-mmp-global-2026-05.csv');
    assert.equal(again.created, 0);
    assert.equal(again.unchanged, 236);
    assert.equal((await api(ma, maViewer, 'GET', '/incidents?limit=1')).json.total, middle);
    const stats = await api(ma, maViewer, 'GET', '/incidents/stats');
    assert.equal(stats.json.total, middle);
    assert.ok(stats.json.byOrigin.some((o: { key: string }) => o.key === 'Pakistan'));
    assert.ok(
      stats.json.byYear.some((y: { key: string; incidents: number }) => y.key === '2025' && y.incidents > 0),
    );
  });

  test('a file that is not an IOM export fails whole; a wrong media type is refused', async () => {
    const view = await importFile(ma, maAdmin, Buffer.from('name,age\nx,1\n'), false, 'people.csv');
    assert.equal(view.status, 'failed');
    assert.match(view.failure, /not an IOM Missing Migrants export/);
    const wrong = await api(ma, maAdmin, 'POST', '/incidents/imports', new Uint8Array([1, 2]), {
      'content-type': 'application/json',
    });
    assert.equal(wrong.status, 415);
    assert.equal(wrong.json.error.code, 'unsupported_media_type');
    const viewer = await api(ma, maViewer, 'POST', '/incidents/imports', dakhlaCsv(), {
      'content-type': 'text/csv',
    });
    assert.equal(viewer.status, 403);
  });

  test('DVI records are for dvi officers on the incident team only', async () => {
    const viewer = await api(ma, maViewer, 'GET', `/incidents/${maIncident}/post-mortem`);
    assert.equal(viewer.status, 403);
    const outsider = await api(ma, maDvi, 'GET', `/incidents/${maIncident}/post-mortem`);
    assert.equal(outsider.status, 404);
    const denied = await listAuditEntries(ma.ctx.db, { limit: 50 });
    assert.ok(denied.some((e) => e.action === 'access.denied' && e.subject === `incident:${maIncident}`));
    const notDvi = await api(ma, maAdmin, 'POST', `/incidents/${maIncident}/team`, { username: 'vera' });
    assert.equal(notDvi.json.error.code, 'not_dvi');
    assert.equal(
      (await api(ma, maAdmin, 'POST', `/incidents/${maIncident}/team`, { username: 'dina' })).status,
      204,
    );
    const member = await api(ma, maDvi, 'GET', `/incidents/${maIncident}/post-mortem`);
    assert.equal(member.status, 200);
    assert.deepEqual(member.json.records, []);
    // A member brings a colleague in; the colleague then sees the records.
    assert.equal(
      (await api(ma, maDvi, 'POST', `/incidents/${maIncident}/team`, { username: 'driss' })).status,
      204,
    );
    assert.equal((await api(ma, maDvi2, 'GET', `/incidents/${maIncident}/ante-mortem`)).status, 200);
    const incident = await api(ma, maDvi, 'GET', `/incidents/${maIncident}`);
    assert.equal(incident.json.onTeam, true);
  });

  test('a confirmed board decision needs a primary identifier and locks the match', async () => {
    const pm = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/post-mortem`, {
      reference: 'PM-LOCK-1',
      synthetic: true,
      form: PM_FORM,
    });
    assert.equal(pm.status, 201, JSON.stringify(pm.json));
    const dup = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/post-mortem`, {
      reference: 'PM-LOCK-1',
      synthetic: true,
      form: PM_FORM,
    });
    assert.equal(dup.json.error.code, 'reference_taken');
    const am1 = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/ante-mortem`, {
      reference: 'AM-LOCK-1',
      synthetic: true,
      form: AM_FORM,
    });
    const am2 = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/ante-mortem`, {
      reference: 'AM-LOCK-2',
      synthetic: true,
      form: {
        ...AM_FORM,
        names: [{ full: 'Kamran Butt', script: 'Latn' }],
        heightCm: 185,
        marks: ['tattoo on neck'],
        relativesDna: [],
      },
    });
    const ranked = await api(ma, maDvi, 'GET', `/incidents/${maIncident}/candidates?pmId=${pm.json.id}`);
    assert.equal(ranked.json.candidates[0].amId, am1.json.id);
    assert.ok(ranked.json.candidates[0].score > ranked.json.candidates[1].score);
    assert.ok(ranked.json.candidates[0].evidence.some((e: { factor: string }) => e.factor === 'name'));
    const reverse = await api(ma, maDvi, 'GET', `/incidents/${maIncident}/candidates?amId=${am1.json.id}`);
    assert.equal(reverse.json.candidates[0].pmId, pm.json.id);

    const decision = {
      pmId: pm.json.id,
      amId: am1.json.id,
      members: ['Synthetic odontologist', 'Synthetic pathologist'],
    };
    const early = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/identifications`, {
      ...decision,
      status: 'confirmed',
    });
    assert.equal(early.json.error.code, 'primary_identifier_required');
    const pre = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/identifications`, {
      ...decision,
      status: 'preliminary',
    });
    assert.equal(pre.status, 201);
    const idf = { pmId: pm.json.id, amId: am1.json.id, kind: 'dna', expert: 'Synthetic DNA expert' };
    assert.equal((await api(ma, maDvi, 'POST', `/incidents/${maIncident}/identifiers`, idf)).status, 204);
    const confirmed = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/identifications`, {
      ...decision,
      status: 'confirmed',
      deathCertificateRef: 'DC-SYN-2025-001',
    });
    assert.equal(confirmed.status, 201);
    assert.deepEqual(confirmed.json.identifiers, ['dna']);
    assert.equal(confirmed.json.id, pre.json.id);
    const other = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/identifications`, {
      ...decision,
      amId: am2.json.id,
      status: 'preliminary',
    });
    assert.equal(other.json.error.code, 'match_locked');
    const downgrade = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/identifications`, {
      ...decision,
      status: 'preliminary',
    });
    assert.equal(downgrade.json.error.code, 'match_locked');
    const lateIdentifier = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/identifiers`, {
      ...idf,
      amId: am2.json.id,
    });
    assert.equal(lateIdentifier.json.error.code, 'match_locked');
    const board = await api(ma, maDvi, 'GET', `/incidents/${maIncident}/board`);
    const line = board.json.entries.find((e: { reference: string }) => e.reference === 'PM-LOCK-1');
    assert.equal(line.state, 'identified');
    assert.equal(line.counterpart, 'AM-LOCK-1');
  });

  test("ante-mortem records travel to the partner; relatives' DNA only after the DPO; both boards follow", async () => {
    const imported = await importFile(
      pk,
      await tokenForNewUser(pk, 'imran', ['analyst']),
      dakhlaCsv(),
      false,
      'dakhla.csv',
    );
    assert.equal(imported.created, 1);
    pkIncident = (await api(pk, pkDvi, 'GET', '/incidents?q=2025.MMP0019')).json.incidents[0].id;
    await pk.ctx.db
      .insertInto('incident_members')
      .values({
        incident_id: pkIncident,
        user_id: (
          await pk.ctx.db
            .selectFrom('users')
            .select('id')
            .where('username', '=', 'parveen')
            .executeTakeFirstOrThrow()
        ).id,
        username: 'parveen',
        added_by: 'test',
        added_at: new Date(),
      })
      .execute();
    const am = await api(pk, pkDvi, 'POST', `/incidents/${pkIncident}/ante-mortem`, {
      reference: 'AM-PK-001',
      synthetic: true,
      form: AM_FORM,
    });
    assert.equal(am.status, 201);

    // Without a sharing policy for ma-dgsn, personal data waits for Islamabad's DPO.
    const plain = await api(pk, pkDvi, 'POST', `/incidents/${pkIncident}/transfers`, {
      amId: am.json.id,
      partner: 'ma-dgsn',
    });
    assert.equal(plain.json.status, 'held');
    assert.deepEqual(plain.json.reasons, ['personal data: persons']);
    await allowSharing(pk, 'ma-dgsn');
    const covered = await api(pk, pkDvi, 'POST', `/incidents/${pkIncident}/transfers`, {
      amId: am.json.id,
      partner: 'ma-dgsn',
    });
    assert.equal(covered.json.status, 'sent');
    const withDna = await api(pk, pkDvi, 'POST', `/incidents/${pkIncident}/transfers`, {
      amId: am.json.id,
      partner: 'ma-dgsn',
      includeRelativesDna: true,
    });
    assert.equal(withDna.json.status, 'held');
    assert.ok(withDna.json.reasons.includes("relatives' DNA references"));

    const received = async () =>
      ma.ctx.db
        .selectFrom('dvi_ante_mortem')
        .selectAll()
        .where('partner', '=', 'pk-fia')
        .where('reference', '=', 'AM-PK-001')
        .executeTakeFirst();
    await waitFor(async () => (await received()) !== undefined, 15_000, 'the ante-mortem record at ma-dgsn');
    const first = await received();
    assert.equal(first!.incident_id, maIncident, 'filed under the same IOM incident');
    assert.equal(
      (first!.form as { relativesDna?: unknown }).relativesDna,
      undefined,
      'no relatives DNA before the DPO',
    );

    const queue = await api(pk, pkDpo, 'GET', '/dvi-transfers?status=held');
    assert.equal(queue.json.transfers.length, 2);
    assert.equal((await api(pk, pkDvi, 'GET', '/dvi-transfers?status=held')).status, 403);
    const approved = await api(pk, pkDpo, 'POST', `/dvi-transfers/${withDna.json.id}/decision`, {
      approve: true,
      note: 'Consent on file; needed for kinship analysis (synthetic)',
    });
    assert.equal(approved.json.status, 'sent');
    const again = await api(pk, pkDpo, 'POST', `/dvi-transfers/${withDna.json.id}/decision`, {
      approve: true,
      note: 'x',
    });
    assert.equal(again.json.error.code, 'already_decided');
    // The DPO refuses the first request, made before the policy: it never leaves.
    const refused = await api(pk, pkDpo, 'POST', `/dvi-transfers/${plain.json.id}/decision`, {
      approve: false,
      note: 'Superseded by the transfer under the standing policy',
    });
    assert.equal(refused.json.status, 'refused');
    const pkAudit = await listAuditEntries(pk.ctx.db, { limit: 100 });
    assert.ok(
      pkAudit.some(
        (e) => e.action === 'dvi.am.transfer.refuse' && e.subject === `dvi_transfer:${plain.json.id}`,
      ),
    );
    await waitFor(
      async () => ((await received())!.form as { relativesDna?: unknown[] }).relativesDna?.length === 1,
      15_000,
      'the relatives DNA reference after approval',
    );
    assert.equal(
      (await ma.ctx.db.selectFrom('dvi_ante_mortem').select('id').where('partner', '=', 'pk-fia').execute())
        .length,
      1,
      'the re-sent record replaced the first copy',
    );

    // Rabat identifies the body with the received record; Islamabad's board follows.
    const pm = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/post-mortem`, {
      reference: 'PM-MA-007',
      synthetic: true,
      form: PM_FORM,
    });
    const amId = (await received())!.id;
    const ranked = await api(ma, maDvi, 'GET', `/incidents/${maIncident}/candidates?pmId=${pm.json.id}`);
    assert.equal(ranked.json.candidates[0].amReference, 'AM-PK-001');
    await api(ma, maDvi, 'POST', `/incidents/${maIncident}/identifiers`, {
      pmId: pm.json.id,
      amId,
      kind: 'fingerprint',
      expert: 'Synthetic expert',
    });
    const decided = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/identifications`, {
      pmId: pm.json.id,
      amId,
      status: 'confirmed',
      members: ['Synthetic board chair'],
    });
    assert.equal(decided.status, 201);
    const pkBoard = async () => (await api(pk, pkDvi, 'GET', `/incidents/${pkIncident}/board`)).json;
    await waitFor(
      async () => (await pkBoard()).entries[0]?.state === 'identified',
      15_000,
      'identified at pk-fia',
    );
    assert.equal((await pkBoard()).entries[0].counterpart, 'PM-MA-007');

    const notified = await api(pk, pkDvi, 'POST', `/incidents/${pkIncident}/notifications`, {
      amId: am.json.id,
      notifiedPerson: 'Synthetic mother',
      relationship: 'mother',
      channel: 'police',
      language: 'ur',
      support: 'Psychosocial support by the synthetic district office',
      notifiedAt: '2025-02-10T10:00:00.000Z',
    });
    assert.equal(notified.status, 204);
    const maBoard = async () =>
      (await api(ma, maDvi, 'GET', `/incidents/${maIncident}/board`)).json.entries.find(
        (e: { reference: string }) => e.reference === 'PM-MA-007',
      );
    await waitFor(async () => (await maBoard()).state === 'notified', 15_000, 'notified at ma-dgsn');
    assert.equal((await maBoard()).source, 'pk-fia');

    const repatriation = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/repatriations`, {
      pmId: pm.json.id,
      status: 'under_way',
      familyWishes: 'Burial in the home village (synthetic)',
      laissezPasser: {
        number: 'LP-SYN-0007',
        issuedBy: 'Synthetic prefecture',
        issuedAt: '2025-02-20',
        destination: 'Lahore',
      },
      transport: 'Air freight, sealed zinc-lined coffin',
      receivingAuthority: 'Synthetic district administration',
    });
    assert.equal(repatriation.status, 204);
    await waitFor(
      async () => (await pkBoard()).entries[0]?.state === 'repatriating',
      15_000,
      'repatriating at pk-fia',
    );
  });

  test("the DPO's data-subject search finds the missing person in any script, and corrects the record", async () => {
    const found = await api(pk, pkDpo, 'POST', '/subject-requests/search', {
      name: { full: 'محمد آصف اقبال' },
      reference: 'Request of the data subject 1/2025 (synthetic)',
      threshold: 0.8,
    });
    assert.equal(found.status, 200, JSON.stringify(found.json));
    const hit = found.json.report.hits.find((h: { module: string }) => h.module === 'incidents');
    assert.ok(hit, JSON.stringify(found.json.report.hits));
    assert.equal(hit.recordKind, 'ante_mortem');
    assert.equal(hit.role, 'missing');
    const corrected = await api(pk, pkDpo, 'POST', '/subject-requests/change', {
      module: 'incidents',
      recordId: hit.recordId,
      entityId: hit.entityId,
      action: 'correct',
      names: [{ full: 'Muhammad Aasif Iqbal', script: 'Latn' }],
      reference: 'Rectification request 1/2025 (synthetic)',
    });
    assert.equal(corrected.status, 204, JSON.stringify(corrected.json));
    const records = (await api(pk, pkDvi, 'GET', `/incidents/${pkIncident}/ante-mortem`)).json.records;
    assert.deepEqual(records[0].form.names, [{ full: 'Muhammad Aasif Iqbal', script: 'Latn' }]);
  });

  test('an unidentified body goes to the partner as an alert', async () => {
    const pm = (await api(ma, maDvi, 'GET', `/incidents/${maIncident}/post-mortem`)).json.records[0];
    const sent = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/alerts`, {
      recordKind: 'pm',
      recordId: pm.id,
      partner: 'pk-fia',
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.json));
    await waitFor(
      async () =>
        (
          await pk.ctx.db
            .selectFrom('messages')
            .select('id')
            .where('direction', '=', 'in')
            .where('type', '=', 'alert')
            .execute()
        ).length === 1,
      15_000,
      'the alert at pk-fia',
    );
  });

  test('survivors are recorded as victims', async () => {
    const s = await api(ma, maDvi, 'POST', `/incidents/${maIncident}/survivors`, {
      reference: 'SV-001',
      synthetic: true,
      form: {
        names: [{ full: 'Synthetic survivor one', script: 'Latn' }],
        sex: 'male',
        age: 24,
        nationality: 'PK',
        assistance: [
          { kind: 'medical care', by: 'Synthetic Red Crescent team', at: '2025-01-16T08:00:00.000Z' },
        ],
        consularNotification: { consulate: 'Embassy of Pakistan, Rabat', at: '2025-01-16T12:00:00.000Z' },
      },
    });
    assert.equal(s.status, 201);
    assert.equal(s.json.role, 'victim');
  });

  test('passerelle import iom shows a progress bar; incident list/show answer in text and JSON', async () => {
    const file = join(dir, 'dakhla.csv');
    writeFileSync(file, dakhlaCsv());
    const imported = await runCli(ma, maAdmin, ['import', 'iom', file], dir);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.err, /\[#+\s*\] 100 %/);
    assert.match(imported.out, /1 rows read: 0 new, 0 updated, 1 unchanged, 0 in error/);
    const badFile = join(dir, 'bad.csv');
    writeFileSync(
      badFile,
      `${dakhlaCsv().toString('utf8')}2099.MMP0001,2099.MMP0001,Incident,X,not a date,2099,1,1,0,1,0,NA,NA,NA,X,X,X,X,X,X,Somewhere,X,X,X,1,1,1,x,x,day,IOM\n`,
    );
    const bad = await runCli(ma, maAdmin, ['import', 'iom', badFile, '--json'], dir);
    assert.equal(bad.code, 1);
    const badView = JSON.parse(bad.out);
    assert.equal(badView.errorCount, 1);
    assert.equal(badView.errors[0].line, 3);
    const list = await runCli(ma, maViewer, ['incident', 'list', '--search', '2025.MMP0019', '--json'], dir);
    assert.equal(list.code, 0, list.err);
    assert.equal(JSON.parse(list.out).incidents[0].dead, 15);
    const show = await runCli(ma, maViewer, ['incident', 'show', '2025.MMP0019'], dir);
    assert.equal(show.code, 0, show.err);
    assert.match(show.out, /15 dead, 35 missing, 36 survivors/);
    assert.ok(gunzipSync(readFileSync(bundledDataPath('iom-mmp-europe-2014-2026.csv'))).length > 0);
  });
});
