import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { base32Decode, base32Encode, hotp, totpCode, verifyTotp } from './totp.js';

// RFC 6238 Appendix B uses the ASCII secret "12345678901234567890" with SHA-1 (8 digits);
// the 6-digit codes are the last six digits of those values.
const rfcSecret = base32Encode(new TextEncoder().encode('12345678901234567890'));
const vectors: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238) and HOTP (RFC 4226)', () => {
  test('matches the RFC 6238 SHA-1 test vectors', () => {
    for (const [t, expected] of vectors) {
      assert.equal(totpCode(rfcSecret, new Date(t * 1000)), expected.slice(-6), `T=${t}`);
    }
  });

  test('matches the RFC 4226 Appendix D HOTP values', () => {
    const secret = new TextEncoder().encode('12345678901234567890');
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    for (const [counter, code] of expected.entries()) assert.equal(hotp(secret, counter), code);
  });

  test('accepts one step of drift either way, not two', () => {
    const at = new Date(1_700_000_000_000);
    const code = totpCode(rfcSecret, at);
    assert.notEqual(verifyTotp(rfcSecret, code, new Date(at.getTime() + 30_000)), null);
    assert.notEqual(verifyTotp(rfcSecret, code, new Date(at.getTime() - 30_000)), null);
    assert.equal(verifyTotp(rfcSecret, code, new Date(at.getTime() + 61_000)), null);
  });

  test('refuses malformed codes', () => {
    const at = new Date();
    for (const bad of ['', '12345', '1234567', 'abcdef', ' 123456'])
      assert.equal(verifyTotp(rfcSecret, bad, at), null);
  });

  test('base32 round-trips and rejects foreign characters', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    assert.deepEqual(base32Decode(base32Encode(bytes)), bytes);
    assert.throws(() => base32Decode('AB1C'), /base32/);
  });
});
