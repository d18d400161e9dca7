import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { openTestDatabase } from '../../test/_util.js';
import type { Database } from '../platform/index.js';
import { canSee, type NeedToKnowContext, type NeedToKnowRecord, visibleCondition } from './need-to-know.js';

const me = { userId: randomUUID(), username: 'bilal' };
const ctx = (units: string[], grants: string[] = []): NeedToKnowContext => ({
  ...me,
  units: new Set(units),
  cases: new Set(),
  incidents: new Set(),
  grants: new Set(grants),
});
const record = (r: Partial<NeedToKnowRecord>): NeedToKnowRecord => ({
  kind: 'message',
  id: randomUUID(),
  unit: null,
  officers: [],
  tlp: 'AMBER',
  handlingCode: 'H1',
  createdBy: null,
  ...r,
});

test('the rules: addressees, units, restricted material, authors, organisation-wide', () => {
  const inCid = ctx(['cid']);
  assert.equal(canSee(inCid, record({})), true, 'addressed to nobody: the whole organisation');
  assert.equal(canSee(inCid, record({ unit: 'cid' })), true);
  assert.equal(canSee(inCid, record({ unit: 'dvi' })), false);
  assert.equal(canSee(inCid, record({ unit: 'dvi', officers: ['bilal'] })), true, 'named');
  assert.equal(
    canSee(inCid, record({ unit: 'cid', tlp: 'RED', officers: ['nadia'] })),
    false,
    'RED: named only',
  );
  assert.equal(canSee(inCid, record({ unit: 'cid', handlingCode: 'H3', officers: ['nadia'] })), false);
  assert.equal(canSee(inCid, record({ unit: 'cid', handlingCode: 'H3' })), true, 'H3 to my unit');
  assert.equal(canSee(inCid, record({ handlingCode: 'H3' })), false, 'H3 to nobody: nobody');
  assert.equal(canSee(ctx([]), record({ handlingCode: 'H3', createdBy: 'user:bilal' })), true, 'author');
  const r = record({ tlp: 'RED', officers: ['nadia'] });
  assert.equal(canSee(ctx([], [`message:${r.id}`]), r), true, 'break-glass grant');
  assert.equal(canSee(inCid, record({ caseId: 'c1' })), false, 'a case I am not on');
  assert.equal(canSee({ ...inCid, cases: new Set(['c1']) }, record({ caseId: 'c1' })), true);
});

describe('the SQL condition agrees with canSee', () => {
  let database: Database & { drop(): Promise<void> };
  before(async () => {
    database = await openTestDatabase('pglite');
  });
  after(async () => database?.drop());

  test('on every combination of unit, officers, TLP, handling code, author and grant', async () => {
    const db = database.db;
    const now = new Date('2026-03-02T09:00:00Z');
    await db
      .insertInto('users')
      .values({
        id: me.userId,
        username: me.username,
        display_name: 'B',
        password_hash: 'x',
        roles: ['liaison'],
        totp_secret: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db.insertInto('units').values({ id: 'cid', name: 'CID', created_at: now }).execute();
    await db.insertInto('user_units').values({ user_id: me.userId, unit_id: 'cid' }).execute();
    const records: NeedToKnowRecord[] = [];
    for (const unit of [null, 'cid', 'dvi'])
      for (const officers of [[], ['bilal'], ['nadia']])
        for (const tlp of ['AMBER', 'RED', 'AMBER+STRICT'])
          for (const handlingCode of ['H1', 'H3'])
            for (const createdBy of [null, 'user:bilal'])
              records.push(record({ unit, officers, tlp, handlingCode, createdBy }));
    const granted = records.filter((_, i) => i % 7 === 0).map((r) => r.id);
    for (const r of records) {
      await db
        .insertInto('messages')
        .values({
          id: r.id,
          conversation_id: r.id,
          direction: 'in',
          partner: 'pk-fia',
          type: 'info',
          subject: 's',
          priority: 'routine',
          crime_areas: [],
          handling_code: r.handlingCode,
          tlp: r.tlp,
          deadline: null,
          in_reply_to: null,
          payload: '{}',
          status: 'received',
          created_by: r.createdBy,
          created_at: now,
          received_at: now,
          read_at: null,
          ack_status: null,
          ack_reason: null,
          ack_at: null,
          retention_review_date: null,
          unit: r.unit,
          addressed_officers: [...r.officers],
          review_status: null,
          review_flags: '[]',
          review_note: null,
          reviewed_by: null,
          reviewed_at: null,
        })
        .execute();
    }
    for (const id of granted) {
      await db
        .insertInto('break_glass')
        .values({
          id: randomUUID(),
          user_id: me.userId,
          username: me.username,
          record_kind: 'message',
          record_id: id,
          reason: 'test',
          created_at: now,
          expires_at: new Date(now.getTime() + 60_000),
          reviewed_at: null,
          reviewed_by: null,
          review_verdict: null,
          review_note: null,
        })
        .execute();
    }
    const cols = {
      kind: 'message',
      id: 'messages.id',
      unit: 'messages.unit',
      officers: 'messages.addressed_officers',
      tlp: 'messages.tlp',
      handlingCode: 'messages.handling_code',
      createdBy: 'messages.created_by',
    };
    const rows = await db
      .selectFrom('messages')
      .select('id')
      .where(visibleCondition(me, cols, now))
      .execute();
    const bySql = new Set(rows.map((r) => r.id));
    const context = ctx(
      ['cid'],
      granted.map((id) => `message:${id}`),
    );
    const byTs = new Set(records.filter((r) => canSee(context, r)).map((r) => r.id));
    assert.ok(byTs.size > 10 && byTs.size < records.length, 'the combinations include both answers');
    assert.deepEqual([...bySql].sort(), [...byTs].sort());
  });
});
