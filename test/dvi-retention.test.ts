import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAuditEntries, ManualClock } from '../src/platform/index.js';
import {
  allowSharing,
  apiCall,
  apiUser,
  pairNodes,
  startTestNode,
  type TestNode,
  testAdmin,
  waitFor,
} from './_util.js';

const DAY = 86_400_000;
type User = Awaited<ReturnType<typeof apiUser>>;

const PM_FORM = {
  recoveryPlace: 'Beach 12 km south of Dakhla (synthetic)',
  recoveredAt: '2025-01-17T09:30:00.000Z',
  condition: 'complete',
  sex: 'male',
  ageRange: { min: 25, max: 35 },
  documents: [{ kind: 'identity card', names: ['Mohammad Asif Iqbal'] }],
};
const AM_FORM = {
  names: [{ full: 'Muhammad Asif Iqbal (synthetic)', script: 'Latn' }],
  sex: 'male',
  collectedBy: 'Synthetic officer',
  collectedFrom: 'Synthetic brother',
};

/**
 * DVI records have retention periods per legal basis, reach the DPO's due list, are
 * extended with a reason or purged with a tombstone; a record locked by a confirmed board
 * decision stays while its case is open, unless the DPO overrides explicitly.
 */
describe('retention of DVI records', { timeout: 180_000 }, () => {
  const clock = new ManualClock('2026-01-10T09:00:00.000Z');
  let node: TestNode;
  let dina: User;
  let analyst: User;
  const dpo = { ...testAdmin, username: 'test-dpo', roles: ['dpo' as const] };
  let incident: string;
  const ids: Record<string, string> = {};

  const addRecord = async (kind: 'post-mortem' | 'ante-mortem', reference: string, form: object) => {
    const res = await dina.call('POST', `/incidents/${incident}/${kind}`, {
      reference,
      synthetic: true,
      form,
    });
    assert.equal(res.status, 201, JSON.stringify(res.json));
    return res.json.id as string;
  };
  // The test clock runs months ahead: tokens are issued again when it has moved.
  const renew = async (user: User): Promise<User> => {
    const { token } = await node.ctx.governance.createToken(user.username, { name: 'again' });
    return { ...user, token, call: (m, p, b, h) => apiCall(node, token, m, p, b, h) };
  };
  const dueIds = async () => (await node.ctx.retention.listDue(dpo)).map((d) => d.id);
  const exists = async (table: 'dvi_post_mortem' | 'dvi_ante_mortem', id: string) =>
    (await node.ctx.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

  before(async () => {
    node = await startTestNode({ id: 'ma-dgsn', clock });
    dina = await apiUser(node, 'dina', ['dvi']);
    analyst = await apiUser(node, 'anas', ['analyst']);
    const admin = await apiUser(node, 'adam', ['admin']);
    const created = await admin.call('POST', '/incidents', {
      type: 'shipwreck',
      date: '2025-01-15',
      place: 'About 60 miles off Dakhla (synthetic test incident)',
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    incident = created.json.id;
    assert.equal((await admin.call('POST', `/incidents/${incident}/team`, { username: 'dina' })).status, 204);
    // Records under two legal bases; the DPO sets a short period for one of them.
    ids.pmShort = await addRecord('post-mortem', 'PM-RET-1', {
      ...PM_FORM,
      legalBasis: 'Synthetic short basis',
    });
    ids.pmLong = await addRecord('post-mortem', 'PM-RET-2', PM_FORM);
    ids.amLocked = await addRecord('ante-mortem', 'AM-RET-1', {
      ...AM_FORM,
      legalBasis: 'Synthetic short basis',
    });
    ids.pmLocked = await addRecord('post-mortem', 'PM-RET-3', {
      ...PM_FORM,
      legalBasis: 'Synthetic short basis',
    });
    await dina.call('POST', `/incidents/${incident}/identifiers`, {
      pmId: ids.pmLocked,
      amId: ids.amLocked,
      kind: 'dna',
      expert: 'Synthetic DNA expert',
    });
    const decided = await dina.call('POST', `/incidents/${incident}/identifications`, {
      pmId: ids.pmLocked,
      amId: ids.amLocked,
      status: 'confirmed',
      members: ['Synthetic board chair'],
    });
    assert.equal(decided.status, 201, JSON.stringify(decided.json));
    for (const recordType of ['dvi_post_mortem', 'dvi_ante_mortem'] as const) {
      await node.ctx.retention.setRule(dpo, {
        recordType,
        legalBasis: 'Synthetic short basis',
        reviewAfterDays: 30,
      });
    }
  });
  after(async () => {
    await node?.destroy();
  });

  test('records due under their legal basis reach the DPO’s due list; others wait for the default period', async () => {
    await node.ctx.retention.scan(true);
    assert.deepEqual(await dueIds(), []);
    clock.advance(31 * DAY);
    await node.ctx.retention.scan(true);
    const due = await node.ctx.retention.listDue(dpo);
    assert.deepEqual(due.map((d) => d.id).sort(), [ids.pmShort, ids.amLocked, ids.pmLocked].sort());
    const pm = due.find((d) => d.id === ids.pmShort)!;
    assert.equal(pm.type, 'dvi_post_mortem');
    assert.equal(pm.subject, 'PM-RET-1');
    assert.equal(pm.legalBasis, 'Synthetic short basis');
    assert.equal(pm.dueOn, '2026-02-09');
    // The default (ten years) keeps the record without a legal basis off the list.
    assert.ok(!due.some((d) => d.id === ids.pmLong));
  });

  test('the DPO extends one with a reason: it leaves the list until the new date', async () => {
    const dpoUser = await apiUser(node, 'dora', ['dpo']);
    const noReason = await dpoUser.call('POST', `/retention/${ids.pmShort}/extend`, {
      until: '2026-06-01',
      reason: '',
    });
    assert.equal(noReason.status, 400);
    const ok = await dpoUser.call('POST', `/retention/${ids.pmShort}/extend`, {
      until: '2026-06-01',
      reason: 'Synthetic: the prosecutor still needs the record',
    });
    assert.equal(ok.status, 204, JSON.stringify(ok.json));
    assert.ok(!(await dueIds()).includes(ids.pmShort!));
    await node.ctx.retention.scan(true);
    assert.ok(!(await dueIds()).includes(ids.pmShort!), 'not listed again before the new date');
    const audit = await listAuditEntries(node.ctx.db, { action: 'retention.extend' });
    assert.equal(audit[0]!.subject, `dvi_post_mortem:${ids.pmShort}`);
    clock.set('2026-06-02T09:00:00.000Z');
    await node.ctx.retention.scan(true);
    assert.ok((await dueIds()).includes(ids.pmShort!), 'listed again after the extension');
  });

  test('a purge removes the record and what hangs on it, leaving a tombstone', async () => {
    const dpoUser = await apiUser(node, 'dorra', ['dpo']);
    dina = await renew(dina);
    const res = await dpoUser.call('POST', `/retention/${ids.pmShort}/purge`, {
      reason: 'Synthetic: period over',
    });
    assert.equal(res.status, 204, JSON.stringify(res.json));
    assert.equal(await exists('dvi_post_mortem', ids.pmShort!), false);
    assert.ok(!(await dueIds()).includes(ids.pmShort!));
    assert.equal((await dina.call('GET', `/incidents/${incident}/post-mortem`)).json.records.length, 2);
    const purge = (await listAuditEntries(node.ctx.db, { action: 'retention.purge' }))[0]!;
    assert.equal(purge.subject, `dvi_post_mortem:${ids.pmShort}`);
    const tombstone = purge.detail.tombstone as Record<string, unknown>;
    assert.equal(tombstone.reference, 'PM-RET-1');
    assert.match(String(tombstone.formSha256), /^[0-9a-f]{64}$/);
    assert.doesNotMatch(JSON.stringify(purge.detail), /Dakhla|Iqbal/, 'the tombstone holds no content');
  });

  test('a record locked by a confirmed identification is kept while its case is open, unless the DPO overrides', async () => {
    const dpoUser = await apiUser(node, 'dalia', ['dpo']);
    dina = await renew(dina);
    analyst = await renew(analyst);
    // No joint case: the case counts as open.
    const refused = await dpoUser.call('POST', `/retention/${ids.amLocked}/purge`, {
      reason: 'Synthetic: period over',
    });
    assert.equal(refused.status, 409);
    assert.equal(refused.json.error.code, 'identification_locked');
    assert.equal(await exists('dvi_ante_mortem', ids.amLocked!), true, 'nothing changed');

    // Linked to a joint case: still refused while the case is open, allowed once it is closed.
    const opened = await analyst.call('POST', '/cases', {
      title: 'Synthetic: Dakhla smuggling network',
      crimeAreas: ['migrant_smuggling'],
      legalBasis: 'Synthetic agreement',
      handlingCode: 'H1',
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.json));
    await node.ctx.db
      .updateTable('incidents')
      .set({ joint_case_id: opened.json.id })
      .where('id', '=', incident)
      .execute();
    const whileOpen = await dpoUser.call('POST', `/retention/${ids.pmLocked}/purge`, {
      reason: 'Synthetic: period over',
    });
    assert.equal(whileOpen.json.error?.code, 'identification_locked');
    const closed = await analyst.call('PATCH', `/cases/${opened.json.id}`, { status: 'closed' });
    assert.equal(closed.status, 200, JSON.stringify(closed.json));
    const afterClose = await dpoUser.call('POST', `/retention/${ids.pmLocked}/purge`, {
      reason: 'Synthetic: case closed',
    });
    assert.equal(afterClose.status, 204, JSON.stringify(afterClose.json));
    assert.equal(await exists('dvi_post_mortem', ids.pmLocked!), false);
    // The board decision went with it (the tombstone names it).
    const decisions = await node.ctx.db.selectFrom('dvi_identifications').selectAll().execute();
    assert.equal(decisions.length, 0);

    // The DPO's explicit override purges a locked record of an open case, audited as such.
    await node.ctx.db
      .updateTable('incidents')
      .set({ joint_case_id: null })
      .where('id', '=', incident)
      .execute();
    const pm = await addRecord('post-mortem', 'PM-RET-4', PM_FORM);
    await dina.call('POST', `/incidents/${incident}/identifiers`, {
      pmId: pm,
      amId: ids.amLocked,
      kind: 'dental',
      expert: 'Synthetic odontologist',
    });
    const relock = await dina.call('POST', `/incidents/${incident}/identifications`, {
      pmId: pm,
      amId: ids.amLocked,
      status: 'confirmed',
      members: ['Synthetic board chair'],
    });
    assert.equal(relock.status, 201, JSON.stringify(relock.json));
    const override = await dpoUser.call('POST', `/retention/${ids.amLocked}/purge`, {
      reason: 'Synthetic: DPO decision after the family’s erasure request',
      overrideBoardLock: true,
    });
    assert.equal(override.status, 204, JSON.stringify(override.json));
    assert.equal(await exists('dvi_ante_mortem', ids.amLocked!), false);
    const purge = (await listAuditEntries(node.ctx.db, { action: 'retention.purge' }))[0]!;
    assert.equal(purge.subject, `dvi_ante_mortem:${ids.amLocked}`);
    assert.equal(purge.detail.overrodeBoardLock, true);
  });
});

/**
 * A purged ante-mortem record that a partner sent is not silently gone there: the partner is
 * told (`dvi.deleted`), marks its transfer, and its DPO hears of it (PROTOCOL §8.7).
 */
describe('retention of a received ante-mortem record tells its sender', { timeout: 180_000 }, () => {
  const clock = new ManualClock('2026-01-10T09:00:00.000Z');
  let pk: TestNode;
  let ma: TestNode;
  const dpo = { ...testAdmin, username: 'test-dpo', roles: ['dpo' as const] };

  before(async () => {
    pk = await startTestNode({ id: 'pk-fia', country: 'PK', clock });
    ma = await startTestNode({ id: 'ma-dgsn', country: 'MA', clock });
    await pairNodes(pk, ma);
    await allowSharing(pk, 'ma-dgsn');
  });
  after(async () => {
    await pk?.destroy();
    await ma?.destroy();
  });

  test('the receiver purges it; the sender marks its transfer, tells its DPO and audits', async () => {
    const admin = await apiUser(pk, 'adam', ['admin']);
    const parveen = await apiUser(pk, 'parveen', ['dvi']);
    const created = await admin.call('POST', '/incidents', {
      type: 'shipwreck',
      date: '2025-01-15',
      place: 'About 60 miles off Dakhla (synthetic test incident)',
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const incident = created.json.id as string;
    assert.equal(
      (await admin.call('POST', `/incidents/${incident}/team`, { username: 'parveen' })).status,
      204,
    );
    const am = await parveen.call('POST', `/incidents/${incident}/ante-mortem`, {
      reference: 'AM-PK-DEL-1',
      synthetic: true,
      form: AM_FORM,
    });
    assert.equal(am.status, 201, JSON.stringify(am.json));
    const sent = await parveen.call('POST', `/incidents/${incident}/transfers`, {
      amId: am.json.id,
      partner: 'ma-dgsn',
    });
    assert.equal(sent.json.status, 'sent', JSON.stringify(sent.json));
    const received = async () =>
      ma.ctx.db
        .selectFrom('dvi_ante_mortem')
        .select(['id', 'remote_id'])
        .where('partner', '=', 'pk-fia')
        .where('reference', '=', 'AM-PK-DEL-1')
        .executeTakeFirst();
    await waitFor(async () => (await received()) !== undefined, 30_000, 'the record at ma-dgsn');
    const copy = (await received())!;
    assert.equal(copy.remote_id, am.json.id);

    // Rabat's DPO sets a short period; the record comes due and is purged.
    await ma.ctx.retention.setRule(dpo, {
      recordType: 'dvi_ante_mortem',
      legalBasis: '*',
      reviewAfterDays: 30,
    });
    clock.advance(31 * DAY);
    await ma.ctx.retention.scan(true);
    assert.ok((await ma.ctx.retention.listDue(dpo)).some((d) => d.id === copy.id));
    const maDpo = await apiUser(ma, 'dora', ['dpo']);
    const purged = await maDpo.call('POST', `/retention/${copy.id}/purge`, {
      reason: 'Synthetic: period over',
    });
    assert.equal(purged.status, 204, JSON.stringify(purged.json));

    // Islamabad hears of it: the transfer is marked, its DPO notified, the audit keeps it.
    await waitFor(
      async () =>
        (
          await pk.ctx.db
            .selectFrom('dvi_transfers')
            .select('partner_deleted_at')
            .where('id', '=', sent.json.id)
            .executeTakeFirst()
        )?.partner_deleted_at != null,
      30_000,
      'the deletion notice at pk-fia',
    );
    // The test clock moved past the tokens' lifetime: a fresh one for the team member.
    const { token } = await pk.ctx.governance.createToken('parveen', { name: 'again' });
    const list = await apiCall(pk, token, 'GET', `/incidents/${incident}/transfers`);
    assert.equal(list.status, 200, JSON.stringify(list.json));
    const view = (list.json.transfers as Array<Record<string, unknown>>).find((t) => t.id === sent.json.id)!;
    assert.equal(view.partnerDeletedReason, 'retention');
    assert.equal(view.partnerDeletedAt, clock.now().toISOString());
    const notes = await pk.ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'partner_deleted')
      .execute();
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.audience, 'dpo');
    assert.match(notes[0]!.title, /AM-PK-DEL-1/);
    const audit = (await listAuditEntries(pk.ctx.db, { action: 'retention.partner_deleted' }))[0]!;
    assert.equal(audit.subject, `dvi_ante_mortem:${am.json.id}`);
    assert.equal(audit.actor, 'partner:ma-dgsn');
    // The notice names the record, never the person.
    const wire = await ma.ctx.db.selectFrom('outbox').selectAll().where('type', '=', 'dvi.deleted').execute();
    assert.equal(wire.length, 1);
    for (const row of wire) assert.doesNotMatch(JSON.stringify(row), /Iqbal/);
    // Islamabad's own record stays: its retention is its own.
    assert.ok(
      await pk.ctx.db
        .selectFrom('dvi_ante_mortem')
        .select('id')
        .where('id', '=', am.json.id)
        .executeTakeFirst(),
    );
  });
});
