// Interop vectors: opens and verifies the COMMITTED files in test/vectors/ (never regenerates
// them), so any change to canonicalisation, headers, algorithms or schemas that would break
// a partner running the previous code fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { createSignatureBase, signRequest, verifyRequest } from '../src/federation/http-signature.js';
import {
  CHECKPOINT_TYP,
  checkpointSchema,
  computeFingerprint,
  createNodeCard,
  hashNodeCard,
  NODE_CARD_TYP,
  openEnvelope,
  rotateNodeCard,
  signStatement,
  verifyCardRotation,
  verifyNodeCard,
  verifyReceipt,
  verifyRevocation,
} from '../src/federation/index.js';
import { verifyStatement } from '../src/federation/signed-statement.js';
import { parseDictionary } from '../src/federation/structured-fields.js';
import {
  type Ed25519PublicJwk,
  generateNodeKeys,
  importPrivateJwk,
  ManualClock,
  nodeKeysFromPrivateKeys,
  type X25519PublicJwk,
} from '../src/platform/index.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`./vectors/${name}`, import.meta.url), 'utf8'));

describe('envelope-v1 vector', () => {
  const v = read('envelope-v1.json');
  const recipientKey = importPrivateJwk(v.recipient.privateJwks.encryption);
  const senderJwk = v.sender.signingPublicJwk as Ed25519PublicJwk;

  it('opens to exactly the expected message', async () => {
    const result = await openEnvelope(v.jwe, {
      recipient: {
        nodeId: v.recipient.nodeId,
        encryptionKeys: [{ kid: v.recipient.encryptionPublicJwk.kid, privateKey: recipientKey }],
      },
      resolveSenderKey: (nodeId, kid) =>
        nodeId === v.sender.nodeId && kid === senderJwk.kid ? senderJwk : undefined,
      clock: new ManualClock(v.openAt),
    });
    assert.ok(result.ok, JSON.stringify(result));
    const { createdAt, ...opened } = result.envelope;
    assert.deepEqual({ ...opened, iat: createdAt.getTime() / 1000 }, v.expected);
  });

  it('carries a payload valid for its type (docs/schemas/rfi.json) and an epk without kid', () => {
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    const validate = ajv.compile(read('../../docs/schemas/rfi.json'));
    assert.equal(v.expected.type, 'rfi');
    assert.ok(validate(v.expected.payload), ajv.errorsText(validate.errors));
    const header = JSON.parse(Buffer.from(v.jwe.split('.')[0], 'base64url').toString());
    assert.deepEqual(Object.keys(header.epk).sort(), ['crv', 'kty', 'x']);
  });

  it('keeps the private keys consistent with the published public keys', () => {
    const keys = nodeKeysFromPrivateKeys(
      importPrivateJwk(v.recipient.privateJwks.signing),
      importPrivateJwk(v.recipient.privateJwks.encryption),
    );
    assert.deepEqual(keys.encryption.publicJwk, v.recipient.encryptionPublicJwk as X25519PublicJwk);
    assert.deepEqual(keys.signing.publicJwk, v.recipient.signingPublicJwk);
  });

  it('verifies the receipt for this envelope', async () => {
    const result = await verifyReceipt(v.receipt.jws, v.recipient.signingPublicJwk, {
      messageId: v.expected.id,
      sender: v.sender.nodeId,
      receiver: v.recipient.nodeId,
      jwe: v.jwe,
    });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.receipt, v.receipt.payload);
  });
});

describe('node-card-v1 vector', () => {
  const v = read('node-card-v1.json');
  const clock = new ManualClock(v.verifyAt);

  it('verifies the card, its hash and its fingerprint', async () => {
    const result = await verifyNodeCard(v.cardJws, { clock });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.card, v.card);
    assert.equal(result.cardHash, hashNodeCard(v.card));
    assert.deepEqual(computeFingerprint(result.card), v.fingerprint);
  });

  it('accepts the rotation signed by the old key and the revocation of the old card', async () => {
    const rotation = await verifyCardRotation(v.card, v.rotation.rotationJws, { clock });
    assert.ok(rotation.ok, JSON.stringify(rotation));
    assert.deepEqual(rotation.card, v.rotation.card);
    assert.equal(rotation.cardJws, v.rotation.cardJws);
    assert.equal(rotation.card.previousCardHash, hashNodeCard(v.card));
    const revocation = await verifyRevocation(v.card, v.revocation.jws);
    assert.ok(revocation.ok, JSON.stringify(revocation));
    assert.deepEqual(revocation.revocation, v.revocation.payload);
  });
});

describe('node-card-v1 members', () => {
  // A version-1 card check (this one, and those written from PROTOCOL.md by other teams)
  // refuses unknown members, so a card this code issues must carry exactly the members of
  // the committed v1 vector, or older partners cannot import, renew or rotate to it.
  const v = read('node-card-v1.json');
  const clock = new ManualClock(v.verifyAt);
  const payloadOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString());
  const fields = {
    nodeId: 'ma-dgsn',
    agency: 'Test agency (synthetic)',
    country: 'MA',
    endpoint: 'https://node.example',
    validFrom: new Date(Date.parse(v.verifyAt) - 3_600_000),
    validUntil: new Date(Date.parse(v.verifyAt) + 3_600_000),
  };

  it('a card and a rotated card issued now have exactly the v1 members', async () => {
    const keys = generateNodeKeys();
    const { card, cardJws } = await createNodeCard(fields, keys);
    assert.deepEqual(Object.keys(payloadOf(cardJws)).sort(), Object.keys(v.card).sort());
    assert.equal('capabilities' in card, false);
    const rotated = await rotateNodeCard({
      oldCard: card,
      oldSigningKey: keys.signing.privateKey,
      newKeys: generateNodeKeys(),
      validFrom: fields.validFrom,
      validUntil: fields.validUntil,
      clock,
    });
    assert.deepEqual(Object.keys(payloadOf(rotated.cardJws)).sort(), Object.keys(v.rotation.card).sort());
    const verified = await verifyCardRotation(card, rotated.rotationJws, { clock });
    assert.ok(verified.ok, JSON.stringify(verified));
  });

  it('the v1 card check refuses a card with a member it does not know', async () => {
    const keys = generateNodeKeys();
    const { card } = await createNodeCard(fields, keys);
    const extended = await signStatement(
      { ...card, capabilities: ['inbox.batch'] },
      { typ: NODE_CARD_TYP, kid: card.signingKey.kid },
      keys.signing.privateKey,
    );
    const result = await verifyNodeCard(extended, { clock });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason.type, 'invalidCard');
  });
});

describe('checkpoint-v1 vector', () => {
  const v = read('checkpoint-v1.json');

  it('verifies the signed checkpoint, whose payload is the checkpoint in RFC 8785 form', async () => {
    const result = await verifyStatement(v.checkpointJws, CHECKPOINT_TYP, (h) =>
      h.kid === v.signingPublicJwk.kid ? v.signingPublicJwk : undefined,
    );
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.statement.payload, v.checkpoint);
    assert.equal(result.statement.header.typ, CHECKPOINT_TYP);
    assert.deepEqual(checkpointSchema.parse(result.statement.payload), v.checkpoint);
    assert.deepEqual(v.payload, { checkpointJws: v.checkpointJws });
  });

  it('refuses the statement as another kind of signed object', async () => {
    const asReceipt = await verifyStatement(
      v.checkpointJws,
      'passerelle-receipt+jws',
      () => v.signingPublicJwk,
    );
    assert.equal(asReceipt.ok, false);
  });
});

describe('node-card-v1 endpoint', () => {
  it('is a base URL, to which /federation/v1/card is appended', () => {
    const v = read('node-card-v1.json');
    assert.doesNotMatch(v.card.endpoint, /\/federation\/v1\/?$/);
  });
});

describe('http-signature-v1 vector', () => {
  const v = read('http-signature-v1.json');
  const clock = new ManualClock(v.verifyAt);
  const requestOf = (r: { method: string; url: string; headers: Record<string, string>; body?: string }) => ({
    method: r.method,
    url: r.url,
    headers: { ...r.headers },
    ...(r.body !== undefined ? { body: r.body } : {}),
  });

  it('covers a POST with a body and a GET without one', () => {
    assert.deepEqual(
      v.requests.map((r: { method: string }) => r.method),
      ['POST', 'GET'],
    );
  });

  for (const name of ['POST inbox with an envelope', 'GET checkpoints']) {
    it(`${name}: the signature base, the headers and the signature are what the code makes and accepts`, async () => {
      const r = v.requests.find((x: { name: string }) => x.name === name);
      const lower = Object.fromEntries(
        Object.entries(r.addedHeaders as Record<string, string>).map(([k, x]) => [k.toLowerCase(), x]),
      );
      const key = importPrivateJwk(v.privateJwk);
      const again = signRequest(requestOf(r), { privateKey: key, kid: v.signingPublicJwk.kid }, { clock });
      assert.deepEqual(again, lower);
      const inner = parseDictionary(String(lower['signature-input'])).get('pas');
      assert.ok(inner && 'items' in inner);
      const base = createSignatureBase(
        { ...requestOf(r), headers: { ...r.headers, ...lower } },
        inner.items.map((i) => String(i.value)),
        inner,
      );
      assert.equal(base, r.signatureBase);
      const verified = await verifyRequest(
        { ...requestOf(r), headers: { ...r.headers, ...lower } },
        { clock, resolveKey: (kid) => (kid === v.signingPublicJwk.kid ? v.signingPublicJwk : undefined) },
      );
      assert.ok(verified.ok, JSON.stringify(verified));
      // One changed byte of the body or of the target is refused.
      const tampered = await verifyRequest(
        { ...requestOf(r), url: r.url.replace('pk-fia', 'pk-fib'), headers: { ...r.headers, ...lower } },
        { clock, resolveKey: () => v.signingPublicJwk },
      );
      assert.equal(tampered.ok ? 'ok' : tampered.reason.type, 'badSignature');
    });
  }
});

describe('inbox-batch-v1 vector', () => {
  const v = read('inbox-batch-v1.json');
  const clock = new ManualClock(v.verifyAt);
  const r = v.request;
  const headers = {
    ...r.headers,
    ...Object.fromEntries(
      Object.entries(r.addedHeaders as Record<string, string>).map(([k, x]) => [k.toLowerCase(), x]),
    ),
  };

  it('is a batch signed by its sender, whose body and answer match the published schemas', async () => {
    const verified = await verifyRequest(
      { method: r.method, url: r.url, headers, body: r.body },
      {
        clock,
        resolveKey: (kid) => (kid === v.sender.signingPublicJwk.kid ? v.sender.signingPublicJwk : undefined),
      },
    );
    assert.ok(verified.ok, JSON.stringify(verified));
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    const body = JSON.parse(r.body) as { sender: string; envelopes: string[] };
    const validBody = ajv.compile(read('../../docs/schemas/inbox-batch.json'));
    assert.ok(validBody(body), ajv.errorsText(validBody.errors));
    assert.equal(body.sender, v.sender.nodeId);
    const validAnswer = ajv.compile(read('../../docs/schemas/inbox-batch-answer.json'));
    assert.ok(validAnswer(v.answer), ajv.errorsText(validAnswer.errors));
    assert.equal(v.answer.results.length, body.envelopes.length, 'one result per envelope, in order');
  });

  it('opens or refuses each envelope on its own, and each receipt proves exactly its envelope', async () => {
    const envelopes: string[] = JSON.parse(r.body).envelopes;
    const keys = nodeKeysFromPrivateKeys(
      importPrivateJwk(v.recipient.privateJwks.signing),
      importPrivateJwk(v.recipient.privateJwks.encryption),
    );
    for (const [i, jwe] of envelopes.entries()) {
      const expected = v.expected[i];
      const opened = await openEnvelope(jwe, {
        recipient: {
          nodeId: v.recipient.nodeId,
          encryptionKeys: [{ kid: keys.encryption.publicJwk.kid, privateKey: keys.encryption.privateKey }],
        },
        resolveSenderKey: (nodeId, kid) =>
          nodeId === v.sender.nodeId && kid === v.sender.signingPublicJwk.kid
            ? v.sender.signingPublicJwk
            : undefined,
        clock,
      });
      const result = v.answer.results[i];
      if (!expected.accepted) {
        assert.equal(opened.ok ? 'ok' : opened.reason.type, expected.reason);
        assert.equal(result.error.reason, expected.reason);
        continue;
      }
      assert.ok(opened.ok, JSON.stringify(opened));
      assert.equal(opened.envelope.id, expected.id);
      assert.equal(opened.envelope.type, expected.type);
      const receipt = await verifyReceipt(result.receiptJws, v.recipient.signingPublicJwk, {
        messageId: expected.id,
        sender: v.sender.nodeId,
        receiver: v.recipient.nodeId,
        jwe,
      });
      assert.ok(receipt.ok, JSON.stringify(receipt));
    }
  });
});
