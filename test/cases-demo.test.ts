// The demo's joint case: the synthetic Dakhla network shared by Rabat with Islamabad, where
// the facilitator in Nouadhibou stands out in the centrality view on both sides.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { playCasesStep } from '../src/cli/demo-cases.js';
import { pairNodes, startTestNode, type TestNode, tokenForNewUser, waitFor } from './_util.js';

describe('the demo joint case', () => {
  let a: TestNode;
  let b: TestNode;
  const tokens: Record<string, string> = {};

  before(async () => {
    [a, b] = await Promise.all([
      startTestNode({ id: 'ma-dgsn' }),
      startTestNode({ id: 'pk-fia', country: 'PK' }),
    ]);
    await pairNodes(a, b);
    for (const [node, prefix] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      tokens[`${prefix}.liaison`] = await tokenForNewUser(node, 'liaison', ['liaison']);
      tokens[`${prefix}.analyst`] = await tokenForNewUser(node, 'analyst', ['analyst']);
      tokens[`${prefix}.dpo`] = await tokenForNewUser(node, 'dpo', ['dpo']);
    }
  });
  after(() => Promise.all([a?.destroy(), b?.destroy()]));

  test('about 40 synthetic entities reach Islamabad and the broker leads betweenness on both nodes', async () => {
    const out = new PassThrough();
    const io = { stdout: out, stderr: out, cwd: process.cwd(), env: {} } as never;
    const caseId = await playCasesStep(
      {
        id: 'ma-dgsn',
        liaison: { url: a.url, token: tokens['a.liaison']! },
        dpo: { url: a.url, token: tokens['a.dpo']! },
      },
      { id: 'pk-fia', liaison: { url: b.url, token: tokens['b.liaison']! } },
      io,
    );
    for (const [node, token] of [
      [a, tokens['a.analyst']!],
      [b, tokens['b.analyst']!],
    ] as const) {
      const get = async (path: string) =>
        (
          await fetch(`${node.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } })
        ).json() as Promise<any>;
      const view = await get(`/cases/${caseId}`);
      assert.ok(view.entities.length >= 38 && view.entities.length <= 45, `${view.entities.length} entities`);
      assert.ok(view.entities.every((e: any) => e.synthetic === true));
      assert.match(view.title, /SYNTHETIC/);
      const metrics = await get(`/cases/${caseId}/metrics`);
      const top = view.entities.find((e: any) => e.id === metrics.centrality[0].id);
      assert.equal(top.label, 'Sidi Mohamed Ould Brahim');
      assert.equal(top.role, 'facilitator');
      assert.ok(metrics.centrality[0].betweenness > 2 * metrics.centrality[1].betweenness);
      assert.ok(metrics.clusterCount >= 2);
      // The survivor statement travelled with the case; members on both sides download it.
      const doc = view.documents.find((d: any) => /Survivor statement/.test(d.title));
      assert.equal(doc.handlingCode, 'H2');
      const download = () =>
        fetch(`${node.url}/api/v1/cases/${caseId}/documents/${doc.id}`, {
          headers: { authorization: `Bearer ${token}` },
        });
      // Until its file has arrived, a document answers 409 attachment_pending.
      await waitFor(async () => (await download()).status !== 409, 30_000, 'the demo document');
      const file = await download();
      assert.equal(file.status, 200);
      assert.match(await file.text(), /^SYNTHETIC DEMONSTRATION DOCUMENT/);
    }
  });
});
