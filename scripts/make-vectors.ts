// Regenerates the federation interop vectors in test/vectors/. Run only when the wire format
// changes on purpose (then bump the version in the file names), naming the vectors to write:
//   node --import tsx scripts/make-vectors.ts [envelope] [node-card] [checkpoint]
// (all three without arguments). test/vectors/payloads-v1.json is written by hand.
// Keys derive from fixed seeds, so they are stable; the JWE's ephemeral key, CEK and IV are
// fresh on every run by design, so the committed files are the reference, not this script.
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { CHECKPOINT_TYP } from '../src/federation/checkpoints.js';
import {
  computeFingerprint,
  createNodeCard,
  createReceipt,
  createRevocation,
  rotateNodeCard,
  sealEnvelope,
} from '../src/federation/index.js';
import { signStatement } from '../src/federation/signed-statement.js';
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
  // The node's base URL: partners append /federation/v1/… (PROTOCOL §2, §7.1).
  endpoint: 'https://dgsn.passerelle.example',
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

const checkpoint = { version: 1, nodeId: 'ma-dgsn', seq: 42, hash: 'a'.repeat(64), at: now.toISOString() };
const checkpointVector = {
  description:
    'Passerelle audit checkpoint v1 (PROTOCOL §9): a statement signed by ma-dgsn, and the envelope payload that carries it (type audit.checkpoint). Verify the JWS with signingPublicJwk; its payload must equal checkpoint.',
  signingPublicJwk: rabat.signing.publicJwk,
  checkpoint,
  checkpointJws: await signStatement(
    checkpoint,
    { typ: CHECKPOINT_TYP, kid: rabat.signing.publicJwk.kid },
    rabat.signing.privateKey,
  ),
};
const envelopePayload = { 'audit.checkpoint': { checkpointJws: checkpointVector.checkpointJws } };

const out = new URL('../test/vectors/', import.meta.url);
const vectors: Record<string, [string, unknown]> = {
  envelope: ['envelope-v1.json', envelopeVector],
  'node-card': ['node-card-v1.json', cardVector],
  checkpoint: ['checkpoint-v1.json', { ...checkpointVector, payload: envelopePayload['audit.checkpoint'] }],
};
const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(vectors);
for (const name of wanted) {
  const vector = vectors[name];
  if (!vector) throw new Error(`unknown vector ${name} (${Object.keys(vectors).join(', ')})`);
  writeFileSync(new URL(vector[0], out), `${JSON.stringify(vector[1], null, 2)}\n`);
  console.log(`wrote test/vectors/${vector[0]}`);
}
