import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { startNode } from '../src/app/server.js';
import { main } from '../src/cli/main.js';
import { createLogger, loadConfig } from '../src/platform/index.js';
import {
  allowSharing,
  createTestDatabase,
  pairNodes,
  postgresAvailable,
  startTestNode,
  type TestNode,
  testScrypt,
  tokenForNewUser,
  waitFor,
} from './_util.js';

const BACKUP_PASSPHRASE = 'backup passphrase for tests only';

async function cli(args: string[], env: Record<string, string | undefined>) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: '', err: '' };
  out.on('data', (c) => {
    chunks.out += c;
  });
  err.on('data', (c) => {
    chunks.err += c;
  });
  const code = await main(args, {
    stdin: Readable.from(['']),
    stdout: out,
    stderr: err,
    env: { PATH: process.env.PATH, ...env },
    cwd: process.cwd(),
  });
  return { code, stdout: chunks.out, stderr: chunks.err };
}

function info(subject: string, attachmentIds: string[]) {
  return {
    type: 'info',
    subject,
    body: 'Synthetic scans attached for a backup drill.',
    language: 'en',
    crimeAreas: ['document_fraud'],
    priority: 'routine',
    handlingCode: 'H1',
    tlp: 'GREEN',
    evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
    legalBasis: 'Bilateral security cooperation agreement, art. 3',
    purpose: 'Backup drill',
    entities: [],
    retentionReviewDate: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    attachmentIds,
  };
}

const pgAvailable = await postgresAvailable();
const root = mkdtempSync(join(tmpdir(), 'passerelle-backup-'));
after(() => rmSync(root, { recursive: true, force: true }));

/**
 * A node with messages and attachments both ways is backed up, restored into a fresh data
 * folder (and a fresh database of the other engine when PostgreSQL is reachable), verified,
 * and started: the officer reads the same message and downloads the same bytes.
 */
for (const source of pgAvailable ? (['pglite', 'postgres'] as const) : (['pglite'] as const)) {
  const target = source === 'pglite' ? (pgAvailable ? 'postgres' : 'pglite') : 'pglite';
  describe(`backup of a ${source} node, restored on ${target}`, () => {
    test('restore verifies chain, checkpoints and attachments; the restored node serves the same data', async () => {
      const a: TestNode = await startTestNode({ id: 'ma-dgsn', engine: source });
      const b: TestNode = await startTestNode({ id: 'pk-fia', country: 'PK' });
      const targetDb = target === 'postgres' ? await createTestDatabase('postgres') : null;
      const restoredDir = join(root, `restored-${source}`);
      const archive = join(root, `${source}.backup`);
      try {
        await pairNodes(a, b);
        await allowSharing(a, 'pk-fia');
        await allowSharing(b, 'ma-dgsn');
        const tokenA = await tokenForNewUser(a, 'alice', ['liaison']);
        const tokenB = await tokenForNewUser(b, 'bilal', ['liaison']);
        const upload = async (node: TestNode, token: string, bytes: Buffer) => {
          const res = await fetch(`${node.url}/api/v1/attachments`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/pdf',
              'x-filename': 'scan.pdf',
            },
            body: new Uint8Array(bytes),
          });
          assert.equal(res.status, 201);
          return ((await res.json()) as { attachment: { id: string } }).attachment.id;
        };
        const send = async (node: TestNode, token: string, to: string, subject: string, ids: string[]) => {
          const res = await fetch(`${node.url}/api/v1/messages`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ recipient: to, message: info(subject, ids) }),
          });
          assert.equal(res.status, 201, await res.clone().text());
          return ((await res.json()) as { message: { id: string } }).message.id;
        };
        const outgoing = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200_000)]);
        const incoming = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(150_000)]);
        const outId = await upload(a, tokenA, outgoing);
        const sentId = await send(a, tokenA, 'pk-fia', 'Scans from Rabat', [outId]);
        const inId = await upload(b, tokenB, incoming);
        const receivedId = await send(b, tokenB, 'ma-dgsn', 'Scans from Islamabad', [inId]);
        const status = async (node: TestNode, token: string, id: string) => {
          const res = await fetch(`${node.url}/api/v1/messages/${id}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          return ((await res.json()) as { message?: { attachments: Array<{ status: string }> } }).message;
        };
        await waitFor(
          async () => (await status(a, tokenA, receivedId))?.attachments[0]?.status === 'stored',
          20_000,
          'A fetched the file',
        );
        await waitFor(
          async () => (await a.ctx.federation.deliveryStatus([sentId])).get(sentId)?.status === 'delivered',
          20_000,
          'delivered',
        );
        await a.ctx.checkpoints.publish(null);

        const env: Record<string, string | undefined> = {
          PASSERELLE_KEY_PASSPHRASE: 'test-passphrase-not-secret',
          PASSERELLE_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE,
          ...(a.config.db.kind === 'postgres' ? { DATABASE_URL: a.config.db.url.reveal() } : {}),
        };
        // A PostgreSQL node is backed up while it runs; the embedded database is stopped first.
        if (source === 'pglite') await a.close();
        const backup = await cli(['backup', '--data-dir', a.dataDir, '--out', archive], env);
        assert.equal(backup.code, 0, backup.stderr);
        assert.match(backup.stdout, /2 attachment file\(s\)/);

        const targetEnv: Record<string, string | undefined> = {
          PASSERELLE_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE,
          ...(targetDb?.config.kind === 'postgres' ? { DATABASE_URL: targetDb.config.url.reveal() } : {}),
        };
        const wrong = await cli(['restore', '--in', archive, '--data-dir', restoredDir], {
          ...targetEnv,
          PASSERELLE_BACKUP_PASSPHRASE: 'not the backup passphrase',
        });
        assert.equal(wrong.code, 2);
        assert.match(wrong.stderr, /wrong passphrase/);
        assert.equal(existsSync(restoredDir), false);

        const restored = await cli(['restore', '--in', archive, '--data-dir', restoredDir], targetEnv);
        assert.equal(restored.code, 0, restored.stdout + restored.stderr);
        assert.match(restored.stdout, /Audit chain intact/);
        assert.match(restored.stdout, /Signed checkpoints agree with the chain \(1 checked\)/);
        assert.match(restored.stdout, /Attachments intact: 2 file\(s\)/);
        assert.match(restored.stdout, /Restore verified/);

        if (source === 'postgres') await a.close();
        const node = await startNode(
          loadConfig(restoredDir, targetEnv, { port: 0, webDist: null, logLevel: 'silent' }),
          {
            scrypt: testScrypt,
            logger: createLogger({ level: 'silent' }),
          },
        );
        try {
          // The same token, the same messages, the same bytes.
          for (const [id, bytes, attachment] of [
            [sentId, outgoing, outId],
            [receivedId, incoming, inId],
          ] as const) {
            const msg = await fetch(`${node.url}/api/v1/messages/${id}`, {
              headers: { authorization: `Bearer ${tokenA}` },
            });
            assert.equal(msg.status, 200);
            const file = await fetch(`${node.url}/api/v1/attachments/${attachment}`, {
              headers: { authorization: `Bearer ${tokenA}` },
            });
            assert.equal(file.status, 200);
            const got = Buffer.from(await file.arrayBuffer());
            assert.equal(
              createHash('sha256').update(got).digest('hex'),
              createHash('sha256').update(bytes).digest('hex'),
            );
          }
        } finally {
          await node.close();
        }

        // audit verify reads the files back: a lost attachment fails it.
        unlinkSync(join(restoredDir, 'attachments', inId));
        const verify = await cli(['audit', 'verify', '--data-dir', restoredDir], targetEnv);
        assert.equal(verify.code, 3, verify.stdout + verify.stderr);
        assert.match(verify.stdout, new RegExp(`Attachments NOT intact: 1 missing \\(${inId}\\)`));
      } finally {
        await a.destroy().catch(() => {});
        await b.destroy();
        await targetDb?.drop();
      }
    });
  });
}
