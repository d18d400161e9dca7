import { join } from 'node:path';
import type { Config } from '../config.js';
import type { BlobStore } from './blob-store.js';
import { FolderBlobStore } from './folder-store.js';
import { S3BlobStore } from './s3-store.js';

export {
  BLOB_KEY,
  BlobNotFoundError,
  type BlobStore,
  type BlobStoreDescription,
  type OpenedBlob,
  STORAGE_RETRY_AFTER_SECONDS,
  StorageUnavailableError,
} from './blob-store.js';
export { FolderBlobStore } from './folder-store.js';
export { S3BlobStore, type S3StoreConfig } from './s3-store.js';

/** The attachment store a node's settings name: its S3 bucket, its folder, or `<dataDir>/attachments`. */
export function createBlobStore(
  config: Pick<Config, 'dataDir' | 'attachmentsDir' | 'attachmentsS3'>,
): BlobStore {
  if (config.attachmentsS3) return new S3BlobStore(config.attachmentsS3);
  return new FolderBlobStore(config.attachmentsDir ?? join(config.dataDir, 'attachments'));
}
