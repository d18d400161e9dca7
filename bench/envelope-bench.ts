// Envelope throughput on one core against a raw node:crypto baseline doing the same
// cryptographic work in the same run (DESIGN §11: ratios, not absolute timings).
//   node --import tsx bench/envelope-bench.ts
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { pathToFileURL } from 'node:url';
import {
  type OpenEnvelopeOptions,
  openEnvelope,
  sealEnvelope,
  systemRandomBytes,
} from '../src/federation/index.js';
import { canonicalizeToBytes, generateNodeKeys, systemClock } from '../src/platform/index.js';

import type { BenchResult } from './table.js';

/** One measured figure (bench/table.ts); `ratio` is Passerelle / raw baseline. */
export type { BenchResult };

const PAYLOAD = {
  subject: 'Request for information: vessel sighted off Dakhla',
  body: 'Synthetic benchmark message. '.repeat(30),
  language: 'fr',
  priority: 'urgent',
  handlingCode: 'H2',
  entities: Array.from({ length: 10 }, (_, i) => ({
    kind: 'person',
    name: `Synthetic Person ${i}`,
    born: 1980 + i,
  })),
};

async function rate(work: () => unknown, ms: number): Promise<number> {
  for (let i = 0; i < 50; i++) await work(); // warm-up: JIT, jose's key cache
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 20; i++) await work();
    n += 20;
    elapsed = performance.now() - start;
  }
  return (n * 1000) / elapsed;
}

/**
 * Raw baseline, same primitives as the envelope: Ed25519 signature over the canonical
 * payload; ephemeral X25519 key and ECDH; SHA-256 KDF; AES-256-GCM over payload + signature.
 * (It skips JOSE's base64url, header JSON, the A256KW key wrap and the canonical re-check,
 * which is exactly the overhead the ratio shows.)
 */
function rawSeal(bytes: Uint8Array, senderKey: KeyObject, recipientPublic: KeyObject) {
  const signature = sign(null, bytes, senderKey);
  const eph = generateKeyPairSync('x25519');
  const key = createHash('sha256')
    .update(diffieHellman({ privateKey: eph.privateKey, publicKey: recipientPublic }))
    .digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(bytes), cipher.update(signature), cipher.final()]);
  return { eph: eph.publicKey, iv, ciphertext, tag: cipher.getAuthTag() };
}

function rawOpen(
  sealed: ReturnType<typeof rawSeal>,
  recipientKey: KeyObject,
  senderPublic: KeyObject,
): boolean {
  const key = createHash('sha256')
    .update(diffieHellman({ privateKey: recipientKey, publicKey: sealed.eph }))
    .digest();
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAuthTag(sealed.tag);
  const plain = Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  const body = plain.subarray(0, plain.length - 64);
  JSON.parse(body.toString('utf8'));
  return verify(null, body, senderPublic, plain.subarray(plain.length - 64));
}

/** Seal and open rates of Passerelle envelopes vs the raw baseline, measured in the same process. */
export async function benchEnvelopes(durationMs = 1500): Promise<BenchResult[]> {
  const sender = generateNodeKeys();
  const recipient = generateNodeKeys();
  const seal = () =>
    sealEnvelope({
      sender: {
        nodeId: 'ma-dgsn',
        signingKey: { privateKey: sender.signing.privateKey, kid: sender.signing.publicJwk.kid },
      },
      recipient: { nodeId: 'pk-fia', encryptionKey: recipient.encryption.publicJwk },
      type: 'rfi',
      payload: PAYLOAD,
      clock: systemClock,
      random: systemRandomBytes,
    });
  const sample = await seal();
  const openOptions: OpenEnvelopeOptions<unknown> = {
    recipient: {
      nodeId: 'pk-fia',
      encryptionKeys: [
        { kid: recipient.encryption.publicJwk.kid, privateKey: recipient.encryption.privateKey },
      ],
    },
    resolveSenderKey: () => sender.signing.publicJwk,
    clock: systemClock,
  };
  const check = await openEnvelope(sample.jwe, openOptions);
  if (!check.ok) throw new Error(`bench setup: envelope did not open: ${check.reason.type}`);

  const bytes = canonicalizeToBytes(PAYLOAD);
  const recipientPublic = createPublicKey(recipient.encryption.privateKey);
  const senderPublic = createPublicKey(sender.signing.privateKey);
  const rawSample = rawSeal(bytes, sender.signing.privateKey, recipientPublic);
  if (!rawOpen(rawSample, recipient.encryption.privateKey, senderPublic))
    throw new Error('bench setup: raw baseline failed');

  // Interleave short rounds so background load on a shared machine hits both sides alike.
  const rounds = 3;
  let rawSealRate = 0;
  let sealRate = 0;
  let rawOpenRate = 0;
  let openRate = 0;
  for (let i = 0; i < rounds; i++) {
    rawSealRate +=
      (await rate(
        () => rawSeal(canonicalizeToBytes(PAYLOAD), sender.signing.privateKey, recipientPublic),
        durationMs / rounds,
      )) / rounds;
    sealRate += (await rate(seal, durationMs / rounds)) / rounds;
    rawOpenRate +=
      (await rate(
        () => rawOpen(rawSample, recipient.encryption.privateKey, senderPublic),
        durationMs / rounds,
      )) / rounds;
    openRate += (await rate(() => openEnvelope(sample.jwe, openOptions), durationMs / rounds)) / rounds;
  }
  return [
    {
      name: 'envelope seal',
      value: Math.round(sealRate),
      unit: 'envelopes/s',
      ratio: round2(sealRate / rawSealRate),
    },
    {
      name: 'envelope open',
      value: Math.round(openRate),
      unit: 'envelopes/s',
      ratio: round2(openRate / rawOpenRate),
    },
    { name: 'raw node:crypto seal baseline', value: Math.round(rawSealRate), unit: 'ops/s' },
    { name: 'raw node:crypto open baseline', value: Math.round(rawOpenRate), unit: 'ops/s' },
    { name: 'envelope size', value: sample.jwe.length, unit: `bytes (payload ${bytes.length} bytes)` },
  ];
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchEnvelopes()) {
    console.log(
      `${r.name.padEnd(32)} ${String(r.value).padStart(8)} ${r.unit}${r.ratio === undefined ? '' : `  (ratio ${r.ratio})`}`,
    );
  }
}
