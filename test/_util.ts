import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { initNode } from '../src/app/init-node.js';
import { type RunningNode, startNode } from '../src/app/server.js';
import {
  type Clock,
  type Config,
  createLogger,
  type Database,
  type DatabaseConfig,
  loadConfig,
  openDatabase,
  type ScryptParams,
  Secret,
} from '../src/platform/index.js';
import { installResponseContractCheck } from './_contract.js';

/** Fast scrypt parameters for tests only: the real default costs ~0.3 s per hash. */
// Every answer of the node API a test receives is checked against docs/openapi.json.
installResponseContractCheck();

export const testScrypt: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

/** The PostgreSQL server tests use when reachable (this project's machines run one). */
export const testPgUrl = process.env.PASSERELLE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgReachable: Promise<boolean> | undefined;
/** True when the test PostgreSQL server answers. */
export function postgresAvailable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: testPgUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgReachable;
}

/**
 * The database engines a storage test runs on: always PGlite; PostgreSQL too when reachable.
 * Under CI (CI=true) PostgreSQL is required, so a missing server fails instead of skipping.
 */
export async function testEngines(): Promise<Array<'pglite' | 'postgres'>> {
  if (await postgresAvailable()) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') throw new Error(`PostgreSQL not reachable at ${testPgUrl} (required in CI)`);
  return ['pglite'];
}

/** A fresh, empty database on the given engine; dropped again by `close`. */
export async function createTestDatabase(
  engine: 'pglite' | 'postgres',
): Promise<{ config: DatabaseConfig; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-db-'));
    return {
      config: { kind: 'pglite', dir },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `passerelle_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: testPgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(testPgUrl);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: new Secret(url.toString()), poolSize: 5 },
    drop: async () => {
      const c = new pg.Client({ connectionString: testPgUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Opens a migrated database on an engine for a storage test. */
export async function openTestDatabase(
  engine: 'pglite' | 'postgres',
): Promise<Database & { drop(): Promise<void> }> {
  const t = await createTestDatabase(engine);
  const database = await openDatabase(t.config);
  return {
    ...database,
    close: database.close,
    drop: async () => {
      await database.close();
      await t.drop();
    },
  };
}

/** Options of {@link startTestNode}. */
export interface TestNodeOptions {
  id?: string;
  agency?: string;
  country?: string;
  engine?: 'pglite' | 'postgres';
  clock?: Clock;
  webDist?: string | null;
  /** Password hashing cost (fast test parameters when absent). */
  scrypt?: ScryptParams;
  /** Where the node logs (silent when absent). */
  logger?: import('../src/platform/index.js').Logger;
  /** Extra environment settings (e.g. PASSERELLE_METRICS_TOKEN). */
  env?: Record<string, string>;
  /** Matching token version the node publishes with its filter (an older partner). */
  matchingTokenVersion?: string;
  /** Delivery settings over the defaults (e.g. a peer without the batch inbox). */
  delivery?: import('../src/federation/index.js').DeliveryOptions;
}

/** A real node on a random loopback port with its own data folder and database. */
export interface TestNode extends RunningNode {
  dataDir: string;
  config: Config;
  /** Stops the node and deletes its data. */
  destroy(): Promise<void>;
}

/** Initialises and starts a node for an integration test. */
export async function startTestNode(options: TestNodeOptions = {}): Promise<TestNode> {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-node-'));
  const id = options.id ?? 'ma-dgsn';
  await initNode({
    dataDir,
    identity: {
      id,
      agency: options.agency ?? `Test agency ${id}`,
      country: options.country ?? 'MA',
      endpoint: 'http://127.0.0.1:1',
    },
    passphrase: new Secret('test-passphrase-not-secret'),
  });
  const engine = options.engine ?? 'pglite';
  const db = engine === 'postgres' ? await createTestDatabase('postgres') : null;
  const env = {
    PASSERELLE_KEY_PASSPHRASE: 'test-passphrase-not-secret',
    ...(db && db.config.kind === 'postgres' ? { DATABASE_URL: db.config.url.reveal() } : {}),
    ...options.env,
  };
  const config = loadConfig(dataDir, env, { port: 0, webDist: options.webDist ?? null, logLevel: 'silent' });
  const node = await startNode(config, {
    scrypt: options.scrypt ?? testScrypt,
    ...(options.clock ? { clock: options.clock } : {}),
    logger: options.logger ?? createLogger({ level: 'silent' }),
    ...(options.matchingTokenVersion ? { matchingTokenVersion: options.matchingTokenVersion } : {}),
    ...(options.delivery ? { delivery: options.delivery } : {}),
  });
  return {
    ...node,
    dataDir,
    config,
    destroy: async () => {
      await node.close();
      await db?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A tiny HTTP client that keeps cookies and sends the CSRF header, like the web UI. Its
 * answers are checked against the OpenAPI document like every fetch (test/_contract.ts).
 */
export class TestClient {
  #cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (this.#cookies.size > 0) h.cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.#cookies.get('passerelle_csrf');
    if (csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = csrf;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: h,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      const value = v.join('=');
      if (value === '' || /max-age=0/i.test(c)) this.#cookies.delete(k!.trim());
      else this.#cookies.set(k!.trim(), value);
    }
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json, text, headers: res.headers };
  }
  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, body ?? {});
  }
  cookie(name: string) {
    return this.#cookies.get(name);
  }
}

/** An administrator actor for calling services directly in tests. */
export const testAdmin = {
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'test-admin',
  displayName: 'Test Admin',
  roles: ['admin'],
  via: 'token',
} as const satisfies import('../src/governance/index.js').Actor;

/**
 * Pairs two running nodes the way two administrators would: each imports the other's card
 * and confirms its fingerprint. Pass `verify: false` to leave them pending.
 */
export async function pairNodes(
  a: RunningNode,
  b: RunningNode,
  options: { verify?: boolean } = {},
): Promise<void> {
  const admin = { ...testAdmin, roles: [...testAdmin.roles] };
  const cardA = await a.ctx.federation.ownCard();
  const cardB = await b.ctx.federation.ownCard();
  await a.ctx.federation.importPartner(admin, { cardJws: cardB.cardJws });
  await b.ctx.federation.importPartner(admin, { cardJws: cardA.cardJws });
  if (options.verify === false) return;
  await a.ctx.federation.verifyPartner(admin, cardB.card.nodeId, cardB.fingerprint.numeric);
  await b.ctx.federation.verifyPartner(admin, cardA.card.nodeId, cardA.fingerprint.text);
}

/**
 * Creates an account with `roles` on a node and returns an API token for it, the way the CLI
 * and partner tools call the API.
 */
export async function tokenForNewUser(node: RunningNode, username: string, roles: string[]): Promise<string> {
  await node.ctx.governance.createUser(null, {
    username,
    displayName: username,
    password: 'correct horse battery',
    roles: roles as never,
  });
  return (await node.ctx.governance.createToken(username, { name: 'test' })).token;
}

/** What {@link apiCall} answers: status, parsed JSON (null when the body is not JSON), raw bytes, headers. */
export interface ApiAnswer {
  status: number;
  json: any;
  bytes: Uint8Array;
  headers: Headers;
}

/**
 * One call to a node's `/api/v1` with a bearer token, as the CLI and partner tools make it. A
 * `Uint8Array` body is sent as is (uploads); anything else as JSON.
 */
export async function apiCall(
  node: { url: string },
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const raw = body instanceof Uint8Array;
  const res = await fetch(`${node.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: raw ? body : JSON.stringify(body) } : {}),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  let json: any = null;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    json = null;
  }
  return { status: res.status, json, bytes, headers: res.headers };
}

/**
 * A new user of a node (with `roles`, members of `units`) and its API client: the call
 * goes over HTTP with the user's bearer token, like the CLI's.
 */
export async function apiUser(
  node: RunningNode & { url: string },
  username: string,
  roles: string[],
  units: string[] = [],
): Promise<{
  username: string;
  token: string;
  call: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<ApiAnswer>;
}> {
  const token = await tokenForNewUser(node, username, roles);
  if (units.length > 0) await node.ctx.access.setUserUnits(null, username, units);
  return {
    username,
    token,
    call: (method, path, body, headers) => apiCall(node, token, method, path, body, headers),
  };
}

/** Enqueues one message from a node in its own transaction. */
export async function enqueueMessage(
  node: RunningNode,
  recipient: string,
  type: string,
  payload: unknown,
): Promise<{ id: string; createdAt: Date }> {
  return node.ctx.db
    .transaction()
    .execute((tx) => node.ctx.federation.enqueue(tx, { recipient, type, payload }));
}

/** Polls `check` until it returns true or the timeout passes. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Adopts, as the node's DPO would, a standing sharing policy that lets every category of
 * personal data go to `partner` without case-by-case review: for tests about the exchange
 * itself rather than the review.
 */
export async function allowSharing(node: RunningNode, partner: string): Promise<void> {
  await node.ctx.sharingPolicies.create(
    { ...testAdmin, username: 'test-dpo', roles: ['dpo'] },
    {
      partner,
      crimeArea: null,
      maxHandlingCode: 'H3',
      dataCategories: ['persons', 'identity_documents', 'phones', 'financial', 'vehicles', 'attachments'],
      description: 'Test: standing policy covering all exchange with this partner',
    },
  );
}

/** Runs `passerelle <args>` in-process against a node's API with a token; collects its output. */
export async function runCli(node: { url: string }, token: string, args: string[], cwd: string) {
  const { PassThrough } = await import('node:stream');
  const { main } = await import('../src/cli/main.js');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => {
    out += c;
  });
  stderr.on('data', (c) => {
    err += c;
  });
  const code = await main([...args, '--url', node.url, '--token', token], {
    stdout,
    stderr,
    env: {},
    cwd,
    stdin: new PassThrough(),
  });
  return { code, out, err };
}

/**
 * A complete request for information about one synthetic suspect, as an officer composes it
 * at `now` (ms): H1, TLP:AMBER, a deadline 5 days on; `extra` sets or overrides fields.
 */
export function syntheticRfi(now: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const day = 86_400_000;
  return {
    type: 'rfi',
    subject: 'Synthetic crossing organiser',
    body: 'Is the synthetic person below known to your services?',
    language: 'en',
    crimeAreas: ['migrant_smuggling'],
    priority: 'high',
    deadline: new Date(now + 5 * day).toISOString(),
    handlingCode: 'H1',
    tlp: 'AMBER',
    evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
    legalBasis: 'Bilateral security cooperation agreement, art. 3',
    purpose: 'Identify the organisers of the crossing',
    entities: [
      {
        kind: 'person',
        id: 'p1',
        role: 'suspect',
        names: [{ given: 'Imran', family: 'Synthetic', script: 'Latn' }],
        synthetic: true,
      },
    ],
    retentionReviewDate: new Date(now + 365 * day).toISOString().slice(0, 10),
    ...extra,
  };
}
