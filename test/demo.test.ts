import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { TestClient } from './_util.js';

const root = mkdtempSync(join(tmpdir(), 'passerelle-demo-'));
const basePort = 17000 + Math.floor(Math.random() * 2000);

/** Starts `passerelle demo` as a real process and resolves once it says it is running. */
function startDemo(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(
    process.execPath,
    ['bin/passerelle.js', 'demo', '--data-dir', root, '--base-port', String(basePort)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PASSERELLE_LOG_LEVEL: 'warn' },
    },
  );
  let out = '';
  child.stdout!.on('data', (c) => {
    out += c;
  });
  child.stderr!.on('data', (c) => {
    out += c;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo not ready in time:\n${out}`)), 240_000);
    const check = () => {
      if (out.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo exited early (${code}):\n${out}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe('npm start: the demo federation', () => {
  after(() => rmSync(root, { recursive: true, force: true }));

  test('starts two nodes, prints URLs and sign-ins, stops cleanly, and reuses its data on a second start', async () => {
    const first = await startDemo();
    try {
      const out = first.output();
      assert.match(out, /Creating demo node ma-dgsn/);
      assert.match(out, new RegExp(`http://127.0.0.1:${basePort}/`));
      assert.match(out, new RegExp(`http://127.0.0.1:${basePort + 10}/`));
      assert.match(out, /password "demo-passerelle"/);
      // The UN list is loaded and the synthetic passenger notice from Islamabad is flagged.
      assert.match(out, /screening flag on message [0-9a-f-]+: "Amir Ali Chowdhury" resembles QDi\.312/);
      // The Dakhla shipwreck: imported from the IOM file, victims identified across the two nodes.
      assert.match(out, /reconciliation proposes AM-PK-0101 for PM-DKH-001/);
      assert.match(out, /the identification board confirmed two identifications/);
      assert.match(out, /pk-fia told one family .*; ma-dgsn started one repatriation/);
      // Hit/no-hit: two hits, one only through the transliteration of an Urdu-script record.
      assert.equal(out.match(/Demo: hit\/no-hit pk-fia: .* → HIT MX-/g)?.length, 2);
      assert.match(out, /Demo: hit\/no-hit pk-fia: Mohammed Rafik Butt → HIT MX-/);
      assert.match(out, /Demo: follow-up rfi [0-9a-f-]+ sent to pk-fia with hit reference MX-/);
      // Islamabad's liaison opens the rfi and sees which of its records the reference points at.
      assert.match(out, /Demo: pk-fia opens the rfi: MX-[A-Z2-7]{16} is its person record محمد رفیق بٹ/);
      for (const port of [basePort, basePort + 10]) {
        const client = new TestClient(`http://127.0.0.1:${port}`);
        const res = await client.post('/api/v1/auth/login', {
          username: 'liaison',
          password: 'demo-passerelle',
        });
        assert.equal(res.status, 200, `sign-in on port ${port}`);
        const home = await fetch(`http://127.0.0.1:${port}/`);
        assert.match(await home.text(), /<div id="root">/, 'the web UI is served');
      }
    } finally {
      assert.equal(await stop(first.child), 0, 'Ctrl-C stops the demo with exit code 0');
    }
    // Both nodes released their databases: a second start reuses them.
    const second = await startDemo();
    try {
      assert.doesNotMatch(second.output(), /Creating demo node/);
      const client = new TestClient(`http://127.0.0.1:${basePort}`);
      const res = await client.post('/api/v1/auth/login', {
        username: 'viewer',
        password: 'demo-passerelle',
      });
      assert.equal(res.status, 200);
    } finally {
      assert.equal(await stop(second.child), 0);
    }
  });
});
