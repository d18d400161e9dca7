import { createCipheriv, createDecipheriv, createPrivateKey, randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { JWK } from 'jose';
import type { Secret } from '../secret.js';
import { type NodeKeys, nodeKeysFromPrivateKeys } from './keys.js';

interface KeyFile {
  version: 1;
  kdf: { alg: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
  ciphertext: string;
  public: { signing: JWK; encryption: JWK };
}

const KDF = { N: 2 ** 15, r: 8, p: 1 };

function deriveKey(passphrase: Secret, salt: Buffer, p: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.reveal(), salt, 32, { ...p, maxmem: 256 * p.N * p.r + 1024 * 1024 });
}

/**
 * Writes the private keys encrypted at rest (scrypt → AES-256-GCM), readable only by the
 * owner. The public halves stay in clear so the node card can be shown without unlocking.
 */
export function saveNodeKeys(path: string, keys: NodeKeys, passphrase: Secret): void {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = deriveKey(passphrase, salt, KDF);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const plain = JSON.stringify({
    signing: keys.signing.privateKey.export({ format: 'pem', type: 'pkcs8' }),
    encryption: keys.encryption.privateKey.export({ format: 'pem', type: 'pkcs8' }),
  });
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const file: KeyFile = {
    version: 1,
    kdf: { alg: 'scrypt', ...KDF, salt: salt.toString('base64url') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
    public: { signing: keys.signing.publicJwk, encryption: keys.encryption.publicJwk },
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

/** Reads and decrypts the node's private keys. */
export async function loadNodeKeys(path: string, passphrase: Secret): Promise<NodeKeys> {
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
  let plain: string;
  try {
    const key = deriveKey(passphrase, Buffer.from(file.kdf.salt, 'base64url'), file.kdf);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(file.tag, 'base64url'));
    plain = Buffer.concat([
      decipher.update(Buffer.from(file.ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new KeyStoreError(
      'cannot unlock the node keys: wrong passphrase or key file, or the file was altered',
    );
  }
  const pems = JSON.parse(plain) as { signing: string; encryption: string };
  return nodeKeysFromPrivateKeys(createPrivateKey(pems.signing), createPrivateKey(pems.encryption));
}
