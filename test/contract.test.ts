import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { buildContractFiles, staleSchemaFiles } from '../scripts/make-contract.js';
import {
  CONSENT_REPLY_TYPE,
  CONSENT_REQUEST_TYPE,
  consentReplyPayloadSchema,
  consentRequestPayloadSchema,
  parseOperationalMessage,
  RETENTION_DELETED_TYPE,
  retentionDeletedSchema,
} from '../src/exchange/index.js';
import { exchangePayloadSchema } from '../src/exchange/wire.js';
import { checkResponseContract } from './_contract.js';
import { startTestNode, type TestNode } from './_util.js';

const root = new URL('..', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const vectors = JSON.parse(read('test/vectors/payloads-v1.json')) as {
  valid: Record<string, { message: unknown }>;
  invalid: Array<{ why: string; type: string; payload: { message: unknown } }>;
};
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

describe('published contract', () => {
  test('docs/openapi.json, docs/schemas/ and the web API types are what the code generates', async () => {
    const files = await buildContractFiles();
    for (const [path, content] of Object.entries(files)) {
      const committed = read(path).split('\n');
      const lines = content.split('\n');
      const line = lines.findIndex((l, i) => l !== committed[i]);
      assert.equal(line, -1, `${path} is stale from line ${line + 1}: run npm run make:contract`);
      assert.equal(committed.length, lines.length, `${path} is stale: run npm run make:contract`);
    }
    assert.deepEqual(staleSchemaFiles(files), [], 'schema files the code no longer produces');
  });

  test('the JSON Schemas and the zod schemas agree on every payload vector', () => {
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    const validatorOf = (type: string) => ajv.compile(JSON.parse(read(`docs/schemas/${type}.json`)));
    for (const [type, payload] of Object.entries(vectors.valid)) {
      const validate = validatorOf(type);
      assert.ok(validate(payload), `${type}: ${ajv.errorsText(validate.errors)}`);
      const zod = parseOperationalMessage(exchangePayloadSchema.parse(payload).message);
      assert.ok(zod.ok, `${type} refused by zod: ${JSON.stringify(!zod.ok && zod.issues)}`);
    }
    for (const { why, type, payload } of vectors.invalid) {
      assert.equal(validatorOf(type)(payload), false, `JSON Schema accepts ${why}`);
      assert.equal(parseOperationalMessage(payload.message).ok, false, `zod accepts ${why}`);
    }
  });

  test('the data-protection message types: JSON Schema and zod agree on their vectors', () => {
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    const governance = JSON.parse(read('test/vectors/payloads-governance-v1.json')) as {
      valid: Record<string, unknown>;
      invalid: Array<{ why: string; type: string; payload: unknown }>;
    };
    const zodOf: Record<string, { safeParse(v: unknown): { success: boolean } }> = {
      [CONSENT_REQUEST_TYPE]: consentRequestPayloadSchema,
      [CONSENT_REPLY_TYPE]: consentReplyPayloadSchema,
      [RETENTION_DELETED_TYPE]: retentionDeletedSchema,
    };
    assert.deepEqual(Object.keys(governance.valid).sort(), Object.keys(zodOf).sort());
    for (const [type, payload] of Object.entries(governance.valid)) {
      const validate = ajv.compile(JSON.parse(read(`docs/schemas/${type}.json`)));
      assert.ok(validate(payload), `${type}: ${ajv.errorsText(validate.errors)}`);
      assert.ok(zodOf[type]!.safeParse(payload).success, `${type} refused by zod`);
    }
    for (const { why, type, payload } of governance.invalid) {
      assert.equal(
        ajv.compile(JSON.parse(read(`docs/schemas/${type}.json`)))(payload),
        false,
        `JSON Schema accepts ${why}`,
      );
      assert.equal(zodOf[type]!.safeParse(payload).success, false, `zod accepts ${why}`);
    }
  });

  describe('served by a node', () => {
    let node: TestNode;
    before(async () => {
      node = await startTestNode({ id: 'schema-host' });
    });
    after(() => node.destroy());

    test('GET /federation/v1/schemas lists every schema, each identical to the committed file', async () => {
      const list = (await (await fetch(`${node.url}/federation/v1/schemas`)).json()) as {
        schemas: Array<{ name: string; url: string }>;
      };
      const names = list.schemas.map((s) => s.name);
      for (const type of ['rfi', 'reply', 'info', 'alert', 'ack', 'audit.checkpoint', 'entity'])
        assert.ok(names.includes(type), `${type} not listed`);
      for (const { name, url } of list.schemas) {
        // Absolute, under the node's card endpoint (PROTOCOL §7.1), so a path prefix is kept.
        assert.equal(url, `${node.url}/federation/v1/schemas/${name}.json`);
        const res = await fetch(url);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /application\/schema\+json/);
        assert.deepEqual(await res.json(), JSON.parse(read(`docs/schemas/${name}.json`)));
      }
      const missing = await fetch(`${node.url}/federation/v1/schemas/nothing.json`);
      assert.equal(missing.status, 404);
    });
  });

  test('the response check refuses an undeclared status, an undeclared error code and a wrong body', () => {
    const url = 'http://127.0.0.1:1/api/v1/partners/xx-node/verify';
    const error = (code: string) => ({ error: { code, message: 'm' } });
    checkResponseContract('POST', url, 400, 'application/json', error('fingerprint_mismatch'));
    assert.throws(
      () => checkResponseContract('POST', url, 418, 'application/json', error('teapot')),
      /does not declare/,
    );
    assert.throws(
      () => checkResponseContract('POST', url, 409, 'application/json', error('username_taken')),
      /does not declare/,
    );
    assert.throws(
      () =>
        checkResponseContract('GET', 'http://127.0.0.1:1/api/v1/audit', 200, 'application/json', {
          entries: [{}],
        }),
      /does not follow its schema/,
    );
  });
});
