import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { ManualClock, totpCode, verifyAuditChain } from '../src/platform/index.js';
import { startTestNode, TestClient, type TestNode, testEngines } from './_util.js';

const PASSWORD = 'correct horse battery';

for (const engine of await testEngines()) {
  describe(`accounts and sign-in on ${engine}`, () => {
    let node: TestNode;
    const clock = new ManualClock('2026-03-01T09:00:00.000Z');
    let adminTotp: string;

    before(async () => {
      node = await startTestNode({ engine, clock });
      const admin = await node.ctx.governance.createUser(null, {
        username: 'admin',
        displayName: 'Admin',
        password: PASSWORD,
        roles: ['admin'],
      });
      adminTotp = admin.totpSecret!;
      await node.ctx.governance.createUser(null, {
        username: 'liaison',
        displayName: 'Liaison officer',
        password: PASSWORD,
        roles: ['liaison'],
      });
    });
    after(async () => node.destroy());

    async function signIn(username: string, totp?: string) {
      const client = new TestClient(node.url);
      const res = await client.post('/api/v1/auth/login', {
        username,
        password: PASSWORD,
        ...(totp ? { totp } : {}),
      });
      return { client, res };
    }

    test('a liaison officer signs in with a password and gets HttpOnly, SameSite cookies', async () => {
      const { client, res } = await signIn('liaison');
      assert.equal(res.status, 200);
      assert.equal(res.json.user.username, 'liaison');
      const cookies = res.headers.getSetCookie().join('\n');
      assert.match(cookies, /passerelle_session=[^;]+;.*HttpOnly/);
      assert.match(cookies, /SameSite=Strict/);
      const me = await client.get('/api/v1/auth/me');
      assert.equal(me.status, 200);
      assert.deepEqual(me.json.user.roles, ['liaison']);
    });

    test('an admin must give a TOTP code; a used code cannot be replayed', async () => {
      const first = await signIn('admin');
      assert.equal(first.res.status, 401);
      assert.equal(first.res.json.error.code, 'totp_required');
      const code = totpCode(adminTotp, clock.now());
      const ok = await signIn('admin', code);
      assert.equal(ok.res.status, 200);
      const replay = await signIn('admin', code);
      assert.equal(replay.res.status, 401);
      assert.equal(replay.res.json.error.code, 'totp_invalid');
      clock.advance(30_000);
    });

    test('state-changing requests without the CSRF token are refused', async () => {
      const { client } = await signIn('liaison');
      const res = await client.request('POST', '/api/v1/tokens', { name: 'x' }, { 'x-csrf-token': 'wrong' });
      assert.equal(res.status, 403);
      assert.equal(res.json.error.code, 'csrf_invalid');
      const ok = await client.post('/api/v1/tokens', { name: 'laptop' });
      assert.equal(ok.status, 201);
      assert.match(ok.json.token, /^psl_/);
    });

    test('an API token authenticates the CLI; a revoked one does not', async () => {
      const { client } = await signIn('liaison');
      const created = await client.post('/api/v1/tokens', { name: 'cli' });
      const bearer = { authorization: `Bearer ${created.json.token}` };
      const me = await fetch(`${node.url}/api/v1/auth/me`, { headers: bearer });
      assert.equal(me.status, 200);
      const del = await client.request('DELETE', `/api/v1/tokens/${created.json.view.id}`);
      assert.equal(del.status, 204);
      const after = await fetch(`${node.url}/api/v1/auth/me`, { headers: bearer });
      assert.equal(after.status, 401);
    });

    test('roles are enforced: a liaison officer cannot list or create users', async () => {
      const { client } = await signIn('liaison');
      assert.equal((await client.get('/api/v1/users')).status, 403);
      const res = await client.post('/api/v1/users', {
        username: 'x1',
        displayName: 'X',
        password: PASSWORD,
        roles: ['admin'],
      });
      assert.equal(res.status, 403);
      assert.equal(res.json.error.code, 'forbidden');
    });

    test('bad input answers 400 with a clear message and creates nothing', async () => {
      const code = totpCode(adminTotp, clock.now());
      const { client } = await signIn('admin', code);
      clock.advance(30_000);
      const before = await node.ctx.db.selectFrom('users').select('username').execute();
      const bad = await client.post('/api/v1/users', {
        username: 'Bad Name!',
        displayName: '',
        password: 'short',
        roles: ['king'],
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error.code, 'bad_request');
      const paths = bad.json.error.details.issues.map((i: { path: string }) => i.path).sort();
      assert.deepEqual(paths, ['body.displayName', 'body.password', 'body.roles.0', 'body.username']);
      const malformed = await client.request('POST', '/api/v1/users', '{"username":', {
        'content-type': 'application/json',
      });
      assert.equal(malformed.status, 400);
      assert.match(malformed.json.error.message, /not valid JSON/);
      const after = await node.ctx.db.selectFrom('users').select('username').execute();
      assert.deepEqual(after, before);
      const dup = await client.post('/api/v1/users', {
        username: 'liaison',
        displayName: 'Dup',
        password: PASSWORD,
        roles: ['viewer'],
      });
      assert.equal(dup.status, 409);
      assert.equal(dup.json.error.code, 'username_taken');
    });

    test('five wrong passwords lock the account, even against the right password, until the lock expires', async () => {
      await node.ctx.governance.createUser(null, {
        username: 'target',
        displayName: 'T',
        password: PASSWORD,
        roles: ['viewer'],
      });
      const client = new TestClient(node.url);
      for (let i = 0; i < 5; i++) {
        const r = await client.post('/api/v1/auth/login', {
          username: 'target',
          password: 'wrong password!!',
        });
        assert.equal(r.status, 401);
      }
      const locked = await client.post('/api/v1/auth/login', { username: 'target', password: PASSWORD });
      // A locked account answers like a wrong password, so outsiders cannot tell it apart.
      assert.equal(locked.status, 401);
      assert.equal(locked.json.error.code, 'invalid_credentials');
      clock.advance(16 * 60_000);
      const again = await client.post('/api/v1/auth/login', { username: 'target', password: PASSWORD });
      assert.equal(again.status, 200);
    });

    test('sign-ins, failures and changes are in the audit chain, which verifies', async () => {
      const actions = (await node.ctx.db.selectFrom('audit_log').select('action').execute()).map(
        (r) => r.action,
      );
      for (const a of [
        'user.create',
        'auth.login',
        'auth.login_failed',
        'auth.locked',
        'token.create',
        'token.revoke',
      ]) {
        assert.ok(actions.includes(a), `audit has ${a}`);
      }
      const r = await verifyAuditChain(node.ctx.db);
      assert.equal(r.ok, true);
      const code = totpCode(adminTotp, clock.now());
      const { client } = await signIn('admin', code);
      clock.advance(30_000);
      const api = await client.post('/api/v1/audit/verify');
      assert.equal(api.status, 200);
      assert.equal(api.json.ok, true);
    });

    test('an admin disables, re-enables and unlocks accounts, but cannot remove the last administrator', async () => {
      const code = totpCode(adminTotp, clock.now());
      const { client, res } = await signIn('admin', code);
      clock.advance(30_000);
      const adminId = res.json.user.id;
      const users = (await client.get('/api/v1/users')).json.users as Array<{ id: string; username: string }>;
      const liaisonId = users.find((u) => u.username === 'liaison')!.id;
      const victim = await signIn('liaison');
      const disabled = await client.request('PATCH', `/api/v1/users/${liaisonId}`, { disabled: true });
      assert.equal(disabled.status, 200);
      assert.equal(disabled.json.user.disabled, true);
      assert.equal((await victim.client.get('/api/v1/auth/me')).status, 401, 'disabling ends the sessions');
      assert.equal((await signIn('liaison')).res.status, 401);
      await client.request('PATCH', `/api/v1/users/${liaisonId}`, { disabled: false });
      assert.equal((await signIn('liaison')).res.status, 200);
      const demote = await client.request('PATCH', `/api/v1/users/${adminId}`, { roles: ['viewer'] });
      assert.equal(demote.status, 409);
      assert.equal(demote.json.error.code, 'last_admin');
      const promote = await client.request('PATCH', `/api/v1/users/${liaisonId}`, { roles: ['dpo'] });
      assert.equal(promote.status, 409);
      assert.equal(promote.json.error.code, 'totp_not_enrolled');
    });

    test('a user changes their own password; the wrong current password changes nothing', async () => {
      await node.ctx.governance.createUser(null, {
        username: 'changer',
        displayName: 'C',
        password: PASSWORD,
        roles: ['analyst'],
      });
      const client = new TestClient(node.url);
      await client.post('/api/v1/auth/login', { username: 'changer', password: PASSWORD });
      const wrong = await client.post('/api/v1/auth/password', {
        currentPassword: 'nope',
        newPassword: 'a brand new password',
      });
      assert.equal(wrong.status, 400);
      assert.equal(
        (
          await new TestClient(node.url).post('/api/v1/auth/login', {
            username: 'changer',
            password: PASSWORD,
          })
        ).status,
        200,
      );
      const ok = await client.post('/api/v1/auth/password', {
        currentPassword: PASSWORD,
        newPassword: 'a brand new password',
      });
      assert.equal(ok.status, 204);
      const old = await new TestClient(node.url).post('/api/v1/auth/login', {
        username: 'changer',
        password: PASSWORD,
      });
      assert.equal(old.status, 401);
      const fresh = await new TestClient(node.url).post('/api/v1/auth/login', {
        username: 'changer',
        password: 'a brand new password',
      });
      assert.equal(fresh.status, 200);
    });

    test('a session expires after idle time', async () => {
      const { client } = await signIn('liaison');
      clock.advance(61 * 60_000);
      const me = await client.get('/api/v1/auth/me');
      assert.equal(me.status, 401);
      assert.equal(me.json.error.code, 'session_expired');
    });

    test('the API is described by an OpenAPI 3.1 document and served with security headers', async () => {
      const res = await fetch(`${node.url}/api/v1/openapi.json`);
      const doc = (await res.json()) as any;
      assert.equal(doc.openapi, '3.1.0');
      assert.ok(doc.paths['/api/v1/auth/login'].post.requestBody);
      assert.ok(doc.paths['/api/v1/tokens/{id}'].delete);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('cache-control'), 'no-store', 'API answers are never cached');
      const docs = await fetch(`${node.url}/api/v1/docs`);
      assert.match(await docs.text(), /swagger-ui/);
      const health = await fetch(`${node.url}/readyz`);
      assert.equal(health.status, 200);
    });

    test('an oversized body is refused with 413 and an unknown route with 404, both as JSON errors', async () => {
      const big = 'x'.repeat(1024 * 1024 + 10);
      const r = await fetch(`${node.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: big,
      });
      assert.equal(r.status, 413);
      assert.equal(((await r.json()) as any).error.code, 'payload_too_large');
      const nf = await fetch(`${node.url}/api/v1/nothing-here`);
      assert.equal(nf.status, 404);
      assert.equal(((await nf.json()) as any).error.code, 'not_found');
    });

    test('a 500 never carries internals', async () => {
      await sql`alter table sessions rename to sessions_gone`.execute(node.ctx.db);
      try {
        const r = await new TestClient(node.url).post('/api/v1/auth/login', {
          username: 'liaison',
          password: PASSWORD,
        });
        assert.equal(r.status, 500);
        assert.equal(r.json.error.code, 'internal');
        assert.doesNotMatch(r.text, /sessions|relation|stack|at /i);
      } finally {
        await sql`alter table sessions_gone rename to sessions`.execute(node.ctx.db);
      }
    });
  });
}
