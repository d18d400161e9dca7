import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { initNode } from '../src/app/init-node.js';
import { createLogger, Secret } from '../src/platform/index.js';
import { createTestDatabase, startTestNode, testEngines } from './_util.js';

// `passerelle serve` stopped with SIGTERM while a request is in progress: the request gets
// its real answer (not a 500 from a database closed under it), new requests are refused,
// and the process exits 0 with no error in its log.

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin', 'passerelle.js');
const probe = new URL('./fixtures/request-probe.mjs', import.meta.url).pathname;
const children = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void>> = [];

after(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const clean of cleanups) await clean();
});

/** Collects a stream's lines; `line(test)` resolves the first one that passes. */
function lines(stream: NodeJS.ReadableStream) {
  const seen: string[] = [];
  const waiters: Array<() => void> = [];
  createInterface({ input: stream }).on('line', (l) => {
    seen.push(l);
    for (const w of waiters.splice(0)) w();
  });
  const line = (what: string, ok: (l: string) => boolean, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line: ${what}`)), timeoutMs);
      const check = () => {
        const found = seen.find(ok);
        if (found !== undefined) {
          clearTimeout(timer);
          resolve(found);
        } else waiters.push(check);
      };
      check();
    });
  return { seen, line };
}

/** Reads one HTTP answer from a raw socket: status, headers, body (by content-length). */
function readAnswer(socket: Socket): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    let data = '';
    const onData = (chunk: Buffer) => {
      data += chunk.toString('utf8');
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const headers = data.slice(0, end);
      const length = Number(/content-length:\s*(\d+)/i.exec(headers)?.[1] ?? 0);
      const body = data.slice(end + 4);
      if (Buffer.byteLength(body) < length) return;
      socket.off('data', onData);
      resolve({ status: Number(headers.split(' ')[1]), headers, body });
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.once('close', () => reject(new Error(`connection closed before the answer: ${data}`)));
  });
}

/** A new request after the stop began: refused (connection) or answered 503. */
function probeNew(url: string): Promise<{ refused: true } | { status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/readyz`, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET' ? resolve({ refused: true }) : reject(err),
    );
    req.end();
  });
}

for (const engine of await testEngines()) {
  test(
    `SIGTERM during a request: it gets its real answer, then the node exits 0 (${engine})`,
    {
      timeout: 120_000,
    },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-drain-'));
      const db = engine === 'postgres' ? await createTestDatabase('postgres') : null;
      cleanups.push(async () => {
        await db?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      });
      await initNode({
        dataDir,
        identity: { id: 'ma-dgsn', agency: 'DGSN', country: 'MA', endpoint: 'http://127.0.0.1:1' },
        passphrase: new Secret('test-passphrase-not-secret'),
      });
      const { DATABASE_URL: _inherited, ...env } = process.env;
      const child = spawn(
        process.execPath,
        ['--import', probe, bin, 'serve', '--data-dir', dataDir, '--port', '0'],
        {
          cwd: root,
          env: {
            ...env,
            ...(db && db.config.kind === 'postgres' ? { DATABASE_URL: db.config.url.reveal() } : {}),
            PASSERELLE_KEY_PASSPHRASE: 'test-passphrase-not-secret',
            PASSERELLE_LOG_LEVEL: 'info',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      children.add(child);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const out = lines(child.stdout!);
      const log = lines(child.stderr!);
      const url = /listening on (\S+)/.exec(
        await out.line('listening', (l) => l.includes('listening on ')),
      )![1]!;

      // A sign-in whose body arrives in two parts: in progress until the second part is sent.
      const body = JSON.stringify({ username: 'nobody', password: 'not-the-password-1234' });
      const half = Math.floor(body.length / 2);
      const { port } = new URL(url);
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      socket.write(
        `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`,
      );
      await out.line('request in progress', (l) => l === 'request-start POST /api/v1/auth/login');

      child.kill('SIGTERM');
      await log.line('stop began', (l) => l.includes('"node stopping"'));
      const fresh = await probeNew(url);
      if (!('refused' in fresh)) {
        assert.equal(fresh.status, 503, `a request after SIGTERM: ${fresh.body}`);
        assert.match(fresh.body, /shutting_down/);
      }

      const answer = readAnswer(socket);
      socket.write(body.slice(half));
      const res = await answer;
      socket.destroy();
      assert.equal(res.status, 401, `the request in progress gets its real answer: ${res.body}`);
      assert.equal(JSON.parse(res.body).error.code, 'invalid_credentials');
      assert.match(res.headers, /connection: close/i, 'the answer closes the connection of a stopping node');

      assert.equal(await exited, 0, 'the process exits 0');
      children.delete(child);
      const errors = log.seen.filter(
        (l) =>
          l.includes('already been destroyed') || l.includes('"status":500') || l.includes('"level":"error"'),
      );
      assert.deepEqual(errors, [], 'no error in the log of the stop');
      assert.ok(
        log.seen.some((l) => l.includes('"phase":"http"') && l.includes('"drained":true')),
        'the log says the requests in progress were drained',
      );
      assert.ok(
        log.seen.some((l) => l.includes('"phase":"done"')),
        'the log says the node stopped',
      );
    },
  );
}

for (const engine of await testEngines()) {
  test(`a request that outlives the grace period meets a closed database: 503 shutting_down, not 500 (${engine})`, async () => {
    const logged: Array<{ level: string; msg: string }> = [];
    const logger = createLogger({ level: 'info', write: (line) => logged.push(JSON.parse(line)) });
    const node = await startTestNode({ engine, logger });
    cleanups.push(async () => {
      await node.destroy().catch(() => {});
    });
    await node.ctx.governance.createUser(null, {
      username: 'late',
      displayName: 'Late',
      password: 'correct horse battery staple',
      roles: ['liaison'],
    });
    const { token } = await node.ctx.governance.createToken('late', { name: 'late' });
    // What the stop does once the grace period is over: the database closes under whatever
    // still runs (here the HTTP server is still listening, as for a request past the grace).
    await node.ctx.close();
    const res = await fetch(`${node.url}/api/v1/messages`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { error: { code: string } };
    assert.equal(res.status, 503, JSON.stringify(body));
    assert.equal(body.error.code, 'shutting_down');
    assert.equal(res.headers.get('retry-after'), '2');
    assert.deepEqual(
      logged.filter((l) => l.level === 'error'),
      [],
      'no error logged for a request cut by the stop',
    );
    assert.ok(logged.some((l) => l.msg === 'request cut by the stop'));
  });
}
