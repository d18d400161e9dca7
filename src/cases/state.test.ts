import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { nextHlc } from './hlc.js';
import type { CaseOp } from './schema.js';
import { liveItems, replayCase } from './state.js';

const caseId = randomUUID();
const set = (
  hlc: string,
  origin: string,
  fields: Record<string, unknown>,
  base: Record<string, string | null> = {},
): CaseOp => ({
  id: randomUUID(),
  hlc,
  origin,
  author: 'officer',
  kind: 'case.set',
  fields,
  base,
});

describe('case state replay', () => {
  test('clock values order as strings and advance past the highest seen', () => {
    assert.equal(nextHlc(1000, null), '000000000001000.00000');
    assert.equal(nextHlc(999, '000000000001000.00004'), '000000000001000.00005');
    assert.ok(nextHlc(2000, '000000000001000.00004') > '000000000001000.00004');
  });

  test('concurrent writes to one field: the later clock wins on both sides and the other value is kept as a conflict', () => {
    const create = set('000000000001000.00000', 'ma-dgsn', { title: 'Dakhla' });
    const a = set('000000000002000.00000', 'ma-dgsn', { title: 'Dakhla network' }, { title: create.id });
    const b = set('000000000002000.00001', 'pk-fia', { title: 'Dakhla crossing' }, { title: create.id });
    const one = replayCase(caseId, 'ma-dgsn', [create, a, b]);
    const two = replayCase(caseId, 'ma-dgsn', [b, create, a]);
    assert.equal(one.fields.title?.value, 'Dakhla crossing');
    assert.deepEqual(one, two);
    assert.equal(one.conflicts.length, 1);
    assert.equal(one.conflicts[0]!.lost, 'Dakhla network');
    // A write that saw the value it replaces is no conflict.
    const c = set('000000000003000.00000', 'ma-dgsn', { title: 'Final' }, { title: b.id });
    assert.equal(replayCase(caseId, 'ma-dgsn', [create, a, b, c]).conflicts.length, 1);
  });

  test('a side writes only its own members; only the owner writes partners', () => {
    const put = (
      origin: string,
      collection: 'members' | 'partners',
      fields: Record<string, unknown>,
    ): CaseOp => ({
      id: randomUUID(),
      hlc: nextHlc(Date.now(), null),
      origin,
      author: 'x',
      kind: 'item.put',
      collection,
      itemId: randomUUID(),
      fields,
      base: {},
    });
    const s = replayCase(caseId, 'ma-dgsn', [
      put('ma-dgsn', 'members', { node: 'ma-dgsn', username: 'amina', role: 'lead', removed: false }),
      put('pk-fia', 'members', { node: 'ma-dgsn', username: 'intruder', role: 'member', removed: false }),
      put('pk-fia', 'partners', { node: 'xx-other', removed: false }),
    ]);
    assert.deepEqual(
      liveItems(s, 'members').map((m) => m.username),
      ['amina'],
    );
    assert.equal(liveItems(s, 'partners').length, 0);
  });

  test('property: any arrival order of the same operations gives the same state', () => {
    const ops: CaseOp[] = [];
    const item = randomUUID();
    for (let i = 0; i < 12; i++) {
      const origin = i % 2 ? 'pk-fia' : 'ma-dgsn';
      ops.push({
        id: randomUUID(),
        hlc: `00000000000${1000 + (i % 5)}.0000${i % 3}`.slice(-21),
        origin,
        author: 'o',
        kind: 'item.put',
        collection: 'tasks',
        itemId: item,
        fields: { title: `t${i}`, status: i % 3 ? 'open' : 'done' },
        base: {},
      });
    }
    const reference = JSON.stringify(replayCase(caseId, 'ma-dgsn', ops), (_k, v) =>
      v instanceof Map ? [...v.entries()] : v,
    );
    fc.assert(
      fc.property(fc.shuffledSubarray(ops, { minLength: ops.length, maxLength: ops.length }), (shuffled) => {
        const s = JSON.stringify(replayCase(caseId, 'ma-dgsn', shuffled), (_k, v) =>
          v instanceof Map ? [...v.entries()] : v,
        );
        assert.equal(s, reference);
      }),
    );
  });
});
