import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { CompactEncrypt } from 'jose';
import { generateNodeKeys, ManualClock, type NodeKeys } from '../platform/index.js';
import { systemRandomBytes } from './clock.js';
import { type OpenEnvelopeOptions, openEnvelope, type SealedEnvelope, sealEnvelope } from './envelope.js';

// Hostile input for openEnvelope. The invariant: nothing is accepted unless it is, byte for
// byte, an envelope the genuine sender sealed for us. Totals >= 10,000 generated inputs.

const clock = new ManualClock('2025-06-01T12:00:00Z');
const rabat = generateNodeKeys();
const islamabad = generateNodeKeys();
const attacker = generateNodeKeys();
const genuine = new Map<string, SealedEnvelope>();
let envelopes: SealedEnvelope[] = [];

const options: OpenEnvelopeOptions<unknown> = {
  recipient: {
    nodeId: 'pk-fia',
    encryptionKeys: [
      { kid: islamabad.encryption.publicJwk.kid, privateKey: islamabad.encryption.privateKey },
    ],
  },
  resolveSenderKey: (nodeId, kid) =>
    nodeId === 'ma-dgsn' && kid === rabat.signing.publicJwk.kid ? rabat.signing.publicJwk : undefined,
  clock,
};

async function sealAs(from: NodeKeys, kid: string, payload: unknown, type = 'rfi'): Promise<SealedEnvelope> {
  return sealEnvelope({
    sender: { nodeId: 'ma-dgsn', signingKey: { privateKey: from.signing.privateKey, kid } },
    recipient: { nodeId: 'pk-fia', encryptionKey: islamabad.encryption.publicJwk },
    type,
    payload,
    clock,
    random: systemRandomBytes,
  });
}

async function mustRefuse(input: unknown): Promise<void> {
  const result = await openEnvelope(input, options);
  if (!result.ok) return;
  const original = typeof input === 'string' ? genuine.get(input) : undefined;
  assert.ok(original, `accepted a forged or altered envelope: ${String(input).slice(0, 80)}`);
  assert.equal(result.envelope.id, original.id);
}

describe('openEnvelope under hostile input', () => {
  before(async () => {
    envelopes = await Promise.all(
      [{ subject: 'a' }, { subject: 'b', n: [1, 2, 3] }, { nested: { deep: 'ملف' } }, 'x'.repeat(300)].map(
        (p) => sealAs(rabat, rabat.signing.publicJwk.kid, p),
      ),
    );
    for (const e of envelopes) genuine.set(e.jwe, e);
    for (const e of envelopes) assert.ok((await openEnvelope(e.jwe, options)).ok);
  });

  it('refuses every single-bit flip in any segment (4,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(envelopes.length - 1),
        fc.nat(4),
        fc.nat(),
        fc.nat(7),
        async (which, segIndex, pos, bit) => {
          const segments = envelopes[which]!.jwe.split('.');
          const bytes = Buffer.from(segments[segIndex]!, 'base64url');
          if (bytes.length === 0) return;
          bytes[pos % bytes.length]! ^= 1 << bit;
          segments[segIndex] = bytes.toString('base64url');
          await mustRefuse(segments.join('.'));
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('refuses character-level edits, truncations and extensions (2,000 runs)', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
    await fc.assert(
      fc.asyncProperty(
        fc.nat(envelopes.length - 1),
        fc.nat(),
        fc.constantFrom('replace', 'delete', 'insert', 'truncate'),
        fc.nat(alphabet.length - 1),
        async (which, pos, op, ch) => {
          const s = envelopes[which]!.jwe;
          const i = pos % s.length;
          const c = alphabet[ch]!;
          const edited =
            op === 'replace'
              ? s.slice(0, i) + c + s.slice(i + 1)
              : op === 'delete'
                ? s.slice(0, i) + s.slice(i + 1)
                : op === 'insert'
                  ? s.slice(0, i) + c + s.slice(i)
                  : s.slice(0, i);
          await mustRefuse(edited);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses random strings, JWE-shaped noise and non-strings (2,000 runs)', async () => {
    const segment = fc
      .base64String({ maxLength: 200 })
      .map((s) => s.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.array(segment, { minLength: 5, maxLength: 5 }).map((parts) => parts.join('.')),
          fc.anything(),
        ),
        async (input) => mustRefuse(input),
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses segments spliced between genuine envelopes (1,500 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(envelopes.length - 1), { minLength: 5, maxLength: 5 }),
        async (picks) => {
          const parts = picks.map((p, i) => envelopes[p]!.jwe.split('.')[i]!);
          await mustRefuse(parts.join('.'));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('refuses rewritten outer headers (500 runs)', async () => {
    const field = fc.constantFrom(
      'mid',
      'snd',
      'rcp',
      'mty',
      'iat',
      'kid',
      'typ',
      'cty',
      'enc',
      'alg',
      'zip',
      'crit',
    );
    const value = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.integer(),
      fc.constant(null),
      fc.constant(['mid']),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(envelopes.length - 1), field, value, async (which, f, v) => {
        const [h, ...rest] = envelopes[which]!.jwe.split('.');
        const header = JSON.parse(Buffer.from(h!, 'base64url').toString());
        if (JSON.stringify(header[f]) === JSON.stringify(v)) return;
        header[f] = v;
        await mustRefuse([Buffer.from(JSON.stringify(header)).toString('base64url'), ...rest].join('.'));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses envelopes sealed with the wrong keys or the wrong recipient key (300 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('attackerClaimsRabatKid', 'attackerOwnKid', 'encryptedToAttacker'),
        fc.jsonValue({ maxDepth: 2 }),
        async (mode, payload) => {
          let jwe: string;
          if (mode === 'encryptedToAttacker') {
            const sealed = await sealEnvelope({
              sender: {
                nodeId: 'ma-dgsn',
                signingKey: { privateKey: rabat.signing.privateKey, kid: rabat.signing.publicJwk.kid },
              },
              recipient: {
                nodeId: 'pk-fia',
                encryptionKey: { ...attacker.encryption.publicJwk, kid: islamabad.encryption.publicJwk.kid },
              },
              type: 'rfi',
              payload,
              clock,
              random: systemRandomBytes,
            });
            jwe = sealed.jwe;
          } else {
            const kid =
              mode === 'attackerClaimsRabatKid'
                ? rabat.signing.publicJwk.kid
                : attacker.signing.publicJwk.kid;
            jwe = (await sealAs(attacker, kid, payload)).jwe;
          }
          await mustRefuse(jwe);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a re-encryption whose JWE alg or enc is not the profile (jose-level downgrade)', async () => {
    const downgraded = await new CompactEncrypt(new TextEncoder().encode('x.y.z'))
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A128GCM' })
      .encrypt(islamabad.encryption.publicJwk);
    await mustRefuse(downgraded);
  });
});
