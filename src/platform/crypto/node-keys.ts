import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  type KeyObject,
  randomBytes,
  scryptSync,
} from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { JWK } from 'jose';
import type { Secret } from '../secret.js';
import { exportPrivateJwk, generateNodeKeys, type NodeKeys, nodeKeysFromPrivateKeys } from './keys.js';

/**
 * Everything secret a node keeps on disk: its current key pairs, the encryption key it had
 * before the last rotation (envelopes already sealed to it must still open), and a storage
 * secret for data at rest, which does not change when the federation keys rotate.
 */
export interface NodeKeyring {
  keys: NodeKeys;
  previousEncryptionKey: KeyObject | null;
  storageSecret: Buffer;
}

interface KeyFile {
  version: 1;
  kdf: { alg: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
  ciphertext: string;
  public: { signing: JWK; encryption: JWK };
}

interface KeyFilePlaintext {
  signing: string;
  encryption: string;
  previousEncryption?: string;
  storage?: string;
}

const KDF = { N: 2 ** 15, r: 8, p: 1 };

function deriveKey(passphrase: Secret, salt: Buffer, p: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.reveal(), salt, 32, { ...p, maxmem: 256 * p.N * p.r + 1024 * 1024 });
}

const pem = (k: KeyObject) => k.export({ format: 'pem', type: 'pkcs8' }) as string;

/** A fresh keyring: new key pairs and a new storage secret. */
export function generateNodeKeyring(): NodeKeyring {
  return { keys: generateNodeKeys(), previousEncryptionKey: null, storageSecret: randomBytes(32) };
}

/**
 * Writes the keyring encrypted at rest (scrypt → AES-256-GCM), readable only by the owner,
 * atomically (write then rename: a crash leaves the old file or the new one, never half).
 * The public halves stay in clear so the node card can be shown without unlocking.
 */
export function saveNodeKeyring(path: string, ring: NodeKeyring, passphrase: Secret): void {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = deriveKey(passphrase, salt, KDF);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const plain: KeyFilePlaintext = {
    signing: pem(ring.keys.signing.privateKey),
    encryption: pem(ring.keys.encryption.privateKey),
    ...(ring.previousEncryptionKey ? { previousEncryption: pem(ring.previousEncryptionKey) } : {}),
    storage: ring.storageSecret.toString('base64url'),
  };
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()]);
  const file: KeyFile = {
    version: 1,
    kdf: { alg: 'scrypt', ...KDF, salt: salt.toString('base64url') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
    public: { signing: ring.keys.signing.publicJwk, encryption: ring.keys.encryption.publicJwk },
  };
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
  chmodSync(path, 0o600);
}

/** Thrown when the key file cannot be read or the passphrase is wrong. */
export class KeyStoreError extends Error {
  override name = 'KeyStoreError';
}

/** Reads and decrypts the node's keyring. */
export async function loadNodeKeyring(path: string, passphrase: Secret): Promise<NodeKeyring> {
  if (!existsSync(path)) throw new KeyStoreError(`no key file at ${path}: run "passerelle init" first`);
  let file: KeyFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  } catch {
    throw new KeyStoreError(`key file ${path} is not valid JSON`);
  }
  if (file.version !== 1 || file.cipher !== 'aes-256-gcm' || file.kdf?.alg !== 'scrypt') {
    throw new KeyStoreError(`key file ${path} has an unknown format`);
  }
  let plain: KeyFilePlaintext;
  try {
    const key = deriveKey(passphrase, Buffer.from(file.kdf.salt, 'base64url'), file.kdf);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(file.tag, 'base64url'));
    plain = JSON.parse(
      Buffer.concat([decipher.update(Buffer.from(file.ciphertext, 'base64url')), decipher.final()]).toString(
        'utf8',
      ),
    );
  } catch {
    throw new KeyStoreError(
      'cannot unlock the node keys: wrong passphrase or key file, or the file was altered',
    );
  }
  const keys = nodeKeysFromPrivateKeys(createPrivateKey(plain.signing), createPrivateKey(plain.encryption));
  return {
    keys,
    previousEncryptionKey: plain.previousEncryption ? createPrivateKey(plain.previousEncryption) : null,
    // Key files written before the storage secret existed used the encryption key's scalar;
    // keep that value so data encrypted at rest under it stays readable.
    storageSecret: plain.storage
      ? Buffer.from(plain.storage, 'base64url')
      : Buffer.from(exportPrivateJwk(keys.encryption.privateKey).d, 'base64url'),
  };
}

/** Reads and decrypts the node's current key pairs. */
export async function loadNodeKeys(path: string, passphrase: Secret): Promise<NodeKeys> {
  return (await loadNodeKeyring(path, passphrase)).keys;
}
