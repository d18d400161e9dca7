// Regenerates the federation interop vectors in test/vectors/. Run only when the wire format
// changes on purpose (then bump the version in the file names):
//   node --import tsx scripts/make-vectors.ts
// Keys derive from fixed seeds, so they are stable; the JWE's ephemeral key, CEK and IV are
// fresh on every run by design, so the committed files are the reference, not this script.
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import {
  computeFingerprint,
  createNodeCard,
  createReceipt,
  createRevocation,
  rotateNodeCard,
  sealEnvelope,
} from '../src/federation/index.js';
import { exportPrivateJwk, ManualClock, nodeKeysFromPrivateKeys } from '../src/platform/index.js';

// RFC 8410 PKCS#8 prefixes for a raw 32-byte Ed25519 / X25519 private key.
const PKCS8_PREFIX = {
  ed25519: '302e020100300506032b657004220420',
  x25519: '302e020100300506032b656e04220420',
};

function seeded(type: 'ed25519' | 'x25519', label: string): KeyObject {
  const seed = createHash('sha256').update(`passerelle test vector ${label}`).digest('hex');
  return createPrivateKey({
    key: Buffer.from(PKCS8_PREFIX[type] + seed, 'hex'),
    format: 'der',
    type: 'pkcs8',
  });
}

const keysFor = (node: string, generation = 1) =>
  nodeKeysFromPrivateKeys(
    seeded('ed25519', `${node} signing ${generation}`),
    seeded('x25519', `${node} encryption ${generation}`),
  );

const now = new Date('2025-06-01T12:00:00.000Z');
const clock = new ManualClock(now);
const counterRandom = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff);

const rabat = keysFor('ma-dgsn');
const islamabad = keysFor('pk-fia');
const privateOf = (k: ReturnType<typeof keysFor>) => ({
  signing: exportPrivateJwk(k.signing.privateKey),
  encryption: exportPrivateJwk(k.encryption.privateKey),
});

const payload = {
  subject: 'Request for information: vessel sighted off Dakhla',
  body: 'Synthetic test message. No real person or vessel.',
  language: 'fr',
  priority: 'urgent',
  handlingCode: 'H2',
  tlp: 'TLP:AMBER',
  numbers: [1, 2.5, 1e21, -0.000001],
  names: ['Ould Ahmed', 'ولد أحمد', 'احمد'],
};
const sealed = await sealEnvelope({
  sender: {
    nodeId: 'ma-dgsn',
    signingKey: { privateKey: rabat.signing.privateKey, kid: rabat.signing.publicJwk.kid },
  },
  recipient: { nodeId: 'pk-fia', encryptionKey: islamabad.encryption.publicJwk },
  type: 'rfi',
  payload,
  clock,
  random: counterRandom,
});
const receipt = await createReceipt({
  messageId: sealed.id,
  sender: 'ma-dgsn',
  receiver: 'pk-fia',
  jwe: sealed.jwe,
  signingKey: { privateKey: islamabad.signing.privateKey, kid: islamabad.signing.publicJwk.kid },
  clock: new ManualClock('2025-06-01T12:00:02.000Z'),
});

const envelopeVector = {
  description:
    'Passerelle envelope v1: sign (EdDSA, RFC 8785 payload) then encrypt (ECDH-ES+A256KW/A256GCM on X25519). Open at openAt with the recipient private key; the result must equal expected.',
  openAt: now.toISOString(),
  sender: { nodeId: 'ma-dgsn', signingPublicJwk: rabat.signing.publicJwk, privateJwks: privateOf(rabat) },
  recipient: {
    nodeId: 'pk-fia',
    encryptionPublicJwk: islamabad.encryption.publicJwk,
    signingPublicJwk: islamabad.signing.publicJwk,
    privateJwks: privateOf(islamabad),
  },
  jwe: sealed.jwe,
  expected: {
    id: sealed.id,
    sender: 'ma-dgsn',
    recipient: 'pk-fia',
    type: 'rfi',
    createdAt: sealed.createdAt.toISOString(),
    senderKeyId: rabat.signing.publicJwk.kid,
    payload,
  },
  receipt: { jws: receipt.receiptJws, payload: receipt.receipt },
};

const fields = {
  nodeId: 'ma-dgsn',
  agency: 'Direction Générale de la Sûreté Nationale (synthetic test card)',
  country: 'MA',
  endpoint: 'https://dgsn.passerelle.example/federation/v1',
  validFrom: new Date('2025-01-01T00:00:00.000Z'),
  validUntil: new Date('2026-01-01T00:00:00.000Z'),
};
const first = await createNodeCard(fields, rabat);
const rabat2 = keysFor('ma-dgsn', 2);
const rotated = await rotateNodeCard({
  oldCard: first.card,
  oldSigningKey: rabat.signing.privateKey,
  newKeys: rabat2,
  validFrom: new Date('2025-06-01T00:00:00.000Z'),
  validUntil: new Date('2026-06-01T00:00:00.000Z'),
  clock,
});
const revocation = await createRevocation({
  card: first.card,
  signingKey: rabat.signing.privateKey,
  reason: 'superseded',
  clock,
});
const cardVector = {
  description:
    'Passerelle node card v1: a self-signed card, its fingerprint, a rotation to generation-2 keys signed by the old key, and a revocation of the first card. Verify at verifyAt.',
  verifyAt: now.toISOString(),
  privateJwks: { generation1: privateOf(rabat), generation2: privateOf(rabat2) },
  card: first.card,
  cardJws: first.cardJws,
  fingerprint: computeFingerprint(first.card),
  rotation: { card: rotated.card, cardJws: rotated.cardJws, rotationJws: rotated.rotationJws },
  revocation: { payload: revocation.revocation, jws: revocation.revocationJws },
};

const out = new URL('../test/vectors/', import.meta.url);
writeFileSync(new URL('envelope-v1.json', out), `${JSON.stringify(envelopeVector, null, 2)}\n`);
writeFileSync(new URL('node-card-v1.json', out), `${JSON.stringify(cardVector, null, 2)}\n`);
console.log('wrote test/vectors/envelope-v1.json and test/vectors/node-card-v1.json');
