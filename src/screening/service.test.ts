import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestDatabase, testEngines } from '../../test/_util.js';
import type { Actor } from '../governance/index.js';
import {
  ApiError,
  createLogger,
  type Database,
  listAuditEntries,
  ManualClock,
  readBundledData,
  systemRandom,
} from '../platform/index.js';
import { ScreeningService } from './service.js';

const admin: Actor = { userId: 'a', username: 'ada', displayName: 'Ada', roles: ['admin'], via: 'token' };
const analyst: Actor = { userId: 'b', username: 'ben', displayName: 'Ben', roles: ['analyst'], via: 'token' };
const viewer: Actor = { userId: 'c', username: 'vic', displayName: 'Vic', roles: ['viewer'], via: 'token' };

const xml2020 = readBundledData('un-consolidated-2020-11-24.xml');
const xml2024 = readBundledData('un-consolidated-2024-09-26.xml');

function refsOf(xml: Buffer): Set<string> {
  return new Set([...xml.toString('utf8').matchAll(/<REFERENCE_NUMBER>([^<]+)</g)].map((m) => m[1]!.trim()));
}

async function rejects(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => err instanceof ApiError && err.code === code);
}

for (const engine of await testEngines()) {
  describe(`screening service (${engine})`, () => {
    const clock = new ManualClock('2026-12-01T08:00:00.000Z');
    let database: Database & { drop(): Promise<void> };
    let service: ScreeningService;

    before(async () => {
      database = await openTestDatabase(engine);
      service = new ScreeningService({
        db: database.db,
        clock,
        random: systemRandom,
        logger: createLogger({ level: 'error' }),
      });
    });
    after(async () => {
      await service.stop();
      await database.drop();
    });

    test('screening before any list is refused', async () => {
      await rejects(
        service.screen(analyst, { query: { names: ['Ali'] }, purpose: 'border check' }),
        'no_active_list',
      );
    });

    test('imports 2020 then 2024: the differences are reported and every version is kept', async () => {
      await rejects(service.importList(viewer, { xml: xml2020, sourceName: 'x.xml' }), 'forbidden');
      const first = await service.importList(admin, { xml: xml2020, sourceName: '2020.xml' });
      assert.equal(first.diff, null);
      assert.equal(first.list.individuals, 713);
      assert.equal(first.list.entities, 305);
      const second = await service.importList(admin, { xml: xml2024, sourceName: '2024.xml' });
      const old = refsOf(xml2020);
      const now = refsOf(xml2024);
      const added = [...now].filter((r) => !old.has(r)).sort();
      const removed = [...old].filter((r) => !now.has(r)).sort();
      assert.ok(second.diff);
      assert.deepEqual(
        second.diff.changes
          .filter((c) => c.change === 'added')
          .map((c) => c.referenceNumber)
          .sort(),
        added,
      );
      assert.deepEqual(
        second.diff.changes
          .filter((c) => c.change === 'removed')
          .map((c) => c.referenceNumber)
          .sort(),
        removed,
      );
      assert.equal(second.diff.added, added.length);
      assert.equal(second.diff.removed, removed.length);
      assert.ok(second.diff.amended > 0 && second.diff.amended <= [...now].filter((r) => old.has(r)).length);
      const amended = second.diff.changes.find((c) => c.change === 'amended');
      assert.ok(amended && amended.fields.length > 0);
      const lists = await service.lists(analyst);
      assert.deepEqual(
        lists.map((l) => [l.sourceName, l.active]),
        [
          ['2024.xml', true],
          ['2020.xml', false],
        ],
      );
      // The same differences, recomputed between any two stored versions.
      const recomputed = await service.diff(analyst, second.list.id, first.list.id);
      assert.deepEqual(recomputed.changes, second.diff.changes);
      const recorded = await service.diff(analyst, second.list.id);
      assert.equal(recorded.changes.length, second.diff.changes.length);
      const audit = await listAuditEntries(database.db, { action: 'screening.list.import' });
      assert.ok(audit.some((e) => e.action === 'screening.list.import'));
    });

    test('a malformed, truncated, repeated or older file is refused and the active version stays', async () => {
      const before = await service.lists(admin);
      const truncated = xml2024.subarray(0, 100_000);
      await rejects(service.importList(admin, { xml: truncated, sourceName: 'cut.xml' }), 'bad_request');
      await rejects(
        service.importList(admin, { xml: Buffer.from('not xml'), sourceName: 'x.xml' }),
        'bad_request',
      );
      await rejects(
        service.importList(admin, { xml: xml2024, sourceName: 'again.xml' }),
        'list_already_imported',
      );
      const older = Buffer.from(
        xml2024.toString('utf8').replace(/dateGenerated='[^']+'/, "dateGenerated='2019-01-01T00:00:00Z'"),
      );
      await rejects(service.importList(admin, { xml: older, sourceName: 'old.xml' }), 'list_not_newer');
      assert.deepEqual(await service.lists(admin), before);
    });

    test('screening needs the permission and is audited with its purpose', async () => {
      await rejects(service.screen(admin, { query: { names: ['Ali'] }, purpose: 'test' }), 'forbidden');
      const result = await service.screen(analyst, {
        query: { names: ['Muhammad Tahir Anwari'], birthDate: '1961', nationalities: ['AF'] },
        purpose: 'Check of a detainee, case 2026/17',
      });
      assert.equal(result.candidates[0]?.referenceNumber, 'TAi.005');
      assert.equal(result.candidates[0]?.level, 'confident');
      const entries = await listAuditEntries(database.db, {});
      const entry = entries.find((e) => e.action === 'screening.run' && e.actor === 'user:ben');
      assert.ok(entry);
      assert.equal(entry.detail.purpose, 'Check of a detainee, case 2026/17');
    });

    test('thresholds are configurable and change the level', async () => {
      await rejects(service.setThresholds(analyst, { confident: 0.99, review: 0.5 }), 'forbidden');
      await service.setThresholds(admin, { confident: 0.99, review: 0.5 });
      const r = await service.screen(analyst, {
        query: { names: ['Muhammad Tahir Anwari'], birthDate: '1963' },
        purpose: 'threshold test',
      });
      assert.equal(r.thresholds.confident, 0.99);
      assert.equal(r.candidates[0]?.referenceNumber, 'TAi.005');
      assert.equal(r.candidates[0]?.level, 'review');
      await service.setThresholds(admin, { confident: 0.85, review: 0.7 });
    });

    test('a CSV batch runs with progress and its result downloads as CSV', async () => {
      await rejects(service.startBatch(analyst, { csv: 'nom\nAli', purpose: 'batch test' }), 'bad_request');
      await rejects(
        service.startBatch(analyst, { csv: 'name,birth_date\nAli,1990-13\n', purpose: 'batch test' }),
        'bad_request',
      );
      const rows = [
        'ref,name,birth_date,nationality',
        'r1,Muhammad Tahir Anwari,1961,AF',
        'r2,"Hamza Osama Mohammed Bin Ladin",1989,',
      ];
      for (let i = 0; i < 120; i++) rows.push(`s${i},Synthetic Person Number${i} Zzyzx,2001,FR`);
      const started = await service.startBatch(analyst, {
        csv: rows.join('\n'),
        purpose: 'Passenger list check, flight 123',
      });
      assert.equal(started.total, 122);
      let view = started;
      while (view.status === 'running') {
        await new Promise((r) => setTimeout(r, 20));
        view = await service.batch(analyst, started.id);
      }
      assert.equal(view.status, 'done');
      assert.equal(view.done, 122);
      assert.equal(view.confident, 2);
      await rejects(service.batch(admin, started.id), 'forbidden');
      const csv = await service.batchResultCsv(analyst, started.id);
      const lines = csv.trim().split('\r\n');
      assert.equal(lines.length, 123);
      assert.match(lines[1]!, /^2,r1,Muhammad Tahir Anwari,1961,AF,confident,[0-9.]+,TAi\.005,/);
      assert.match(lines[2]!, /,QDi\.421,/);
      assert.match(lines[3]!, /,none,/);
    });

    test('persons in a received message are queued in its transaction and flagged; protected persons are not screened', async () => {
      const messageId = '0193a4b2-0000-7000-8000-000000000001';
      await database.db.transaction().execute((tx) =>
        service.queueMessageSubjects(tx, {
          messageId,
          partner: 'pk-fia',
          receivedAt: clock.now(),
          entities: [
            {
              kind: 'person',
              id: 'p1',
              role: 'suspect',
              names: [{ full: 'Mohamad Taher Anwary', script: 'latin' }],
              datesOfBirth: ['1961'],
              nationalities: ['AF'],
              synthetic: true,
            },
            {
              kind: 'person',
              id: 'p2',
              role: 'victim',
              names: [{ full: 'Muhammad Tahir Anwari', script: 'latin' }],
              datesOfBirth: [],
              nationalities: [],
            },
            {
              kind: 'person',
              id: 'p3',
              role: 'witness',
              names: [{ full: 'Zzyzx Qwerty', script: 'latin' }],
              datesOfBirth: [],
              nationalities: [],
            },
          ] as never,
        }),
      );
      await rejects(service.messageFlags(viewer, messageId), 'forbidden');
      const flags = await service.messageFlags(analyst, messageId);
      assert.deepEqual(
        flags.map((f) => [f.entityId, f.level]),
        [
          ['p1', 'confident'],
          ['p3', null],
        ],
      );
      assert.equal(flags[0]?.candidates[0]?.referenceNumber, 'TAi.005');
      const entries = await listAuditEntries(database.db, {});
      assert.ok(
        entries.some(
          (e) => e.action === 'screening.run' && e.actor === 'system' && e.subject === `message:${messageId}`,
        ),
      );
    });
  });
}
