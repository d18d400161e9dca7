import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generateNodeKeys } from '../platform/index.js';
import { computeFingerprint, fingerprintMatches } from './fingerprint.js';

const keysOf = () => {
  const k = generateNodeKeys();
  return { signingKey: k.signing.publicJwk, encryptionKey: k.encryption.publicJwk };
};

describe('fingerprint', () => {
  it('renders 8 groups of 4 Crockford characters and 8 groups of 5 digits', () => {
    const fp = computeFingerprint(keysOf());
    assert.match(fp.text, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    assert.match(fp.numeric, /^\d{5}( \d{5}){7}$/);
    assert.match(fp.digest, /^[A-Za-z0-9_-]{43}$/);
  });

  it('is stable for fixed keys (wire format pinned)', () => {
    const fp = computeFingerprint({
      signingKey: { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' },
      encryptionKey: { kty: 'OKP', crv: 'X25519', x: 'hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo' },
    });
    // The Crockford text is the first 160 bits of the digest, so both must agree.
    const bits = [...Buffer.from(fp.digest, 'base64url').subarray(0, 20)]
      .map((b) => b.toString(2).padStart(8, '0'))
      .join('');
    const expected = bits
      .match(/.{5}/g)!
      .map((c) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[Number.parseInt(c, 2)])
      .join('');
    assert.equal(fp.text.replace(/-/g, ''), expected);
    // Digest checked independently: printf '<canonical JSON>' | sha256sum -> 3e811f4b...
    assert.deepEqual(fp, {
      digest: 'PoEfS96dKudU-fXySJ25HaOkOLoH7Mlhp4IFETRxwpI',
      text: '7T0H-YJYY-KMNE-EN7S-YQS4-H7DS-3PHT-8E5T',
      numeric: '49547 42087 67570 96093 48634 58561 16049 70610',
    });
  });

  it('ignores kid and member order but changes with either key', () => {
    const keys = keysOf();
    const base = computeFingerprint(keys);
    const relabelled = { ...keys.signingKey, kid: 'other', use: 'sig' };
    assert.deepEqual(computeFingerprint({ ...keys, signingKey: relabelled }), base);
    const other = keysOf();
    assert.notEqual(computeFingerprint({ ...keys, signingKey: other.signingKey }).text, base.text);
    assert.notEqual(computeFingerprint({ ...keys, encryptionKey: other.encryptionKey }).text, base.text);
    // Swapping the roles of the same key bytes must not collide either.
    assert.notEqual(
      computeFingerprint({ signingKey: keys.encryptionKey, encryptionKey: keys.signingKey }).digest,
      base.digest,
    );
  });

  it('changes the text and numeric forms whenever any bit of a key changes', () => {
    const keys = keysOf();
    const base = computeFingerprint(keys);
    const raw = Buffer.from(keys.signingKey.x, 'base64url');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.boolean(), (bit, which) => {
        const flipped = Buffer.from(which ? raw : Buffer.from(keys.encryptionKey.x, 'base64url'));
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        const x = flipped.toString('base64url');
        const changed = computeFingerprint(
          which
            ? { ...keys, signingKey: { ...keys.signingKey, x } }
            : { ...keys, encryptionKey: { ...keys.encryptionKey, x } },
        );
        assert.notEqual(changed.text, base.text);
        assert.notEqual(changed.numeric, base.numeric);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts what a person reads back, with look-alikes and spacing folded', () => {
    const fp = computeFingerprint(keysOf());
    assert.ok(fingerprintMatches(fp, fp.text));
    assert.ok(
      fingerprintMatches(fp, fp.text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')),
    );
    assert.ok(fingerprintMatches(fp, fp.numeric.replace(/ /g, '')));
    const wrong = fp.text.startsWith('A') ? `B${fp.text.slice(1)}` : `A${fp.text.slice(1)}`;
    assert.equal(fingerprintMatches(fp, wrong), false);
    assert.equal(fingerprintMatches(fp, ''), false);
  });
});
