/**
 * A real S3-compatible server on loopback for tests: s3rver (npm), storing its objects in a
 * temporary folder. Its fixed credentials are S3rver's own (`S3RVER`/`S3RVER`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error s3rver ships no type declarations
import S3rver from 's3rver';

export interface TestS3 {
  endpoint: string;
  port: number;
  bucket: string;
  /** The folder s3rver keeps the objects in (read directly to look at what was stored). */
  directory: string;
  /** Environment of a node that keeps its attachments in this bucket. */
  env(prefix?: string): Record<string, string>;
  /** Stops answering (connections refused) until {@link start} again. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestS3(bucket = 'passerelle-test'): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'passerelle-s3-'));
  let port = 0;
  let server: { run(): Promise<AddressInfo>; close(): Promise<void>; httpServer?: Server } | null = null;
  const start = async () => {
    server = new S3rver({
      address: '127.0.0.1',
      port,
      silent: true,
      directory,
      configureBuckets: [{ name: bucket }],
    });
    const address = await server!.run();
    port = address.port;
  };
  await start();
  const endpoint = () => `http://127.0.0.1:${port}`;
  return {
    get endpoint() {
      return endpoint();
    },
    get port() {
      return port;
    },
    bucket,
    directory,
    env: (prefix) => ({
      PASSERELLE_ATTACHMENTS_S3_BUCKET: bucket,
      PASSERELLE_ATTACHMENTS_S3_ENDPOINT: endpoint(),
      PASSERELLE_ATTACHMENTS_S3_REGION: 'us-east-1',
      PASSERELLE_ATTACHMENTS_S3_FORCE_PATH_STYLE: 'true',
      ...(prefix ? { PASSERELLE_ATTACHMENTS_S3_PREFIX: prefix } : {}),
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    }),
    stop: async () => {
      const s = server;
      server = null;
      if (!s) return;
      s.httpServer?.closeAllConnections?.();
      await s.close();
    },
    start: async () => {
      if (!server) await start();
    },
    close: async () => {
      if (server) {
        server.httpServer?.closeAllConnections?.();
        await server.close();
      }
      server = null;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
