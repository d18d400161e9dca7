import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { main } from '../src/cli/main.js';
import { startTestNode, TestClient, type TestNode } from './_util.js';

// `passerelle partner …` and the admin REST API it drives, between two real nodes.

let a: TestNode;
let b: TestNode;
let tokenA: string;
let tokenB: string;

async function tokenFor(node: TestNode): Promise<string> {
  await node.ctx.governance.createUser(null, {
    username: 'admin',
    displayName: 'Admin',
    password: 'correct horse battery staple 1',
    roles: ['admin'],
  });
  return (await node.ctx.governance.createToken('admin', { name: 'cli' })).token;
}

async function cli(node: TestNode, token: string, ...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += d;
  });
  stderr.on('data', (d) => {
    err += d;
  });
  const code = await main(argv, {
    stdout,
    stderr,
    env: { PASSERELLE_URL: node.url, PASSERELLE_TOKEN: token },
    cwd: node.dataDir,
  });
  return { code, out, err };
}

before(async () => {
  [a, b] = await Promise.all([
    startTestNode({ id: 'ma-dgsn' }),
    startTestNode({ id: 'pk-fia', country: 'PK' }),
  ]);
  [tokenA, tokenB] = await Promise.all([tokenFor(a), tokenFor(b)]);
});
after(async () => {
  await Promise.all([a?.destroy(), b?.destroy()]);
});

test('partner card, add (file and URL), verify, list, revoke', async () => {
  const card = await cli(b, tokenB, 'partner', 'card');
  assert.equal(card.code, 0, card.err);
  const cardJson = JSON.parse(card.out) as {
    cardJws: string;
    fingerprint: { text: string; numeric: string };
  };
  writeFileSync(join(a.dataDir, 'pk-card.json'), card.out);

  const added = await cli(a, tokenA, 'partner', 'add', 'pk-card.json');
  assert.equal(added.code, 0, added.err);
  assert.match(added.out, /pk-fia {2}PENDING/);
  assert.ok(added.out.includes(cardJson.fingerprint.text));

  const again = await cli(a, tokenA, 'partner', 'add', 'pk-card.json');
  assert.equal(again.code, 2);
  assert.match(again.err, /already imported/);

  const wrong = await cli(
    a,
    tokenA,
    'partner',
    'verify',
    'pk-fia',
    '0000-0000-0000-0000-0000-0000-0000-0000',
  );
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /fingerprint does not match/);

  const ok = await cli(a, tokenA, 'partner', 'verify', 'pk-fia', ...cardJson.fingerprint.numeric.split(' '));
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /VERIFIED/);

  // b imports a by URL.
  const byUrl = await cli(b, tokenB, 'partner', 'add', a.url);
  assert.equal(byUrl.code, 0, byUrl.err);
  assert.match(byUrl.out, /ma-dgsn {2}PENDING/);

  const list = await cli(a, tokenA, 'partner', 'list');
  assert.match(list.out, /pk-fia {2}VERIFIED/);

  const noReason = await cli(a, tokenA, 'partner', 'revoke', 'pk-fia');
  assert.equal(noReason.code, 2);
  const revoked = await cli(a, tokenA, 'partner', 'revoke', 'pk-fia', '--reason', 'test over');
  assert.equal(revoked.code, 0, revoked.err);
  assert.match(revoked.out, /REVOKED/);
});

test('REST: errors carry stable codes; deliveries and notifications answer', async () => {
  const http = (node: TestNode, token: string, method: string, path: string, body?: unknown) =>
    new TestClient(node.url).request(method, path, body, { authorization: `Bearer ${token}` });
  const bad = await http(a, tokenA, 'POST', '/api/v1/partners', { cardJws: 'not.a.card' });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.code, 'invalid_card');
  const cardRes = await http(a, tokenA, 'GET', '/api/v1/node/card');
  assert.equal(cardRes.status, 200);
  assert.equal(cardRes.json.card.nodeId, 'ma-dgsn');
  assert.match(cardRes.json.fingerprint.numeric, /^\d{5}( \d{5}){7}$/);
  const deliveries = await http(a, tokenA, 'GET', '/api/v1/deliveries?status=dead');
  assert.equal(deliveries.status, 200);
  assert.deepEqual(deliveries.json.deliveries, []);
  const notes = await http(a, tokenA, 'GET', '/api/v1/notifications');
  assert.deepEqual(notes.json, { notifications: [] });
  const oversized = await fetch(`${a.url}/federation/v1/inbox`, {
    method: 'POST',
    headers: { 'content-type': 'application/jose' },
    body: 'A'.repeat(5 * 1024 * 1024),
  });
  assert.equal(oversized.status, 413);
  assert.equal(((await oversized.json()) as { error: { code: string } }).error.code, 'payload_too_large');
  const garbage = await fetch(`${a.url}/federation/v1/inbox`, { method: 'POST', body: '{"x":' });
  assert.equal(garbage.status, 400);
  assert.equal(((await garbage.json()) as { error: { code: string } }).error.code, 'bad_envelope');
});
