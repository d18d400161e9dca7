import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAppContext, initNode, startNode } from '../app/index.js';
import { roles } from '../governance/index.js';
import { loadConfig, Secret, totpUri, verifyAuditChain } from '../platform/index.js';
import { type CliIo, println, readAll, UsageError } from './io.js';

/** The data folder: `--data-dir`, else PASSERELLE_DATA_DIR, else ./.data/node. */
export function dataDirOf(value: string | undefined, io: CliIo): string {
  return resolve(io.cwd, value ?? io.env.PASSERELLE_DATA_DIR ?? join('.data', 'node'));
}

export const initHelp = `Usage: passerelle init --id ID --agency NAME --country CC --endpoint URL [options]

Creates a node: its data folder, settings and keys (Ed25519 signing, X25519 encryption),
private keys encrypted at rest.

  --data-dir DIR     data folder (default PASSERELLE_DATA_DIR or ./.data/node)
  --id ID            node id, e.g. ma-dgsn
  --agency NAME      agency name shown to partners
  --country CC       ISO 3166-1 alpha-2 country code, e.g. MA
  --endpoint URL     URL partners reach this node at
  --port N           HTTP port (default 7410)
  --host ADDR        listen address (default 127.0.0.1)
Passphrase: PASSERELLE_KEY_PASSPHRASE if set, else a random key file is written to the
data folder (node.secret, mode 600): keep it on another medium for backups.`;

export async function runInit(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      id: { type: 'string' },
      agency: { type: 'string' },
      country: { type: 'string' },
      endpoint: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
    },
  });
  for (const k of ['id', 'agency', 'country', 'endpoint'] as const) {
    if (!values[k]) throw new UsageError(`--${k} is required (see passerelle init --help)`);
  }
  const port = values.port ? Number(values.port) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
    throw new UsageError('--port must be 1–65535');
  const result = await initNode({
    dataDir: dataDirOf(values['data-dir'], io),
    identity: {
      id: values.id!,
      agency: values.agency!,
      country: values.country!.toUpperCase(),
      endpoint: values.endpoint!,
    },
    ...(port || values.host
      ? { http: { ...(port ? { port } : {}), ...(values.host ? { host: values.host } : {}) } }
      : {}),
    ...(io.env.PASSERELLE_KEY_PASSPHRASE ? { passphrase: new Secret(io.env.PASSERELLE_KEY_PASSPHRASE) } : {}),
  });
  println(io, `Node ${values.id} created in ${result.dataDir}`);
  if (result.keyFile)
    println(io, `Private keys are encrypted with the key file ${result.keyFile}; back it up separately.`);
  println(io, 'Next: passerelle user add --username admin --roles admin, then passerelle serve');
  return 0;
}

export const serveHelp = `Usage: passerelle serve [--data-dir DIR] [--port N] [--host ADDR] [--web-dist DIR]

Runs the node: HTTP API, federation endpoint, web UI and background workers. Stops cleanly
on SIGINT/SIGTERM. DATABASE_URL=postgres://… uses a PostgreSQL server instead of the
embedded database.`;

export async function runServe(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'web-dist': { type: 'string' },
    },
  });
  const config = loadConfig(dataDirOf(values['data-dir'], io), io.env, {
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values.host ? { host: values.host } : {}),
    webDist: values['web-dist']
      ? resolve(io.cwd, values['web-dist'])
      : (io.env.PASSERELLE_WEB_DIST ?? resolve(io.cwd, 'web/dist')),
  });
  const node = await startNode(config);
  // The stop handlers are in place before anything says the node listens: a SIGTERM that
  // follows the first request must drain the node, not kill it with the default action.
  const stopped = new Promise<void>((done) => {
    const stop = (signal: NodeJS.Signals) => {
      node.ctx.logger.info('signal received', { event: 'shutdown', signal });
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      node.close().then(done, done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  // Where attachments live, then the line that says the node is ready: whoever waits for
  // "listening on" has every start-up line before it.
  const store = node.ctx.blobStore.describe();
  println(io, `attachments: ${store.kind} ${store.location}${store.endpoint ? ` at ${store.endpoint}` : ''}`);
  println(io, `${config.node.id} listening on ${node.url}`);
  // An unreachable store does not stop the node (/readyz reports it); say it at once.
  await node.ctx.blobStore.check().catch((err: Error) => {
    node.ctx.logger.warn('attachment store unavailable', { event: 'storage', reason: err.message });
    println(io, `WARNING: ${err.message}`);
  });
  await stopped;
  println(io, `${config.node.id} stopped`);
  return 0;
}

export const userHelp = `Usage: passerelle user add --username NAME --roles ROLE[,ROLE] [--name "Display Name"] [--password-stdin] [--data-dir DIR]
       passerelle user token --username NAME [--name LABEL] [--data-dir DIR]

Roles: ${roles.join(', ')}. Admin and DPO accounts get a TOTP secret (shown once).
Without --password-stdin a strong password is generated and shown once.
Runs on the node's database directly: stop a node that uses the embedded database first.`;

export async function runUser(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add' && sub !== 'token')
    throw new UsageError('expected "user add" or "user token" (see passerelle user --help)');
  const { values } = parseArgs({
    args: rest,
    options: {
      'data-dir': { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      roles: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  if (!values.username) throw new UsageError('--username is required');
  const config = loadConfig(dataDirOf(values['data-dir'], io), io.env, { logLevel: 'warn' });
  const ctx = await createAppContext(config);
  try {
    if (sub === 'token') {
      const { token } = await ctx.governance.createToken(values.username, { name: values.name ?? 'cli' });
      println(io, token);
      return 0;
    }
    if (!values.roles) throw new UsageError(`--roles is required (${roles.join(', ')})`);
    const password = values['password-stdin']
      ? (await readAll(io.stdin)).split('\n')[0]!.trim()
      : randomBytes(15).toString('base64url');
    const { user, totpSecret } = await ctx.governance.createUser(null, {
      username: values.username,
      displayName: values.name ?? values.username,
      password,
      roles: values.roles.split(',').map((r) => r.trim()) as never,
    });
    println(io, `User ${user.username} created with roles ${user.roles.join(', ')}`);
    if (!values['password-stdin']) println(io, `Password (shown once): ${password}`);
    if (totpSecret) {
      println(io, `TOTP secret (shown once): ${totpSecret}`);
      println(io, `Authenticator URI: ${totpUri(totpSecret, user.username, `Passerelle ${config.node.id}`)}`);
    }
    return 0;
  } finally {
    await ctx.close();
  }
}

export const auditHelp = `Usage: passerelle audit verify [--data-dir DIR] [--partners] [--json]
       passerelle audit checkpoint [--data-dir DIR]

verify      recomputes the audit log's hash chain and reports the first broken link (an
            altered, removed or truncated entry), reads back every attachment against its
            recorded SHA-256 (missing or corrupt files fail), then checks the node's signed
            checkpoints against the chain; --partners also fetches the copies each verified partner holds, which
            expose a history rewritten even with every hash recomputed, and the latest audit
            head each partner was told in an envelope or receipt. Exit code 0 when intact, 3
            when anything disagrees, and with --partners also when nothing could be compared
            (no checkpoint, no partner): a check that checked nothing does not pass.
checkpoint  signs the current head of the chain and queues it to every verified partner
            (a running node does this every 5 minutes while there is activity).`;

export async function runAudit(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify' && sub !== 'checkpoint') {
    throw new UsageError('expected "audit verify" or "audit checkpoint" (see passerelle audit --help)');
  }
  const { values } = parseArgs({
    args: rest,
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' }, partners: { type: 'boolean' } },
  });
  const config = loadConfig(dataDirOf(values['data-dir'], io), io.env, { logLevel: 'warn' });
  const ctx = await createAppContext(config);
  try {
    if (sub === 'checkpoint') {
      const cp = await ctx.checkpoints.publish(null);
      println(
        io,
        `Checkpoint signed: entry ${cp.seq}, hash ${cp.hash.slice(0, 16)}…; queued to every verified partner.`,
      );
      return 0;
    }
    const chain = await verifyAuditChain(ctx.db);
    const checkpoints = await ctx.checkpoints.verify(null, { partners: values.partners === true });
    // Files are part of the record: a missing or altered attachment fails the check too.
    const attachments = await ctx.exchange.verifyAttachments();
    // With --partners the comparison is the point: one that compared nothing does not pass.
    // Without it, a node that has no checkpoint yet has had its chain checked, and says so.
    const ok =
      chain.ok && attachments.ok && (values.partners ? checkpoints.ok : checkpoints.findings.length === 0);
    const store = ctx.blobStore.describe();
    if (values.json) {
      println(io, JSON.stringify({ ok, chain, checkpoints, attachments: { ...attachments, store } }));
      return ok ? 0 : 3;
    }
    println(
      io,
      attachments.ok
        ? `Attachments intact: ${attachments.checked} file(s) in ${store.location} match their recorded SHA-256.`
        : `Attachments NOT intact: ${attachments.missing.length} missing (${attachments.missing.join(', ') || '-'}), ${attachments.corrupt.length} corrupt (${attachments.corrupt.join(', ') || '-'}) in ${store.location}.`,
    );
    if (chain.ok)
      println(io, `Audit chain intact: ${chain.entries} entries, head ${chain.head.hash.slice(0, 16)}…`);
    else
      println(
        io,
        `Audit chain BROKEN at entry ${chain.brokenAt} (${chain.reason}): ${chain.message}. ${chain.entries} entries verified before it.`,
      );
    for (const [partner, r] of Object.entries(checkpoints.partners)) {
      println(
        io,
        `  ${partner}: ${r.error ? `not reachable (${r.error})` : `holds ${r.held} checkpoint(s)`}`,
      );
    }
    if (checkpoints.nothingChecked) {
      println(
        io,
        values.partners
          ? 'NOTHING was checked against partners: no signed checkpoint, and no verified partner holds anything of this node. This proves nothing about a rewrite with recomputed hashes.'
          : 'No signed checkpoint yet: only the chain itself was checked (a rewrite with recomputed hashes would pass it).',
      );
    } else if (checkpoints.findings.length === 0) {
      println(io, `Signed checkpoints agree with the chain (${checkpoints.checked} checked).`);
    } else {
      for (const f of checkpoints.findings) {
        println(
          io,
          `Checkpoint of entry ${f.seq} held by ${f.source} does NOT match the chain: ${f.problem}`,
        );
      }
    }
    return ok ? 0 : 3;
  } finally {
    await ctx.close();
  }
}
