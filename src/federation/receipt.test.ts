import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateNodeKeys, ManualClock } from '../platform/index.js';
import { systemRandomBytes } from './clock.js';
import { sealEnvelope } from './envelope.js';
import {
  createReceipt,
  describeReceiptFailure,
  hashEnvelope,
  RECEIPT_TYP,
  receiptProvesDelivery,
  verifyReceipt,
} from './receipt.js';
import { signStatement } from './signed-statement.js';

const clock = new ManualClock('2025-06-01T12:00:00Z');
const rabat = generateNodeKeys();
const islamabad = generateNodeKeys();

async function deliver() {
  const sealed = await sealEnvelope({
    sender: {
      nodeId: 'ma-dgsn',
      signingKey: { privateKey: rabat.signing.privateKey, kid: rabat.signing.publicJwk.kid },
    },
    recipient: { nodeId: 'pk-fia', encryptionKey: islamabad.encryption.publicJwk },
    type: 'info',
    payload: { subject: 'x' },
    clock,
    random: systemRandomBytes,
  });
  const { receipt, receiptJws } = await createReceipt({
    messageId: sealed.id,
    sender: 'ma-dgsn',
    receiver: 'pk-fia',
    jwe: sealed.jwe,
    signingKey: { privateKey: islamabad.signing.privateKey, kid: islamabad.signing.publicJwk.kid },
    clock: new ManualClock('2025-06-01T12:00:03Z'),
  });
  return { sealed, receipt, receiptJws };
}

describe('receipt', () => {
  it('is proof of delivery of exactly the envelope sent', async () => {
    const { sealed, receipt, receiptJws } = await deliver();
    assert.equal(receipt.payloadHash, hashEnvelope(sealed.jwe));
    assert.equal(receipt.receivedAt, '2025-06-01T12:00:03.000Z');
    const expected = { messageId: sealed.id, sender: 'ma-dgsn', receiver: 'pk-fia', jwe: sealed.jwe };
    const ok = await verifyReceipt(receiptJws, islamabad.signing.publicJwk, expected);
    assert.ok(ok.ok);
    assert.deepEqual(ok.receipt, receipt);
  });

  it('does not vouch for another envelope, another receiver or a forged signature', async () => {
    const { sealed, receiptJws } = await deliver();
    const other = await deliver();
    const expected = { messageId: sealed.id, sender: 'ma-dgsn', receiver: 'pk-fia', jwe: sealed.jwe };
    const r1 = await verifyReceipt(receiptJws, islamabad.signing.publicJwk, {
      ...expected,
      jwe: other.sealed.jwe,
    });
    assert.deepEqual(r1.ok ? [] : (r1.reason as { fields: string[] }).fields, ['payloadHash']);
    const r2 = await verifyReceipt(receiptJws, islamabad.signing.publicJwk, {
      ...expected,
      receiver: 'pk-karachi',
    });
    assert.equal(r2.ok ? 'ok' : r2.reason.type, 'mismatch');
    const r3 = await verifyReceipt(receiptJws, rabat.signing.publicJwk, expected);
    assert.equal(r3.ok ? 'ok' : r3.reason.type, 'unknownKey');
    const [h, p, s] = receiptJws.split('.');
    const flipped = `${h}.${p}.${s!.startsWith('A') ? 'B' : 'A'}${s!.slice(1)}`;
    const r4 = await verifyReceipt(flipped, islamabad.signing.publicJwk, expected);
    assert.equal(r4.ok ? 'ok' : r4.reason.type, 'badSignature');
  });

  it('proves delivery on a first attempt only when payloadHash matches; on a resend it may name the first envelope', async () => {
    const { sealed, receiptJws } = await deliver();
    const other = await deliver();
    const expected = { messageId: sealed.id, sender: 'ma-dgsn', receiver: 'pk-fia', jwe: other.sealed.jwe };
    const hashOnly = await verifyReceipt(receiptJws, islamabad.signing.publicJwk, expected);
    assert.equal(receiptProvesDelivery(hashOnly, 1), false, 'first delivery: the hash must match');
    assert.equal(receiptProvesDelivery(hashOnly, 2), true, 'resend: the receipt of the first arrival');
    const wrongReceiver = await verifyReceipt(receiptJws, islamabad.signing.publicJwk, {
      ...expected,
      receiver: 'pk-karachi',
    });
    assert.equal(receiptProvesDelivery(wrongReceiver, 2), false);
    assert.ok(!wrongReceiver.ok);
    assert.equal(describeReceiptFailure(wrongReceiver.reason), 'mismatch (receiver, payloadHash)');
  });

  it('refuses a receipt whose protected header has a member §5 does not list', async () => {
    const { sealed, receipt } = await deliver();
    const expected = { messageId: sealed.id, sender: 'ma-dgsn', receiver: 'pk-fia', jwe: sealed.jwe };
    const withCty = await signStatement(
      receipt,
      { typ: RECEIPT_TYP, kid: islamabad.signing.publicJwk.kid, cty: 'json' },
      islamabad.signing.privateKey,
    );
    const r = await verifyReceipt(withCty, islamabad.signing.publicJwk, expected);
    assert.ok(!r.ok);
    assert.equal(r.reason.type, 'malformed');
    assert.equal(describeReceiptFailure(r.reason), 'malformed (unexpected header member(s): cty)');
  });
});
