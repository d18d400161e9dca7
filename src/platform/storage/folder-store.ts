/**
 * Blobs as files in one folder, one file per key (the layout nodes have always used:
 * `<folder>/<attachment id>`). A put writes `<key>.<random>.part` beside it and renames it
 * into place, so readers never see half a file. The folder may be a shared mount (NFS…)
 * for several serve processes.
 */
import { randomBytes } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { access, mkdir, open, opendir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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

export class FolderBlobStore implements BlobStore {
  constructor(readonly dir: string) {}

  describe(): BlobStoreDescription {
    return { kind: 'folder', location: this.dir };
  }

  #path(key: string): string {
    requireBlobKey(key);
    return join(this.dir, key);
  }

  async put(key: string, body: AsyncIterable<Uint8Array> | Uint8Array): Promise<{ size: number }> {
    const path = this.#path(key);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${path}.${randomBytes(4).toString('hex')}.part`;
    const out = createWriteStream(tmp, { mode: 0o600 });
    let size = 0;
    async function* counted() {
      for await (const chunk of bodyChunks(body)) {
        size += chunk.length;
        yield chunk;
      }
    }
    try {
      await pipeline(counted, out);
      await rename(tmp, path);
    } catch (err) {
      // The file is opened asynchronously: a refusal in the first chunk can come before the
      // open completes, and removing it then would leave an empty file behind. Wait for the
      // stream to close first.
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await rm(tmp, { force: true });
      throw err;
    }
    return { size };
  }

  async get(key: string, range?: { start: number; end: number }): Promise<OpenedBlob> {
    const path = this.#path(key);
    let fh: Awaited<ReturnType<typeof open>>;
    try {
      fh = await open(path, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(key);
      throw err;
    }
    try {
      const { size: totalSize } = await fh.stat();
      if (range && (range.start < 0 || range.end < range.start - 1 || range.end >= totalSize)) {
        throw new RangeError(`range ${range.start}-${range.end} outside ${key} (${totalSize} bytes)`);
      }
      const size = range ? range.end - range.start + 1 : totalSize;
      if (size === 0) {
        // createReadStream({ end: -1 }) would read the whole file.
        await fh.close();
        return { stream: Readable.from([]), size, totalSize };
      }
      const stream = fh.createReadStream(range ? { start: range.start, end: range.end } : {});
      return { stream, size, totalSize };
    } catch (err) {
      await fh.close().catch(() => {});
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.#path(key))).isFile();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.#path(key), { force: true });
  }

  async *list(): AsyncIterable<string> {
    let dir: Awaited<ReturnType<typeof opendir>>;
    try {
      dir = await opendir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for await (const entry of dir) if (entry.isFile() && BLOB_KEY.test(entry.name)) yield entry.name;
  }

  async check(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await access(this.dir, constants.R_OK | constants.W_OK | constants.X_OK);
    } catch (err) {
      throw new StorageUnavailableError(
        `the attachment folder cannot be written (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }

  async close(): Promise<void> {}
}
