// Several `passerelle serve` processes of one node on one PostgreSQL database, behind a
// small round-robin HTTP proxy: the layout docs/OPERATIONS.md describes, on loopback. Used by
// test/cluster.test.ts and bench/delivery-bench.ts.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';

const bin = new URL('../bin/passerelle.js', import.meta.url).pathname;

/** A free loopback port (bound, then released; the caller binds it right away). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** One `passerelle serve` process. */
export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** Lines the process printed on stdout so far. */
  lines: string[];
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful), resolved once the process is gone. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of running) c.kill('SIGKILL');
});

/**
 * Starts `passerelle serve` on a data folder and a database in its own process, on `port`;
 * resolves once it listens.
 */
export async function startServeProcess(options: {
  dataDir: string;
  databaseUrl: string;
  port: number;
  passphrase: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<ServeProcess> {
  const { DATABASE_URL: _inherited, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--data-dir', options.dataDir, '--port', String(options.port), '--host', '127.0.0.1'],
    {
      env: {
        ...env,
        DATABASE_URL: options.databaseUrl,
        PASSERELLE_KEY_PASSPHRASE: options.passphrase,
        PASSERELLE_LOG_LEVEL: 'error',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  running.add(child);
  const exited = once(child, 'exit').then(() => running.delete(child));
  const lines: string[] = [];
  const url = `http://127.0.0.1:${options.port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve on port ${options.port} did not start`)),
      options.timeoutMs ?? 60_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (line.includes(' listening on ')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    child,
    url,
    lines,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A round-robin HTTP load balancer in a few lines of node:http, as any production one
 * behaves for this purpose: each request (not each connection) goes to the next backend;
 * a backend that refuses the connection is skipped, as a health-checked balancer would.
 * Responses stream through (Server-Sent Events included).
 */
export class RoundRobinProxy {
  backends: string[] = [];
  /** Backend that served each request, in order: `[backend, method, path]`. */
  readonly served: Array<[string, string, string]> = [];
  /** While true, every connection is cut at once (the node is unreachable). */
  down = false;
  #next = 0;
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 64 });
  readonly #server: Server;
  url = '';

  constructor() {
    this.#server = createServer(async (req, res) => {
      if (this.down) {
        req.socket.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      for (let tries = 0; tries < Math.max(1, this.backends.length); tries++) {
        const backend = this.backends[this.#next++ % this.backends.length];
        if (!backend) break;
        const entry: [string, string, string] = [backend, req.method ?? 'GET', req.url ?? '/'];
        this.served.push(entry);
        try {
          await this.#forward(backend, req, body, res);
          return;
        } catch (err) {
          this.served.splice(this.served.indexOf(entry), 1);
          if ((err as NodeJS.ErrnoException).code !== 'ECONNREFUSED' || res.headersSent) {
            res.destroy();
            return;
          }
        }
      }
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"bad_gateway","message":"no backend"}}');
    });
    this.#server.on('connection', (socket) => {
      if (this.down) socket.destroy();
    });
  }

  #forward(
    backend: string,
    req: import('node:http').IncomingMessage,
    body: Buffer,
    res: import('node:http').ServerResponse,
  ) {
    return new Promise<void>((resolve, reject) => {
      const target = new URL(req.url ?? '/', backend);
      const out = request(
        target,
        { method: req.method, headers: req.headers, agent: this.#agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.flushHeaders();
          answer.pipe(res);
          answer.on('end', () => resolve());
          answer.on('error', () => resolve());
          res.on('close', () => {
            answer.destroy();
            resolve();
          });
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  }

  async listen(): Promise<string> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    this.#agent.destroy();
    await new Promise((r) => this.#server.close(r));
  }
}
