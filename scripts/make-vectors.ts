// Regenerates the federation interop vectors in test/vectors/. Run only when the wire format
// changes on purpose (then bump the version in the file names), naming the vectors to write:
//   node --import tsx scripts/make-vectors.ts [envelope] [node-card] [checkpoint] [http-signature] [inbox-batch]
// (all five without arguments). test/vectors/payloads-v1.json is written by hand.
// Keys derive from fixed seeds, so they are stable; the JWE's ephemeral key, CEK and IV are
// fresh on every run by design, so the committed files are the reference, not this script.
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { CHECKPOINT_TYP } from '../src/federation/checkpoints.js';
import { createSignatureBase } from '../src/federation/http-signature.js';
import {
  computeFingerprint,
  createNodeCard,
  createReceipt,
  createRevocation,
  rotateNodeCard,
  sealEnvelope,
  signRequest,
} from '../src/federation/index.js';
import { signStatement } from '../src/federation/signed-statement.js';
import { parseDictionary } from '../src/federation/structured-fields.js';
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

// A valid rfi payload (it passes docs/schemas/rfi.json): the first rfi of the hand-written
// payload vectors, with an Arabic-script name so the vector exercises non-ASCII JCS.
const payloadVectors = JSON.parse(
  readFileSync(new URL('../test/vectors/payloads-v1.json', import.meta.url), 'utf8'),
);
const payload = structuredClone(payloadVectors.valid.rfi) as {
  message: { entities: Array<{ names?: Array<Record<string, string>> }> };
};
payload.message.entities[0]!.names!.push({ given: 'عمران', family: 'مصنوع', script: 'Arab' });
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
    iat: Math.floor(sealed.createdAt.getTime() / 1000),
    senderKeyId: rabat.signing.publicJwk.kid,
    payload,
  },
  notes: {
    expected:
      'id, sender, recipient, type and iat are the signed header members mid, snd, rcp, mty and iat (NumericDate); senderKeyId is the inner kid; payload is the JSON value whose RFC 8785 form was signed.',
    epk: 'The JWE epk is an ephemeral X25519 public key without kid (RFC 7518 §4.6.1.1); the four-member rule of PROTOCOL §1 applies to node keys.',
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

// RFC 9421 request signatures (PROTOCOL §6): Ed25519 signatures are deterministic, so with a
// fixed key, clock and body this vector is reproducible byte for byte.
const envelopeJwe =
  process.argv.slice(2).length === 0 || process.argv.includes('envelope')
    ? sealed.jwe
    : (
        JSON.parse(readFileSync(new URL('../test/vectors/envelope-v1.json', import.meta.url), 'utf8')) as {
          jwe: string;
        }
      ).jwe;
const signingKey = { privateKey: rabat.signing.privateKey, kid: rabat.signing.publicJwk.kid };
function signedRequest(
  name: string,
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
) {
  const request = { method, url, headers, ...(body !== undefined ? { body } : {}) };
  const added = signRequest(request, signingKey, { clock });
  const inner = parseDictionary(added['signature-input']!).get('pas') as Parameters<
    typeof createSignatureBase
  >[2];
  const components = inner.items.map((i) => String(i.value));
  const base = createSignatureBase({ ...request, headers: { ...headers, ...added } }, components, inner);
  if (typeof base !== 'string') throw new Error(`no signature base for ${name}`);
  return {
    name,
    method,
    url,
    headers,
    ...(body !== undefined ? { body } : {}),
    signatureBase: base,
    addedHeaders: {
      ...(added['content-digest'] ? { 'Content-Digest': added['content-digest'] } : {}),
      'Signature-Input': added['signature-input'],
      Signature: added.signature,
    },
  };
}
const httpSignatureVector = {
  description:
    'RFC 9421 request signatures as a Passerelle node sends them (PROTOCOL §6): Ed25519 (alg="ed25519"), label pas, tag passerelle-federation-1, created at verifyAt, expires 300 s later. For each request: rebuild signatureBase from method, url, headers plus addedHeaders, and verify Signature over its UTF-8 bytes with signingPublicJwk; Content-Digest is sha-256 of the body bytes (UTF-8). Signing again with privateJwk at verifyAt gives the same headers (Ed25519 is deterministic).',
  verifyAt: now.toISOString(),
  nodeId: 'ma-dgsn',
  signingPublicJwk: rabat.signing.publicJwk,
  privateJwk: exportPrivateJwk(rabat.signing.privateKey),
  requests: [
    signedRequest(
      'POST inbox with an envelope',
      'POST',
      'https://pk-fia.passerelle.example/federation/v1/inbox',
      { 'content-type': 'application/jose' },
      envelopeJwe,
    ),
    signedRequest(
      'GET checkpoints',
      'GET',
      'https://pk-fia.passerelle.example/federation/v1/checkpoints',
      {},
    ),
  ],
};

// A batch (PROTOCOL §7.6): the envelope of envelope-v1.json, a second envelope (an info), and
// a copy of the second with its ciphertext altered; the answer: a receipt, a receipt, and the
// error the single inbox would give the third (400 bad_envelope, decryptFailed).
const committedEnvelope = JSON.parse(
  readFileSync(new URL('../test/vectors/envelope-v1.json', import.meta.url), 'utf8'),
) as { jwe: string; receipt: { jws: string } };
const firstEnvelope =
  process.argv.slice(2).length === 0 || process.argv.includes('envelope')
    ? { jwe: sealed.jwe, receiptJws: receipt.receiptJws }
    : { jwe: committedEnvelope.jwe, receiptJws: committedEnvelope.receipt.jws };
const info = await sealEnvelope({
  sender: { nodeId: 'ma-dgsn', signingKey },
  recipient: { nodeId: 'pk-fia', encryptionKey: islamabad.encryption.publicJwk },
  type: 'info',
  payload: payloadVectors.valid.info,
  clock,
  // Another counter than the first envelope's, so the two message ids differ.
  random: (length: number) => Uint8Array.from({ length }, (_, i) => (i * 53 + 7) & 0xff),
});
const infoReceipt = await createReceipt({
  messageId: info.id,
  sender: 'ma-dgsn',
  receiver: 'pk-fia',
  jwe: info.jwe,
  signingKey: { privateKey: islamabad.signing.privateKey, kid: islamabad.signing.publicJwk.kid },
  clock: new ManualClock('2025-06-01T12:00:02.000Z'),
});
const altered = info.jwe.split('.');
altered[3] = `${altered[3]!.startsWith('A') ? 'B' : 'A'}${altered[3]!.slice(1)}`;
const batchBody = JSON.stringify({
  sender: 'ma-dgsn',
  envelopes: [firstEnvelope.jwe, info.jwe, altered.join('.')],
});
const batchVector = {
  description:
    'Passerelle batch delivery v1 (PROTOCOL §7.6): POST /federation/v1/inbox/batch from ma-dgsn to pk-fia, RFC 9421 signed at verifyAt like any inbox request (PROTOCOL §6). Verify the request signature with the sender signingPublicJwk; the body matches docs/schemas/inbox-batch.json; each envelope opens (or is refused) on its own with the recipient private keys; the answer matches docs/schemas/inbox-batch-answer.json, one result per envelope in order, and each receipt verifies with the recipient signingPublicJwk for exactly its envelope.',
  verifyAt: now.toISOString(),
  sender: { nodeId: 'ma-dgsn', signingPublicJwk: rabat.signing.publicJwk },
  recipient: {
    nodeId: 'pk-fia',
    signingPublicJwk: islamabad.signing.publicJwk,
    encryptionPublicJwk: islamabad.encryption.publicJwk,
    privateJwks: privateOf(islamabad),
  },
  request: signedRequest(
    'POST a batch of three envelopes',
    'POST',
    'https://pk-fia.passerelle.example/federation/v1/inbox/batch',
    { 'content-type': 'application/json' },
    batchBody,
  ),
  answer: {
    results: [
      { receiptJws: firstEnvelope.receiptJws },
      { receiptJws: infoReceipt.receiptJws },
      {
        error: {
          status: 400,
          code: 'bad_envelope',
          message: 'Envelope refused: decryptFailed',
          reason: 'decryptFailed',
        },
      },
    ],
  },
  expected: [
    {
      id: (
        JSON.parse(Buffer.from(firstEnvelope.jwe.split('.')[0]!, 'base64url').toString()) as { mid: string }
      ).mid,
      type: 'rfi',
      accepted: true,
    },
    { id: info.id, type: 'info', accepted: true },
    { id: info.id, type: 'info', accepted: false, reason: 'decryptFailed' },
  ],
};

const out = new URL('../test/vectors/', import.meta.url);
const vectors: Record<string, [string, unknown]> = {
  envelope: ['envelope-v1.json', envelopeVector],
  'node-card': ['node-card-v1.json', cardVector],
  checkpoint: ['checkpoint-v1.json', { ...checkpointVector, payload: envelopePayload['audit.checkpoint'] }],
  'http-signature': ['http-signature-v1.json', httpSignatureVector],
  'inbox-batch': ['inbox-batch-v1.json', batchVector],
};
const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(vectors);
for (const name of wanted) {
  const vector = vectors[name];
  if (!vector) throw new Error(`unknown vector ${name} (${Object.keys(vectors).join(', ')})`);
  writeFileSync(new URL(vector[0], out), `${JSON.stringify(vector[1], null, 2)}\n`);
  console.log(`wrote test/vectors/${vector[0]}`);
}
