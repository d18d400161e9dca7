import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { main } from '../src/cli/main.js';
import { openDatabase } from '../src/platform/index.js';

/** Runs the CLI in-process with captured output. */
async function run(
  args: string[],
  options: { stdin?: string; env?: Record<string, string | undefined> } = {},
) {
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
    stdin: Readable.from([options.stdin ?? '']),
    stdout: out,
    stderr: err,
    env: { PATH: process.env.PATH, ...options.env },
    cwd: process.cwd(),
  });
  return { code, stdout: chunks.out, stderr: chunks.err };
}

const root = mkdtempSync(join(tmpdir(), 'passerelle-cli-'));
const dir = join(root, 'node');
const identity = [
  '--id',
  'ma-dgsn',
  '--agency',
  'DGSN (Rabat)',
  '--country',
  'MA',
  '--endpoint',
  'http://127.0.0.1:7410',
];

describe('passerelle CLI', () => {
  after(() => rmSync(root, { recursive: true, force: true }));

  test('help lists the commands; an unknown command is refused with exit code 2', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    for (const c of ['demo', 'init', 'serve', 'user', 'audit verify', 'names'])
      assert.match(help.stdout, new RegExp(c));
    for (const c of ['init', 'serve', 'user', 'audit', 'demo']) {
      const h = await run([c, '--help']);
      assert.equal(h.code, 0);
      assert.match(h.stdout, /^Usage: passerelle/);
    }
    const bad = await run(['frobnicate']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown command "frobnicate"/);
  });

  test('init refuses bad identity values with a message naming the field', async () => {
    const r = await run([
      'init',
      '--data-dir',
      dir,
      '--id',
      'MA DGSN',
      '--agency',
      'X',
      '--country',
      'Morocco',
      '--endpoint',
      'ftp://x',
    ]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /node id/);
    assert.match(r.stderr, /country/);
    const missing = await run(['init', '--data-dir', dir]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--id is required/);
  });

  test('init creates a node once and refuses to overwrite it', async () => {
    const r = await run(['init', '--data-dir', dir, ...identity]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Node ma-dgsn created/);
    const again = await run(['init', '--data-dir', dir, ...identity]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /refusing to overwrite/);
  });

  test('user add creates an admin with a TOTP secret; bad roles are refused', async () => {
    const r = await run(
      ['user', 'add', '--data-dir', dir, '--username', 'admin', '--roles', 'admin', '--password-stdin'],
      {
        stdin: 'a long enough password\n',
      },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /TOTP secret \(shown once\): [A-Z2-7]{32}/);
    assert.match(r.stdout, /otpauth:\/\/totp\//);
    const bad = await run(['user', 'add', '--data-dir', dir, '--username', 'bob', '--roles', 'emperor']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /roles/);
    const token = await run(['user', 'token', '--data-dir', dir, '--username', 'admin']);
    assert.equal(token.code, 0, token.stderr);
    assert.match(token.stdout, /^psl_/);
  });

  test('audit verify reports an intact chain, then the first altered entry with exit code 3', async () => {
    const ok = await run(['audit', 'verify', '--data-dir', dir]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Audit chain intact: 2 entries/);
    const database = await openDatabase({ kind: 'pglite', dir: join(dir, 'db') });
    await database.db.transaction().execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      await sql`update audit_log set actor = 'user:mallory' where seq = 1`.execute(tx);
    });
    await database.close();
    const broken = await run(['audit', 'verify', '--data-dir', dir]);
    assert.equal(broken.code, 3);
    assert.match(broken.stdout, /BROKEN at entry 1 \(hashMismatch\)/);
  });

  test('a database in use by a running node is refused with a clear message', async () => {
    const database = await openDatabase({ kind: 'pglite', dir: join(dir, 'db') });
    try {
      const r = await run(['audit', 'verify', '--data-dir', dir]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /already open|in use/);
    } finally {
      await database.close();
    }
  });

  test('a wrong key passphrase does not unlock the node', async () => {
    const r = await run(['audit', 'verify', '--data-dir', dir], {
      env: { PASSERELLE_KEY_PASSPHRASE: 'definitely the wrong one' },
    });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot unlock the node keys/);
  });

  test('the installed bin runs as a real process', () => {
    const r = spawnSync(process.execPath, ['bin/passerelle.js', 'init', '--help'], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Usage: passerelle init/);
  });
});
