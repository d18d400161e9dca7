import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { initNode } from '../src/app/init-node.js';
import { main } from '../src/cli/main.js';
import { Secret } from '../src/platform/index.js';
import { createTestDatabase, testEngines } from './_util.js';

const passphrase = 'test-passphrase-not-secret';

/** Runs the CLI in-process with captured output. */
async function cli(args: string[], env: Record<string, string | undefined>) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: '', err: '' };
  out.on('data', (c) => {
    chunks.out += c;
  });
  err.on('data', (c) => {
    chunks.err += c;
  });
  const code = await main(args, {
    stdin: Readable.from(['']),
    stdout: out,
    stderr: err,
    env: { PATH: process.env.PATH, PASSERELLE_KEY_PASSPHRASE: passphrase, ...env },
    cwd: process.cwd(),
  });
  return { code, stdout: chunks.out, stderr: chunks.err };
}

const root = mkdtempSync(join(tmpdir(), 'passerelle-binding-'));

async function newFolder(name: string, id = 'ma-dgsn'): Promise<string> {
  const dir = join(root, name);
  await initNode({
    dataDir: dir,
    identity: { id, agency: `Agency ${id}`, country: 'MA', endpoint: 'http://127.0.0.1:1' },
    passphrase: new Secret(passphrase),
  });
  return dir;
}

async function userCount(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const exists = await c.query("select to_regclass('public.users') as t");
    if (!exists.rows[0].t) return 0;
    return Number((await c.query('select count(*)::int as n from users')).rows[0].n);
  } finally {
    await c.end();
  }
}

describe('a node is bound to its database engine and database', () => {
  after(() => rmSync(root, { recursive: true, force: true }));

  test('an embedded node refuses DATABASE_URL; the folder records engine and database id', async (t) => {
    const dir = await newFolder('embedded');
    const added = await cli(
      ['user', 'add', '--username', 'alice', '--roles', 'analyst', '--data-dir', dir],
      {},
    );
    assert.equal(added.code, 0, added.stderr);
    const binding = JSON.parse(readFileSync(join(dir, 'database.json'), 'utf8'));
    assert.equal(binding.engine, 'pglite');
    assert.equal(binding.nodeId, 'ma-dgsn');
    assert.match(binding.databaseId, /^[0-9a-f-]{36}$/);
    // testEngines() fails under CI when PostgreSQL is missing, so CI never skips these checks.
    if (!(await testEngines()).includes('postgres')) return t.skip('PostgreSQL not reachable');
    const pgDb = await createTestDatabase('postgres');
    try {
      const url = pgDb.config.kind === 'postgres' ? pgDb.config.url.reveal() : '';
      const refused = await cli(
        ['user', 'add', '--username', 'bob', '--roles', 'analyst', '--data-dir', dir],
        { DATABASE_URL: url },
      );
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /runs on the embedded database .* not on PostgreSQL: DATABASE_URL is set/);
      assert.match(refused.stderr, /Nothing was changed/);
      // The PostgreSQL database was not even migrated.
      assert.equal(await userCount(url), 0);
    } finally {
      await pgDb.drop();
    }
  });

  test('a PostgreSQL node with DATABASE_URL forgotten refuses to start instead of creating an empty node', async (t) => {
    // testEngines() fails under CI when PostgreSQL is missing, so CI never skips these checks.
    if (!(await testEngines()).includes('postgres')) return t.skip('PostgreSQL not reachable');
    const dir = await newFolder('on-postgres');
    const pgDb = await createTestDatabase('postgres');
    const other = await createTestDatabase('postgres');
    try {
      const url = pgDb.config.kind === 'postgres' ? pgDb.config.url.reveal() : '';
      const otherUrl = other.config.kind === 'postgres' ? other.config.url.reveal() : '';
      const added = await cli(
        ['user', 'add', '--username', 'alice', '--roles', 'analyst', '--data-dir', dir],
        {
          DATABASE_URL: url,
        },
      );
      assert.equal(added.code, 0, added.stderr);
      assert.equal(JSON.parse(readFileSync(join(dir, 'database.json'), 'utf8')).engine, 'postgres');

      for (const args of [
        ['user', 'add', '--username', 'bob', '--roles', 'analyst', '--data-dir', dir],
        ['serve', '--data-dir', dir, '--port', '0'],
        ['audit', 'verify', '--data-dir', dir],
      ]) {
        const refused = await cli(args, {});
        assert.equal(refused.code, 2, `${args.join(' ')}: ${refused.stderr}`);
        assert.match(
          refused.stderr,
          /runs on PostgreSQL .*DATABASE_URL is not set: every passerelle command/,
        );
      }
      // No embedded database was created beside the folder's settings.
      assert.equal(existsSync(join(dir, 'db')), false);

      // An empty database (a wrong DATABASE_URL) is refused too, and left untouched.
      const empty = await cli(['user', 'add', '--username', 'bob', '--roles', 'analyst', '--data-dir', dir], {
        DATABASE_URL: otherUrl,
      });
      assert.equal(empty.code, 2);
      assert.match(empty.stderr, /holds no node, but node ma-dgsn runs on PostgreSQL/);
      assert.equal(await userCount(otherUrl), 0);

      // Another node's folder pointed at this database is refused.
      const stranger = await newFolder('stranger', 'pk-fia');
      const theirs = await cli(
        ['user', 'add', '--username', 'eve', '--roles', 'analyst', '--data-dir', stranger],
        { DATABASE_URL: url },
      );
      assert.equal(theirs.code, 2);
      assert.match(theirs.stderr, /belongs to node ma-dgsn, not to pk-fia/);
      assert.equal(await userCount(url), 1);

      // With the right URL everything works as before.
      const ok = await cli(['user', 'add', '--username', 'bob', '--roles', 'analyst', '--data-dir', dir], {
        DATABASE_URL: url,
      });
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(await userCount(url), 2);
    } finally {
      await pgDb.drop();
      await other.drop();
    }
  });
});
