import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { calculateJwkThumbprint } from 'jose';
import {
  ed25519PublicJwkSchema,
  exportPrivateJwk,
  generateNodeKeys,
  importPrivateJwk,
  jwkThumbprint,
  nodeKeysFromPrivateKeys,
  x25519PublicJwkSchema,
} from './keys.js';

describe('node keys', () => {
  it('uses the RFC 7638 thumbprint as kid, as jose computes it', async () => {
    const keys = generateNodeKeys();
    assert.equal(keys.signing.publicJwk.kid, await calculateJwkThumbprint(keys.signing.publicJwk));
    assert.equal(keys.encryption.publicJwk.kid, await calculateJwkThumbprint(keys.encryption.publicJwk));
    assert.ok(ed25519PublicJwkSchema.safeParse(keys.signing.publicJwk).success);
    assert.ok(x25519PublicJwkSchema.safeParse(keys.encryption.publicJwk).success);
  });

  it('matches the RFC 8037 Appendix A.3 Ed25519 thumbprint', () => {
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
    assert.equal(jwkThumbprint(jwk), 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('round-trips private keys through JWK and refuses the wrong key type', () => {
    const keys = generateNodeKeys();
    const again = nodeKeysFromPrivateKeys(
      importPrivateJwk(exportPrivateJwk(keys.signing.privateKey)),
      importPrivateJwk(exportPrivateJwk(keys.encryption.privateKey)),
    );
    assert.deepEqual(again.signing.publicJwk, keys.signing.publicJwk);
    assert.deepEqual(again.encryption.publicJwk, keys.encryption.publicJwk);
    const x = generateKeyPairSync('x25519').privateKey;
    assert.throws(() => nodeKeysFromPrivateKeys(x, x), TypeError);
  });

  it('refuses a public JWK that carries a private member or a malformed x', () => {
    const { publicJwk } = generateNodeKeys().signing;
    assert.equal(ed25519PublicJwkSchema.safeParse({ ...publicJwk, d: publicJwk.x }).success, false);
    assert.equal(ed25519PublicJwkSchema.safeParse({ ...publicJwk, x: `${publicJwk.x}A` }).success, false);
    assert.equal(x25519PublicJwkSchema.safeParse(publicJwk).success, false);
  });
});
