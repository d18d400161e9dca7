import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

// The installed entry point, run as a user runs it: a separate process, through a pipe.
const bin = new URL('../bin/passerelle.js', import.meta.url).pathname;
const root = new URL('..', import.meta.url).pathname;

describe('passerelle entry point', () => {
  test('every command the README documents appears in --help', () => {
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', cwd: root });
    assert.equal(help.status, 0, help.stderr);
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const documented = new Set<string>();
    for (const m of readme.matchAll(/passerelle ([a-z]+)(?: ([a-z]+))?/g)) {
      const [, command, sub] = m;
      if (!command || command === 'is' || command === 'on') continue;
      documented.add(command);
      // A documented subcommand must be named in the overview too (e.g. "audit verify", "demo codes").
      if (sub && ['verify', 'checkpoint', 'codes', 'rotate', 'add', 'token'].includes(sub))
        documented.add(sub);
    }
    assert.ok(documented.has('names') && documented.has('inbox'), [...documented].join(' '));
    for (const word of documented)
      assert.match(help.stdout, new RegExp(`\\b${word}\\b`), `"${word}" missing from --help`);
  });

  test('a reader that closes the pipe early ends the command quietly', async () => {
    const lines = `${'Ahmed Khan\tAhmad Khan\n'.repeat(20000)}`;
    const child = spawn(process.execPath, [bin, 'names', 'score'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.stdin.on('error', () => {});
    child.stdin.end(lines);
    // Read the first chunk, then close our end as `| head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.equal(stderr, '', 'no stack trace on a closed pipe');
    assert.equal(code, 0);
  });
});
