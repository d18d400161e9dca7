import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { Secret } from '../platform/index.js';

/**
 * The encrypted container of a backup: a header naming the key derivation, then the content
 * in chunks of at most 1 MiB, each sealed with AES-256-GCM under a key derived from the
 * passphrase (scrypt). Each chunk's associated data binds the header, its index and whether
 * it is the last, so chunks cannot be reordered, dropped, spliced from another archive, or
 * the archive cut short without the reader noticing. Memory stays bounded by one chunk.
 *
 *   "PSLBACKUP1\n" | u32 header length | header JSON | { u32 length | ciphertext | tag }*
 */
const MAGIC = Buffer.from('PSLBACKUP1\n');
const CHUNK_BYTES = 1024 * 1024;
const TAG_BYTES = 16;
const KDF = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;

/** A backup that cannot be read: wrong passphrase, damaged, truncated or not a backup. */
export class BackupError extends Error {
  override name = 'BackupError';
}

interface ArchiveHeader {
  version: 1;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  noncePrefix: string;
}

function deriveKey(
  passphrase: Secret,
  salt: Buffer,
  kdf: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.reveal(), salt, 32, { ...kdf, maxmem: KDF.maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

function nonceOf(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, 4);
  nonce.writeBigUInt64BE(BigInt(index), 4);
  return nonce;
}

function aadOf(headerHash: Buffer, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(BigInt(index), 0);
  tail[8] = final ? 1 : 0;
  return Buffer.concat([headerHash, tail]);
}

async function writeOut(out: Writable, data: Buffer): Promise<void> {
  if (!out.write(data)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** Writes records (one JSON object per line) into an encrypted archive. */
export class BackupWriter {
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #index = 0;
  private constructor(
    private readonly out: Writable,
    private readonly key: Buffer,
    private readonly prefix: Buffer,
    private readonly headerHash: Buffer,
  ) {}

  /** Starts an archive on `out`: derives the key and writes the header. */
  static async open(out: Writable, passphrase: Secret): Promise<BackupWriter> {
    const salt = randomBytes(16);
    const prefix = randomBytes(4);
    const header: ArchiveHeader = {
      version: 1,
      kdf: { name: 'scrypt', N: KDF.N, r: KDF.r, p: KDF.p, salt: salt.toString('base64') },
      cipher: 'aes-256-gcm',
      noncePrefix: prefix.toString('base64'),
    };
    const headerBytes = Buffer.from(JSON.stringify(header));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headerBytes.length);
    await writeOut(out, Buffer.concat([MAGIC, length, headerBytes]));
    const key = await deriveKey(passphrase, salt, KDF);
    return new BackupWriter(out, key, prefix, createHash('sha256').update(headerBytes).digest());
  }

  /** Appends one record. */
  async write(record: object): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(record)}\n`);
    this.#pending.push(line);
    this.#pendingBytes += line.length;
    while (this.#pendingBytes >= CHUNK_BYTES) await this.#seal(false);
  }

  async #seal(final: boolean): Promise<void> {
    const all = Buffer.concat(this.#pending);
    const take = final ? all.length : Math.min(all.length, CHUNK_BYTES);
    const plain = all.subarray(0, take);
    const rest = all.subarray(take);
    this.#pending = rest.length > 0 ? [Buffer.from(rest)] : [];
    this.#pendingBytes = rest.length;
    const cipher = createCipheriv('aes-256-gcm', this.key, nonceOf(this.prefix, this.#index));
    cipher.setAAD(aadOf(this.headerHash, this.#index, final));
    const ct = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(ct.length);
    await writeOut(this.out, Buffer.concat([length, ct]));
    this.#index++;
  }

  /** Seals the last chunk and ends the stream. */
  async close(): Promise<void> {
    while (this.#pendingBytes > CHUNK_BYTES) await this.#seal(false);
    await this.#seal(true);
    await new Promise<void>((resolve, reject) => {
      this.out.once('error', reject);
      this.out.end(() => resolve());
    });
  }
}

/** Reads exactly `n` bytes from an async byte source, or fewer at its end. */
class ByteReader {
  #buffer = Buffer.alloc(0);
  #done = false;
  readonly #source: AsyncIterator<Buffer>;
  constructor(source: Readable) {
    this.#source = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }
  async read(n: number): Promise<Buffer> {
    while (this.#buffer.length < n && !this.#done) {
      const next = await this.#source.next();
      if (next.done) this.#done = true;
      else this.#buffer = Buffer.concat([this.#buffer, next.value]);
    }
    const out = this.#buffer.subarray(0, n);
    this.#buffer = this.#buffer.subarray(out.length);
    return out;
  }
}

/**
 * Reads the records of an archive, checking every chunk before anything of it is used. A
 * wrong passphrase fails on the first chunk; damage or truncation fails where it occurs.
 */
export async function* readBackup(
  source: Readable,
  passphrase: Secret,
): AsyncGenerator<Record<string, unknown>> {
  const reader = new ByteReader(source);
  const magic = await reader.read(MAGIC.length);
  if (!magic.equals(MAGIC)) throw new BackupError('not a Passerelle backup');
  const length = (await reader.read(4)).readUInt32BE();
  if (length > 4096) throw new BackupError('damaged backup header');
  const headerBytes = await reader.read(length);
  let header: ArchiveHeader;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as ArchiveHeader;
  } catch {
    throw new BackupError('damaged backup header');
  }
  if (header.version !== 1 || header.cipher !== 'aes-256-gcm' || header.kdf?.name !== 'scrypt')
    throw new BackupError('unsupported backup format');
  const { N, r, p } = header.kdf;
  if (N > 2 ** 20 || r > 16 || p > 4) throw new BackupError('backup key derivation parameters out of range');
  const key = await deriveKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), { N, r, p });
  const prefix = Buffer.from(header.noncePrefix, 'base64');
  const headerHash = createHash('sha256').update(headerBytes).digest();
  let index = 0;
  let carry = '';
  // A chunk boundary may fall inside a multi-byte character.
  const decoder = new StringDecoder('utf8');
  for (;;) {
    const lenBytes = await reader.read(4);
    if (lenBytes.length < 4) throw new BackupError('backup truncated: its last part is missing');
    const ctLength = lenBytes.readUInt32BE();
    if (ctLength < TAG_BYTES || ctLength > CHUNK_BYTES * 2 + TAG_BYTES)
      throw new BackupError('damaged backup');
    const ct = await reader.read(ctLength);
    if (ct.length < ctLength) throw new BackupError('backup truncated');
    let plain: Buffer | null = null;
    let final = false;
    for (const candidate of [false, true]) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(prefix, index));
        decipher.setAAD(aadOf(headerHash, index, candidate));
        decipher.setAuthTag(ct.subarray(ct.length - TAG_BYTES));
        plain = Buffer.concat([decipher.update(ct.subarray(0, ct.length - TAG_BYTES)), decipher.final()]);
        final = candidate;
        break;
      } catch {
        // try the other final flag, then give up
      }
    }
    if (!plain) {
      throw new BackupError(
        index === 0 ? 'wrong passphrase, or not this backup' : `backup damaged at part ${index + 1}`,
      );
    }
    index++;
    const text = carry + decoder.write(plain) + (final ? decoder.end() : '');
    const lines = text.split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines) if (line) yield JSON.parse(line) as Record<string, unknown>;
    if (final) {
      if (carry) throw new BackupError('damaged backup: incomplete last record');
      if ((await reader.read(1)).length > 0) throw new BackupError('damaged backup: data after its end');
      return;
    }
  }
}
