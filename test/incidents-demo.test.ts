import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { playIncidentsStep } from '../src/cli/demo-incidents.js';
import { bundledDataPath } from '../src/platform/index.js';
import {
  allowSharing,
  pairNodes,
  startTestNode,
  type TestNode,
  testEngines,
  tokenForNewUser,
} from './_util.js';

// The whole incidents store (import, records, reconciliation, board, exchange) on each engine.
for (const engine of await testEngines()) {
  describe(`the demo step: the Dakhla shipwreck from the IOM file to identified victims (${engine})`, () => {
    let ma: TestNode;
    let pk: TestNode;
    const tokens: Record<string, Record<string, string>> = {};

    before(async () => {
      ma = await startTestNode({ id: 'ma-dgsn', country: 'MA', engine });
      pk = await startTestNode({ id: 'pk-fia', country: 'PK', engine });
      await pairNodes(ma, pk);
      await allowSharing(pk, 'ma-dgsn');
      await allowSharing(ma, 'pk-fia');
      for (const node of [ma, pk]) {
        tokens[node.config.node.id] = {};
        for (const role of ['admin', 'dvi', 'dpo'])
          tokens[node.config.node.id]![role] = await tokenForNewUser(node, role, [role]);
      }
    });
    after(async () => {
      await ma?.destroy();
      await pk?.destroy();
    });

    test('reconciliation proposes the right candidates; two identifications, a family told, a repatriation under way', async () => {
      const access = (node: TestNode) => {
        const t = tokens[node.config.node.id]!;
        return {
          id: node.config.node.id,
          admin: { url: node.url, token: t.admin! },
          dvi: { url: node.url, token: t.dvi! },
          dpo: { url: node.url, token: t.dpo! },
        };
      };
      const stdout = new PassThrough();
      let out = '';
      stdout.on('data', (c) => {
        out += c;
      });
      const io = { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {}, cwd: '.' };
      const done = await playIncidentsStep(
        access(ma),
        access(pk),
        io,
        bundledDataPath('iom-mmp-europe-2014-2026.csv'),
      );
      assert.equal(done, true);
      assert.match(out, /reconciliation proposes AM-PK-0101 for PM-DKH-001/);
      assert.match(out, /reconciliation proposes AM-PK-0102 for PM-DKH-002/);
      assert.match(out, /reconciliation proposes AM-PK-0103 for PM-DKH-003/);
      const incident = await ma.ctx.db
        .selectFrom('incidents')
        .select('id')
        .where('iom_id', '=', '2025.MMP0019')
        .executeTakeFirstOrThrow();
      const board = await ma.ctx.dvi.statusBoard(
        {
          userId: (
            await ma.ctx.db
              .selectFrom('users')
              .select('id')
              .where('username', '=', 'dvi')
              .executeTakeFirstOrThrow()
          ).id,
          username: 'dvi',
          displayName: 'dvi',
          roles: ['dvi'],
          via: 'token',
        },
        incident.id,
      );
      const state = Object.fromEntries(
        board.entries.filter((e) => e.kind === 'pm').map((e) => [e.reference, e.state]),
      );
      assert.equal(state['PM-DKH-001'], 'repatriating');
      assert.equal(state['PM-DKH-003'], 'pending');
      // PM-DKH-002 is identified; its family is told by Islamabad later.
      assert.equal(state['PM-DKH-002'], 'identified');
      // Every person the demo recorded is synthetic.
      const pms = await ma.ctx.db.selectFrom('dvi_post_mortem').select('synthetic').execute();
      const ams = await ma.ctx.db.selectFrom('dvi_ante_mortem').select('synthetic').execute();
      assert.ok([...pms, ...ams].every((r) => r.synthetic));
    });
  });
}
