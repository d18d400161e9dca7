// Issue 7 §1: sign-in under concurrency and the account's own credentials, at the HTTP boundary.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ManualClock, totpCode } from '../src/platform/index.js';
import { startTestNode, TestClient, type TestNode, testEngines } from './_util.js';

const PASSWORD = 'correct horse battery';
const WRONG = 'wrong password guess';

for (const engine of await testEngines()) {
  describe(`sign-in under attack on ${engine}`, () => {
    let node: TestNode;
    const clock = new ManualClock('2026-03-01T09:00:00.000Z');
    const totp: Record<string, string> = {};

    async function user(username: string, roles: Array<'admin' | 'dpo' | 'liaison' | 'viewer'>) {
      const r = await node.ctx.governance.createUser(null, {
        username,
        displayName: username,
        password: PASSWORD,
        roles,
      });
      if (r.totpSecret) totp[username] = r.totpSecret;
      return r.user;
    }
    const login = (body: Record<string, unknown>) =>
      new TestClient(node.url).post('/api/v1/auth/login', body);
    const lockedUntil = async (username: string) =>
      (
        await node.ctx.db
          .selectFrom('users')
          .select('locked_until')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).locked_until;

    before(async () => {
      // A realistic hash cost (~20 ms), so a path that skips hashing would show in the timing test.
      node = await startTestNode({ engine, clock, scrypt: { N: 2 ** 14, r: 8, p: 1 } });
    });
    after(async () => node.destroy());
    // Each test starts in a fresh per-address rate-limit window (30 sign-ins a minute).
    beforeEach(() => clock.advance(61_000));

    test('25 wrong passwords in parallel lock the account: the right one is refused afterwards', async () => {
      await user('racer', ['viewer']);
      const answers = await Promise.all(
        Array.from({ length: 25 }, () => login({ username: 'racer', password: WRONG })),
      );
      assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([401]));
      assert.ok(await lockedUntil('racer'), 'the account is locked');
      const right = await login({ username: 'racer', password: PASSWORD });
      assert.equal(right.status, 401);
      assert.equal(right.json.error.code, 'invalid_credentials');
      const failures = await node.ctx.db
        .selectFrom('users')
        .select('failed_logins')
        .where('username', '=', 'racer')
        .executeTakeFirstOrThrow();
      assert.ok(failures.failed_logins >= 5, `counted ${failures.failed_logins} failures`);
    });

    test('25 wrong TOTP codes in parallel lock an admin account', async () => {
      await user('totp-racer', ['admin']);
      const good = totpCode(totp['totp-racer']!, clock.now());
      const bad = String((Number(good) + 500_000) % 1_000_000).padStart(6, '0');
      const answers = await Promise.all(
        Array.from({ length: 25 }, () => login({ username: 'totp-racer', password: PASSWORD, totp: bad })),
      );
      assert.deepEqual(new Set(answers.map((a) => a.json.error.code)), new Set(['totp_invalid']));
      assert.ok(await lockedUntil('totp-racer'), 'the account is locked');
      const right = await login({ username: 'totp-racer', password: PASSWORD, totp: good });
      assert.equal(right.status, 401);
    });

    test('one TOTP code is accepted by exactly one of three concurrent sign-ins', async () => {
      clock.advance(60_000);
      await user('once', ['dpo']);
      const code = totpCode(totp.once!, clock.now());
      const answers = await Promise.all(
        Array.from({ length: 3 }, () => login({ username: 'once', password: PASSWORD, totp: code })),
      );
      assert.deepEqual(answers.map((a) => a.status).sort(), [200, 401, 401]);
    });

    test('locked, unknown and wrong-password accounts answer alike, in status and in time', async () => {
      await user('present', ['viewer']);
      const unknown = await login({ username: 'nobody-here', password: WRONG });
      const wrong = await login({ username: 'present', password: WRONG });
      const locked = await login({ username: 'racer', password: WRONG });
      for (const r of [unknown, wrong, locked]) {
        assert.equal(r.status, 401);
        assert.equal(r.json.error.code, 'invalid_credentials');
        assert.equal(r.json.error.message, unknown.json.error.message);
      }
      // Timing: every kind costs one password hash. Compare medians of a few rounds; a locked
      // account that answers without hashing is several times faster than an unknown one.
      async function median(body: Record<string, unknown>) {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t = performance.now();
          await login(body);
          times.push(performance.now() - t);
        }
        return times.sort((a, b) => a - b)[2]!;
      }
      const tUnknown = await median({ username: 'nobody-here', password: WRONG });
      const tLocked = await median({ username: 'racer', password: WRONG });
      assert.ok(
        tLocked > tUnknown / 3,
        `locked ${tLocked.toFixed(1)} ms vs unknown ${tUnknown.toFixed(1)} ms`,
      );
    });

    test('guessing the current password on change-password counts towards lock-out and is audited', async () => {
      await user('guesser', ['liaison']);
      const client = new TestClient(node.url);
      assert.equal(
        (await client.post('/api/v1/auth/login', { username: 'guesser', password: PASSWORD })).status,
        200,
      );
      const answers = [];
      for (let i = 0; i < 5; i++)
        answers.push(
          (
            await client.post('/api/v1/auth/password', {
              currentPassword: WRONG,
              newPassword: 'quiet lantern orbit 77',
            })
          ).status,
        );
      assert.deepEqual(answers, [400, 400, 400, 400, 423]);
      assert.ok(await lockedUntil('guesser'));
      assert.equal((await client.get('/api/v1/auth/me')).status, 401, 'the lock ended the session');
      const audited = await node.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject', '=', 'user:guesser')
        .where('action', 'in', ['user.password_change_failed', 'auth.locked'])
        .execute();
      assert.equal(audited.length, 5);
    });

    test('a password change ends the other sessions and the API tokens of the account', async () => {
      await user('mover', ['liaison']);
      const here = new TestClient(node.url);
      const there = new TestClient(node.url);
      await here.post('/api/v1/auth/login', { username: 'mover', password: PASSWORD });
      await there.post('/api/v1/auth/login', { username: 'mover', password: PASSWORD });
      const token = (await here.post('/api/v1/tokens', { name: 'laptop' })).json.token;
      const bearer = { authorization: `Bearer ${token}` };
      assert.equal((await fetch(`${node.url}/api/v1/auth/me`, { headers: bearer })).status, 200);
      const changed = await here.post('/api/v1/auth/password', {
        currentPassword: PASSWORD,
        newPassword: 'quiet lantern orbit 77',
      });
      assert.equal(changed.status, 204);
      assert.equal((await here.get('/api/v1/auth/me')).status, 200, 'the session that changed it stays');
      assert.equal((await there.get('/api/v1/auth/me')).status, 401);
      assert.equal((await fetch(`${node.url}/api/v1/auth/me`, { headers: bearer })).status, 401);
    });

    test('weak passwords and the previous passwords are refused', async () => {
      await user('picky', ['analyst' as 'viewer']);
      const client = new TestClient(node.url);
      await client.post('/api/v1/auth/login', { username: 'picky', password: PASSWORD });
      for (const weak of ['aaaaaaaaaaaa', 'password1234', 'qwertyuiopasdf']) {
        const r = await client.post('/api/v1/auth/password', {
          currentPassword: PASSWORD,
          newPassword: weak,
        });
        assert.equal(r.status, 400, weak);
        assert.equal(r.json.error.code, 'weak_password', weak);
      }
      const same = await client.post('/api/v1/auth/password', {
        currentPassword: PASSWORD,
        newPassword: PASSWORD,
      });
      assert.equal(same.json.error.code, 'password_reused');
      assert.equal(
        (
          await client.post('/api/v1/auth/password', {
            currentPassword: PASSWORD,
            newPassword: 'quiet lantern orbit 77',
          })
        ).status,
        204,
      );
      const back = await client.post('/api/v1/auth/password', {
        currentPassword: 'quiet lantern orbit 77',
        newPassword: PASSWORD,
      });
      assert.equal(back.status, 400);
      assert.equal(back.json.error.code, 'password_reused');
    });

    test('API tokens expire, act only with their scopes, and admin scopes need a current TOTP code', async () => {
      clock.advance(60_000);
      await user('boss', ['admin']);
      await node.ctx.db
        .updateTable('users')
        .set({ roles: ['admin', 'liaison'] })
        .where('username', '=', 'boss')
        .execute();
      const client = new TestClient(node.url);
      await client.post('/api/v1/auth/login', {
        username: 'boss',
        password: PASSWORD,
        totp: totpCode(totp.boss!, clock.now()),
      });
      clock.advance(30_000);
      const noCode = await client.post('/api/v1/tokens', { name: 'admin cli', scopes: ['admin'] });
      assert.equal(noCode.status, 401);
      assert.equal(noCode.json.error.code, 'totp_required');
      const tooLong = await client.post('/api/v1/tokens', {
        name: 'x',
        scopes: ['liaison'],
        expiresInDays: 365,
      });
      assert.equal(tooLong.status, 400);
      const narrow = await client.post('/api/v1/tokens', { name: 'liaison only', scopes: ['liaison'] });
      assert.equal(narrow.status, 201);
      assert.ok(narrow.json.view.expiresAt, 'every token expires');
      const bearer = { authorization: `Bearer ${narrow.json.token}` };
      assert.equal(
        (await fetch(`${node.url}/api/v1/users`, { headers: bearer })).status,
        403,
        'no admin through a liaison token',
      );
      // A token cannot mint another token (that would extend its own lifetime).
      const minted = await fetch(`${node.url}/api/v1/tokens`, {
        method: 'POST',
        headers: { ...bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'child', scopes: ['liaison'] }),
      });
      assert.equal(minted.status, 403);
      const code = totpCode(totp.boss!, clock.now());
      const admin = await client.post('/api/v1/tokens', { name: 'admin cli', scopes: ['admin'], totp: code });
      assert.equal(admin.status, 201);
      assert.equal(
        (
          await fetch(`${node.url}/api/v1/users`, {
            headers: { authorization: `Bearer ${admin.json.token}` },
          })
        ).status,
        200,
      );
      const replay = await client.post('/api/v1/tokens', { name: 'again', scopes: ['admin'], totp: code });
      assert.equal(replay.json.error.code, 'totp_invalid');
      // An admin or DPO token lasts at most 7 days (a test that moves its clock weeks ahead
      // sees such a token refused): the refusal says so, where a liaison token lives on.
      clock.advance(8 * 86_400_000);
      const late = await fetch(`${node.url}/api/v1/users`, {
        headers: { authorization: `Bearer ${admin.json.token}` },
      });
      assert.equal(late.status, 401, 'expired');
      const refusal = (await late.json()) as { error: { code: string; message: string } };
      assert.equal(refusal.error.code, 'invalid_token');
      assert.match(refusal.error.message, /expired on .*at most 7 days/);
      assert.equal(
        (await fetch(`${node.url}/api/v1/auth/me`, { headers: bearer })).status,
        200,
        'the 30-day token still works',
      );
    });

    test('TOTP secrets are sealed at rest and clear ones are sealed at start-up', async () => {
      const rows = await node.ctx.db
        .selectFrom('users')
        .select(['username', 'totp_secret'])
        .where('totp_secret', 'is not', null)
        .execute();
      assert.ok(rows.length > 0);
      for (const r of rows) {
        assert.match(r.totp_secret!, /^sb1\./);
        assert.ok(!r.totp_secret!.includes(totp[r.username]!));
      }
      await node.ctx.db
        .updateTable('users')
        .set({ totp_secret: totp.once! })
        .where('username', '=', 'once')
        .execute();
      assert.equal(await node.ctx.governance.sealClearTotpSecrets(), 1);
      assert.equal(await node.ctx.governance.totpSecretOf('once'), totp.once);
    });
  });
}
