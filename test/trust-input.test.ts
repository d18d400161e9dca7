// Issue 7 §2: input that is not text, refused at the HTTP boundary with one code.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestNode, TestClient, type TestNode, testEngines } from './_util.js';

const PASSWORD = 'correct horse battery';
const NUL = '\u0000';
const LONE = '\uD800';
const RLO = '\u202E';

for (const engine of await testEngines()) {
  describe(`input that is not text on ${engine}`, () => {
    let node: TestNode;
    let admin: Record<string, string>;
    let liaison: TestClient;

    before(async () => {
      node = await startTestNode({ engine });
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
      liaison = new TestClient(node.url);
      assert.equal(
        (await liaison.post('/api/v1/auth/login', { username: 'officer', password: PASSWORD })).status,
        200,
      );
    });
    after(async () => node.destroy());

    const raw = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${node.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });

    test('NUL and lone surrogates in a sign-in answer 400 invalid_text and the attempt is audited', async () => {
      const before = await node.ctx.db
        .selectFrom('audit_log')
        .select('seq')
        .where('action', '=', 'auth.login_refused')
        .execute();
      for (const body of [
        JSON.stringify({ username: `officer${NUL}`, password: PASSWORD }),
        `{"username":"officer","password":"x\\ud800y"}`,
        `{"username":"officer","password":"ok","totp":"12345\\u0000"}`,
        `{"user\\u0000name":"officer","password":"ok"}`,
      ]) {
        const r = await raw('/api/v1/auth/login', body);
        assert.equal(r.status, 400, body);
        assert.equal(((await r.json()) as any).error.code, 'invalid_text', body);
      }
      const afterRows = await node.ctx.db
        .selectFrom('audit_log')
        .select('seq')
        .where('action', '=', 'auth.login_refused')
        .execute();
      assert.equal(afterRows.length - before.length, 4);
    });

    test('every JSON string is checked: message subjects, names, filters, audit queries, federation statements', async () => {
      const cases: Array<[string, () => Promise<Response | { status: number; json: any }>]> = [
        [
          'subject',
          () =>
            liaison.post('/api/v1/messages', {
              recipient: 'pk-fia',
              message: { type: 'info', subject: `a${NUL}b` },
            }),
        ],
        [
          'entity name',
          () =>
            liaison.post('/api/v1/messages', {
              recipient: 'pk-fia',
              message: { entities: [{ names: [{ given: `x${LONE}` }] }] },
            }),
        ],
        [
          'display name',
          () =>
            fetch(`${node.url}/api/v1/users`, {
              method: 'POST',
              headers: { ...admin, 'content-type': 'application/json' },
              body: `{"username":"u1","displayName":"A\\udc00","password":"${PASSWORD}","roles":["viewer"]}`,
            }),
        ],
        [
          'audit query',
          () =>
            fetch(`${node.url}/api/v1/audit?actor=${encodeURIComponent(`user:${NUL}`)}`, { headers: admin }),
        ],
        [
          'delivery filter',
          () =>
            fetch(`${node.url}/api/v1/deliveries?partner=${encodeURIComponent(`pk${NUL}`)}`, {
              headers: admin,
            }),
        ],
        [
          'rotation statement',
          () => raw('/federation/v1/card-rotation', JSON.stringify({ rotationJws: `a.${NUL}.c` })),
        ],
        ['revocation statement', () => raw('/federation/v1/revocation', `{"revocationJws":"a.\\ud800.c"}`)],
      ];
      for (const [what, call] of cases) {
        const r = await call();
        const json = typeof r.json === 'function' ? ((await (r as Response).json()) as any) : r.json;
        assert.equal(r.status, 400, what);
        assert.equal(json?.error?.code, 'invalid_text', `${what}: ${JSON.stringify(json)}`);
      }
    });

    test('bidirectional controls in display names, subjects and file names are refused', async () => {
      const user = await fetch(`${node.url}/api/v1/users`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({
          username: 'u2',
          displayName: `Ali${RLO}ecila`,
          password: PASSWORD,
          roles: ['viewer'],
        }),
      });
      assert.equal(user.status, 400);
      assert.equal(((await user.json()) as any).error.code, 'invalid_text');
      const subject = await liaison.post('/api/v1/messages', {
        recipient: 'pk-fia',
        message: { type: 'info', subject: `invoice${RLO}txt.exe` },
      });
      // The message is validated in full by the exchange service, which names the field.
      assert.equal(subject.status, 400);
      assert.ok(
        subject.json.error.details.issues.some((i: { path: string }) => i.path === 'message.subject'),
        JSON.stringify(subject.json),
      );
      const upload = await liaison.request('POST', '/api/v1/attachments', undefined, {
        'content-type': 'text/plain',
        'x-filename': encodeURIComponent(`invoice${RLO}txt.exe`),
      });
      assert.equal(upload.status, 400);
      assert.equal(upload.json.error.code, 'invalid_text');
      assert.equal(
        (await node.ctx.db.selectFrom('users').select('id').where('username', '=', 'u2').execute()).length,
        0,
      );
    });

    test('the content type must be application/json itself, parameters aside', async () => {
      const body = JSON.stringify({ username: 'officer', password: PASSWORD });
      for (const type of [
        'text/plain; note=application/json',
        'application/jsonp',
        'application/json-patch+json',
      ]) {
        const r = await raw('/api/v1/auth/login', body, { 'content-type': type });
        assert.equal(r.status, 415, type);
      }
      assert.equal(
        (await raw('/api/v1/auth/login', body, { 'content-type': 'Application/JSON; charset=utf-8' })).status,
        200,
      );
    });
  });
}
