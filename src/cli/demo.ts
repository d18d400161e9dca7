import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAppContext, initNode } from '../app/index.js';
import { type Role, roles } from '../governance/index.js';
import { bundledDataPath, dataFiles, loadConfig, totpCode } from '../platform/index.js';
import { type DemoNodeAccess, playDemoScenario, type ScenarioState } from './demo-scenario.js';
import { type CliIo, println, UsageError } from './io.js';

/** The two agencies of the demo federation (fictional deployments of real agency types). */
export const demoNodes = [
  {
    id: 'ma-dgsn',
    agency: 'DGSN — Direction Générale de la Sûreté Nationale (Rabat)',
    country: 'MA',
    offset: 0,
  },
  { id: 'pk-fia', agency: 'FIA — Federal Investigation Agency (Islamabad)', country: 'PK', offset: 10 },
] as const;

/** Every demo account uses this password; the demo is synthetic and local. */
export const DEMO_PASSWORD = 'demo-passerelle';

const displayNames: Record<Role, string> = {
  admin: 'Node administrator (demo)',
  liaison: 'Liaison officer (demo)',
  analyst: 'Analyst (demo)',
  dvi: 'DVI coordinator (demo)',
  dpo: 'Data-protection officer (demo)',
  viewer: 'Viewer (demo)',
};

interface DemoCredentials {
  synthetic: true;
  password: string;
  totp: Record<string, Record<string, string>>;
  /** API tokens the demo uses to play its scenario through the public API. */
  tokens?: Record<string, { admin: string; liaison: string; dpo?: string; dvi?: string }>;
  scenario?: ScenarioState;
}

export const demoHelp = `Usage: passerelle demo [--data-dir DIR] [--base-port N] [--reset]
       passerelle demo codes [--data-dir DIR]

Starts the demo federation on loopback: node ma-dgsn (Rabat) and node pk-fia (Islamabad),
each its own process with an embedded database under DIR (default ./.data/demo), demo
accounts for every role, and the seeded scenario. A second run reuses the data; --reset
starts afresh. Ctrl-C stops both nodes.
"demo codes" prints the current TOTP codes of the demo admin and dpo accounts.`;

/**
 * The environment of a demo node: its keys unlock with the key file in its own folder and
 * its database is the embedded one, whatever the caller's environment says.
 */
function demoEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const { PASSERELLE_KEY_PASSPHRASE: _p, PASSERELLE_KEY_FILE: _f, DATABASE_URL: _d, ...rest } = env;
  return rest;
}

function credentialsPath(root: string) {
  return join(root, 'demo-credentials.json');
}

/** Creates the demo nodes that do not exist yet, with one account per role. */
async function prepareDemo(root: string, basePort: number, io: CliIo): Promise<DemoCredentials> {
  const credentials: DemoCredentials = existsSync(credentialsPath(root))
    ? JSON.parse(readFileSync(credentialsPath(root), 'utf8'))
    : { synthetic: true, password: DEMO_PASSWORD, totp: {} };
  for (const n of demoNodes) {
    const dir = join(root, n.id);
    if (existsSync(join(dir, dataFiles.node))) continue;
    const port = basePort + n.offset;
    println(io, `Creating demo node ${n.id} in ${dir} …`);
    await initNode({
      dataDir: dir,
      identity: { id: n.id, agency: n.agency, country: n.country, endpoint: `http://127.0.0.1:${port}` },
      http: { host: '127.0.0.1', port },
    });
    const ctx = await createAppContext(loadConfig(dir, demoEnv(io.env), { logLevel: 'warn' }));
    try {
      credentials.totp[n.id] = {};
      for (const role of roles) {
        const { totpSecret } = await ctx.governance.createUser(null, {
          username: role,
          displayName: displayNames[role],
          password: DEMO_PASSWORD,
          roles: [role],
        });
        if (totpSecret) credentials.totp[n.id]![role] = totpSecret;
      }
      credentials.tokens ??= {};
      credentials.tokens[n.id] = {
        admin: (await ctx.governance.createToken('admin', { name: 'demo scenario' })).token,
        liaison: (await ctx.governance.createToken('liaison', { name: 'demo scenario' })).token,
        dpo: (await ctx.governance.createToken('dpo', { name: 'demo scenario' })).token,
        dvi: (await ctx.governance.createToken('dvi', { name: 'demo scenario' })).token,
      };
    } finally {
      await ctx.close();
    }
    writeFileSync(credentialsPath(root), `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  }
  return credentials;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`node at ${url} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`node at ${url} not ready after ${timeoutMs / 1000} s`);
}

/** Plays (or finishes) the seeded story and records how far it got. */
async function seedScenario(
  root: string,
  credentials: DemoCredentials,
  urls: Record<string, string>,
  io: CliIo,
) {
  const access = (id: string): DemoNodeAccess | null => {
    const t = credentials.tokens?.[id];
    return t
      ? {
          id,
          admin: { url: urls[id]!, token: t.admin },
          liaison: { url: urls[id]!, token: t.liaison },
          ...(t.dpo ? { dpo: { url: urls[id]!, token: t.dpo } } : {}),
          ...(t.dvi ? { dvi: { url: urls[id]!, token: t.dvi } } : {}),
        }
      : null;
  };
  const rabat = access('ma-dgsn');
  const islamabad = access('pk-fia');
  if (!rabat?.dpo || !islamabad?.dpo) {
    println(io, 'Demo data from an older version: run "npx passerelle demo --reset" to seed the scenario.');
    return;
  }
  const iomCsv = io.env.PASSERELLE_IOM_CSV ?? bundledDataPath('iom-mmp-europe-2014-2026.csv');
  credentials.scenario = await playDemoScenario(rabat, islamabad, credentials.scenario ?? {}, io, iomCsv);
  writeFileSync(credentialsPath(root), `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
}

/** Prints the current TOTP codes of the demo's second-factor accounts. */
function printCodes(root: string, io: CliIo, credentials?: DemoCredentials): void {
  const creds: DemoCredentials =
    credentials ??
    (existsSync(credentialsPath(root)) ? JSON.parse(readFileSync(credentialsPath(root), 'utf8')) : null);
  if (!creds) throw new UsageError(`no demo in ${root}: run "npm start" first`);
  const now = new Date();
  for (const [node, users] of Object.entries(creds.totp)) {
    for (const [user, secret] of Object.entries(users)) {
      println(io, `  ${node.padEnd(8)} ${user.padEnd(6)} TOTP ${totpCode(secret, now)}  (secret ${secret})`);
    }
  }
}

/** `passerelle demo`: the whole demo federation in one command. */
export async function runDemo(args: string[], io: CliIo): Promise<number> {
  const sub = args[0] && !args[0].startsWith('-') ? args.shift() : undefined;
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, 'base-port': { type: 'string' }, reset: { type: 'boolean' } },
  });
  const root = resolve(io.cwd, values['data-dir'] ?? io.env.PASSERELLE_DEMO_DIR ?? join('.data', 'demo'));
  if (sub === 'codes') {
    printCodes(root, io);
    return 0;
  }
  if (sub) throw new UsageError(`unknown demo command "${sub}" (see passerelle demo --help)`);
  const basePort = values['base-port'] ? Number(values['base-port']) : 7410;
  if (!Number.isInteger(basePort) || basePort < 1024 || basePort > 65000)
    throw new UsageError('--base-port must be 1024–65000');
  if (values.reset) rmSync(root, { recursive: true, force: true });
  const credentials = await prepareDemo(root, basePort, io);

  const bin = new URL('../../bin/passerelle.js', import.meta.url).pathname;
  const webDist = resolve(new URL('../../web/dist', import.meta.url).pathname);
  const children: ChildProcess[] = [];
  const stopAll = async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((done) => {
            if (c.exitCode !== null || c.signalCode !== null) return done();
            c.once('exit', () => done());
            c.kill('SIGTERM');
            setTimeout(() => c.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
  };
  try {
    const urls: Record<string, string> = {};
    for (const n of demoNodes) {
      const dir = join(root, n.id);
      const port = basePort + n.offset;
      const child = spawn(
        process.execPath,
        [bin, 'serve', '--data-dir', dir, '--port', String(port), '--web-dist', webDist],
        {
          env: {
            ...demoEnv({ ...process.env, ...io.env }),
            PASSERELLE_LOG_LEVEL: io.env.PASSERELLE_LOG_LEVEL ?? 'warn',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const prefix = (chunk: Buffer) =>
        chunk
          .toString('utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => `[${n.id}] ${l}\n`)
          .join('');
      child.stdout?.on('data', (c: Buffer) => io.stdout.write(prefix(c)));
      child.stderr?.on('data', (c: Buffer) => io.stderr.write(prefix(c)));
      children.push(child);
      urls[n.id] = `http://127.0.0.1:${port}`;
    }
    await Promise.all(demoNodes.map((n, i) => waitReady(urls[n.id]!, children[i]!, 90_000)));
    await seedScenario(root, credentials, urls, io);

    println(io);
    println(io, 'Passerelle demo federation is running (synthetic data only).');
    for (const n of demoNodes)
      println(
        io,
        `  ${n.id.padEnd(8)} ${n.agency}\n           ${urls[n.id]}/   API docs: ${urls[n.id]}/api/v1/docs`,
      );
    println(io);
    println(io, `Sign in on either node as ${roles.join(', ')} — password "${DEMO_PASSWORD}".`);
    println(
      io,
      'admin and dpo need a TOTP code; current codes (run "npx passerelle demo codes" for fresh ones):',
    );
    printCodes(root, io, credentials);
    println(io);
    println(io, 'Press Ctrl-C to stop both nodes.');

    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      for (const c of children) c.once('exit', stop);
    });
    println(io, 'Stopping the demo federation …');
    return 0;
  } finally {
    await stopAll();
  }
}
