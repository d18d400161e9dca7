import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify } from 'jose';
import { decryptCompactJwe, encryptCompactJwe, signCompactJws, verifyCompactJws } from './jose-compact.js';

const recipient = generateKeyPairSync('x25519');
const signer = generateKeyPairSync('ed25519');
const text = new TextEncoder();

describe('compact JOSE on node:crypto, checked against jose', () => {
  test('jose decrypts what this encrypts, with the protected header intact', async () => {
    const plaintext = text.encode('Demande de renseignements — طلب معلومات — معلومات کی درخواست');
    const jwe = encryptCompactJwe(
      { typ: 'passerelle-envelope+jwe', mid: 'x' },
      plaintext,
      recipient.publicKey,
    );
    const out = await compactDecrypt(jwe, recipient.privateKey, {
      keyManagementAlgorithms: ['ECDH-ES+A256KW'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    assert.deepEqual(new Uint8Array(out.plaintext), plaintext);
    assert.equal(out.protectedHeader.mid, 'x');
    assert.equal(out.protectedHeader.alg, 'ECDH-ES+A256KW');
  });

  test('this decrypts what jose encrypts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (plaintext) => {
        const jwe = await new CompactEncrypt(plaintext)
          .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', kid: 'k1' })
          .encrypt(recipient.publicKey);
        const out = decryptCompactJwe(jwe, recipient.privateKey);
        assert.ok(out);
        assert.deepEqual(new Uint8Array(out.plaintext), plaintext);
        assert.equal(out.header.kid, 'k1');
      }),
      { numRuns: 40 },
    );
  });

  test('JWS interoperates both ways', async () => {
    const payload = text.encode('{"a":1}');
    const ours = signCompactJws({ alg: 'EdDSA', typ: 't' }, payload, signer.privateKey);
    const checked = await compactVerify(ours, signer.publicKey, { algorithms: ['EdDSA'] });
    assert.deepEqual(new Uint8Array(checked.payload), payload);
    const theirs = await new CompactSign(payload)
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k' })
      .sign(signer.privateKey);
    assert.deepEqual(new Uint8Array(verifyCompactJws(theirs, signer.publicKey)!.payload), payload);
  });

  test('any altered segment, a wrong key or a foreign algorithm is refused', () => {
    const jwe = encryptCompactJwe({ kid: 'k' }, text.encode('secret'), recipient.publicKey);
    const parts = jwe.split('.');
    for (let i = 0; i < 5; i++) {
      const altered = [...parts];
      const seg = Buffer.from(altered[i]!, 'base64url');
      seg[seg.length - 1]! ^= 0x01;
      altered[i] = seg.toString('base64url');
      assert.equal(decryptCompactJwe(altered.join('.'), recipient.privateKey), null, `segment ${i}`);
    }
    assert.equal(decryptCompactJwe(jwe, generateKeyPairSync('x25519').privateKey), null);
    const jws = signCompactJws({ alg: 'EdDSA' }, text.encode('x'), signer.privateKey);
    assert.equal(verifyCompactJws(jws, generateKeyPairSync('ed25519').publicKey), null);
    const [, p, sig] = jws.split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.${sig}`;
    assert.equal(verifyCompactJws(none, signer.publicKey), null);
    const crit = signCompactJws(
      { alg: 'EdDSA', crit: ['exp'], exp: 1 } as never,
      text.encode('x'),
      signer.privateKey,
    );
    assert.equal(verifyCompactJws(crit, signer.publicKey), null);
  });

  test('an ephemeral key that is a low-order point is refused (RFC 7748 §6.1)', () => {
    const jwe = encryptCompactJwe({}, text.encode('x'), recipient.publicKey);
    const [h, ...rest] = jwe.split('.');
    const header = JSON.parse(Buffer.from(h!, 'base64url').toString());
    header.epk.x = Buffer.alloc(32).toString('base64url'); // the all-zero point
    const forged = [Buffer.from(JSON.stringify(header)).toString('base64url'), ...rest].join('.');
    assert.equal(decryptCompactJwe(forged, recipient.privateKey), null);
  });
});
