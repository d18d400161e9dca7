// Issue 7 §8: the 10,000-request inbox fuzz at the real boundary. Hostile requests go over
// HTTP to a running node, so the router, the body limit and the per-address refusal limit
// are inside the test; the seed is fixed so a failure replays exactly.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  computeFingerprint,
  countInbox,
  createNodeCard,
  INBOX_PATH,
  sealEnvelope,
  signRequest,
  systemRandomBytes,
} from '../src/federation/index.js';
import { generateNodeKeys, ManualClock, type NodeKeys } from '../src/platform/index.js';
import { startTestNode, type TestNode, testAdmin } from './_util.js';

const SEED = 20261201;
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const admin = { ...testAdmin, roles: [...testAdmin.roles] };

describe('inbox fuzz over HTTP', () => {
  let node: TestNode;
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');
  const rabat = { nodeId: 'ma-dgsn', keys: generateNodeKeys() };
  const stranger = generateNodeKeys();
  let handled = 0;

  before(async () => {
    node = await startTestNode({ id: 'pk-fia', country: 'PK', clock });
    node.ctx.federation.setHandler('test.note', async () => {
      handled++;
    });
    const now = clock.now().getTime();
    const { cardJws } = await createNodeCard(
      {
        nodeId: rabat.nodeId,
        agency: 'Agency ma-dgsn',
        country: 'MA',
        endpoint: 'http://ma-dgsn.test',
        validFrom: new Date(now - 3600_000),
        validUntil: new Date(now + 30 * 86400_000),
      },
      rabat.keys,
    );
    await node.ctx.federation.importPartner(admin, { cardJws });
    const fp = computeFingerprint({
      signingKey: rabat.keys.signing.publicJwk,
      encryptionKey: rabat.keys.encryption.publicJwk,
    });
    await node.ctx.federation.verifyPartner(admin, rabat.nodeId, fp.text);
  });
  after(async () => node.destroy());

  const envelope = (payload: unknown) =>
    sealEnvelope({
      sender: {
        nodeId: rabat.nodeId,
        signingKey: { privateKey: rabat.keys.signing.privateKey, kid: rabat.keys.signing.publicJwk.kid },
      },
      recipient: { nodeId: 'pk-fia', encryptionKey: node.ctx.keys.encryption.publicJwk },
      type: 'test.note',
      payload,
      clock,
      random: systemRandomBytes,
    });

  async function post(body: string, signing: 'resign' | 'keep' | 'stranger' | 'none', original: string) {
    const url = `${node.url}${INBOX_PATH}`;
    const headers: Record<string, string> = { 'content-type': 'application/jose' };
    const sign = (signed: string, keys: NodeKeys) =>
      signRequest(
        { method: 'POST', url, headers, body: signed },
        { privateKey: keys.signing.privateKey, kid: rabat.keys.signing.publicJwk.kid },
        { clock },
      );
    const sig =
      signing === 'resign'
        ? sign(body, rabat.keys)
        : signing === 'keep'
          ? sign(original, rabat.keys)
          : signing === 'stranger'
            ? sign(body, stranger)
            : {};
    const send = () => fetch(url, { method: 'POST', headers: { ...headers, ...sig }, body });
    // After a 413 the server closes the connection (the rest of that body is never read); a
    // request the client had already queued on that socket is sent again on a new one.
    const res = await send().catch(async (err: Error) => {
      if (
        !/other side closed|ECONNRESET|socket/i.test(String((err.cause as Error | undefined)?.message ?? err))
      )
        throw err;
      return send();
    });
    return {
      status: res.status,
      json: (await res.json().catch(() => null)) as { receiptJws?: string; error?: { code: string } } | null,
    };
  }

  test('10,000 hostile requests (fixed seed): none accepted, nothing stored, no 500', async () => {
    const genuine = [await envelope({ n: 1 }), await envelope({ n: 2 })];
    const accepted = await post(genuine[0]!.jwe, 'resign', genuine[0]!.jwe);
    assert.equal(accepted.status, 200);
    const receipt = accepted.json!.receiptJws!;
    const handledBefore = handled;
    const inboxBefore = await countInbox(node.ctx.db);
    const b64char = fc.constantFrom(
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'.split(''),
    );
    const mutate = (jwe: string) =>
      fc.oneof(
        fc.tuple(fc.nat(), b64char).map(([i, ch]) => {
          const k = i % jwe.length;
          return jwe.slice(0, k) + ch + jwe.slice(k + 1);
        }),
        fc.nat().map((i) => jwe.slice(0, i % jwe.length)),
        fc.string({ maxLength: 40 }).map((s) => jwe + s),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }).map((pick) => {
          const other = genuine[1]!.jwe.split('.');
          return jwe
            .split('.')
            .map((seg, i) => (pick[i] ? other[i]! : seg))
            .join('.');
        }),
        fc
          .record({
            k: fc.constantFrom('mid', 'snd', 'rcp', 'mty', 'iat', 'kid', 'alg', 'enc'),
            v: fc.jsonValue(),
          })
          .map(({ k, v }) => {
            const [h, ...rest] = jwe.split('.');
            const header = JSON.parse(Buffer.from(h!, 'base64url').toString());
            header[k] = v;
            return [Buffer.from(JSON.stringify(header)).toString('base64url'), ...rest].join('.');
          }),
        fc.string({ maxLength: 200 }),
      );
    // Larger than the body limit: refused by the limit before the inbox reads it (one in 200,
    // to keep the run's traffic reasonable).
    const oversized = 'A'.repeat(4 * 1024 * 1024 + 2048);
    const statuses = new Map<number, number>();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1).chain((which) => mutate(genuine[which]!.jwe).map((body) => ({ which, body }))),
        fc.constantFrom('resign', 'keep', 'stranger', 'none') as fc.Arbitrary<
          'resign' | 'keep' | 'stranger' | 'none'
        >,
        fc.nat(199),
        async ({ which, body: mutated }, signing, dice) => {
          const body = dice === 0 ? oversized : mutated;
          fc.pre(body !== genuine[1]!.jwe);
          // Move past the refusal limit's minute now and then, so most requests reach the
          // inbox itself, while the limiter still answers 429 within each minute.
          if (++runs % 80 === 0) clock.advance(61_000);
          const res = await post(body, signing, genuine[which]!.jwe);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          assert.notEqual(res.status, 500, JSON.stringify(res.json));
          if (res.status === 200) {
            // Only the already accepted id, signed by the genuine partner, gets an answer:
            // its original receipt (PROTOCOL §7.3).
            assert.equal(res.json?.receiptJws, receipt);
          } else {
            assert.ok(res.json?.error?.code, `a JSON error with a code (status ${res.status})`);
          }
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    assert.equal(handled, handledBefore, 'no handler ran');
    assert.equal(await countInbox(node.ctx.db), inboxBefore, 'nothing stored');
    assert.ok((statuses.get(429) ?? 0) > 0, `the limiter answered (${JSON.stringify([...statuses])})`);
    assert.ok((statuses.get(413) ?? 0) > 0, `the body limit answered (${JSON.stringify([...statuses])})`);
    const deep = [...statuses]
      .filter(([s]) => s !== 429 && s !== 413 && s !== 200)
      .reduce((n, [, c]) => n + c, 0);
    assert.ok(deep > RUNS / 2, `most requests reached the inbox (${deep})`);
  });
});
