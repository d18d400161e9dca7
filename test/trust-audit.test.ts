// Issue 7 §3: the audit log is not a free-for-all — strangers cannot flood it or write into
// it as someone else, and what matters is recorded. Every attack comes in over HTTP.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ManualClock } from '../src/platform/index.js';
import { startTestNode, TestClient, type TestNode } from './_util.js';

const PASSWORD = 'correct horse battery';
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('audit log under attack', () => {
  let node: TestNode;
  let admin: Record<string, string>;
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');

  before(async () => {
    node = await startTestNode({ clock });
    await node.ctx.governance.createUser(null, {
      username: 'boss',
      displayName: 'Boss',
      password: PASSWORD,
      roles: ['admin'],
    });
    await node.ctx.governance.createUser(null, {
      username: 'officer',
      displayName: 'Officer',
      password: PASSWORD,
      roles: ['liaison'],
    });
    admin = {
      authorization: `Bearer ${(await node.ctx.governance.createToken('boss', { name: 't' })).token}`,
    };
  });
  after(async () => node.destroy());
  // Each test starts in a fresh one-minute window of the per-address refusal limit.
  beforeEach(() => clock.advance(61_000));

  const rows = async (action: string) =>
    node.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();
  const post = (path: string, body: string) =>
    fetch(`${node.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  test('150 junk rotation and revocation statements write at most one minute’s refusals, then 429', async () => {
    const before = (await rows('federation.statement.refuse')).length;
    const statuses: number[] = [];
    for (let i = 0; i < 75; i++) {
      const jws = `${b64({ alg: 'EdDSA' })}.${b64({ nodeId: `junk-${i}` })}.c2ln`;
      statuses.push(
        (await post('/federation/v1/card-rotation', JSON.stringify({ rotationJws: jws }))).status,
      );
      statuses.push((await post('/federation/v1/revocation', JSON.stringify({ revocationJws: jws }))).status);
    }
    const written = (await rows('federation.statement.refuse')).length - before;
    assert.ok(written <= 60, `${written} refusals audited`);
    assert.ok(statuses.filter((s) => s === 429).length >= 90, 'the rest is refused without work');
    assert.equal(
      (await rows('federation.inbox.rate_limited')).length,
      1,
      'the limit itself is recorded once',
    );
  });

  test('an unverified node id is recorded as a short claim, never as the actor', async () => {
    const fresh = node;
    {
      const before = (await rows('federation.inbox.refuse')).length;
      const jws = `${b64({ alg: 'EdDSA' })}.${b64({ nodeId: 'x'.repeat(40_000) })}.c2ln`;
      const r = await fetch(`${fresh.url}/federation/v1/card-rotation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rotationJws: jws }),
      });
      assert.equal(r.status, 403);
      const [row] = await fresh.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'federation.statement.refuse')
        .execute();
      assert.equal(row?.actor, 'anonymous');
      assert.equal(row?.subject, null);
      const claim = (row?.detail as { claimedNodeId?: string }).claimedNodeId ?? '';
      assert.ok(claim.length <= 65, `claim of ${claim.length} characters`);
      const spoof = await fetch(`${fresh.url}/federation/v1/inbox`, {
        method: 'POST',
        headers: { 'content-type': 'application/jose' },
        body: `${b64({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', typ: 'passerelle-envelope+jwe', sender: 'pk-fia', recipient: 'ma-dgsn', id: '0190a0b0-0000-7000-8000-000000000000', type: 'info' })}.a.b.c.d`,
      });
      assert.ok(spoof.status >= 400);
      const refused = (await rows('federation.inbox.refuse')).slice(before);
      assert.equal(refused.length, 1);
      assert.equal(refused[0]?.actor, 'anonymous', 'an unauthenticated sender is no actor');
    }
  });

  test('oversized inbox bodies are counted before they are audited', async () => {
    const fresh = node;
    {
      const before = (await rows('federation.inbox.refuse')).length;
      const big = 'x'.repeat(fresh.ctx.federation.maxEnvelopeBytes + 4096);
      const statuses: number[] = [];
      for (let i = 0; i < 100; i++) {
        // The server closes the connection without reading the rest: a client may see the
        // socket end before the answer, which counts as refused too.
        try {
          const r = await fetch(`${fresh.url}/federation/v1/inbox`, {
            method: 'POST',
            headers: { 'content-type': 'application/jose' },
            body: big,
          });
          statuses.push(r.status);
          await r.arrayBuffer().catch(() => undefined);
        } catch {
          statuses.push(0);
        }
      }
      const audited = (await rows('federation.inbox.refuse')).length - before;
      assert.ok(audited <= 60, `${audited} oversized bodies audited`);
      assert.ok(statuses.includes(429));
    }
  });

  test('reading the audit log, verifying it, 403 denials, CSRF failures and failed password changes are audited', async () => {
    const list = await fetch(`${node.url}/api/v1/audit?limit=5`, { headers: admin });
    assert.equal(list.status, 200);
    assert.equal((await rows('audit.read')).length, 1);
    const verify = await fetch(`${node.url}/api/v1/audit/verify`, { method: 'POST', headers: admin });
    assert.equal(verify.status, 200);
    const [v] = await rows('audit.verify');
    assert.equal(v?.actor, 'user:boss');
    assert.equal((v?.detail as { ok: boolean }).ok, true);

    const officer = new TestClient(node.url);
    await officer.post('/api/v1/auth/login', { username: 'officer', password: PASSWORD });
    assert.equal((await officer.get('/api/v1/users')).status, 403);
    const [denied] = await rows('access.denied');
    assert.equal(denied?.actor, 'user:officer');
    assert.equal((denied?.detail as { path: string }).path, '/api/v1/users');
    const csrf = await officer.request('POST', '/api/v1/tokens', { name: 'x' }, { 'x-csrf-token': 'forged' });
    assert.equal(csrf.status, 403);
    assert.equal((await rows('auth.csrf_failed')).length, 1);
    const wrong = await officer.post('/api/v1/auth/password', {
      currentPassword: 'not my password',
      newPassword: 'quiet lantern orbit 77',
    });
    assert.equal(wrong.status, 400);
    assert.equal((await rows('user.password_change_failed')).length, 1);
  });
});
