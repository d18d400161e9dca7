// Interop vectors: opens and verifies the COMMITTED files in test/vectors/ (never regenerates
// them), so any change to canonicalisation, headers, algorithms or schemas that would break
// a partner running the previous code fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  CHECKPOINT_TYP,
  checkpointSchema,
  computeFingerprint,
  hashNodeCard,
  openEnvelope,
  verifyCardRotation,
  verifyNodeCard,
  verifyReceipt,
  verifyRevocation,
} from '../src/federation/index.js';
import { verifyStatement } from '../src/federation/signed-statement.js';
import {
  type Ed25519PublicJwk,
  importPrivateJwk,
  ManualClock,
  nodeKeysFromPrivateKeys,
  type X25519PublicJwk,
} from '../src/platform/index.js';

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
    assert.deepEqual({ ...result.envelope, createdAt: result.envelope.createdAt.toISOString() }, v.expected);
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
