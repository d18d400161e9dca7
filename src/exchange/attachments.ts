/**
 * Attachment files at rest: streamed, hashed, type-checked by magic bytes and encrypted
 * with AES-256-GCM under a key of their own. Nothing here holds a whole file in memory.
 *
 * File format (one blob per attachment, named by its id, in the node's {@link BlobStore}: a
 * folder or an S3 bucket; the store only ever receives the ciphertext):
 *
 *     "PSA1" | 12-byte IV | AES-256-GCM ciphertext | 16-byte tag
 *
 * with additional authenticated data `passerelle-attachment-v1:<id>`, so a file cannot
 * be swapped for another one under the same key. The same bytes are what a partner
 * fetches; the per-file key travels to it inside the end-to-end encrypted message.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  type DecipherGCM,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { PassThrough, Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError, type BlobStore } from '../platform/index.js';
import { MAX_ATTACHMENT_BYTES } from './schema.js';

const MAGIC = Buffer.from('PSA1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + IV_BYTES;
/** Bytes a stored file has beyond the plaintext. */
export const ATTACHMENT_OVERHEAD_BYTES = HEADER_BYTES + TAG_BYTES;

/** Media types accepted, and the file-name extensions that go with zip-based formats. */
export const ALLOWED_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/tiff',
  'image/webp',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;

const ZIP_TYPES_BY_EXTENSION: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};
const TEXT_TYPES_BY_EXTENSION: Record<string, string> = { txt: 'text/plain', csv: 'text/csv' };

// Signatures from the formats' own specifications (ISO 32000 §7.5.2, PNG §5.2, JFIF SOI,
// TIFF 6.0 §2, RIFF/WebP, ZIP APPNOTE 4.3.7 local file header).
const SIGNATURES: Array<{ type: string | 'zip'; test: (h: Buffer) => boolean }> = [
  { type: 'application/pdf', test: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    type: 'image/png',
    test: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/jpeg', test: (h) => h.length >= 3 && h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { type: 'image/gif', test: (h) => /^GIF8[79]a/.test(h.subarray(0, 6).toString('latin1')) },
  {
    type: 'image/tiff',
    test: (h) => ['49492a00', '4d4d002a'].includes(h.subarray(0, 4).toString('hex')),
  },
  {
    type: 'image/webp',
    test: (h) =>
      h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { type: 'zip', test: (h) => h.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) },
];
const SNIFF_BYTES = 12;

/** 413: the file is over the attachment limit. */
export class AttachmentTooLargeError extends ApiError {
  override name = 'AttachmentTooLargeError';
  constructor(limit = MAX_ATTACHMENT_BYTES) {
    super(413, 'payload_too_large', `Attachments are limited to ${limit} bytes`);
  }
}

/** 415: the content is not of an allowed type, or not of the type declared. */
export class UnsupportedMediaTypeError extends ApiError {
  override name = 'UnsupportedMediaTypeError';
  constructor(message: string) {
    super(415, 'unsupported_media_type', message);
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function normaliseDeclared(declared: string | undefined): string | null {
  const type = declared?.split(';')[0]?.trim().toLowerCase();
  return !type || type === 'application/octet-stream' ? null : type;
}

/**
 * Decides the media type of a file from its first bytes, the declared type and the file
 * name. Binary formats are recognised by their signature, whatever is declared; the
 * declaration must then agree. Text has no signature: it is accepted when declared (or
 * named) as text, and the caller must check every byte is UTF-8 without NUL.
 */
export function decideMediaType(
  head: Uint8Array,
  declared: string | undefined,
  name: string,
): { mediaType: string; text: boolean } {
  const h = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const type = normaliseDeclared(declared);
  const signature = SIGNATURES.find((s) => s.test(h));
  if (signature?.type === 'zip') {
    const byName = ZIP_TYPES_BY_EXTENSION[extensionOf(name)];
    const wanted = type ?? byName;
    if (wanted && Object.values(ZIP_TYPES_BY_EXTENSION).includes(wanted))
      return { mediaType: wanted, text: false };
    throw new UnsupportedMediaTypeError(
      'Zip archives are accepted only as office documents (docx, xlsx, pptx, odt, ods)',
    );
  }
  if (signature) {
    if (type && type !== signature.type) {
      throw new UnsupportedMediaTypeError(`The content is ${signature.type}, not ${type}`);
    }
    return { mediaType: signature.type, text: false };
  }
  const textType = type ?? TEXT_TYPES_BY_EXTENSION[extensionOf(name)];
  if (textType === 'text/plain' || textType === 'text/csv') return { mediaType: textType, text: true };
  throw new UnsupportedMediaTypeError(
    type
      ? `${type} is not an accepted attachment type, or the content does not match it`
      : 'The type of this file is not recognised; accepted: PDF, images, plain text, CSV, office documents',
  );
}

/** What {@link AttachmentVault.store} found out about a file it stored. */
export interface StoredFile {
  size: number;
  sha256: string;
  mediaType: string;
  /** The file's own key (32 bytes); the caller keeps it wrapped. */
  key: Buffer;
}

/** Options of {@link AttachmentVault}. */
export interface AttachmentVaultOptions {
  /** Where the encrypted files live (platform storage: a folder or an S3 bucket). */
  store: BlobStore;
  /** Key-encryption key (32 bytes) that wraps every per-file key. */
  kek: Buffer;
  /** Identifies the KEK, stored beside each wrapped key so a later KEK can re-wrap. */
  kekId: string;
  maxBytes?: number;
}

/**
 * Derives the attachment key-encryption key from the node's storage secret (HKDF-SHA256,
 * RFC 5869). The secret lives in the key file, encrypted at rest under the node passphrase,
 * so stolen attachment files and database rows are unreadable without the passphrase; it
 * does not change when the federation keys rotate, so stored files stay readable.
 */
export function deriveAttachmentKek(storageSecret: Uint8Array): { kek: Buffer; kekId: string } {
  const kek = Buffer.from(hkdfSync('sha256', storageSecret, 'passerelle', 'attachment-kek-v1', 32));
  return { kek, kekId: `storage:${createHash('sha256').update(kek).digest('base64url').slice(0, 22)}` };
}

function aadOf(id: string): Buffer {
  return Buffer.from(`passerelle-attachment-v1:${id}`);
}

/** Encrypted attachment files in the node's blob store. */
export class AttachmentVault {
  readonly maxBytes: number;
  constructor(private readonly o: AttachmentVaultOptions) {
    this.maxBytes = o.maxBytes ?? MAX_ATTACHMENT_BYTES;
  }

  get kekId(): string {
    return this.o.kekId;
  }

  /** The store the encrypted files live in. */
  get blobs(): BlobStore {
    return this.o.store;
  }

  #id(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('attachment ids are UUIDs');
    return id;
  }

  /** Wraps a per-file key under the KEK, bound to the attachment id. */
  wrapKey(id: string, key: Buffer): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.o.kek, iv).setAAD(aadOf(id));
    const ct = Buffer.concat([cipher.update(key), cipher.final()]);
    return Buffer.concat([iv, ct, cipher.getAuthTag()]).toString('base64url');
  }

  /** Recovers a per-file key; throws if it was wrapped for another id or another KEK. */
  unwrapKey(id: string, wrapped: string): Buffer {
    const raw = Buffer.from(wrapped, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.o.kek, raw.subarray(0, IV_BYTES)).setAAD(aadOf(id));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
  }

  /**
   * Streams an upload to the store, encrypting as it goes. Refuses (and leaves nothing behind)
   * a file over the limit, of a type not allowed, or whose content contradicts its type.
   */
  async store(
    id: string,
    source: AsyncIterable<Uint8Array>,
    declared: { mediaType?: string | undefined; name: string },
  ): Promise<StoredFile> {
    const key = randomBytes(32);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aadOf(id));
    const hash = createHash('sha256');
    const max = this.maxBytes;
    let size = 0;
    let head = Buffer.alloc(0);
    let decided: { mediaType: string; text: boolean } | null = null;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const checkText = (chunk: Uint8Array, final: boolean) => {
      if (!decided?.text) return;
      try {
        const text = final ? decoder.decode() : decoder.decode(chunk, { stream: true });
        if (text.includes('\0')) throw new Error('NUL');
      } catch {
        throw new UnsupportedMediaTypeError(`The content is not ${decided.mediaType} (UTF-8 text)`);
      }
    };
    const decide = () => {
      decided = decideMediaType(head, declared.mediaType, declared.name);
      checkText(head, false);
    };
    async function* inspect() {
      for await (const chunk of source) {
        size += chunk.length;
        if (size > max) throw new AttachmentTooLargeError(max);
        hash.update(chunk);
        if (decided) checkText(chunk, false);
        else {
          head = Buffer.concat([head, chunk]);
          if (head.length >= SNIFF_BYTES) decide();
        }
        yield chunk;
      }
      if (!decided) decide();
      checkText(new Uint8Array(0), true);
    }
    async function* encrypted() {
      yield Buffer.concat([MAGIC, iv]);
      for await (const chunk of inspect()) {
        const out = cipher.update(chunk);
        if (out.length > 0) yield out;
      }
      const last = cipher.final();
      if (last.length > 0) yield last;
      yield cipher.getAuthTag();
    }
    // The store's put is atomic: a refusal thrown while inspecting leaves nothing behind.
    await this.o.store.put(this.#id(id), encrypted());
    return {
      size,
      sha256: hash.digest('hex'),
      mediaType: (decided as { mediaType: string } | null)!.mediaType,
      key,
    };
  }

  /**
   * The decrypted content. The GCM tag is checked when the stream ends: a tampered file
   * makes the stream fail at its end rather than go unnoticed. A missing file throws the
   * store's `BlobNotFoundError` (code `ENOENT`).
   */
  async openPlaintext(id: string, key: Buffer): Promise<Readable> {
    const blob = await this.o.store.get(this.#id(id));
    if (blob.totalSize < ATTACHMENT_OVERHEAD_BYTES) {
      blob.stream.destroy();
      throw new Error(`attachment file ${id} is truncated`);
    }
    const out = new DecryptStream(new Psa1Decryptor(id, key));
    pipeline(blob.stream, out).catch((err) => out.destroy(err));
    return out;
  }

  /**
   * The file re-encrypted, on the fly, under the key it travels to a partner with (same
   * format, fresh IV): the at-rest key never leaves this node.
   */
  async openForTransfer(id: string, key: Buffer, transferKey: Buffer): Promise<Readable> {
    const plain = await this.openPlaintext(id, key);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', transferKey, iv).setAAD(aadOf(id));
    async function* frame(encrypted: AsyncIterable<Buffer>) {
      yield Buffer.concat([MAGIC, iv]);
      for await (const chunk of encrypted) yield chunk;
      yield cipher.getAuthTag();
    }
    const out = new PassThrough();
    pipeline(plain, cipher, frame, out).catch((err) => out.destroy(err));
    return out;
  }

  /**
   * Takes in a file fetched from a partner: the ciphertext is decrypted as it streams to the
   * store to check the tag, the size and the SHA-256 announced in the message, and its last
   * bytes are handed to the store only once all of that held. A file that fails is never
   * stored (the store's put is atomic).
   */
  async importCiphertext(
    id: string,
    source: AsyncIterable<Uint8Array>,
    key: Buffer,
    expected: { size: number; sha256: string },
  ): Promise<void> {
    const limit = expected.size + ATTACHMENT_OVERHEAD_BYTES;
    const decryptor = new Psa1Decryptor(id, key);
    const hash = createHash('sha256');
    let received = 0;
    let size = 0;
    async function* verified() {
      let held = Buffer.alloc(0);
      for await (const chunk of source) {
        received += chunk.length;
        if (received > limit) throw new Error(`partner sent more than the announced ${expected.size} bytes`);
        const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        try {
          const plain = decryptor.update(bytes);
          size += plain.length;
          hash.update(plain);
        } catch (err) {
          throw new Error(`attachment ${id} does not decrypt: ${(err as Error).message}`);
        }
        // The last TAG_BYTES wait until the file is verified.
        const all = held.length > 0 ? Buffer.concat([held, bytes]) : bytes;
        const cut = Math.max(0, all.length - TAG_BYTES);
        if (cut > 0) yield all.subarray(0, cut);
        held = Buffer.from(all.subarray(cut));
      }
      if (received !== limit) throw new Error(`partner sent ${received} bytes, expected ${limit}`);
      try {
        const last = decryptor.final();
        size += last.length;
        hash.update(last);
      } catch (err) {
        throw new Error(`attachment ${id} does not decrypt: ${(err as Error).message}`);
      }
      if (size !== expected.size || hash.digest('hex') !== expected.sha256) {
        throw new Error(`attachment ${id} does not match the size and SHA-256 announced in the message`);
      }
      yield held;
    }
    await this.o.store.put(this.#id(id), verified());
  }

  /** Deletes a file (retention purge, failed send); a missing file is not an error. */
  async remove(id: string): Promise<void> {
    await this.o.store.delete(this.#id(id));
  }
}

const EMPTY = Buffer.alloc(0);

/**
 * Decrypts a PSA1 file as its bytes arrive: reads the header, holds back the last 16 bytes
 * (the tag, known only at the end) and checks the tag in {@link final}.
 */
class Psa1Decryptor {
  #head: Buffer = EMPTY;
  #tail: Buffer = EMPTY;
  #decipher: DecipherGCM | null = null;
  constructor(
    private readonly id: string,
    private readonly key: Buffer,
  ) {}

  /** Ciphertext in, plaintext out. */
  update(chunk: Buffer): Buffer {
    let data = chunk;
    if (!this.#decipher) {
      this.#head = Buffer.concat([this.#head, data]);
      if (this.#head.length < HEADER_BYTES) return EMPTY;
      if (!this.#head.subarray(0, MAGIC.length).equals(MAGIC))
        throw new Error(`attachment file ${this.id} is not PSA1`);
      this.#decipher = createDecipheriv(
        'aes-256-gcm',
        this.key,
        this.#head.subarray(MAGIC.length, HEADER_BYTES),
      );
      this.#decipher.setAAD(aadOf(this.id));
      data = this.#head.subarray(HEADER_BYTES);
      this.#head = EMPTY;
    }
    const all = this.#tail.length > 0 ? Buffer.concat([this.#tail, data]) : data;
    const cut = Math.max(0, all.length - TAG_BYTES);
    this.#tail = Buffer.from(all.subarray(cut));
    return cut > 0 ? this.#decipher.update(all.subarray(0, cut)) : EMPTY;
  }

  /** The last plaintext bytes; throws when the file is truncated or its tag does not match. */
  final(): Buffer {
    if (!this.#decipher || this.#tail.length < TAG_BYTES)
      throw new Error(`attachment file ${this.id} is truncated`);
    this.#decipher.setAuthTag(this.#tail);
    return this.#decipher.final();
  }
}

/** {@link Psa1Decryptor} as a stream. */
class DecryptStream extends Transform {
  constructor(private readonly decryptor: Psa1Decryptor) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      const plain = this.decryptor.update(chunk);
      done(null, plain.length > 0 ? plain : undefined);
    } catch (err) {
      done(err as Error);
    }
  }
  override _flush(done: TransformCallback): void {
    try {
      const last = this.decryptor.final();
      done(null, last.length > 0 ? last : undefined);
    } catch (err) {
      done(err as Error);
    }
  }
}

/** Turns a Node stream into a web stream for an HTTP response body. */
export function toWebStream(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
}
