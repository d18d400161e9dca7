import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import {
  ANTE_MORTEM_TYPE,
  anteMortemPayloadSchema,
  DVI_DELETED_TYPE,
  DVI_STATUS_TYPE,
  dviDeletedPayloadSchema,
  dviStatusPayloadSchema,
} from './wire.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

describe('DVI message types (PROTOCOL §8.7)', () => {
  test('the JSON Schemas and the zod schemas agree on every vector', () => {
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    const vectors = JSON.parse(read('test/vectors/payloads-dvi-v1.json')) as {
      valid: Record<string, unknown>;
      invalid: Array<{ why: string; type: string; payload: unknown }>;
    };
    const zodOf: Record<string, { safeParse(v: unknown): { success: boolean } }> = {
      [ANTE_MORTEM_TYPE]: anteMortemPayloadSchema,
      [DVI_STATUS_TYPE]: dviStatusPayloadSchema,
      [DVI_DELETED_TYPE]: dviDeletedPayloadSchema,
    };
    assert.deepEqual(Object.keys(vectors.valid).sort(), Object.keys(zodOf).sort());
    const schemaOf = (type: string) => ajv.compile(JSON.parse(read(`docs/schemas/${type}.json`)));
    for (const [type, payload] of Object.entries(vectors.valid)) {
      const validate = schemaOf(type);
      assert.ok(validate(payload), `${type}: ${ajv.errorsText(validate.errors)}`);
      assert.ok(zodOf[type]!.safeParse(payload).success, `${type} refused by zod`);
    }
    for (const { why, type, payload } of vectors.invalid) {
      assert.equal(schemaOf(type)(payload), false, `JSON Schema accepts ${why}`);
      assert.equal(zodOf[type]!.safeParse(payload).success, false, `zod accepts ${why}`);
    }
  });
});
