import assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { signStatement } from '../federation/index.js';
import { ed25519PublicJwk } from '../platform/index.js';
import {
  type ExpectedAnswer,
  hashElements,
  type MatchingAnswer,
  signMatchingAnswer,
  verifyMatchingAnswer,
} from './answer-signature.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const vector = JSON.parse(read('test/vectors/matching-answer-v1.json')) as {
  signingPrivateKeySeed: string;
  signingPublicJwk: ReturnType<typeof ed25519PublicJwk>;
  elements: string[];
  evaluated: string[];
  answer: MatchingAnswer;
  answerJws: string;
};
const privateKey = createPrivateKey({
  key: Buffer.concat([
    Buffer.from('302e020100300506032b657004220420', 'hex'),
    Buffer.from(vector.signingPrivateKeySeed, 'hex'),
  ]),
  format: 'der',
  type: 'pkcs8',
});
const expected: ExpectedAnswer = {
  queryId: vector.answer.queryId,
  holder: 'pk-fia',
  querier: 'ma-dgsn',
  epoch: 1,
  elementsHash: hashElements(vector.elements),
  evaluatedHash: hashElements(vector.evaluated),
};

test('the signed answer of the vector is reproduced byte for byte and verifies; its payload fits the published schema', async () => {
  assert.equal(ed25519PublicJwk(privateKey).kid, vector.signingPublicJwk.kid);
  assert.equal(
    await signMatchingAnswer(vector.answer, { privateKey, kid: vector.signingPublicJwk.kid }),
    vector.answerJws,
  );
  const r = await verifyMatchingAnswer(vector.answerJws, vector.signingPublicJwk, expected);
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(r.answer, vector.answer);
  const validate = new Ajv2020({ strict: false }).compile(
    JSON.parse(read('docs/schemas/matching-answer-statement.json')),
  );
  assert.ok(validate(vector.answer), JSON.stringify(validate.errors));
});

test('an answer for other elements, another querier or another key epoch is refused with the fields that differ', async () => {
  const tampered = [...vector.evaluated];
  tampered[0] = vector.evaluated[1]!;
  const r1 = await verifyMatchingAnswer(vector.answerJws, vector.signingPublicJwk, {
    ...expected,
    evaluatedHash: hashElements(tampered),
  });
  assert.deepEqual(r1, { ok: false, reason: { type: 'mismatch', fields: ['evaluatedHash'] } });
  const r2 = await verifyMatchingAnswer(vector.answerJws, vector.signingPublicJwk, {
    ...expected,
    querier: 'tn-dgsn',
    epoch: 2,
  });
  assert.deepEqual(r2, { ok: false, reason: { type: 'mismatch', fields: ['querier', 'epoch'] } });
});

test("a signature by another key, or another kind of statement, is not the holder's answer", async () => {
  const other = generateKeyPairSync('ed25519').privateKey;
  const otherJwk = ed25519PublicJwk(other);
  const r1 = await verifyMatchingAnswer(vector.answerJws, otherJwk, expected);
  assert.deepEqual(r1, { ok: false, reason: { type: 'unknownKey', kid: vector.signingPublicJwk.kid } });
  // Someone else's key presented under the holder's key id: the signature does not verify.
  const r2 = await verifyMatchingAnswer(
    vector.answerJws,
    { ...otherJwk, kid: vector.signingPublicJwk.kid },
    expected,
  );
  assert.deepEqual(r2, { ok: false, reason: { type: 'badSignature' } });
  // The same payload signed as a receipt cannot pass for an answer (RFC 8725 §3.11).
  const receipt = await signStatement(
    vector.answer,
    { typ: 'passerelle-receipt+jws', kid: vector.signingPublicJwk.kid },
    privateKey,
  );
  const r3 = await verifyMatchingAnswer(receipt, vector.signingPublicJwk, expected);
  assert.deepEqual(r3, { ok: false, reason: { type: 'wrongType', typ: 'passerelle-receipt+jws' } });
  const r4 = await verifyMatchingAnswer(undefined, vector.signingPublicJwk, expected);
  assert.equal(r4.ok, false);
});
