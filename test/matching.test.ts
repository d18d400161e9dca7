import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import {
  allowSharing,
  pairNodes,
  runCli,
  startTestNode,
  type TestNode,
  testEngines,
  tokenForNewUser,
  waitFor,
} from './_util.js';

// Hit/no-hit between two real nodes (DESIGN §7): Islamabad holds records, Rabat checks.
// Every person, phone and document here is synthetic.

async function api(node: TestNode, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${node.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

const SUSPECT_PHONE = '+923001112233';
const UNKNOWN_PHONE = '+212612000999';

const holdings = {
  source: 'FIA suspects file (synthetic test records)',
  crimeAreas: ['migrant_smuggling'],
  entities: [
    {
      kind: 'person',
      id: 'p1',
      role: 'suspect',
      synthetic: true,
      names: [{ full: 'Muhammad Anwar Chaudhry', script: 'Latn' }],
      datesOfBirth: ['1961'],
    },
    { kind: 'phone', id: 'ph1', number: SUSPECT_PHONE },
    {
      kind: 'identity_document',
      id: 'd1',
      documentType: 'passport',
      number: 'AB1234567',
      issuingCountry: 'PK',
    },
  ],
};

const victims = {
  source: 'Shipwreck survivors (synthetic test records)',
  crimeAreas: ['migrant_smuggling'],
  entities: [
    {
      kind: 'person',
      id: 'v1',
      role: 'victim',
      synthetic: true,
      names: [{ full: 'Bilal Hussain Qureshi', script: 'Latn' }],
      datesOfBirth: ['1999'],
    },
  ],
};

const purpose = {
  purpose: 'Investigation of the smuggling network (test)',
  legalBasis: 'Bilateral agreement art. 4 (test)',
};

for (const engine of await testEngines()) {
  describe(`hit/no-hit between two nodes (${engine})`, () => {
    let ma: TestNode;
    let pk: TestNode;
    let maAnalyst: string;
    let pkAdmin: string;
    let pkDpo: string;
    let pkLiaison: string;

    before(async () => {
      ma = await startTestNode({ id: 'ma-dgsn', country: 'MA', engine });
      pk = await startTestNode({ id: 'pk-fia', country: 'PK', engine });
      await pairNodes(ma, pk);
      await allowSharing(ma, 'pk-fia');
      maAnalyst = await tokenForNewUser(ma, 'amina', ['analyst']);
      pkAdmin = await tokenForNewUser(pk, 'pkadmin', ['admin']);
      pkDpo = await tokenForNewUser(pk, 'pkdpo', ['dpo']);
      pkLiaison = await tokenForNewUser(pk, 'pkliaison', ['liaison']);
      assert.equal((await api(pk, pkAdmin, 'POST', '/matching/holdings', holdings)).status, 201);
      // A victim's record on the holder, with a phone tied to the victim in a message-like set.
      const v = await api(pk, pkAdmin, 'POST', '/matching/holdings', victims);
      assert.equal(v.status, 201);
    });
    after(async () => {
      await ma?.destroy();
      await pk?.destroy();
    });

    const check = (items: unknown[]) =>
      api(ma, maAnalyst, 'POST', '/matching/checks', { partner: 'pk-fia', ...purpose, items });

    test('without a policy the holder refuses: matching_not_allowed, logged without values', async () => {
      const res = await check([{ kind: 'phone', number: SUSPECT_PHONE }]);
      assert.equal(res.status, 403);
      assert.equal(res.json.error.code, 'matching_not_allowed');
      const log = await api(ma, maAnalyst, 'GET', '/matching/queries');
      assert.equal(log.json.queries[0].outcome, 'matching_not_allowed');
      assert.equal(log.json.queries[0].direction, 'made');
      assert.equal(log.json.queries[0].purpose, purpose.purpose);
    });

    test('a spelling variant of the name hits, the phone hits, victims and unknown values do not', async () => {
      const set = await api(pk, pkDpo, 'PUT', '/matching/policies/ma-dgsn', {
        enabled: true,
        recordTypes: ['person', 'identity_document', 'phone', 'vessel', 'financial'],
        crimeAreas: [],
        dailyQuota: 1000,
      });
      assert.equal(set.status, 200, JSON.stringify(set.json));
      const res = await check([
        { kind: 'phone', number: SUSPECT_PHONE },
        { kind: 'person', names: ['Mohammed Anouar Chaudry'], birthYear: 1961 },
        { kind: 'person', names: ['Bilal Hussain Qureshi'], birthYear: 1999 },
        { kind: 'phone', number: UNKNOWN_PHONE },
        { kind: 'passport', number: 'ab 1234567', issuingCountry: 'pk' },
        { kind: 'person', names: ['Muhammad Anwar Chaudhry'], birthYear: 1975 },
      ]);
      assert.equal(res.status, 200, JSON.stringify(res.json));
      assert.deepEqual(
        res.json.results.map((r: { hit: boolean }) => r.hit),
        [true, true, false, false, true, false],
      );
      const ref = res.json.results[1].hitRefs[0];
      assert.match(ref, /^MX-[A-Z2-7]{16}$/);
      // The phone and the name point at different records of the holder.
      assert.notEqual(res.json.results[0].hitRefs[0], ref);

      // Follow-up: one action makes an rfi carrying the reference; the holder resolves it.
      const fu = await api(ma, maAnalyst, 'POST', '/matching/follow-ups', {
        partner: 'pk-fia',
        hitRef: ref,
        crimeAreas: ['migrant_smuggling'],
        ...purpose,
      });
      assert.equal(fu.status, 201, JSON.stringify(fu.json));
      let detail: string | undefined;
      await waitFor(
        async () => {
          const list = await api(pk, pkLiaison, 'GET', '/messages?direction=in&type=rfi');
          const found = list.json.messages?.find((m: { subject: string }) => m.subject.includes(ref));
          if (found) detail = JSON.stringify((await api(pk, pkLiaison, 'GET', `/messages/${found.id}`)).json);
          return detail !== undefined;
        },
        20_000,
        'the follow-up rfi',
      );
      // The rfi carries the reference as its structured hitRef field.
      assert.ok(detail!.includes(`"hitRef":"${ref}"`), detail);
      const resolved = await api(pk, pkLiaison, 'GET', `/matching/hits/${ref}`);
      assert.equal(resolved.status, 200, JSON.stringify(resolved.json));
      assert.equal(resolved.json.records[0].recordType, 'person');
      assert.equal(resolved.json.records[0].entity.names[0].full, 'Muhammad Anwar Chaudhry');
    });

    test("the holder's tables, audit and the published filter never hold the queried values", async () => {
      const secretPhone = '+923217654321';
      const secretName = 'Zarghuna Khattak';
      const res = await check([
        { kind: 'phone', number: secretPhone },
        { kind: 'person', names: [secretName], birthYear: 1980 },
      ]);
      assert.equal(res.status, 200);
      const tables = await sql<{
        tablename: string;
      }>`select tablename from pg_tables where schemaname = 'public'`.execute(pk.ctx.db);
      for (const { tablename } of tables.rows) {
        const rows = await sql<{ t: string }>`select t::text as t from ${sql.table(tablename)} t`.execute(
          pk.ctx.db,
        );
        const dump = rows.rows.map((r) => r.t).join('\n');
        for (const value of [secretPhone, secretPhone.slice(1), '7654321', secretName, 'Zarghuna', 'ZRKN'])
          assert.ok(!dump.includes(value), `${tablename} holds ${value}`);
      }
      // The filter as a partner receives it: fingerprints and sealed references only.
      const filter = await pk.ctx.matchingHolder.publishFilter('ma-dgsn', {});
      const bytes = Buffer.from(filter.added, 'base64');
      assert.equal(bytes.length % 16, 0);
      assert.ok(bytes.length > 0);
      const text = bytes.toString('latin1');
      for (const raw of [SUSPECT_PHONE, '923001112233', 'AB1234567', 'v1|', 'v2|', 'pn2:', 'pb2:', 'MHMD'])
        assert.ok(!text.includes(raw), `filter holds ${raw}`);
    });

    test('policy by record type, the daily quota, and the per-partner report', async () => {
      await api(pk, pkDpo, 'PUT', '/matching/policies/ma-dgsn', {
        enabled: true,
        recordTypes: ['phone'],
        crimeAreas: ['migrant_smuggling'],
        dailyQuota: 1000,
      });
      const phonesOnly = await check([
        { kind: 'phone', number: SUSPECT_PHONE },
        { kind: 'person', names: ['Muhammad Anwar Chaudhry'], birthYear: 1961 },
      ]);
      assert.deepEqual(
        phonesOnly.json.results.map((r: { hit: boolean }) => r.hit),
        [true, false],
      );
      // A crime area the records do not have: nothing is matchable.
      await api(pk, pkDpo, 'PUT', '/matching/policies/ma-dgsn', {
        enabled: true,
        recordTypes: ['phone'],
        crimeAreas: ['cybercrime'],
        dailyQuota: 1000,
      });
      const otherArea = await check([{ kind: 'phone', number: SUSPECT_PHONE }]);
      assert.deepEqual(
        otherArea.json.results.map((r: { hit: boolean }) => r.hit),
        [false],
      );
      // A quota already used up today.
      await api(pk, pkDpo, 'PUT', '/matching/policies/ma-dgsn', {
        enabled: true,
        recordTypes: ['phone'],
        crimeAreas: [],
        dailyQuota: 5,
      });
      const over = await check([{ kind: 'phone', number: SUSPECT_PHONE }]);
      assert.equal(over.status, 429);
      assert.equal(over.json.error.code, 'matching_quota_exceeded');
      const report = await api(pk, pkDpo, 'GET', '/matching/reports');
      const fromMa = report.json.partners.find((p: { partner: string }) => p.partner === 'ma-dgsn');
      assert.ok(fromMa.received.queries >= 3, JSON.stringify(fromMa));
      assert.ok(fromMa.received.refused >= 1);
      const made = await api(ma, maAnalyst, 'GET', '/matching/reports');
      const toPk = made.json.partners.find((p: { partner: string }) => p.partner === 'pk-fia');
      assert.ok(toPk.made.hits >= 3);
      // A bad item is refused before anything leaves the node.
      const bad = await check([{ kind: 'phone', number: '+99912345' }]);
      assert.equal(bad.status, 422);
      assert.equal(bad.json.error.code, 'item_not_matchable');
    });

    test('after a key rotation the querier fetches the new filter and still hits', async () => {
      await api(pk, pkDpo, 'PUT', '/matching/policies/ma-dgsn', {
        enabled: true,
        recordTypes: ['phone', 'person'],
        crimeAreas: [],
        dailyQuota: 100_000,
      });
      const before = await api(pk, pkAdmin, 'GET', '/matching/index');
      const rebuilt = await api(pk, pkAdmin, 'POST', '/matching/index/rebuild');
      assert.equal(rebuilt.json.epoch, before.json.epoch + 1);
      assert.equal(rebuilt.json.records, before.json.records);
      // Victims are not in the index at all.
      assert.equal(rebuilt.json.recordsByType.person, 1);
      const res = await check([{ kind: 'phone', number: SUSPECT_PHONE }]);
      assert.equal(res.status, 200);
      assert.equal(res.json.epoch, rebuilt.json.epoch);
      assert.equal(res.json.results[0].hit, true);
      // The holder refuses a stale epoch and an element outside the group, with their codes.
      const { blind } = await import('../src/matching/index.js');
      const element = blind(new TextEncoder().encode('v1|tel|+923001112233')).blindedElement.toString(
        'base64',
      );
      const ask = (epoch: number, elements: string[]) =>
        pk.ctx.matchingHolder.evaluate('ma-dgsn', {
          queryId: '01900000-0000-7000-8000-000000000001',
          epoch,
          purpose: 'test',
          legalBasis: 'test',
          items: 1,
          elements,
        });
      await assert.rejects(ask(before.json.epoch, [element]), { code: 'matching_epoch_changed' });
      await assert.rejects(ask(rebuilt.json.epoch, [Buffer.alloc(32).toString('base64')]), {
        code: 'bad_request',
      });
    });

    test('an index built under an older token version is indexed again, and the spelling variant still hits', async () => {
      // What a node upgraded from the previous token derivation holds: sources indexed without
      // this version's tag (their entries came from the old tokens).
      await sql`update matching_sources set content_hash = regexp_replace(content_hash, '^[^:]*:', '')`.execute(
        pk.ctx.db,
      );
      const live = (await api(pk, pkAdmin, 'GET', '/matching/index')).json.records;
      const refreshed = await pk.ctx.matchingIndex.refresh();
      assert.equal(refreshed.recordsWithdrawn, live);
      assert.equal(refreshed.recordsAdded, live);
      const again = await pk.ctx.matchingIndex.refresh();
      assert.equal(again.recordsAdded, 0, 'an index of this version is not indexed twice');
      const res = await check([{ kind: 'person', names: ['محمد انور چودھری'], birthYear: 1962 }]);
      assert.equal(res.status, 200, JSON.stringify(res.json));
      assert.equal(res.json.results[0].hit, true);
    });

    test('a partner on another token version: the check is refused with token_version_mismatch, not a silent no-hit', async () => {
      // The filter answer states the holder's token version.
      const published = await pk.ctx.matchingHolder.publishFilter('ma-dgsn', {});
      assert.equal(published.tokenVersion, 'v2');
      // A partner still deriving v1 tokens holds the very same records and phone.
      const old = await startTestNode({ id: 'pk-old', country: 'PK', engine, matchingTokenVersion: 'v1' });
      try {
        await pairNodes(ma, old);
        const oldAdmin = await tokenForNewUser(old, 'oldadmin', ['admin']);
        const oldDpo = await tokenForNewUser(old, 'olddpo', ['dpo']);
        assert.equal((await api(old, oldAdmin, 'POST', '/matching/holdings', holdings)).status, 201);
        const set = await api(old, oldDpo, 'PUT', '/matching/policies/ma-dgsn', {
          enabled: true,
          recordTypes: ['person', 'phone'],
          crimeAreas: [],
          dailyQuota: 1000,
        });
        assert.equal(set.status, 200, JSON.stringify(set.json));
        const res = await api(ma, maAnalyst, 'POST', '/matching/checks', {
          partner: 'pk-old',
          ...purpose,
          items: [{ kind: 'phone', number: SUSPECT_PHONE }],
        });
        assert.equal(res.status, 409, JSON.stringify(res.json));
        assert.equal(res.json.error.code, 'token_version_mismatch');
        assert.match(res.json.error.message, /v1.*v2/);
        // Logged on the querier's side with its outcome; nothing was sent for evaluation.
        const log = await api(ma, maAnalyst, 'GET', '/matching/queries');
        const made = log.json.queries.find((q: { partner: string }) => q.partner === 'pk-old');
        assert.equal(made.outcome, 'token_version_mismatch');
        assert.equal(made.hits, null);
        const received = await api(old, oldAdmin, 'GET', '/matching/queries');
        assert.equal(received.json.queries.length, 0);
        // The same check with the partner on this node's version hits.
        const ok = await check([{ kind: 'phone', number: SUSPECT_PHONE }]);
        assert.equal(ok.status, 200);
        assert.equal(ok.json.results[0].hit, true);
      } finally {
        await old.destroy();
      }
    });

    test('passerelle match check (one item, CSV batch) and match index status, with --json', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'passerelle-match-'));
      try {
        const flags = [
          '--partner',
          'pk-fia',
          '--purpose',
          purpose.purpose,
          '--legal-basis',
          purpose.legalBasis,
        ];
        const one = await runCli(
          ma,
          maAnalyst,
          ['match', 'check', ...flags, '--phone', SUSPECT_PHONE, '--json'],
          dir,
        );
        assert.equal(one.code, 3, one.err);
        const line = JSON.parse(one.out.trim());
        assert.equal(line.hit, true);
        assert.equal(line.item.number, SUSPECT_PHONE);
        assert.match(line.hitRef, /^MX-/);
        writeFileSync(
          join(dir, 'items.csv'),
          `kind,name,birth_year,number,country\nphone,,,${UNKNOWN_PHONE},\nperson,Mohamed Anwar Choudhry,1961,,\nphone,,,0300 1112233,PK\n`,
        );
        const batch = await runCli(
          ma,
          maAnalyst,
          ['match', 'check', ...flags, '--csv', 'items.csv', '--json'],
          dir,
        );
        assert.equal(batch.code, 3, batch.err);
        const hits = batch.out
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).hit);
        assert.deepEqual(hits, [false, true, true]);
        const status = await runCli(pk, pkAdmin, ['match', 'index', 'status', '--json'], dir);
        assert.equal(status.code, 0, status.err);
        assert.equal(JSON.parse(status.out).records, 3);
        const denied = await runCli(ma, maAnalyst, ['match', 'index', 'rebuild'], dir);
        assert.equal(denied.code, 2);
        assert.match(denied.err, /matching\.manage/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
