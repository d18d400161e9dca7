import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { main } from '../src/cli/main.js';
import { startTestNode, type TestNode, testAdmin } from './_util.js';

async function run(args: string[], cwd: string) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c) => {
    stdout += c;
  });
  err.on('data', (c) => {
    stderr += c;
  });
  const code = await main(args, { stdin: Readable.from(['']), stdout: out, stderr: err, env: {}, cwd });
  return { code, stdout, stderr };
}

const expectedItems = [
  'pairing.card',
  'pairing.endpoint',
  'schemas',
  'message.rfi',
  'message.info',
  'message.alert',
  'message.audit.checkpoint',
  'message.reply',
  'message.ack',
  'message.invalid',
  'message.unknown-type',
  'replay.same-envelope',
  'replay.resealed',
  'tamper.ciphertext',
  'tamper.header-mismatch',
  'tamper.body',
  'tamper.unsigned',
  'expiry.envelope',
  'expiry.future',
  'expiry.http-signature',
  'keys.http-signature',
  'keys.envelope-signature',
  'keys.recipient',
  'keys.unknown-sender',
  'oversize',
];

describe('passerelle conformance against a second, real node', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-conformance-'));
  let node: TestNode;
  before(async () => {
    node = await startTestNode({ id: 'pk-fia', country: 'PK' });
  });
  after(async () => {
    await node.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  test('before pairing, the message items fail and the exit code is 3', async () => {
    const made = await run(['conformance', 'identity', '--out', 'kit.json', '--country', 'MA'], dir);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /fingerprint [0-9A-Z]{4}(-[0-9A-Z]{4}){7}/);
    const result = await run(['conformance', '--url', node.url, '--identity', 'kit.json', '--json'], dir);
    assert.equal(result.code, 3, result.stderr);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      items: Array<{ id: string; ok: boolean; detail: string }>;
    };
    assert.equal(report.ok, false);
    const rfi = report.items.find((i) => i.id === 'message.rfi');
    assert.equal(rfi?.ok, false);
    assert.match(rfi?.detail ?? '', /403 unknown_partner/);
  });

  test('once the operator has paired and verified the test identity, every item passes', async () => {
    const { cardJws } = JSON.parse(readFileSync(join(dir, 'kit.card.json'), 'utf8')) as { cardJws: string };
    const admin = { ...testAdmin, roles: [...testAdmin.roles] };
    const partner = await node.ctx.federation.importPartner(admin, { cardJws });
    await node.ctx.federation.verifyPartner(admin, partner.nodeId, partner.fingerprint.text);

    const result = await run(['conformance', '--url', node.url, '--identity', 'kit.json', '--json'], dir);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      items: Array<{ id: string; ok: boolean; detail: string }>;
    };
    const failed = report.items.filter((i) => !i.ok);
    assert.deepEqual(failed, [], 'failed items');
    assert.deepEqual(
      report.items.map((i) => i.id),
      expectedItems,
    );
    assert.equal(result.code, 0);

    const text = await run(['conformance', '--url', node.url, '--identity', 'kit.json'], dir);
    assert.match(text.stdout, /^PASS {2}pairing\.card/m);
    assert.match(text.stdout, /25 passed, 0 failed/);
  });
});
