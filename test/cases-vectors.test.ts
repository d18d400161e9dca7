// The joint-case vectors another implementation plays (PROTOCOL §8.8): payloads the JSON
// Schemas and the node accept or refuse alike, and an operation log whose replay, in any
// arrival order, gives the published state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import {
  CASE_DOCUMENT_TYPE,
  CASE_OPS_TYPE,
  CASE_SHARE_TYPE,
  CASE_WITHDRAW_TYPE,
  type CaseOp,
  caseDocumentPayloadSchema,
  caseOpsPayloadSchema,
  caseSharePayloadSchema,
  caseWithdrawPayloadSchema,
} from '../src/cases/index.js';
import { liveItems, replayCase } from '../src/cases/state.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const vectors = JSON.parse(read('test/vectors/payloads-cases-v1.json'));
const zodOf: Record<string, { safeParse(v: unknown): { success: boolean } }> = {
  [CASE_SHARE_TYPE]: caseSharePayloadSchema,
  [CASE_OPS_TYPE]: caseOpsPayloadSchema,
  [CASE_WITHDRAW_TYPE]: caseWithdrawPayloadSchema,
  [CASE_DOCUMENT_TYPE]: caseDocumentPayloadSchema,
};

describe('joint-case vectors', () => {
  test('JSON Schema and zod accept the valid payloads and refuse the invalid ones', () => {
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    const validatorOf = (type: string) => ajv.compile(JSON.parse(read(`docs/schemas/${type}.json`)));
    assert.deepEqual(Object.keys(vectors.valid).sort(), Object.keys(zodOf).sort());
    for (const [type, payload] of Object.entries(vectors.valid)) {
      const validate = validatorOf(type);
      assert.ok(validate(payload), `${type}: ${ajv.errorsText(validate.errors)}`);
      assert.ok(zodOf[type]!.safeParse(payload).success, `${type} refused by zod`);
    }
    for (const { why, type, payload } of vectors.invalid) {
      assert.equal(validatorOf(type)(payload), false, `JSON Schema accepts ${why}`);
      assert.equal(zodOf[type]!.safeParse(payload).success, false, `zod accepts ${why}`);
    }
  });

  test('the replay of the published log gives the published state in every arrival order', () => {
    const { caseId, owner, ops, expected } = vectors.replay as {
      caseId: string;
      owner: string;
      ops: CaseOp[];
      expected: Record<string, any>;
    };
    const orders = [ops, [...ops].reverse(), [...ops.slice(3), ...ops.slice(0, 3)]];
    for (const order of orders) {
      const s = replayCase(caseId, owner, order);
      for (const [field, value] of Object.entries(expected.fields)) {
        assert.deepEqual(s.fields[field as 'title']?.value, value, field);
      }
      assert.deepEqual(
        liveItems(s, 'members').map((m) => `${m.username}@${m.node}`),
        expected.members,
      );
      assert.deepEqual(
        liveItems(s, 'partners').map((p) => p.node),
        expected.partners,
      );
      assert.deepEqual(
        liveItems(s, 'entities').map((e) => e.label),
        expected.entities,
      );
      assert.deepEqual(s.conflicts, expected.conflicts);
    }
  });
});
