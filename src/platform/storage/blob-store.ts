/**
 * Blob storage: where the node keeps its stored files (the encrypted attachment vault, and
 * through it case documents; backups read and restore the same blobs). Two implementations:
 * a folder (local or a shared mount) and S3-compatible object storage. Callers encrypt
 * before they store: a store only ever sees ciphertext.
 */
import type { Readable } from 'node:stream';
import { ApiError } from '../errors.js';

/** Which store is configured, and where (never a credential). */
export interface BlobStoreDescription {
  kind: 'folder' | 's3';
  /** The folder's path, or `s3://bucket/prefix`. */
  location: string;
  /** The S3 endpoint when it is not AWS's own (MinIO, Ceph…). */
  endpoint?: string | undefined;
  region?: string | undefined;
}

/** A blob opened for reading. */
export interface OpenedBlob {
  stream: Readable;
  /** Bytes the stream yields (the range's length when a range was asked for). */
  size: number;
  /** Bytes of the whole blob. */
  totalSize: number;
}

/**
 * The storage seam. Keys are short, flat names (attachment ids are UUIDs); a store may
 * refuse others. `put` is atomic: the blob appears whole under its key when the body ended
 * without error, and a body that throws leaves nothing behind (nor an older blob changed).
 */
export interface BlobStore {
  describe(): BlobStoreDescription;
  put(key: string, body: AsyncIterable<Uint8Array> | Uint8Array): Promise<{ size: number }>;
  /** Throws {@link BlobNotFoundError} when there is no such blob. `range` is inclusive. */
  get(key: string, range?: { start: number; end: number }): Promise<OpenedBlob>;
  exists(key: string): Promise<boolean>;
  /** A missing blob is not an error. */
  delete(key: string): Promise<void>;
  /** Every key stored (in no particular order); temporary files of unfinished puts are not listed. */
  list(): AsyncIterable<string>;
  /** Throws {@link StorageUnavailableError} when the store cannot be used (readiness). */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** No blob under this key. `code` is `ENOENT`, as for a missing file. */
export class BlobNotFoundError extends Error {
  override name = 'BlobNotFoundError';
  readonly code = 'ENOENT';
  constructor(readonly key: string) {
    super(`no stored file ${key}`);
  }
}

/** What a 503 `storage_unavailable` answer asks clients to wait before retrying. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

/**
 * 503: the file store cannot be reached or refuses the node (bucket missing, access denied,
 * endpoint down). Nothing was changed; the client may retry.
 */
export class StorageUnavailableError extends ApiError {
  override name = 'StorageUnavailableError';
  constructor(reason: string) {
    super(503, 'storage_unavailable', `The file store is unavailable: ${reason}`);
  }
}

/** Keys the stores accept: what the vault uses (UUIDs), no path separators. */
export const BLOB_KEY = /^[0-9a-f-]{36}$/;

export function requireBlobKey(key: string): void {
  if (!BLOB_KEY.test(key))
    throw new Error(`invalid blob key ${JSON.stringify(key)}: stored files are named by UUID`);
}

/** The body of a put as an async iterable. */
export async function* bodyChunks(body: AsyncIterable<Uint8Array> | Uint8Array): AsyncGenerator<Uint8Array> {
  if (body instanceof Uint8Array) {
    yield body;
    return;
  }
  yield* body;
}
