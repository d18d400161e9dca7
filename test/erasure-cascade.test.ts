import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { allowSharing, apiUser, pairNodes, startTestNode, type TestNode, waitFor } from './_util.js';

/** A threat alert naming one synthetic suspect and a phone (screened and served over TAXII). */
function alert(subject: string, suspect: string) {
  return {
    type: 'alert',
    alertKind: 'threat_warning',
    subject,
    body: 'Synthetic test alert.',
    language: 'en',
    crimeAreas: ['terrorism'],
    priority: 'high',
    handlingCode: 'H0',
    tlp: 'AMBER',
    evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
    legalBasis: 'Test agreement',
    purpose: 'Prevent an attack',
    retentionReviewDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    entities: [
      {
        kind: 'person',
        id: 'p1',
        role: 'suspect',
        names: [{ full: suspect, script: 'Latn' }],
        synthetic: true,
      },
      { kind: 'phone', id: 'ph1', number: '+923001234567' },
      { kind: 'relationship', id: 'r1', relationshipType: 'uses', from: { ref: 'p1' }, to: { ref: 'ph1' } },
    ],
  };
}

/** Everything a node holds about a message outside the `messages` row, as text to search for a name. */
async function derivedRecords(node: TestNode, messageId: string) {
  const subjects = await node.ctx.db
    .selectFrom('screening_subjects')
    .selectAll()
    .where('source', '=', 'message')
    .where('source_id', '=', messageId)
    .execute();
  const links = await node.ctx.db
    .selectFrom('stix_object_messages')
    .select(['stix_id', 'modified'])
    .where('message_id', '=', messageId)
    .execute();
  const objects = await node.ctx.db.selectFrom('stix_objects').select('object').execute();
  const outbox = await node.ctx.db
    .selectFrom('outbox')
    .select('payload')
    .where('id', '=', messageId)
    .execute();
  return {
    subjects,
    links,
    stixText: JSON.stringify(objects),
    outbox,
    outboxText: JSON.stringify(outbox),
  };
}

describe('erasure and purge reach every copy: screening subjects, STIX objects, the outbox', () => {
  let ma: TestNode;
  let pk: TestNode;
  const ids: Record<'purged' | 'erased' | 'corrected', string> = { purged: '', erased: '', corrected: '' };
  let maDpo: Awaited<ReturnType<typeof apiUser>>;
  let pkDpo: Awaited<ReturnType<typeof apiUser>>;

  before(async () => {
    [ma, pk] = await Promise.all([
      startTestNode({ id: 'ma-dgsn', country: 'MA' }),
      startTestNode({ id: 'pk-fia', country: 'PK' }),
    ]);
    await pairNodes(ma, pk);
    await allowSharing(pk, 'ma-dgsn');
    const liaison = await apiUser(pk, 'pk-liaison', ['liaison']);
    maDpo = await apiUser(ma, 'ma-dpo', ['dpo']);
    pkDpo = await apiUser(pk, 'pk-dpo', ['dpo']);
    for (const [key, suspect] of [
      ['purged', 'Synthetic Purgeable Suspect'],
      ['erased', 'Synthetic Erasable Suspect'],
      ['corrected', 'Synthetic Missspelt Suspect'],
    ] as const) {
      const res = await liaison.call('POST', '/messages', {
        recipient: 'ma-dgsn',
        message: alert(`Synthetic alert ${key}`, suspect),
      });
      assert.equal(res.status, 201, JSON.stringify(res.json));
      ids[key] = res.json.message.id;
    }
    await waitFor(
      async () =>
        (await ma.ctx.db.selectFrom('messages').select('id').where('id', 'in', Object.values(ids)).execute())
          .length === 3,
      20_000,
      'three alerts at ma-dgsn',
    );
  });
  after(async () => {
    await Promise.all([ma?.destroy(), pk?.destroy()]);
  });

  test('before: the receiver derived screening subjects and STIX objects; the sender keeps an outbox copy', async () => {
    const received = await derivedRecords(ma, ids.purged);
    assert.equal(received.subjects.length, 1);
    assert.ok(received.links.length > 0);
    assert.ok(received.stixText.includes('Synthetic Purgeable Suspect'));
    const sent = await derivedRecords(pk, ids.purged);
    assert.equal(sent.outbox.length, 1);
    assert.ok(sent.outboxText.includes('Synthetic Purgeable Suspect'));
    assert.ok(sent.stixText.includes('Synthetic Purgeable Suspect'));
  });

  test('a retention purge at the receiver removes its screening subjects and STIX objects', async () => {
    const res = await maDpo.call('POST', `/retention/${ids.purged}/purge`, { reason: 'Review date passed' });
    assert.equal(res.status, 204, JSON.stringify(res.json));
    const after = await derivedRecords(ma, ids.purged);
    assert.deepEqual(after.subjects, []);
    assert.deepEqual(after.links, []);
    assert.ok(!after.stixText.includes('Synthetic Purgeable Suspect'), 'no STIX object names the person');
    // The other alerts' objects stay.
    assert.ok(after.stixText.includes('Synthetic Erasable Suspect'));
    assert.equal((await derivedRecords(ma, ids.erased)).subjects.length, 1);
  });

  test('a retention purge at the sender removes its outbox copy and its STIX objects', async () => {
    const res = await pkDpo.call('POST', `/retention/${ids.purged}/purge`, { reason: 'Review date passed' });
    assert.equal(res.status, 204, JSON.stringify(res.json));
    const after = await derivedRecords(pk, ids.purged);
    assert.deepEqual(after.outbox, []);
    assert.deepEqual(after.links, []);
    assert.ok(!after.stixText.includes('Synthetic Purgeable Suspect'));
    assert.equal(
      (await derivedRecords(pk, ids.erased)).outbox.length,
      1,
      'other messages stay in the outbox',
    );
  });

  test('erasing a person (subject request) removes them from the screening queue, TAXII and the outbox copy', async () => {
    const change = {
      module: 'exchange',
      entityId: 'p1',
      action: 'erase',
      reference: 'Request 2026/21 (art. 17)',
    };
    assert.equal(
      (await maDpo.call('POST', '/subject-requests/change', { ...change, recordId: ids.erased })).status,
      204,
    );
    const received = await derivedRecords(ma, ids.erased);
    assert.deepEqual(received.subjects, []);
    assert.ok(!received.stixText.includes('Synthetic Erasable Suspect'));
    assert.ok(received.links.length > 0, 'the alert itself is still served, without the person');

    assert.equal(
      (await pkDpo.call('POST', '/subject-requests/change', { ...change, recordId: ids.erased })).status,
      204,
    );
    const sent = await derivedRecords(pk, ids.erased);
    assert.equal(sent.outbox.length, 1);
    assert.ok(!sent.outboxText.includes('Synthetic Erasable Suspect'), 'a retry never carries the person');
    assert.ok(!sent.stixText.includes('Synthetic Erasable Suspect'));
  });

  test('correcting a name queues the person for screening again under the new name', async () => {
    const before = (await derivedRecords(ma, ids.corrected)).subjects;
    assert.equal(before.length, 1);
    const res = await maDpo.call('POST', '/subject-requests/change', {
      module: 'exchange',
      recordId: ids.corrected,
      entityId: 'p1',
      action: 'correct',
      names: [{ full: 'Synthetic Misspelt Suspect', script: 'Latn' }],
      reference: 'Request 2026/22 (art. 16)',
    });
    assert.equal(res.status, 204, JSON.stringify(res.json));
    const after = await derivedRecords(ma, ids.corrected);
    assert.equal(after.subjects.length, 1);
    assert.ok(JSON.stringify(after.subjects[0]!.query).includes('Synthetic Misspelt Suspect'));
    assert.equal(after.subjects[0]!.screened_at, null, 'screened again');
    assert.ok(!after.stixText.includes('Synthetic Missspelt Suspect'));
    assert.ok(after.stixText.includes('Synthetic Misspelt Suspect'));
  });
});
