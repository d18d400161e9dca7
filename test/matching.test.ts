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
  syntheticRfi,
  type TestNode,
  testAdmin,
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

    // The holder's clock runs with the wall clock; one test moves it on to age a reference.
    const pkClock = { offset: 0, now: () => new Date(Date.now() + pkClock.offset) };

    before(async () => {
      ma = await startTestNode({ id: 'ma-dgsn', country: 'MA', engine });
      pk = await startTestNode({ id: 'pk-fia', country: 'PK', engine, clock: pkClock });
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
      const resolved = await api(pk, pkLiaison, 'GET', `/matching/hits/${ref}?partner=ma-dgsn`);
      assert.equal(resolved.status, 200, JSON.stringify(resolved.json));
      assert.equal(resolved.json.records[0].recordType, 'person');
      assert.equal(resolved.json.records[0].entity.names[0].full, 'Muhammad Anwar Chaudhry');
    });

    test("the holder's officer opens the follow-up rfi and sees the record its hit reference points at, within need-to-know", async () => {
      const res = await check([{ kind: 'person', names: ['Mohammed Anouar Chaudry'], birthYear: 1961 }]);
      assert.equal(res.status, 200, JSON.stringify(res.json));
      const ref = res.json.results[0].hitRefs[0];
      assert.match(ref, /^MX-/);
      const fu = await api(ma, maAnalyst, 'POST', '/matching/follow-ups', {
        partner: 'pk-fia',
        hitRef: ref,
        crimeAreas: ['migrant_smuggling'],
        ...purpose,
      });
      assert.equal(fu.status, 201, JSON.stringify(fu.json));
      const id = fu.json.messageId;
      let opened: { status: number; json: any } | undefined;
      await waitFor(
        async () => {
          opened = await api(pk, pkLiaison, 'GET', `/matching/follow-ups/${id}`);
          return opened.status === 200;
        },
        20_000,
        'the follow-up rfi at the holder',
      );
      assert.equal(opened!.json.partner, 'ma-dgsn');
      assert.equal(opened!.json.hitRef, ref);
      assert.equal(opened!.json.records.length, 1);
      assert.equal(opened!.json.records[0].recordType, 'person');
      assert.equal(opened!.json.records[0].current, true);
      assert.equal(opened!.json.records[0].entity.names[0].full, 'Muhammad Anwar Chaudhry');
      // The querier's own copy is no partner's follow-up: nothing to resolve there.
      const own = await api(ma, maAnalyst, 'GET', `/matching/follow-ups/${id}`);
      assert.equal(own.status, 404);
      assert.equal(own.json.error.code, 'not_found');

      // An rfi with the same reference addressed to one named officer only (TLP:RED): another
      // officer of the holder gets 404, the addressee sees the record.
      const pkNamed = await tokenForNewUser(pk, 'pknamed', ['liaison']);
      const restricted = await api(ma, maAnalyst, 'POST', '/messages', {
        recipient: 'pk-fia',
        message: syntheticRfi(Date.now(), {
          subject: `Restricted follow-up of hit ${ref}`,
          tlp: 'RED',
          handlingCode: 'H3',
          handlingRestriction: 'For the named officer only',
          addressedTo: { officers: ['pknamed'] },
          entities: [],
          hitRef: ref,
        }),
      });
      assert.equal(restricted.status, 201, JSON.stringify(restricted.json));
      const rid = restricted.json.message.id;
      await waitFor(
        async () => (await api(pk, pkNamed, 'GET', `/matching/follow-ups/${rid}`)).status === 200,
        20_000,
        `the restricted follow-up at the holder (sent as ${restricted.json.message.status})`,
      );
      const outside = await api(pk, pkLiaison, 'GET', `/matching/follow-ups/${rid}`);
      assert.equal(outside.status, 404);
      assert.ok(!JSON.stringify(outside.json).includes('Chaudhry'));
      const audit = await pk.ctx.db
        .selectFrom('audit_log')
        .select(['actor', 'action', 'subject'])
        .where('subject', 'like', `%${rid}%`)
        .execute();
      assert.ok(
        audit.some((a) => a.action === 'access.denied' && a.actor.includes('pkliaison')),
        `the refused look-up is audited: ${JSON.stringify(audit)}`,
      );
    });

    test('a follow-up is honoured only if its sender could have obtained the reference under its current policy; otherwise the reason, nothing of the record', async () => {
      const allTypes = {
        enabled: true,
        recordTypes: ['person', 'identity_document', 'phone', 'vessel', 'financial'],
        crimeAreas: [],
        dailyQuota: 1000,
      };
      assert.equal((await api(pk, pkDpo, 'PUT', '/matching/policies/ma-dgsn', allTypes)).status, 200);
      // An rfi from Rabat quoting a reference, as it arrives at Islamabad: the holder's answer.
      const quote = async (hitRef: string) => {
        const sent = await api(ma, maAnalyst, 'POST', '/messages', {
          recipient: 'pk-fia',
          message: syntheticRfi(Date.now(), { subject: `Follow-up of hit ${hitRef}`, entities: [], hitRef }),
        });
        assert.equal(sent.status, 201, JSON.stringify(sent.json));
        const id = sent.json.message.id as string;
        let opened: { status: number; json: any } | undefined;
        await waitFor(
          async () => {
            opened = await api(pk, pkLiaison, 'GET', `/matching/follow-ups/${id}`);
            return opened.status !== 404;
          },
          20_000,
          'the rfi at the holder',
        );
        return { id, opened: opened! };
      };
      const refused = (r: { status: number; json: any }, reason: string, ...absent: string[]) => {
        assert.equal(r.status, 409, JSON.stringify(r.json));
        assert.equal(r.json.error.code, 'hit_ref_not_valid');
        assert.equal(r.json.error.details.reason, reason);
        assert.equal(r.json.records, undefined);
        for (const value of absent) assert.ok(!JSON.stringify(r.json).includes(value), `shows ${value}`);
      };

      // A reference Rabat obtained by its own check: honoured.
      const res = await check([{ kind: 'phone', number: SUSPECT_PHONE }]);
      const phoneRef = res.json.results[0].hitRefs[0];
      const honoured = await quote(phoneRef);
      assert.equal(honoured.opened.status, 200, JSON.stringify(honoured.opened.json));
      assert.equal(honoured.opened.json.records[0].entity.number, SUSPECT_PHONE);

      // A forged reference.
      refused((await quote('MX-AAAAAAAAAAAAAAAA')).opened, 'unknown');

      // The DPO no longer lets Rabat match phones, then only another crime area: the same rfi
      // is no longer honoured, and nothing of the record is shown.
      const follow = () => api(pk, pkLiaison, 'GET', `/matching/follow-ups/${honoured.id}`);
      await api(pk, pkDpo, 'PUT', '/matching/policies/ma-dgsn', { ...allTypes, recordTypes: ['person'] });
      refused(await follow(), 'not_allowed', SUSPECT_PHONE, '923001112233', 'FIA suspects');
      await api(pk, pkDpo, 'PUT', '/matching/policies/ma-dgsn', {
        ...allTypes,
        crimeAreas: ['drug_trafficking'],
      });
      refused(await follow(), 'not_allowed', SUSPECT_PHONE);
      await api(pk, pkDpo, 'PUT', '/matching/policies/ma-dgsn', { ...allTypes, enabled: false });
      refused(await follow(), 'not_allowed', SUSPECT_PHONE);
      refused(
        await api(pk, pkLiaison, 'GET', `/matching/hits/${phoneRef}?partner=ma-dgsn`),
        'not_allowed',
        SUSPECT_PHONE,
      );
      await api(pk, pkDpo, 'PUT', '/matching/policies/ma-dgsn', allTypes);
      assert.equal((await follow()).status, 200);

      // A reference of a record added after Rabat's last check (as a third partner that did
      // check could pass it on): Rabat cannot have obtained it itself.
      const laterPhone = '+923007778899';
      const added = await api(pk, pkAdmin, 'POST', '/matching/holdings', {
        ...holdings,
        entities: [{ kind: 'phone', id: 'ph9', number: laterPhone }],
      });
      assert.equal(added.status, 201);
      const row = await pk.ctx.db
        .selectFrom('matching_records as r')
        .innerJoin('matching_holdings as h', (j) => j.on(sql`h.id::text`, '=', sql.ref('r.source_id')))
        .select('r.ref')
        .where(sql<boolean>`h.entity->>'number' = ${laterPhone}`)
        .executeTakeFirstOrThrow();
      const { formatHitRef } = await import('../src/matching/index.js');
      const passedOn = formatHitRef(Buffer.from(row.ref));
      const early = await quote(passedOn);
      refused(early.opened, 'not_obtained', laterPhone);
      // Once Rabat checks it itself, a new rfi quoting it is honoured; the earlier one is not
      // (Rabat did not hold the reference when it sent it).
      const later = await check([{ kind: 'phone', number: laterPhone }]);
      assert.deepEqual(later.json.results[0].hitRefs, [passedOn]);
      assert.equal((await quote(passedOn)).opened.status, 200);
      refused(await api(pk, pkLiaison, 'GET', `/matching/follow-ups/${early.id}`), 'not_obtained');

      // Expired: more than HIT_REF_VALIDITY_DAYS after Rabat's last check.
      const { HIT_REF_VALIDITY_DAYS } = await import('../src/matching/index.js');
      const liaison = { ...testAdmin, username: 'pkliaison', roles: ['liaison' as const] };
      pkClock.offset = (HIT_REF_VALIDITY_DAYS + 1) * 86_400_000;
      try {
        await assert.rejects(pk.ctx.matching.resolveHit(liaison, phoneRef, 'ma-dgsn'), (err: any) => {
          assert.equal(err.code, 'hit_ref_not_valid');
          assert.equal(err.details.reason, 'expired');
          return true;
        });
      } finally {
        pkClock.offset = 0;
      }
      assert.equal(
        (await pk.ctx.matching.resolveHit(liaison, phoneRef, 'ma-dgsn'))[0]!.entity!.number,
        SUSPECT_PHONE,
      );

      // Withdrawn from the index: the record is gone from matching.
      const holding = (await api(pk, pkAdmin, 'GET', '/matching/holdings')).json.holdings.find(
        (h: { entity: { number?: string } }) => h.entity.number === laterPhone,
      );
      assert.equal((await api(pk, pkAdmin, 'DELETE', `/matching/holdings/${holding.id}`)).status, 204);
      refused(
        await api(pk, pkLiaison, 'GET', `/matching/hits/${passedOn}?partner=ma-dgsn`),
        'withdrawn',
        laterPhone,
      );

      // Every refusal is audited with its reason.
      const audit = await pk.ctx.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('action', '=', 'matching.hit.refused')
        .execute();
      const reasons = new Set(audit.map((a) => (a.detail as { reason: string }).reason));
      for (const r of ['unknown', 'not_allowed', 'not_obtained', 'expired', 'withdrawn'])
        assert.ok(reasons.has(r), r);
    });

    test("the holder signs its answer; both logs keep the signed answer, which verifies with the holder's card key", async () => {
      const res = await check([{ kind: 'phone', number: SUSPECT_PHONE }]);
      assert.equal(res.status, 200, JSON.stringify(res.json));
      const made = (await api(ma, maAnalyst, 'GET', '/matching/queries?partner=pk-fia')).json.queries.find(
        (q: { id: string }) => q.id === res.json.queryId,
      );
      assert.equal(made.outcome, 'evaluated');
      assert.match(made.answerJws, /^[\w-]+\.[\w-]+\.[\w-]+$/);
      const received = (await api(pk, pkDpo, 'GET', '/matching/queries?partner=ma-dgsn')).json.queries.find(
        (q: { id: string }) => q.id === res.json.queryId,
      );
      assert.equal(received.answerJws, made.answerJws);
      // Anyone holding Islamabad's card can check it later, offline.
      const { verifyMatchingAnswer, hashElements } = await import('../src/matching/index.js');
      const holderKey = pk.ctx.federation.currentKeys().signing.publicJwk;
      const payload = JSON.parse(Buffer.from(made.answerJws.split('.')[1], 'base64url').toString('utf8'));
      const verified = await verifyMatchingAnswer(made.answerJws, holderKey, {
        queryId: res.json.queryId,
        holder: 'pk-fia',
        querier: 'ma-dgsn',
        epoch: res.json.epoch,
        elementsHash: payload.elementsHash,
        evaluatedHash: payload.evaluatedHash,
      });
      assert.ok(verified.ok, JSON.stringify(verified));
      assert.notEqual(payload.elementsHash, hashElements([]));
      // The querier's own key does not verify it.
      const wrong = await verifyMatchingAnswer(
        made.answerJws,
        ma.ctx.federation.currentKeys().signing.publicJwk,
        {
          queryId: res.json.queryId,
          holder: 'pk-fia',
          querier: 'ma-dgsn',
          epoch: res.json.epoch,
          elementsHash: payload.elementsHash,
          evaluatedHash: payload.evaluatedHash,
        },
      );
      assert.equal(wrong.ok, false);
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
      // Refused policies change nothing: a negative quota, a victim "record type", an unknown
      // partner, and anyone but the DPO.
      const before = (await api(pk, pkDpo, 'GET', '/matching/policies')).json.policies.find(
        (p: { partner: string }) => p.partner === 'ma-dgsn',
      );
      const refusals = [
        [
          pkDpo,
          'ma-dgsn',
          { enabled: true, recordTypes: ['phone'], crimeAreas: [], dailyQuota: -1 },
          400,
          'bad_request',
        ],
        [
          pkDpo,
          'ma-dgsn',
          { enabled: true, recordTypes: ['victim'], crimeAreas: [], dailyQuota: 10 },
          400,
          'bad_request',
        ],
        [
          pkDpo,
          'xx-none',
          { enabled: true, recordTypes: ['phone'], crimeAreas: [], dailyQuota: 10 },
          404,
          'not_found',
        ],
        [
          pkAdmin,
          'ma-dgsn',
          { enabled: true, recordTypes: ['phone'], crimeAreas: [], dailyQuota: 10 },
          403,
          'forbidden',
        ],
      ] as const;
      for (const [token, partner, body, status, code] of refusals) {
        const r = await api(pk, token, 'PUT', `/matching/policies/${partner}`, body);
        assert.equal(r.status, status, JSON.stringify(r.json));
        assert.equal(r.json.error.code, code);
        assert.ok(r.json.error.message.length > 0);
      }
      const after = (await api(pk, pkDpo, 'GET', '/matching/policies')).json.policies.find(
        (p: { partner: string }) => p.partner === 'ma-dgsn',
      );
      assert.deepEqual(after, before);
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

    test('the cached filter follows the holder: a record added after the first fetch hits, a removed one no longer does', async () => {
      const laterPhone = '+923004445566';
      // The querier holds a current copy of the filter; the phone is not in it yet.
      const first = await check([{ kind: 'phone', number: laterPhone }]);
      assert.equal(first.status, 200);
      assert.equal(first.json.results[0].hit, false);
      const copyVersion = async () =>
        (
          await ma.ctx.db
            .selectFrom('matching_partner_filters')
            .select('version')
            .where('partner', '=', 'pk-fia')
            .executeTakeFirstOrThrow()
        ).version;
      const versionBefore = Number(await copyVersion());
      // The holder registers the phone after the querier's copy was made.
      const added = await api(pk, pkAdmin, 'POST', '/matching/holdings', {
        source: 'Later record (synthetic test)',
        crimeAreas: ['migrant_smuggling'],
        entities: [{ kind: 'phone', id: 'ph-later', number: laterPhone }],
      });
      assert.equal(added.status, 201, JSON.stringify(added.json));
      const hit = await check([{ kind: 'phone', number: laterPhone }]);
      assert.equal(hit.status, 200);
      assert.equal(hit.json.results[0].hit, true);
      assert.ok(Number(await copyVersion()) > versionBefore, 'the copy moved to the new index version');
      // The holder removes it: the next check no longer hits.
      const list = await api(pk, pkAdmin, 'GET', '/matching/holdings');
      const id = list.json.holdings.find(
        (h: { source: string }) => h.source === 'Later record (synthetic test)',
      ).id;
      assert.equal((await api(pk, pkAdmin, 'DELETE', `/matching/holdings/${id}`)).status, 204);
      const gone = await check([{ kind: 'phone', number: laterPhone }]);
      assert.equal(gone.status, 200);
      assert.equal(gone.json.results[0].hit, false);
      // Records the copy already held still hit.
      const still = await check([{ kind: 'phone', number: SUSPECT_PHONE }]);
      assert.equal(still.json.results[0].hit, true);
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
        // The DPO's policy from the command line: a partial change keeps the rest.
        const setPolicy = await runCli(
          pk,
          pkDpo,
          [
            'match',
            'policy',
            'set',
            '--partner',
            'ma-dgsn',
            '--quota',
            '777',
            '--record-types',
            'phone,vessel',
            '--json',
          ],
          dir,
        );
        assert.equal(setPolicy.code, 0, setPolicy.err);
        const policy = JSON.parse(setPolicy.out);
        assert.equal(policy.dailyQuota, 777);
        assert.deepEqual(policy.recordTypes, ['phone', 'vessel']);
        assert.equal(policy.enabled, true);
        const shown = await runCli(pk, pkDpo, ['match', 'policy', 'show', '--partner', 'ma-dgsn'], dir);
        assert.equal(shown.code, 0, shown.err);
        assert.match(
          shown.out,
          /ma-dgsn {2}enabled {2}types: phone,vessel {2}crime areas: all {2}quota 777\/day/,
        );
        const badType = await runCli(
          pk,
          pkDpo,
          ['match', 'policy', 'set', '--partner', 'ma-dgsn', '--record-types', 'victim'],
          dir,
        );
        assert.notEqual(badType.code, 0);
        assert.match(badType.err, /bad_request|recordTypes/);
        const unchanged = await api(pk, pkDpo, 'GET', '/matching/policies');
        assert.deepEqual(
          unchanged.json.policies.find((p: { partner: string }) => p.partner === 'ma-dgsn').recordTypes,
          ['phone', 'vessel'],
        );
        const notDpo = await runCli(
          pk,
          pkAdmin,
          ['match', 'policy', 'set', '--partner', 'ma-dgsn', '--disable'],
          dir,
        );
        assert.equal(notDpo.code, 2);
        assert.match(notDpo.err, /matching\.policy/);
        const report = await runCli(pk, pkDpo, ['match', 'report', '--json'], dir);
        assert.equal(report.code, 0, report.err);
        const fromMa = JSON.parse(report.out).partners.find(
          (p: { partner: string }) => p.partner === 'ma-dgsn',
        );
        assert.ok(fromMa.received.queries >= 3, report.out);
        assert.equal(fromMa.dailyQuota, 777);
        const reportText = await runCli(ma, maAnalyst, ['match', 'report'], dir);
        assert.match(reportText.out, /^pk-fia {2}made: \d+ checks/m);
        const denied = await runCli(ma, maAnalyst, ['match', 'index', 'rebuild'], dir);
        assert.equal(denied.code, 2);
        assert.match(denied.err, /matching\.manage/);
        // Holdings from the CLI: a JSON file of entities registered, listed and withdrawn.
        writeFileSync(
          join(dir, 'holdings.json'),
          JSON.stringify([{ kind: 'phone', id: 'cli-ph', number: '+923001112233' }]),
        );
        const added = await runCli(
          pk,
          pkAdmin,
          [
            'match',
            'holdings',
            'add',
            '--source',
            'CLI test file (synthetic)',
            '--crime-areas',
            'migrant_smuggling',
            '--file',
            'holdings.json',
            '--json',
          ],
          dir,
        );
        assert.equal(added.code, 0, added.err);
        assert.deepEqual(JSON.parse(added.out), { added: 1 });
        const listed = await runCli(pk, pkAdmin, ['match', 'holdings', 'list', '--json'], dir);
        assert.equal(listed.code, 0, listed.err);
        const mine = JSON.parse(listed.out).holdings.find(
          (h: { source: string }) => h.source === 'CLI test file (synthetic)',
        );
        assert.equal(mine.kind, 'phone');
        writeFileSync(join(dir, 'bad.json'), '{"not": "an array"}');
        const bad = await runCli(
          pk,
          pkAdmin,
          [
            'match',
            'holdings',
            'add',
            '--source',
            'x',
            '--crime-areas',
            'migrant_smuggling',
            '--file',
            'bad.json',
          ],
          dir,
        );
        assert.notEqual(bad.code, 0);
        assert.match(bad.err, /JSON array/);
        const gone = await runCli(pk, pkAdmin, ['match', 'holdings', 'withdraw', mine.id], dir);
        assert.equal(gone.code, 0, gone.err);
        assert.match(gone.out, /withdrawn/);
        const after = await runCli(pk, pkAdmin, ['match', 'holdings', 'list', '--json'], dir);
        assert.equal(
          JSON.parse(after.out).holdings.some((h: { id: string }) => h.id === mine.id),
          false,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('an answer signed just before the holder rotates its node keys verifies with the key valid then; a retired key cannot answer later', async () => {
      await api(pk, pkDpo, 'PUT', '/matching/policies/ma-dgsn', {
        enabled: true,
        recordTypes: ['phone', 'person'],
        crimeAreas: [],
        dailyQuota: 100_000,
      });
      const { MATCHING_EVALUATE_PATH, signMatchingAnswer, verifyMatchingAnswer, OPRF_SUITE } = await import(
        '../src/matching/index.js'
      );
      const old = pk.ctx.federation.currentKeys().signing;
      // Rabat's evaluate request reaches Islamabad, which answers (signing with its key of the
      // moment); then Islamabad rotates its node keys and the rotation reaches Rabat before
      // Rabat checks the answer's signature.
      const ports = ma.ctx.matching.o.ports;
      const post = ports.postToPartner;
      let rotated: { status: number; json: any } | undefined;
      ports.postToPartner = async (partner, path, body) => {
        const res = await post(partner, path, body);
        if (path === MATCHING_EVALUATE_PATH && !rotated)
          rotated = await api(pk, pkAdmin, 'POST', '/node/rotate-keys', {});
        return res;
      };
      let res: { status: number; json: any };
      try {
        res = await check([{ kind: 'phone', number: SUSPECT_PHONE }]);
      } finally {
        ports.postToPartner = post;
      }
      assert.ok(rotated && rotated.status < 300, JSON.stringify(rotated?.json));
      assert.ok([200, 204].includes(rotated.json.pushed['ma-dgsn']), JSON.stringify(rotated.json));
      const current = pk.ctx.federation.currentKeys().signing.publicJwk;
      assert.notEqual(current.kid, old.publicJwk.kid);
      // Rabat now holds Islamabad's new card; the answer was signed with the old key, and passes.
      const keys = await ports.partnerSigningKeys('pk-fia');
      assert.equal(keys[0]!.key.kid, current.kid);
      assert.ok(keys.some((k) => k.key.kid === old.publicJwk.kid && k.retiredAt !== null));
      assert.equal(res!.status, 200, JSON.stringify(res!.json));
      assert.equal(res!.json.results[0].hit, true);
      const made = (await api(ma, maAnalyst, 'GET', '/matching/queries?partner=pk-fia')).json.queries.find(
        (q: { id: string }) => q.id === res!.json.queryId,
      );
      assert.equal(made.outcome, 'evaluated');
      const header = JSON.parse(Buffer.from(made.answerJws.split('.')[0], 'base64url').toString('utf8'));
      assert.equal(header.kid, old.publicJwk.kid);
      // The next check is answered and verified under the new key.
      const next = await check([{ kind: 'phone', number: SUSPECT_PHONE }]);
      assert.equal(next.status, 200, JSON.stringify(next.json));
      const nextLog = (await api(ma, maAnalyst, 'GET', '/matching/queries?partner=pk-fia')).json.queries.find(
        (q: { id: string }) => q.id === next.json.queryId,
      );
      assert.equal(
        JSON.parse(Buffer.from(nextLog.answerJws.split('.')[0], 'base64url').toString('utf8')).kid,
        current.kid,
      );
      // Whoever holds the retired key cannot answer for Islamabad after the rotation.
      const payload = JSON.parse(Buffer.from(made.answerJws.split('.')[1], 'base64url').toString('utf8'));
      const expected = {
        queryId: payload.queryId,
        holder: 'pk-fia',
        querier: 'ma-dgsn',
        epoch: payload.epoch,
        elementsHash: payload.elementsHash,
        evaluatedHash: payload.evaluatedHash,
      };
      const late = await signMatchingAnswer(
        { ...payload, suite: OPRF_SUITE, answeredAt: new Date().toISOString() },
        { privateKey: old.privateKey, kid: old.publicJwk.kid },
      );
      const now = new Date();
      const lateResult = await verifyMatchingAnswer(late, keys, expected, { sentAt: now, receivedAt: now });
      assert.deepEqual(lateResult, { ok: false, reason: { type: 'keyNotValidThen' } });
      // Backdating it does not help: the exchange is now, not before the rotation.
      const backdated = await signMatchingAnswer(
        { ...payload, answeredAt: new Date(Date.now() - 3_600_000).toISOString() },
        { privateKey: old.privateKey, kid: old.publicJwk.kid },
      );
      const backResult = await verifyMatchingAnswer(backdated, keys, expected, {
        sentAt: now,
        receivedAt: now,
      });
      assert.deepEqual(backResult, { ok: false, reason: { type: 'keyNotValidThen' } });
      // The kept answer still verifies later, offline, with the key history.
      assert.ok((await verifyMatchingAnswer(made.answerJws, keys, expected)).ok);
    });
  });
}
