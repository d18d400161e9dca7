// Issue 7 §5: secrets at rest and in logs.
import assert from 'node:assert/strict';
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import { sql } from 'kysely';
import { initNode } from '../src/app/init-node.js';
import { createLogger, loadConfig, Secret } from '../src/platform/index.js';
import { startTestNode, TestClient } from './_util.js';

function loosePaths(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    const mode = st.mode & 0o777;
    if (st.isDirectory()) {
      if (mode !== 0o700) out.push(`${path} ${mode.toString(8)}`);
      for (const name of readdirSync(path)) walk(join(path, name));
    } else if (mode !== 0o600) out.push(`${path} ${mode.toString(8)}`);
  };
  walk(dir);
  return out;
}

describe('secrets at rest and in logs', () => {
  test('the data folder holds only 0600 files in 0700 folders, while running and after stopping', async () => {
    const lines: string[] = [];
    const node = await startTestNode({
      logger: createLogger({ level: 'error', write: (l) => lines.push(l) }),
    });
    try {
      const client = new TestClient(node.url);
      await node.ctx.governance.createUser(null, {
        username: 'user1',
        displayName: 'U',
        password: 'correct horse battery',
        roles: ['viewer'],
      });
      assert.equal(
        (await client.post('/api/v1/auth/login', { username: 'user1', password: 'correct horse battery' }))
          .status,
        200,
      );
      assert.deepEqual(loosePaths(join(node.dataDir, 'db')), [], 'after start');

      // A 500 is logged with its stack and cause, never answered with them.
      await sql`alter table sessions rename to sessions_gone`.execute(node.ctx.db);
      try {
        const r = await new TestClient(node.url).post('/api/v1/auth/login', {
          username: 'user1',
          password: 'correct horse battery',
        });
        assert.equal(r.status, 500);
      } finally {
        await sql`alter table sessions_gone rename to sessions`.execute(node.ctx.db);
      }
      const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
      assert.ok(logged, 'the 500 is logged');
      assert.match(logged.err.stack, /\n\s+at /, 'with its stack');
    } finally {
      await node.close();
      assert.deepEqual(loosePaths(node.dataDir), [], 'after stop');
      await node.destroy();
    }
  });

  test('DATABASE_URL is a secret: never in the config as printed, nor in a logged error', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-secret-'));
    try {
      await initNode({
        dataDir,
        identity: { id: 'ma-dgsn', agency: 'Test', country: 'MA', endpoint: 'http://127.0.0.1:1' },
        passphrase: new Secret('test-passphrase-not-secret'),
      });
      const url = 'postgres://passerelle:hunter2-not-shown@db.example:5432/node';
      const config = loadConfig(dataDir, {
        PASSERELLE_KEY_PASSPHRASE: 'test-passphrase-not-secret',
        DATABASE_URL: url,
      });
      assert.doesNotMatch(JSON.stringify(config), /hunter2/);
      assert.doesNotMatch(inspect(config, { depth: 10 }), /hunter2/);
      const lines: string[] = [];
      const logger = createLogger({ write: (l) => lines.push(l) });
      logger.error('database unreachable', {
        err: new Error(`connect failed for ${url}`, { cause: new Error(url) }),
      });
      assert.equal(lines.length, 1);
      assert.doesNotMatch(lines[0]!, /hunter2/);
      assert.match(lines[0]!, /passerelle:\[redacted\]@db\.example/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
