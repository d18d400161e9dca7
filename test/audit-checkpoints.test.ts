import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CHECKPOINT_MESSAGE_TYPE, CHECKPOINT_TYP } from '../src/federation/index.js';
import { signStatement } from '../src/federation/signed-statement.js';
import type { Actor } from '../src/governance/index.js';
import { generateNodeKeys, verifyAuditChain } from '../src/platform/index.js';
import { rewriteAuditFrom } from './_audit-tamper.js';
import {
  enqueueMessage,
  pairNodes,
  startTestNode,
  type TestNode,
  testAdmin,
  testEngines,
  waitFor,
} from './_util.js';

const admin = { ...testAdmin, roles: [...testAdmin.roles] } as Actor;

for (const engine of await testEngines()) {
  describe(`signed audit checkpoints exchanged between partners (${engine})`, () => {
    let a: TestNode;
    let b: TestNode;

    before(async () => {
      a = await startTestNode({ id: 'ma-dgsn', engine });
      b = await startTestNode({ id: 'pk-fia', country: 'PK', engine });
      await pairNodes(a, b);
    });
    after(async () => {
      await a?.destroy();
      await b?.destroy();
    });

    test('a published checkpoint reaches the partner, which keeps it; everything agrees', async () => {
      const cp = await a.ctx.checkpoints.publish(admin);
      await waitFor(
        async () => (await b.ctx.checkpoints.list(admin, 'ma-dgsn')).length === 1,
        20_000,
        'checkpoint at B',
      );
      const held = await b.ctx.checkpoints.list(admin, 'ma-dgsn');
      assert.equal(held[0]!.seq, cp.seq);
      assert.equal(held[0]!.hash, cp.hash);
      const check = await a.ctx.checkpoints.verify(admin, { partners: true });
      assert.equal(check.ok, true, JSON.stringify(check));
      assert.equal(check.partners['pk-fia']?.held, 1);
      // Own checkpoint, the partner's copy, and the audit head the checkpoint's envelope carried.
      assert.equal(check.checked, 3);
      assert.ok(check.partners['pk-fia']?.head, 'the partner holds the announced head');
    });

    test('a history rewritten with every hash recomputed passes the chain check but not the checkpoints', async () => {
      const [cp] = await a.ctx.checkpoints.list(admin);
      assert.ok(cp && cp.seq >= 1, `a checkpoint of a non-empty log (${JSON.stringify(cp)})`);
      await rewriteAuditFrom(a, Math.max(1, cp!.seq - 2));
      assert.equal(
        (await verifyAuditChain(a.ctx.db)).ok,
        true,
        'the recomputed chain looks intact on its own',
      );
      const local = await a.ctx.checkpoints.verify(admin, { partners: false });
      assert.equal(local.ok, false);
      assert.deepEqual(
        local.findings.map((f) => [f.source, f.problem]),
        [['own', 'hashMismatch']],
      );
      // The intruder also deletes the node's own checkpoints: the partner's copy still tells.
      await a.ctx.db.deleteFrom('audit_checkpoints').where('node_id', '=', 'ma-dgsn').execute();
      const withPartners = await a.ctx.checkpoints.verify(null, { partners: true });
      assert.equal(withPartners.ok, false);
      // Both what the partner holds disagree: its copy of the checkpoint and the head it was told.
      assert.deepEqual(
        withPartners.findings.map((f) => [f.source, f.problem]),
        [
          ['pk-fia', 'hashMismatch'],
          ['pk-fia', 'hashMismatch'],
        ],
      );
    });

    test('two different hashes signed for one entry raise an alert at the partner', async () => {
      const [held] = await b.ctx.checkpoints.list(admin, 'ma-dgsn');
      const keys = a.ctx.keys;
      const forged = await signStatement(
        { version: 1, nodeId: 'ma-dgsn', seq: held!.seq, hash: 'f'.repeat(64), at: new Date().toISOString() },
        { typ: CHECKPOINT_TYP, kid: keys.signing.publicJwk.kid },
        keys.signing.privateKey,
      );
      await enqueueMessage(a, 'pk-fia', CHECKPOINT_MESSAGE_TYPE, { checkpointJws: forged });
      await waitFor(
        async () =>
          (await b.ctx.federation.listNotifications(admin)).some(
            (n) => n.kind === 'audit.checkpoint_conflict',
          ),
        20_000,
        'conflict notification',
      );
      const actions = (await b.ctx.db.selectFrom('audit_log').select('action').execute()).map(
        (r) => r.action,
      );
      assert.ok(actions.includes('audit.checkpoint_conflict'));
    });

    test("a checkpoint not signed by the sender's key is refused and stored nowhere", async () => {
      const stranger = generateNodeKeys();
      const bogus = await signStatement(
        { version: 1, nodeId: 'ma-dgsn', seq: 1, hash: 'a'.repeat(64), at: new Date().toISOString() },
        { typ: CHECKPOINT_TYP, kid: stranger.signing.publicJwk.kid },
        stranger.signing.privateKey,
      );
      const before = (await b.ctx.checkpoints.list(admin, 'ma-dgsn')).length;
      const { id } = await enqueueMessage(a, 'pk-fia', CHECKPOINT_MESSAGE_TYPE, { checkpointJws: bogus });
      await waitFor(
        async () => (await a.ctx.federation.deliveryStatus([id])).get(id)?.status === 'failed',
        20_000,
        'refusal',
      );
      const status = (await a.ctx.federation.deliveryStatus([id])).get(id)!;
      assert.match(status.lastError?.message ?? '', /invalid_message|statement refused/);
      assert.equal((await b.ctx.checkpoints.list(admin, 'ma-dgsn')).length, before);
    });
  });
}
