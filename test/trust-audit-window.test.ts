// Issue 7 §4: a rewrite after the last checkpoint must not go unseen. Every envelope and
// receipt carries the sender's audit head; the partner keeps the latest, and
// `POST /audit/checkpoints/verify` (the API behind `audit verify --partners`) checks against it.
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { main } from '../src/cli/main.js';
import { verifyAuditChain } from '../src/platform/index.js';
import { rewriteAuditFrom, truncateAudit } from './_audit-tamper.js';
import { enqueueMessage, pairNodes, startTestNode, type TestNode, waitFor } from './_util.js';

describe('audit rewrites after the last checkpoint', () => {
  let a: TestNode;
  let b: TestNode;
  let token: string;

  before(async () => {
    a = await startTestNode({ id: 'ma-dgsn' });
    b = await startTestNode({ id: 'pk-fia', country: 'PK' });
    await pairNodes(a, b);
    b.ctx.federation.setHandler('test.note', async () => {});
    await a.ctx.governance.createUser(null, {
      username: 'boss',
      displayName: 'Boss',
      password: 'correct horse battery',
      roles: ['admin'],
    });
    token = (await a.ctx.governance.createToken('boss', { name: 't' })).token;
  });
  after(async () => {
    await a?.destroy();
    await b?.destroy();
  });

  const verify = async (node: TestNode, bearer: string) => {
    const r = await fetch(`${node.url}/api/v1/audit/checkpoints/verify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ partners: true }),
    });
    return (await r.json()) as {
      ok: boolean;
      nothingChecked: boolean;
      findings: Array<{ source: string; problem: string }>;
    };
  };

  async function sendAndWait(n: number) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await enqueueMessage(a, 'pk-fia', 'test.note', { i })).id);
    await waitFor(
      async () =>
        [...(await a.ctx.federation.deliveryStatus(ids)).values()].every((s) => s.status === 'delivered'),
      20_000,
      'deliveries settled',
    );
  }

  test('the partner keeps the latest audit head announced in envelopes and receipts', async () => {
    await sendAndWait(3);
    const heldByB = await b.ctx.checkpoints.heldHeadOf('ma-dgsn');
    assert.ok(heldByB && heldByB.seq > 0, 'B holds a head of A');
    const heldByA = await a.ctx.checkpoints.heldHeadOf('pk-fia');
    assert.ok(heldByA && heldByA.seq > 0, 'A holds a head of B (from the receipts)');
    const chain = await verifyAuditChain(a.ctx.db);
    assert.ok(chain.ok && heldByB.seq <= chain.head.seq);
    const check = await verify(a, token);
    assert.equal(check.ok, true, JSON.stringify(check));
  });

  test('editing an entry newer than every checkpoint, hashes recomputed, is caught through the partner', async () => {
    await a.ctx.checkpoints.publish(null);
    await sendAndWait(2);
    const [cp] = await a.ctx.checkpoints.list({
      userId: '',
      username: 'x',
      displayName: 'x',
      roles: ['admin'],
      via: 'token',
    });
    const held = await b.ctx.checkpoints.heldHeadOf('ma-dgsn');
    assert.ok(held && held.seq > cp!.seq, 'B was told a head newer than the checkpoint');
    await rewriteAuditFrom(a, held.seq);
    assert.equal((await verifyAuditChain(a.ctx.db)).ok, true, 'the chain alone looks intact');
    const check = await verify(a, token);
    assert.equal(check.ok, false);
    assert.ok(
      check.findings.some((f) => f.source === 'pk-fia' && f.problem === 'hashMismatch'),
      JSON.stringify(check),
    );
  });

  test('deleting the newest entries and fixing the head is caught too', async () => {
    await sendAndWait(1);
    const held = await b.ctx.checkpoints.heldHeadOf('ma-dgsn');
    const head = await a.ctx.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    await truncateAudit(a, Number(head.seq) - held!.seq + 1);
    assert.equal((await verifyAuditChain(a.ctx.db)).ok, true, 'the truncated chain alone looks intact');
    const check = await verify(a, token);
    assert.equal(check.ok, false);
    assert.ok(
      check.findings.some((f) => f.source === 'pk-fia' && f.problem === 'missingEntry'),
      JSON.stringify(check),
    );
  });

  test('a node without partners or checkpoints says it checked nothing, and that is not a pass', async () => {
    const lone = await startTestNode({ id: 'fr-dcpj', country: 'FR' });
    try {
      await lone.ctx.governance.createUser(null, {
        username: 'boss',
        displayName: 'Boss',
        password: 'correct horse battery',
        roles: ['admin'],
      });
      const loneToken = (await lone.ctx.governance.createToken('boss', { name: 't' })).token;
      const check = await verify(lone, loneToken);
      assert.equal(check.nothingChecked, true);
      assert.equal(check.ok, false);
      // The CLI says so and does not exit 0.
      await lone.close();
      const out = new PassThrough();
      let text = '';
      out.on('data', (c) => {
        text += c;
      });
      const code = await main(['audit', 'verify', '--partners', '--data-dir', lone.dataDir], {
        stdin: Readable.from(['']),
        stdout: out,
        stderr: out,
        env: { PASSERELLE_KEY_PASSPHRASE: 'test-passphrase-not-secret' },
        cwd: process.cwd(),
      });
      assert.equal(code, 3, text);
      assert.match(text, /NOTHING was checked against partners/);
    } finally {
      await lone.destroy();
    }
  });
});
