/**
 * Blobs as objects of an S3-compatible bucket (AWS S3, MinIO, Ceph RGW…), through the AWS
 * SDK. Object `<prefix><key>` holds what the folder store keeps in `<folder>/<key>`. A put
 * streams through `@aws-sdk/lib-storage` (one PUT for small bodies, a multipart upload for
 * large ones, aborted when the body fails): the object appears whole or not at all.
 */

import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Secret } from '../secret.js';
import {
  BLOB_KEY,
  BlobNotFoundError,
  type BlobStore,
  type BlobStoreDescription,
  bodyChunks,
  type OpenedBlob,
  requireBlobKey,
  StorageUnavailableError,
} from './blob-store.js';

/** Settings of the S3 store (config.ts reads them from PASSERELLE_ATTACHMENTS_S3_*). */
export interface S3StoreConfig {
  bucket: string;
  /** Key prefix, empty or ending with "/". */
  prefix: string;
  region: string;
  /** Custom endpoint (MinIO, Ceph…); absent means AWS's own. */
  endpoint?: string | undefined;
  forcePathStyle: boolean;
  /** Static credentials; absent means the SDK's default chain (instance role, web identity…). */
  credentials?:
    | { accessKeyId: string; secretAccessKey: Secret; sessionToken?: Secret | undefined }
    | undefined;
}

const PART_BYTES = 8 * 1024 * 1024;

function statusOf(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function isNotFound(err: unknown): boolean {
  const name = (err as { name?: string }).name;
  return name === 'NoSuchKey' || (name === 'NotFound' && statusOf(err) === 404);
}

/** Why the store could not be used, in words an operator can act on (no secret). */
function reasonOf(err: unknown): string {
  const e = err as { name?: string; code?: string; message?: string };
  const status = statusOf(err);
  if (e.name === 'NoSuchBucket' || (e.name === 'NotFound' && status === 404))
    return 'the bucket does not exist';
  if (status === 403 || e.name === 'AccessDenied' || e.name === 'Forbidden') return 'access denied (403)';
  if (e.name === 'InvalidAccessKeyId' || e.name === 'SignatureDoesNotMatch')
    return 'the credentials are refused';
  if (e.code && /^E[A-Z]+/.test(e.code)) return `the endpoint cannot be reached (${e.code})`;
  if (status) return `the object store answered ${status} ${e.name ?? ''}`.trim();
  return `the object store cannot be reached (${e.name ?? 'error'})`;
}

export class S3BlobStore implements BlobStore {
  readonly #client: S3Client;
  constructor(readonly config: S3StoreConfig) {
    const c = config.credentials;
    this.#client = new S3Client({
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(c
        ? {
            credentials: {
              accessKeyId: c.accessKeyId,
              secretAccessKey: c.secretAccessKey.reveal(),
              ...(c.sessionToken ? { sessionToken: c.sessionToken.reveal() } : {}),
            },
          }
        : {}),
      // Checksums only where S3 requires them: MinIO, Ceph and other S3-compatible servers do
      // not all accept the SDK's newer default trailing checksums. Integrity is the vault's
      // job anyway: every file carries an AES-GCM tag and a recorded SHA-256.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 5000, requestTimeout: 120_000 },
    });
  }

  describe(): BlobStoreDescription {
    return {
      kind: 's3',
      location: `s3://${this.config.bucket}/${this.config.prefix}`,
      endpoint: this.config.endpoint,
      region: this.config.region,
    };
  }

  #key(key: string): string {
    requireBlobKey(key);
    return `${this.config.prefix}${key}`;
  }

  async put(key: string, body: AsyncIterable<Uint8Array> | Uint8Array): Promise<{ size: number }> {
    const Key = this.#key(key);
    let size = 0;
    let sourceError: unknown = null;
    async function* counted() {
      try {
        for await (const chunk of bodyChunks(body)) {
          size += chunk.length;
          yield chunk;
        }
      } catch (err) {
        sourceError = err;
        throw err;
      }
    }
    const upload = new Upload({
      client: this.#client,
      params: { Bucket: this.config.bucket, Key, Body: Readable.from(counted(), { objectMode: false }) },
      partSize: PART_BYTES,
      queueSize: 2,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (err) {
      // The body's own refusal (too large, wrong type, bad tag) is the caller's error.
      if (sourceError) throw sourceError;
      throw new StorageUnavailableError(reasonOf(err));
    }
    return { size };
  }

  async get(key: string, range?: { start: number; end: number }): Promise<OpenedBlob> {
    const Key = this.#key(key);
    if (range && (range.start < 0 || range.end < range.start)) {
      throw new RangeError(`range ${range.start}-${range.end} is empty or negative`);
    }
    try {
      const res = await this.#client.send(
        new GetObjectCommand({
          Bucket: this.config.bucket,
          Key,
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      );
      const size = Number(res.ContentLength ?? 0);
      const total = /\/(\d+)$/.exec(res.ContentRange ?? '')?.[1];
      const body = res.Body;
      const stream = body instanceof Readable ? body : Readable.from([]);
      return { stream, size, totalSize: total ? Number(total) : size };
    } catch (err) {
      if (isNotFound(err)) throw new BlobNotFoundError(key);
      if (statusOf(err) === 416) throw new RangeError(`range ${range?.start}-${range?.end} outside ${key}`);
      throw new StorageUnavailableError(reasonOf(err));
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.#client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.#key(key) }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw new StorageUnavailableError(reasonOf(err));
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.#client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.#key(key) }));
    } catch (err) {
      if (isNotFound(err)) return;
      throw new StorageUnavailableError(reasonOf(err));
    }
  }

  async *list(): AsyncIterable<string> {
    let token: string | undefined;
    do {
      let res: ListObjectsV2CommandOutput;
      try {
        res = await this.#client.send(
          new ListObjectsV2Command({
            Bucket: this.config.bucket,
            Prefix: this.config.prefix,
            ...(token ? { ContinuationToken: token } : {}),
          }),
        );
      } catch (err) {
        throw new StorageUnavailableError(reasonOf(err));
      }
      for (const o of res.Contents ?? []) {
        const name = (o.Key ?? '').slice(this.config.prefix.length);
        if (BLOB_KEY.test(name)) yield name;
      }
      token = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (token);
  }

  async check(): Promise<void> {
    try {
      await this.#client.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
    } catch (err) {
      throw new StorageUnavailableError(reasonOf(err));
    }
  }

  async close(): Promise<void> {
    this.#client.destroy();
  }
}
