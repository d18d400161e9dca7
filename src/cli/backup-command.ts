import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup, restoreBackup } from '../app/index.js';
import { loadConfig, Secret } from '../platform/index.js';
import { type CliIo, println, UsageError } from './io.js';
import { dataDirOf } from './node-commands.js';

const passphraseHelp = `The backup passphrase (12 characters at least): PASSERELLE_BACKUP_PASSPHRASE, or
--passphrase-file FILE. Keep it apart from the backups: whoever holds both holds the node.`;

export const backupHelp = `Usage: passerelle backup --out FILE [--data-dir DIR] [--passphrase-file FILE] [--json]

Writes one encrypted file (scrypt + AES-256-GCM, authenticated) holding the node's settings,
keys and key passphrase, every table of its database and every attachment file. A
PostgreSQL node (DATABASE_URL, needed as by every command) is read in one consistent
snapshot while it runs; an embedded node must be stopped first. No external tool (pg_dump)
is used.
${passphraseHelp}`;

export const restoreHelp = `Usage: passerelle restore --in FILE --data-dir NEW_DIR [--passphrase-file FILE] [--json]

Restores a backup into a new, empty data folder, and into a new, empty PostgreSQL database
when DATABASE_URL is set (else the embedded database in the folder). Then verifies the
restored node: the audit chain, its signed checkpoints, and every attachment against its
recorded SHA-256. Exit code 0 when everything verifies, 3 when something does not.
The key passphrase is written to NEW_DIR/node.secret (mode 600); move it elsewhere and set
PASSERELLE_KEY_PASSPHRASE or PASSERELLE_KEY_FILE if that is how the node keeps it.
${passphraseHelp}`;

function backupPassphrase(io: CliIo, file: string | undefined): Secret {
  const value = file
    ? readFileSync(resolve(io.cwd, file), 'utf8').trim()
    : (io.env.PASSERELLE_BACKUP_PASSPHRASE ?? '');
  if (!value)
    throw new UsageError('no backup passphrase: set PASSERELLE_BACKUP_PASSPHRASE or --passphrase-file');
  if (value.length < 12) throw new UsageError('the backup passphrase must be at least 12 characters');
  return new Secret(value);
}

export async function runBackup(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      'passphrase-file': { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (!values.out) throw new UsageError('--out FILE is required (see passerelle backup --help)');
  const passphrase = backupPassphrase(io, values['passphrase-file']);
  const config = loadConfig(dataDirOf(values['data-dir'], io), io.env, { logLevel: 'warn' });
  const out = resolve(io.cwd, values.out);
  const summary = await createBackup(config, out, passphrase);
  if (values.json) {
    println(io, JSON.stringify({ file: out, ...summary }));
    return 0;
  }
  const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
  println(
    io,
    `Backup of ${summary.nodeId} (${summary.engine}) written to ${out}: ${Object.keys(summary.tables).length} tables, ${rows} rows, ${summary.attachments} attachment file(s) from ${summary.store.location}.`,
  );
  if (summary.missingAttachments.length > 0)
    println(
      io,
      `WARNING: ${summary.missingAttachments.length} attachment file(s) were missing: ${summary.missingAttachments.join(', ')}`,
    );
  return 0;
}

export async function runRestore(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      in: { type: 'string' },
      'passphrase-file': { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (!values.in) throw new UsageError('--in FILE is required (see passerelle restore --help)');
  if (!values['data-dir']) throw new UsageError('--data-dir NEW_DIR is required: restore into a new folder');
  const passphrase = backupPassphrase(io, values['passphrase-file']);
  const report = await restoreBackup({
    archive: resolve(io.cwd, values.in),
    passphrase,
    dataDir: dataDirOf(values['data-dir'], io),
    env: io.env,
  });
  const v = report.verification;
  if (values.json) {
    println(io, JSON.stringify(report));
    return v.ok ? 0 : 3;
  }
  println(
    io,
    `Node ${report.nodeId} restored into ${report.dataDir} (${report.engine}), ${report.attachments} attachment file(s)${report.store ? ` into ${report.store.location}` : ''}.`,
  );
  println(
    io,
    v.chain.ok
      ? `Audit chain intact: ${v.chain.entries} entries.`
      : `Audit chain BROKEN at entry ${v.chain.brokenAt}: ${v.chain.message}`,
  );
  println(
    io,
    v.checkpoints.ok
      ? `Signed checkpoints agree with the chain (${v.checkpoints.checked} checked).`
      : `${v.checkpoints.findings} signed checkpoint(s) do NOT match the chain.`,
  );
  println(
    io,
    v.attachments.ok
      ? `Attachments intact: ${v.attachments.checked} file(s) match their recorded SHA-256.`
      : `Attachments: ${v.attachments.missing.length} missing, ${v.attachments.corrupt.length} corrupt (${[...v.attachments.missing, ...v.attachments.corrupt].join(', ')}).`,
  );
  println(io, v.ok ? 'Restore verified.' : 'Restore NOT verified: see above.');
  return v.ok ? 0 : 3;
}
