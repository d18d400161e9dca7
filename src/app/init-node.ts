import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  ConfigError,
  dataFiles,
  generateNodeKeyring,
  type NodeFile,
  type NodeIdentity,
  nodeIdentitySchema,
  Secret,
  saveNodeKeyring,
} from '../platform/index.js';

/** What `passerelle init` needs. */
export interface InitNodeOptions {
  dataDir: string;
  identity: NodeIdentity;
  http?: { host?: string; port?: number };
  /** Passphrase protecting the private keys; when absent a random key file is written beside them. */
  passphrase?: Secret;
}

/** Outcome of {@link initNode}. */
export interface InitNodeResult {
  dataDir: string;
  keyFile: string | null;
}

/**
 * Creates a node's data folder: its settings file and freshly generated keys, encrypted at
 * rest. Refuses to overwrite an existing node, whose keys partners already trust.
 */
export async function initNode(options: InitNodeOptions): Promise<InitNodeResult> {
  const identity = nodeIdentitySchema.safeParse(options.identity);
  if (!identity.success) throw new ConfigError(z.prettifyError(identity.error));
  const dir = resolve(options.dataDir);
  if (existsSync(join(dir, dataFiles.node))) {
    throw new ConfigError(`${dir} already holds a node; refusing to overwrite its identity and keys`);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let passphrase = options.passphrase;
  let keyFile: string | null = null;
  if (!passphrase) {
    keyFile = join(dir, dataFiles.keySecret);
    passphrase = new Secret(randomBytes(32).toString('base64url'));
    writeFileSync(keyFile, `${passphrase.reveal()}\n`, { mode: 0o600 });
  }
  saveNodeKeyring(join(dir, dataFiles.keys), generateNodeKeyring(), passphrase);
  const file: NodeFile = { version: 1, node: identity.data, ...(options.http ? { http: options.http } : {}) };
  writeFileSync(join(dir, dataFiles.node), `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  return { dataDir: dir, keyFile };
}
