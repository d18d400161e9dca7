import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { pairNodes, startTestNode, type TestNode, tokenForNewUser } from './_util.js';

// Hostile input on every endpoint a stranger or a signed-in user can reach: random bodies,
// queries and path parameters, oversized headers, slow clients. Input alone must never
// answer 500 or stop the node. Bounded: a fixed number of cases per operation.

interface Operation {
  method: string;
  path: string;
  body: boolean;
}

function operationsOf(file: string, prefix = ''): Operation[] {
  const doc = JSON.parse(readFileSync(new URL(`../docs/${file}`, import.meta.url), 'utf8')) as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      out.push({
        method: method.toUpperCase(),
        path: `${prefix}${path}`,
        body: op.requestBody !== undefined,
      });
    }
  }
  return out;
}

/** Random JSON values, strings with controls and surrogates, deep nesting. */
const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.string(), fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), fc.constant(null))),
  fc.constant({ message: { type: 'rfi', attachmentIds: ['../../etc/passwd'] }, recipient: '\u0000' }),
  fc.constant({ username: 'a'.repeat(100_000), password: 'x' }),
);
const hostileSegment = fc.oneof(
  fc.string({ minLength: 1, maxLength: 60 }),
  fc.uuid(),
  fc.constantFrom('..', '%2e%2e', '%00', '\u202e', 'a'.repeat(5000), "'; drop table users; --"),
);
const rawBodies = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc.constantFrom(
    '{"a":',
    '\u0000\u0000',
    '{"__proto__":{"admin":true}}',
    'null',
    '[]',
    '1e999999',
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
  ),
);

describe('hostile input on every endpoint', () => {
  let a: TestNode;
  let b: TestNode;
  let token: string;
  const statuses = new Map<number, number>();

  before(async () => {
    a = await startTestNode({ id: 'ma-dgsn' });
    b = await startTestNode({ id: 'pk-fia', country: 'PK' });
    await pairNodes(a, b);
    token = await tokenForNewUser(a, 'alice', ['liaison', 'analyst']);
  });
  after(async () => {
    await a?.destroy();
    await b?.destroy();
  });

  /**
   * One request on its own connection: a server that answers before reading a hostile body
   * may close the connection, and a pooled client would then race it with the next request.
   */
  function hit(method: string, url: string, body: string | undefined, headers: Record<string, string>) {
    return new Promise<number>((resolve, reject) => {
      const req = request(url, { method, headers, agent: false }, (res) => {
        // A stream (GET /events, Server-Sent Events) never ends: its status is the answer.
        if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          const status = res.statusCode ?? 0;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          req.destroy();
          resolve(status);
          return;
        }
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          resolve(status);
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body !== undefined && method !== 'GET' ? body : undefined);
    });
  }

  test('random bodies, queries and path parameters never answer 500', async () => {
    const ops = [...operationsOf('openapi.json'), ...operationsOf('federation-openapi.json')].filter(
      // Rotating the keys or signing out mid-run would change what later cases meet.
      (op) => !/rotate-keys|auth\/logout|checkpoints$/.test(op.path) || op.method === 'GET',
    );
    assert.ok(ops.length > 60, `only ${ops.length} operations found`);
    const failures: string[] = [];
    for (const op of ops) {
      await fc.assert(
        fc.asyncProperty(
          hostileJson,
          rawBodies,
          fc.array(hostileSegment, { minLength: 3, maxLength: 3 }),
          fc.dictionary(
            fc.constantFrom('limit', 'type', 'q', 'status', 'since', 'cursor', 'partner'),
            fc.string(),
          ),
          fc.boolean(),
          fc.boolean(),
          async (json, raw, segments, query, authenticated, sendRaw) => {
            let i = 0;
            const path = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(segments[i++ % 3]!));
            const qs = new URLSearchParams(query).toString();
            const url = `${a.url}${path}${qs ? `?${qs}` : ''}`;
            const headers: Record<string, string> = {
              'content-type': sendRaw ? 'application/jose' : 'application/json',
              ...(authenticated ? { authorization: `Bearer ${token}` } : {}),
            };
            const body = op.body || op.method !== 'GET' ? (sendRaw ? raw : JSON.stringify(json)) : undefined;
            let status: number;
            try {
              status = await hit(op.method, url, body, headers);
            } catch (err) {
              failures.push(
                `${op.method} ${path} → ${(err as Error).message} ${JSON.stringify(body?.slice(0, 100))}`,
              );
              return true;
            }
            if (status >= 500) failures.push(`${op.method} ${path} → ${status}`);
            return true;
          },
        ),
        { numRuns: 12, seed: 42, endOnFailure: true },
      );
    }
    assert.deepEqual(failures, []);
    assert.equal((await fetch(`${a.url}/healthz`)).status, 200);
  });

  test('oversized headers and header floods are refused; the node keeps serving', async () => {
    const answers: string[] = [];
    // One header of 80 KB (Node's limit is 16 KB), and one of 8 KB beside a valid request.
    for (const header of [`x-big: ${'a'.repeat(80_000)}`, `x-medium: ${'b'.repeat(8_000)}`]) {
      answers.push(
        await new Promise<string>((resolve) => {
          const s = connect(Number(new URL(a.url).port), '127.0.0.1');
          let got = '';
          s.on('data', (d) => {
            got += d.toString('latin1');
          });
          s.on('error', () => resolve(got || 'reset'));
          s.on('close', () => resolve(got || 'closed'));
          s.write(`GET /api/v1/messages HTTP/1.1\r\nhost: x\r\n${header}\r\n\r\n`);
          setTimeout(() => s.destroy(), 3000);
        }),
      );
    }
    assert.match(answers[0]!, /^HTTP\/1\.1 431/);
    assert.match(answers[1]!, /^HTTP\/1\.1 401/);
    // 2,000 headers in one request.
    const many = Array.from({ length: 2000 }, (_, i) => `x-h${i}: ${i}`).join('\r\n');
    const flood = await new Promise<string>((resolve) => {
      const s = connect(Number(new URL(a.url).port), '127.0.0.1');
      let got = '';
      s.on('data', (d) => {
        got += d.toString('latin1');
      });
      s.on('error', () => resolve(got || 'reset'));
      s.on('close', () => resolve(got || 'closed'));
      s.write(`GET /healthz HTTP/1.1\r\nhost: x\r\n${many}\r\n\r\n`);
      setTimeout(() => s.destroy(), 3000);
    });
    assert.doesNotMatch(flood, /^HTTP\/1\.1 5\d\d/);
    const malformed = await new Promise<string>((resolve) => {
      const s = connect(Number(new URL(a.url).port), '127.0.0.1');
      let got = '';
      s.on('data', (d) => {
        got += d.toString('latin1');
      });
      s.on('close', () => resolve(got));
      s.on('error', () => resolve(got));
      s.write('GET /\u0000 HTTP/1.1\r\nhost: \u0001\u0002\r\ncontent-length: -5\r\n\r\n');
      setTimeout(() => s.destroy(), 3000);
    });
    assert.match(malformed, /^HTTP\/1\.1 400/);
    assert.equal((await fetch(`${a.url}/healthz`)).status, 200);
  });

  test('slow clients (headers and bodies dribbled a byte at a time) do not hold up others', async () => {
    const port = Number(new URL(a.url).port);
    const slow: Socket[] = [];
    const timers: NodeJS.Timeout[] = [];
    for (let i = 0; i < 200; i++) {
      const s = connect(port, '127.0.0.1');
      s.on('error', () => {});
      slow.push(s);
      const text =
        i % 2 === 0
          ? `GET /api/v1/messages HTTP/1.1\r\nhost: x\r\nx-slow: ${'z'.repeat(500)}\r\n\r\n`
          : `POST /federation/v1/inbox HTTP/1.1\r\nhost: x\r\ncontent-type: application/jose\r\ncontent-length: 100000\r\n\r\n${'a'.repeat(500)}`;
      let pos = 0;
      timers.push(
        setInterval(() => {
          if (pos < text.length && !s.destroyed) s.write(text[pos++]!);
        }, 100),
      );
    }
    try {
      await new Promise((r) => setTimeout(r, 500));
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        const res = await fetch(`${a.url}/api/v1/node`, { headers: { authorization: `Bearer ${token}` } });
        assert.equal(res.status, 200);
        await res.arrayBuffer();
        assert.ok(performance.now() - started < 2000, 'a normal request waited behind slow clients');
      }
    } finally {
      for (const t of timers) clearInterval(t);
      for (const s of slow) s.destroy();
    }
    assert.equal((await fetch(`${a.url}/healthz`)).status, 200);
    const none500 = [...statuses.keys()].filter((s) => s >= 500);
    assert.deepEqual(none500, []);
  });
});
