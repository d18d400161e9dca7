import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompactSign } from 'jose';
import { generateNodeKeys, ManualClock } from '../platform/index.js';

import {
  createNodeCard,
  createRevocation,
  hashNodeCard,
  NODE_CARD_TYP,
  type NodeCardFields,
  rotateNodeCard,
  verifyCardRotation,
  verifyNodeCard,
  verifyRevocation,
} from './node-card.js';
import { signStatement } from './signed-statement.js';

const clock = new ManualClock('2025-06-01T12:00:00Z');
const fields: NodeCardFields = {
  nodeId: 'ma-dgsn',
  agency: 'Direction Générale de la Sûreté Nationale',
  country: 'MA',
  endpoint: 'https://passerelle.dgsn.example',
  validFrom: new Date('2025-01-01T00:00:00Z'),
  validUntil: new Date('2026-01-01T00:00:00Z'),
};

function tamperPayload(jws: string, edit: (card: Record<string, unknown>) => void): string {
  const [h, p, s] = jws.split('.');
  const card = JSON.parse(Buffer.from(p!, 'base64url').toString());
  edit(card);
  return `${h}.${Buffer.from(JSON.stringify(card)).toString('base64url')}.${s}`;
}

describe('node card', () => {
  it('verifies a freshly created card and reports its hash', async () => {
    const keys = generateNodeKeys();
    const { card, cardJws } = await createNodeCard(fields, keys);
    const result = await verifyNodeCard(cardJws, { clock });
    assert.ok(result.ok);
    assert.deepEqual(result.card, card);
    assert.equal(result.cardHash, hashNodeCard(card));
    assert.equal(card.signingKey.kid, keys.signing.publicJwk.kid);
  });

  it('refuses invalid fields when creating', async () => {
    const keys = generateNodeKeys();
    await assert.rejects(createNodeCard({ ...fields, nodeId: 'MA_DGSN' }, keys));
    await assert.rejects(createNodeCard({ ...fields, country: 'QQ' }, keys));
    await assert.rejects(createNodeCard({ ...fields, endpoint: 'ftp://x.example' }, keys));
    await assert.rejects(createNodeCard({ ...fields, validUntil: fields.validFrom }, keys));
    await assert.rejects(createNodeCard({ ...fields, country: 'ZZ' }, keys), /assigned ISO 3166-1/);
    await assert.rejects(createNodeCard({ ...fields, country: 'ma' }, keys));
    await assert.rejects(
      createNodeCard({ ...fields, endpoint: 'https://gw.example/passerelle/federation/v1' }, keys),
      /must not end with ..\/federation\/v1/,
    );
    await assert.rejects(
      createNodeCard({ ...fields, endpoint: 'https://gw.example/' }, keys),
      /must not end with ..\/../,
    );
    await assert.rejects(createNodeCard({ ...fields, endpoint: 'https://gw.example/p?x=1' }, keys));
    const prefixed = await createNodeCard(
      { ...fields, endpoint: 'https://gw.example/passerelle', country: 'XK' },
      keys,
    );
    assert.equal(prefixed.card.endpoint, 'https://gw.example/passerelle');
    const loopback = await createNodeCard({ ...fields, endpoint: 'http://127.0.0.1:4001' }, keys);
    assert.equal(loopback.card.endpoint, 'http://127.0.0.1:4001');
  });

  it('refuses a card outside its validity unless told to ignore it', async () => {
    const { cardJws } = await createNodeCard(fields, generateNodeKeys());
    const early = await verifyNodeCard(cardJws, { clock: new ManualClock('2024-12-31T23:59:59Z') });
    assert.deepEqual(early.ok ? 'ok' : early.reason.type, 'notYetValid');
    const late = await verifyNodeCard(cardJws, { clock: new ManualClock('2026-01-01T00:00:00Z') });
    assert.deepEqual(late.ok ? 'ok' : late.reason.type, 'expired');
    assert.ok(
      (await verifyNodeCard(cardJws, { clock: new ManualClock('2030-01-01Z'), ignoreValidity: true })).ok,
    );
  });

  it('refuses a tampered card, a swapped key, a wrong typ and garbage', async () => {
    const keys = generateNodeKeys();
    const { cardJws } = await createNodeCard(fields, keys);
    const edited = tamperPayload(cardJws, (c) => {
      c.endpoint = 'https://evil.example';
    });
    assert.equal(
      ((await verifyNodeCard(edited, { clock })) as { reason: { type: string } }).reason.type,
      'badSignature',
    );

    // An attacker substitutes their own encryption key and re-signs with their own signing key:
    // the card is then self-consistent but has a different fingerprint (see fingerprint tests).
    const other = generateNodeKeys();
    const swapped = tamperPayload(cardJws, (c) => {
      c.signingKey = other.signing.publicJwk;
    });
    assert.ok(!(await verifyNodeCard(swapped, { clock })).ok);

    const wrongTyp = await signStatement(
      JSON.parse(Buffer.from(cardJws.split('.')[1]!, 'base64url').toString()),
      {
        typ: 'passerelle-receipt+jws',
        kid: keys.signing.publicJwk.kid,
      },
      keys.signing.privateKey,
    );
    const r = await verifyNodeCard(wrongTyp, { clock });
    assert.equal(r.ok ? 'ok' : r.reason.type, 'wrongType');

    for (const junk of [undefined, 42, '', 'a.b', 'a.b.c', `${cardJws}x`, cardJws.replace('.', '..')]) {
      assert.equal((await verifyNodeCard(junk, { clock })).ok, false);
    }
  });

  it('refuses a validly signed but non-canonical or wrongly kid-ed card', async () => {
    const keys = generateNodeKeys();
    const { card } = await createNodeCard(fields, keys);
    const pretty = await new CompactSign(new TextEncoder().encode(JSON.stringify(card, null, 1)))
      .setProtectedHeader({ alg: 'EdDSA', typ: NODE_CARD_TYP, kid: card.signingKey.kid })
      .sign(keys.signing.privateKey);
    const r1 = await verifyNodeCard(pretty, { clock });
    assert.equal(r1.ok ? 'ok' : r1.reason.type, 'nonCanonical');

    const badKid = { ...card, encryptionKey: { ...card.encryptionKey, kid: card.signingKey.kid } };
    const jws = await signStatement(
      badKid,
      { typ: NODE_CARD_TYP, kid: card.signingKey.kid },
      keys.signing.privateKey,
    );
    const r2 = await verifyNodeCard(jws, { clock });
    assert.equal(r2.ok ? 'ok' : r2.reason.type, 'keyIdMismatch');

    const extra = await signStatement(
      { ...card, note: 'x' },
      { typ: NODE_CARD_TYP, kid: card.signingKey.kid },
      keys.signing.privateKey,
    );
    const r3 = await verifyNodeCard(extra, { clock });
    assert.equal(r3.ok ? 'ok' : r3.reason.type, 'invalidCard');

    // A card signed by someone else's code with a §2-violating endpoint or country is refused
    // at verification (and so at import), naming the member.
    for (const [edit, member] of [
      [{ endpoint: 'https://dgsn.example/federation/v1' }, 'endpoint'],
      [{ endpoint: 'https://dgsn.example/' }, 'endpoint'],
      [{ country: 'ZZ' }, 'country'],
    ] as const) {
      const jwsBad = await signStatement(
        { ...card, ...edit },
        { typ: NODE_CARD_TYP, kid: card.signingKey.kid },
        keys.signing.privateKey,
      );
      const r = await verifyNodeCard(jwsBad, { clock });
      assert.ok(!r.ok);
      assert.equal(r.reason.type, 'invalidCard');
      assert.match((r.reason as { issues: string[] }).issues.join(), new RegExp(`^${member}: `));
    }
  });
});

describe('card rotation', () => {
  it('lets a partner accept the successor card on the old key alone', async () => {
    const oldKeys = generateNodeKeys();
    const { card: oldCard } = await createNodeCard(fields, oldKeys);
    const newKeys = generateNodeKeys();
    const rotated = await rotateNodeCard({
      oldCard,
      oldSigningKey: oldKeys.signing.privateKey,
      newKeys,
      validFrom: new Date('2025-06-01T00:00:00Z'),
      validUntil: new Date('2026-06-01T00:00:00Z'),
      changes: { endpoint: 'https://new.dgsn.example' },
      clock,
    });
    const result = await verifyCardRotation(oldCard, rotated.rotationJws, { clock });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.card, rotated.card);
    assert.equal(result.card.previousCardHash, hashNodeCard(oldCard));
    assert.equal(result.card.signingKey.kid, newKeys.signing.publicJwk.kid);
    assert.equal(result.card.endpoint, 'https://new.dgsn.example');
  });

  it('refuses a rotation signed by anyone but the old key, or for another card', async () => {
    const oldKeys = generateNodeKeys();
    const { card: oldCard } = await createNodeCard(fields, oldKeys);
    const attacker = generateNodeKeys();
    const { card: attackerCard } = await createNodeCard(fields, attacker);
    const base = {
      newKeys: attacker,
      validFrom: new Date('2025-06-01T00:00:00Z'),
      validUntil: new Date('2026-06-01T00:00:00Z'),
      clock,
    };
    // Signed by the attacker's key while claiming to succeed the real card.
    const forged = await rotateNodeCard({
      ...base,
      oldCard: attackerCard,
      oldSigningKey: attacker.signing.privateKey,
    });
    const r1 = await verifyCardRotation(oldCard, forged.rotationJws, { clock });
    assert.equal(r1.ok ? 'ok' : r1.reason.type, 'unknownKey');

    // A genuine rotation of a different card of ours is not a rotation of this one.
    const { card: otherOwnCard } = await createNodeCard({ ...fields, agency: 'DGSN (old)' }, oldKeys);
    const misplaced = await rotateNodeCard({
      ...base,
      oldCard: otherOwnCard,
      oldSigningKey: oldKeys.signing.privateKey,
    });
    const r2 = await verifyCardRotation(oldCard, misplaced.rotationJws, { clock });
    assert.equal(r2.ok ? 'ok' : r2.reason.type, 'chainMismatch');

    // Issued after the old card expired: a stolen expired key must not mint successors.
    const late = await rotateNodeCard({
      ...base,
      oldCard,
      oldSigningKey: oldKeys.signing.privateKey,
      validUntil: new Date('2027-06-01T00:00:00Z'),
      clock: new ManualClock('2026-02-01T00:00:00Z'),
    });
    const r3 = await verifyCardRotation(oldCard, late.rotationJws, {
      clock: new ManualClock('2026-02-01T00:00:00Z'),
    });
    assert.equal(r3.ok ? 'ok' : r3.reason.type, 'issuedOutsideOldValidity');
  });

  it('accepts a late renewal (same keys) within the grace period, and no later', async () => {
    const keys = generateNodeKeys();
    const { card: oldCard } = await createNodeCard(fields, keys);
    const renewAt = async (at: string) => {
      const at0 = new ManualClock(at);
      const renewal = await rotateNodeCard({
        oldCard,
        oldSigningKey: keys.signing.privateKey,
        newKeys: keys,
        validFrom: new Date(at0.now().getTime() - 3600_000),
        validUntil: new Date(at0.now().getTime() + 365 * 86400_000),
        clock: at0,
      });
      return verifyCardRotation(oldCard, renewal.rotationJws, { clock: at0 });
    };
    // The card expired on 2026-01-01; its node starts again a month later.
    const inGrace = await renewAt('2026-02-01T00:00:00Z');
    assert.ok(inGrace.ok, JSON.stringify(inGrace));
    assert.equal(inGrace.card.signingKey.kid, keys.signing.publicJwk.kid);
    assert.equal(inGrace.card.previousCardHash, hashNodeCard(oldCard));
    assert.equal(Date.parse(inGrace.card.validUntil), Date.parse('2027-02-01T00:00:00Z'));
    // Half a year later the expired key no longer renews anything: pair again.
    const tooLate = await renewAt('2026-07-01T00:00:00Z');
    assert.equal(tooLate.ok ? 'ok' : tooLate.reason.type, 'issuedOutsideOldValidity');
  });
});

describe('card revocation', () => {
  it('verifies a revocation for the card it names and no other', async () => {
    const keys = generateNodeKeys();
    const { card } = await createNodeCard(fields, keys);
    const { revocation, revocationJws } = await createRevocation({
      card,
      signingKey: keys.signing.privateKey,
      reason: 'keyCompromise',
      revokedAt: new Date('2025-05-30T00:00:00Z'),
      clock,
    });
    const ok = await verifyRevocation(card, revocationJws);
    assert.ok(ok.ok);
    assert.deepEqual(ok.revocation, revocation);
    assert.equal(revocation.revokedAt, '2025-05-30T00:00:00.000Z');

    const { card: sibling } = await createNodeCard({ ...fields, agency: 'Other' }, keys);
    const r1 = await verifyRevocation(sibling, revocationJws);
    assert.equal(r1.ok ? 'ok' : r1.reason.type, 'cardMismatch');

    const stranger = generateNodeKeys();
    const { card: strangerCard } = await createNodeCard(fields, stranger);
    const r2 = await verifyRevocation(strangerCard, revocationJws);
    assert.equal(r2.ok ? 'ok' : r2.reason.type, 'unknownKey');

    const forged = await createRevocation({
      card,
      signingKey: stranger.signing.privateKey,
      reason: 'unspecified',
      clock,
    });
    const r3 = await verifyRevocation(card, forged.revocationJws);
    assert.equal(r3.ok ? 'ok' : r3.reason.type, 'badSignature');
  });
});
