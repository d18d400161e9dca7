import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompactEncrypt, CompactSign } from 'jose';
import { z } from 'zod';
import { generateNodeKeys, ManualClock, type NodeKeys } from '../platform/index.js';
import { systemRandomBytes } from './clock.js';
import {
  type EnvelopeFailure,
  inspectEnvelope,
  MESSAGE_TYP,
  openEnvelope,
  sealEnvelope,
} from './envelope.js';

const t0 = new Date('2025-06-01T12:00:00Z');
const clock = new ManualClock(t0);
const rabat = generateNodeKeys();
const islamabad = generateNodeKeys();
const karachi = generateNodeKeys();
const rfi = z.strictObject({ subject: z.string(), priority: z.enum(['normal', 'urgent']) });

function directory(entries: Record<string, NodeKeys>) {
  return (nodeId: string, kid: string) => {
    const keys = entries[nodeId];
    return keys && keys.signing.publicJwk.kid === kid ? keys.signing.publicJwk : undefined;
  };
}

const openAs = (nodeId: string, keys: NodeKeys, extra: Partial<Parameters<typeof openEnvelope>[1]> = {}) => ({
  recipient: {
    nodeId,
    encryptionKeys: [{ kid: keys.encryption.publicJwk.kid, privateKey: keys.encryption.privateKey }],
  },
  resolveSenderKey: directory({ 'ma-dgsn': rabat, 'pk-fia': islamabad, 'pk-karachi': karachi }),
  clock,
  ...extra,
});

async function seal(payload: unknown = { subject: 'Dakhla', priority: 'urgent' }, at: Date = t0) {
  return sealEnvelope({
    sender: {
      nodeId: 'ma-dgsn',
      signingKey: { privateKey: rabat.signing.privateKey, kid: rabat.signing.publicJwk.kid },
    },
    recipient: { nodeId: 'pk-fia', encryptionKey: islamabad.encryption.publicJwk },
    type: 'rfi',
    payload,
    clock: new ManualClock(at),
    random: systemRandomBytes,
  });
}

function reasonOf(result: { ok: boolean; reason?: EnvelopeFailure }): string {
  return result.ok ? 'ok' : (result.reason?.type ?? '?');
}

/** Encrypt an arbitrary inner JWS under arbitrary outer binding headers, as a dishonest peer could. */
async function encryptRaw(jws: string, to: NodeKeys, binding: Record<string, unknown>): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(jws))
    .setProtectedHeader({
      alg: 'ECDH-ES+A256KW',
      enc: 'A256GCM',
      typ: 'passerelle-envelope+jwe',
      cty: MESSAGE_TYP,
      kid: to.encryption.publicJwk.kid,
      ...binding,
    })
    .encrypt(to.encryption.publicJwk);
}

describe('envelope', () => {
  it('round-trips a typed message with all bound headers', async () => {
    const sealed = await seal();
    const result = await openEnvelope(sealed.jwe, openAs('pk-fia', islamabad, { payloadSchema: rfi }));
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.envelope, {
      id: sealed.id,
      sender: 'ma-dgsn',
      recipient: 'pk-fia',
      type: 'rfi',
      createdAt: t0,
      payload: { subject: 'Dakhla', priority: 'urgent' },
      senderKeyId: rabat.signing.publicJwk.kid,
    });
    const peek = inspectEnvelope(sealed.jwe);
    assert.ok(peek.ok);
    assert.equal(peek.header.id, sealed.id);
  });

  it('refuses to seal a payload its schema rejects, or a non-JSON payload', async () => {
    await assert.rejects(
      sealEnvelope({
        sender: {
          nodeId: 'ma-dgsn',
          signingKey: { privateKey: rabat.signing.privateKey, kid: rabat.signing.publicJwk.kid },
        },
        recipient: { nodeId: 'pk-fia', encryptionKey: islamabad.encryption.publicJwk },
        type: 'rfi',
        payload: { subject: 1 } as never,
        payloadSchema: rfi,
        clock,
        random: systemRandomBytes,
      }),
    );
    await assert.rejects(seal({ when: new Date() }));
  });

  it('refuses a message for another node, or under a key it does not hold', async () => {
    const sealed = await seal();
    assert.equal(reasonOf(await openEnvelope(sealed.jwe, openAs('pk-karachi', karachi))), 'wrongRecipient');
    const wrongKey = openAs('pk-fia', karachi);
    assert.equal(reasonOf(await openEnvelope(sealed.jwe, wrongKey)), 'unknownRecipientKey');
    // Same kid claimed but a different private key: decryption itself fails.
    const lying = openAs('pk-fia', islamabad);
    lying.recipient.encryptionKeys = [
      { kid: islamabad.encryption.publicJwk.kid, privateKey: karachi.encryption.privateKey },
    ];
    assert.equal(reasonOf(await openEnvelope(sealed.jwe, lying)), 'decryptFailed');
  });

  it('keeps accepting the previous encryption key during a rotation overlap', async () => {
    const sealed = await seal();
    const overlap = openAs('pk-fia', islamabad);
    const next = generateNodeKeys();
    overlap.recipient.encryptionKeys = [
      { kid: next.encryption.publicJwk.kid, privateKey: next.encryption.privateKey },
      ...overlap.recipient.encryptionKeys,
    ];
    assert.ok((await openEnvelope(sealed.jwe, overlap)).ok);
  });

  it('applies the replay window and future skew with the injected clock', async () => {
    const sealed = await seal();
    const at = (iso: string) => openAs('pk-fia', islamabad, { clock: new ManualClock(iso) });
    assert.ok((await openEnvelope(sealed.jwe, at('2025-06-02T11:59:59Z'))).ok);
    assert.equal(reasonOf(await openEnvelope(sealed.jwe, at('2025-06-02T12:00:01Z'))), 'expired');
    assert.ok((await openEnvelope(sealed.jwe, at('2025-06-01T11:55:00Z'))).ok);
    assert.equal(reasonOf(await openEnvelope(sealed.jwe, at('2025-06-01T11:54:59Z'))), 'fromFuture');
  });

  it('refuses unknown senders, bad signatures, wrong types, oversize input and replays', async () => {
    const sealed = await seal();
    const noPartners = openAs('pk-fia', islamabad, { resolveSenderKey: () => undefined });
    assert.equal(reasonOf(await openEnvelope(sealed.jwe, noPartners)), 'unknownSender');
    // The directory answers with another partner's key under the right kid: signature fails.
    const confused = openAs('pk-fia', islamabad, {
      resolveSenderKey: () => ({ ...karachi.signing.publicJwk, kid: rabat.signing.publicJwk.kid }),
    });
    assert.equal(reasonOf(await openEnvelope(sealed.jwe, confused)), 'badSignature');
    assert.equal(
      reasonOf(await openEnvelope(sealed.jwe, openAs('pk-fia', islamabad, { allowedTypes: ['alert'] }))),
      'unexpectedType',
    );
    assert.equal(
      reasonOf(await openEnvelope(sealed.jwe, openAs('pk-fia', islamabad, { maxBytes: 100 }))),
      'tooLarge',
    );
    const seen = new Set([sealed.id]);
    const dedup = openAs('pk-fia', islamabad, { isKnownMessageId: (id: string) => seen.has(id) });
    assert.equal(reasonOf(await openEnvelope(sealed.jwe, dedup)), 'replayed');
    const wrongShape = openAs('pk-fia', islamabad, { payloadSchema: z.strictObject({ other: z.string() }) });
    assert.equal(reasonOf(await openEnvelope(sealed.jwe, wrongShape)), 'invalidPayload');
  });

  it('refuses a signed message forwarded to a third node (surreptitious forwarding)', async () => {
    // pk-fia legitimately opens a message, then re-encrypts the same signed JWS to pk-karachi
    // with outer headers rewritten for pk-karachi.
    const binding = {
      mid: '01974b1a-2c00-7000-8000-000000000001',
      snd: 'ma-dgsn',
      rcp: 'pk-fia',
      mty: 'rfi',
      iat: t0.getTime() / 1000,
    };
    const jws = await new CompactSign(new TextEncoder().encode('{"subject":"x"}'))
      .setProtectedHeader({ alg: 'EdDSA', typ: MESSAGE_TYP, kid: rabat.signing.publicJwk.kid, ...binding })
      .sign(rabat.signing.privateKey);
    const forwarded = await encryptRaw(jws, karachi, { ...binding, rcp: 'pk-karachi' });
    const result = await openEnvelope(forwarded, openAs('pk-karachi', karachi));
    assert.equal(reasonOf(result), 'headerMismatch');
    assert.deepEqual((result as { reason: { fields: string[] } }).reason.fields, ['rcp']);

    for (const [field, value] of [
      ['mid', '01974b1a-2c00-7000-8000-000000000002'],
      ['mty', 'alert'],
      ['iat', binding.iat + 1],
    ] as const) {
      const swapped = await encryptRaw(jws, islamabad, { ...binding, [field]: value });
      assert.equal(
        reasonOf(await openEnvelope(swapped, openAs('pk-fia', islamabad))),
        'headerMismatch',
        field,
      );
    }
    // Claiming a different (known) sender on the outside: key resolution follows the signed
    // sender, so the signature verifies and the swap is caught as a mismatch.
    const claimed = await encryptRaw(jws, islamabad, { ...binding, snd: 'pk-karachi' });
    assert.equal(reasonOf(await openEnvelope(claimed, openAs('pk-fia', islamabad))), 'headerMismatch');
    const honest = await encryptRaw(jws, islamabad, binding);
    assert.ok((await openEnvelope(honest, openAs('pk-fia', islamabad))).ok);
  });

  it('refuses a correctly signed but non-canonical payload', async () => {
    const binding = {
      mid: '01974b1a-2c00-7000-8000-000000000003',
      snd: 'ma-dgsn',
      rcp: 'pk-fia',
      mty: 'rfi',
      iat: t0.getTime() / 1000,
    };
    const jws = await new CompactSign(new TextEncoder().encode('{"subject": "x"}'))
      .setProtectedHeader({ alg: 'EdDSA', typ: MESSAGE_TYP, kid: rabat.signing.publicJwk.kid, ...binding })
      .sign(rabat.signing.privateKey);
    assert.equal(
      reasonOf(await openEnvelope(await encryptRaw(jws, islamabad, binding), openAs('pk-fia', islamabad))),
      'nonCanonical',
    );
  });

  it('refuses extra or missing header members', async () => {
    const binding = {
      mid: '01974b1a-2c00-7000-8000-000000000004',
      snd: 'ma-dgsn',
      rcp: 'pk-fia',
      mty: 'rfi',
      iat: t0.getTime() / 1000,
    };
    const jws = await new CompactSign(new TextEncoder().encode('{}'))
      .setProtectedHeader({
        alg: 'EdDSA',
        typ: MESSAGE_TYP,
        kid: rabat.signing.publicJwk.kid,
        ...binding,
        extra: 1,
      })
      .sign(rabat.signing.privateKey);
    assert.equal(
      reasonOf(await openEnvelope(await encryptRaw(jws, islamabad, binding), openAs('pk-fia', islamabad))),
      'malformed',
    );
    const { mid: _mid, ...noId } = binding;
    assert.equal(
      reasonOf(await openEnvelope(await encryptRaw(jws, islamabad, noId), openAs('pk-fia', islamabad))),
      'malformed',
    );
  });
});
