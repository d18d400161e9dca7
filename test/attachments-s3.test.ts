// Attachments on S3-compatible object storage: a real S3 server (s3rver from npm) on loopback.
// A node configured for a bucket stores only ciphertext there, serves it back byte for byte,
// removes the object when a purge deletes the message, answers 503 `storage_unavailable`
// (and /readyz not ready) while the store is down without writing half a record; a backup of
// it restores into a folder store or another bucket with downloads that work; and two serve
// processes on one PostgreSQL serve each other's files from the shared bucket.
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createAppContext } from '../src/app/context.js';
import { initNode } from '../src/app/init-node.js';
import { startNode } from '../src/app/server.js';
import { main } from '../src/cli/main.js';
import {
  ConfigError,
  createLogger,
  FolderBlobStore,
  loadConfig,
  S3BlobStore,
  Secret,
} from '../src/platform/index.js';
import { freePort, type ServeProcess, startServeProcess } from './_cluster.js';
import { startTestS3, type TestS3 } from './_s3.js';
import {
  allowSharing,
  apiCall,
  createTestDatabase,
  pairNodes,
  postgresAvailable,
  startTestNode,
  type TestNode,
  testScrypt,
  tokenForNewUser,
  waitFor,
} from './_util.js';

const PASSPHRASE = 'test-passphrase-not-secret';
const BACKUP_PASSPHRASE = 'backup passphrase for tests only';
const pgAvailable = await postgresAvailable();

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

/** Every file s3rver keeps, concatenated: what an attacker with the bucket would read. */
function bucketBytes(s3: TestS3): Buffer {
  const parts: Buffer[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else parts.push(readFileSync(p));
    }
  };
  walk(s3.directory);
  return Buffer.concat(parts);
}

function s3Store(s3: TestS3, prefix: string): S3BlobStore {
  return new S3BlobStore({
    bucket: s3.bucket,
    prefix,
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: new Secret('S3RVER') },
  });
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

async function upload(node: { url: string }, token: string, bytes: Uint8Array, name = 'scan.pdf') {
  return apiCall(node, token, 'POST', '/attachments', bytes, {
    'content-type': name.endsWith('.txt') ? 'text/plain' : 'application/pdf',
    'x-filename': name,
  });
}

function info(subject: string, attachmentIds: string[]) {
  return {
    type: 'info',
    subject,
    body: 'Synthetic scans attached for an object storage drill.',
    language: 'en',
    crimeAreas: ['document_fraud'],
    priority: 'routine',
    handlingCode: 'H1',
    tlp: 'GREEN',
    evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
    legalBasis: 'Bilateral security cooperation agreement, art. 3',
    purpose: 'Storage drill',
    entities: [],
    retentionReviewDate: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    attachmentIds,
  };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('the blob stores', () => {
  let s3: TestS3;
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-blobs-'));
  before(async () => {
    s3 = await startTestS3();
  });
  after(async () => {
    await s3.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const kind of ['folder', 's3'] as const) {
    test(`${kind}: put is atomic, get streams whole or by range, list and delete`, async () => {
      const store = kind === 'folder' ? new FolderBlobStore(dir) : s3Store(s3, 'unit/');
      try {
        await store.check();
        const id = randomUUID();
        // Over one multipart part (8 MiB) for S3.
        const data = randomBytes(9 * 1024 * 1024 + 7);
        async function* chunks() {
          for (let i = 0; i < data.length; i += 256 * 1024) yield data.subarray(i, i + 256 * 1024);
        }
        assert.deepEqual(await store.put(id, chunks()), { size: data.length });
        const whole = await store.get(id);
        assert.equal(whole.size, data.length);
        assert.ok((await collect(whole.stream)).equals(data));
        const part = await store.get(id, { start: 100, end: 199 });
        assert.equal(part.size, 100);
        assert.equal(part.totalSize, data.length);
        assert.ok((await collect(part.stream)).equals(data.subarray(100, 200)));

        // A body that fails, small or past a part, leaves nothing; an existing blob stays as it was.
        const failed = randomUUID();
        async function* failing(n: number) {
          for (let i = 0; i < n; i++) yield Buffer.alloc(1024 * 1024, 1);
          throw new Error('refused by the caller');
        }
        await assert.rejects(store.put(failed, failing(1)), /refused by the caller/);
        await assert.rejects(store.put(failed, failing(10)), /refused by the caller/);
        await assert.rejects(store.put(id, failing(1)), /refused by the caller/);
        assert.equal(await store.exists(failed), false);
        assert.ok((await collect((await store.get(id)).stream)).equals(data));
        const listed: string[] = [];
        for await (const k of store.list()) listed.push(k);
        assert.deepEqual(listed, [id]);

        await store.delete(id);
        await store.delete(id);
        assert.equal(await store.exists(id), false);
        await assert.rejects(store.get(id), { name: 'BlobNotFoundError', code: 'ENOENT' });
      } finally {
        await store.close();
      }
    });
  }

  test('s3: a missing bucket or a stopped server is a clear storage_unavailable error', async () => {
    const missing = new S3BlobStore({ ...s3Store(s3, '').config, bucket: 'no-such-bucket' });
    await assert.rejects(missing.check(), { code: 'storage_unavailable', message: /bucket does not exist/ });
    await missing.close();
    const store = s3Store(s3, 'down/');
    await s3.stop();
    try {
      await assert.rejects(store.check(), { code: 'storage_unavailable', message: /cannot be reached/ });
      await assert.rejects(store.put(randomUUID(), Buffer.from('x')), { code: 'storage_unavailable' });
    } finally {
      await s3.start();
      await store.close();
    }
    await s3Store(s3, '').check();
  });

  test('configuration: checked at start, with clear errors and no secret in them', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-s3conf-'));
    try {
      writeFileSync(
        join(dataDir, 'passerelle.json'),
        JSON.stringify({
          version: 1,
          node: { id: 'ma-dgsn', agency: 'DGSN', country: 'MA', endpoint: 'http://127.0.0.1:1' },
        }),
      );
      const base = { PASSERELLE_KEY_PASSPHRASE: PASSPHRASE };
      const load = (env: Record<string, string>) => loadConfig(dataDir, { ...base, ...env });
      assert.equal(load({}).attachmentsS3, null);
      assert.throws(() => load({ PASSERELLE_ATTACHMENTS_S3_BUCKET: 'Bad_Bucket' }), /BUCKET/);
      assert.throws(
        () => load({ PASSERELLE_ATTACHMENTS_S3_BUCKET: 'ok-bucket', PASSERELLE_ATTACHMENTS_DIR: '/x' }),
        /choose one/,
      );
      assert.throws(() => load({ PASSERELLE_ATTACHMENTS_S3_ENDPOINT: 'http://127.0.0.1:9000' }), /without/);
      assert.throws(
        () => load({ PASSERELLE_ATTACHMENTS_S3_BUCKET: 'ok-bucket', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' }),
        /set both/,
      );
      const file = join(dataDir, 's3.json');
      writeFileSync(file, JSON.stringify({ accessKeyId: 'AKIAFILE', secretAccessKey: 'file-secret-value' }), {
        mode: 0o644,
      });
      const fromFile = {
        PASSERELLE_ATTACHMENTS_S3_BUCKET: 'ok-bucket',
        PASSERELLE_ATTACHMENTS_S3_CREDENTIALS_FILE: file,
      };
      assert.throws(
        () => load(fromFile),
        (err: Error) => err instanceof ConfigError && /chmod 600/.test(err.message),
      );
      // chmod through writeFileSync's mode applies only on creation.
      rmSync(file);
      writeFileSync(file, '{"accessKeyId": "AKIAFILE", "secretAccessKey": "file-secret-value"', {
        mode: 0o600,
      });
      assert.throws(
        () => load(fromFile),
        (err: Error) => /must be JSON/.test(err.message) && !err.message.includes('file-secret-value'),
      );
      writeFileSync(file, JSON.stringify({ accessKeyId: 'AKIAFILE', secretAccessKey: 'file-secret-value' }));
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const config = load({ ...fromFile, PASSERELLE_ATTACHMENTS_S3_PREFIX: 'node-a' });
      assert.equal(config.attachmentsS3?.prefix, 'node-a/');
      assert.equal(config.attachmentsS3?.region, 'us-east-1');
      assert.ok(!JSON.stringify(config).includes('file-secret-value'), 'the secret never serialises');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a node whose attachments live in an S3 bucket', () => {
  let s3: TestS3;
  let a: TestNode;
  let b: TestNode;
  let tokenA: string;
  let tokenB: string;
  let tokenDpo: string;
  const root = mkdtempSync(join(tmpdir(), 'passerelle-s3node-'));
  const plaintextMarker = Buffer.from('SYNTHETIC-PLAINTEXT-MARKER-7f3a');
  const pdf = Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    plaintextMarker,
    randomBytes(300_000),
    plaintextMarker,
  ]);
  let fileId: string;
  let messageId: string;

  before(async () => {
    s3 = await startTestS3();
    a = await startTestNode({ id: 'ma-dgsn', env: s3.env('ma-dgsn/') });
    b = await startTestNode({ id: 'pk-fia', country: 'PK', env: s3.env('pk-fia/') });
    await pairNodes(a, b);
    await allowSharing(a, 'pk-fia');
    await allowSharing(b, 'ma-dgsn');
    tokenA = await tokenForNewUser(a, 'alice', ['liaison']);
    tokenB = await tokenForNewUser(b, 'bilal', ['liaison']);
    tokenDpo = await tokenForNewUser(b, 'dora', ['dpo']);
  });
  after(async () => {
    await a?.destroy().catch(() => {});
    await b?.destroy();
    await s3.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('/readyz names the store and finds it up', async () => {
    const res = await fetch(`${a.url}/readyz`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { storage: unknown };
    assert.deepEqual(body.storage, { kind: 's3', status: 'up' });
  });

  test('an upload is stored as ciphertext in the bucket and downloads byte for byte', async () => {
    const res = await upload(a, tokenA, pdf);
    assert.equal(res.status, 201, JSON.stringify(res.json));
    fileId = res.json.attachment.id;
    const store = s3Store(s3, 'ma-dgsn/');
    try {
      const raw = await collect((await store.get(fileId)).stream);
      assert.equal(raw.length, pdf.length + 32);
      assert.equal(raw.subarray(0, 4).toString('latin1'), 'PSA1');
    } finally {
      await store.close();
    }
    assert.equal(bucketBytes(s3).indexOf(plaintextMarker), -1, 'the bucket never sees the plaintext');
    assert.equal(bucketBytes(s3).indexOf(pdf.subarray(1000, 1064)), -1);
    // Nothing went to the data folder.
    assert.deepEqual(
      readdirSync(a.dataDir).filter((f) => f === 'attachments'),
      [],
    );
    const down = await apiCall(a, tokenA, 'GET', `/attachments/${fileId}`);
    assert.equal(down.status, 200);
    assert.equal(sha(down.bytes), sha(pdf));
  });

  test('the partner fetches the file into its own bucket prefix; a purge removes its object', async () => {
    const sent = await apiCall(a, tokenA, 'POST', '/messages', {
      recipient: 'pk-fia',
      message: info('Scans from Rabat', [fileId]),
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.json));
    messageId = sent.json.message.id;
    const store = s3Store(s3, 'pk-fia/');
    try {
      await waitFor(
        async () =>
          (
            await b.ctx.db
              .selectFrom('attachments')
              .select('status')
              .where('id', '=', fileId)
              .where('status', '=', 'stored')
              .execute()
          ).length === 1,
        20_000,
        'pk-fia fetched the file',
      );
      assert.equal(await store.exists(fileId), true);
      const got = await apiCall(b, tokenB, 'GET', `/attachments/${fileId}`);
      assert.equal(got.status, 200);
      assert.equal(sha(got.bytes), sha(pdf));
      assert.equal(bucketBytes(s3).indexOf(plaintextMarker), -1);

      const purge = await apiCall(b, tokenDpo, 'POST', `/retention/${messageId}/purge`, {
        reason: 'Storage drill over',
      });
      assert.equal(purge.status, 204, JSON.stringify(purge.json));
      assert.equal(await store.exists(fileId), false, 'the object is gone from the bucket');
      // The sender's copy is another object, untouched.
      assert.equal(await s3Store(s3, 'ma-dgsn/').exists(fileId), true);
    } finally {
      await store.close();
    }
  });

  test('the store down: 503 storage_unavailable, /readyz not ready, nothing half-written', async () => {
    const before = await a.ctx.db.selectFrom('attachments').select('id').execute();
    await s3.stop();
    try {
      const res = await upload(a, tokenA, Buffer.from('%PDF-1.7\nwhile the store is down'));
      assert.equal(res.status, 503, JSON.stringify(res.json));
      assert.equal(res.json.error.code, 'storage_unavailable');
      assert.ok(Number(res.headers.get('retry-after')) > 0);
      const dl = await apiCall(a, tokenA, 'GET', `/attachments/${fileId}`);
      assert.equal(dl.status, 503);
      assert.equal(dl.json.error.code, 'storage_unavailable');
      const ready = await fetch(`${a.url}/readyz`);
      assert.equal(ready.status, 503);
      const body = (await ready.json()) as { reason: string; storage: { status: string }; database: string };
      assert.equal(body.reason, 'storage_unreachable');
      assert.equal(body.storage.status, 'down');
      assert.equal(body.database, 'up');
      assert.deepEqual(await a.ctx.db.selectFrom('attachments').select('id').execute(), before);
    } finally {
      await s3.start();
    }
    assert.equal((await fetch(`${a.url}/readyz`)).status, 200);
    const again = await upload(a, tokenA, Buffer.from('%PDF-1.7\nafter the store came back'));
    assert.equal(again.status, 201);
  });

  test('backup from the bucket; restore into a folder store and into another bucket prefix', async () => {
    // A case document's file lives in the same store and is backed up with the attachments.
    const analyst = await tokenForNewUser(a, 'amina', ['analyst']);
    const created = await apiCall(a, analyst, 'POST', '/cases', {
      title: 'Storage drill case (synthetic)',
      crimeAreas: ['migrant_smuggling'],
      legalBasis: 'Bilateral security cooperation agreement, art. 3',
      handlingCode: 'H1',
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const caseId = created.json.id as string;
    const statement = Buffer.from('%PDF-1.4\n% Synthetic witness statement\n%%EOF\n', 'latin1');
    const doc = await apiCall(a, analyst, 'POST', `/cases/${caseId}/documents?title=Statement`, statement, {
      'content-type': 'application/pdf',
      'x-filename': 'statement.pdf',
    });
    assert.equal(doc.status, 201, JSON.stringify(doc.json));
    const docId = doc.json.id as string;
    await a.close();
    const archive = join(root, 'a.backup');
    const env = {
      PASSERELLE_KEY_PASSPHRASE: PASSPHRASE,
      PASSERELLE_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE,
      ...s3.env('ma-dgsn/'),
    };
    const backup = await cli(['backup', '--data-dir', a.dataDir, '--out', archive], env);
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, /3 attachment file\(s\) from s3:\/\/passerelle-test\/ma-dgsn\//);

    for (const target of ['folder', 's3'] as const) {
      const restoredDir = join(root, `restored-${target}`);
      const targetEnv = {
        PASSERELLE_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE,
        ...(target === 's3' ? s3.env('restored/') : {}),
      };
      const restored = await cli(
        ['restore', '--in', archive, '--data-dir', restoredDir, '--json'],
        targetEnv,
      );
      assert.equal(restored.code, 0, restored.stdout + restored.stderr);
      const report = JSON.parse(restored.stdout);
      assert.equal(report.verification.ok, true);
      // The file sent, the one uploaded after the store came back, the case document.
      assert.equal(report.verification.attachments.checked, 3);
      assert.equal(report.store.kind, target);
      if (target === 'folder') assert.ok(readdirSync(join(restoredDir, 'attachments')).includes(fileId));
      if (target === 'folder') assert.equal(readdirSync(join(restoredDir, 'attachments')).length, 3);
      else assert.equal(await s3Store(s3, 'restored/').exists(fileId), true);
      const node = await startNode(
        loadConfig(restoredDir, targetEnv, { port: 0, webDist: null, logLevel: 'silent' }),
        { scrypt: testScrypt, logger: createLogger({ level: 'silent' }) },
      );
      try {
        const got = await apiCall(node, tokenA, 'GET', `/attachments/${fileId}`);
        assert.equal(got.status, 200);
        assert.equal(sha(got.bytes), sha(pdf));
        const gotDoc = await apiCall(node, analyst, 'GET', `/cases/${caseId}/documents/${docId}`);
        assert.equal(gotDoc.status, 200);
        assert.equal(sha(gotDoc.bytes), sha(statement));
      } finally {
        await node.close();
      }
      // audit verify reads the files back from the store: a lost object fails it.
      if (target === 's3') {
        const store = s3Store(s3, 'restored/');
        await store.delete(fileId);
        await store.close();
        const verify = await cli(['audit', 'verify', '--data-dir', restoredDir], targetEnv);
        assert.equal(verify.code, 3, verify.stdout + verify.stderr);
        assert.match(verify.stdout, new RegExp(`Attachments NOT intact: 1 missing \\(${fileId}\\)`));
      }
    }
    // A restore whose bucket does not exist says so and leaves nothing.
    const noBucket = join(root, 'restored-nobucket');
    const failed = await cli(['restore', '--in', archive, '--data-dir', noBucket], {
      PASSERELLE_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE,
      ...s3.env('x/'),
      PASSERELLE_ATTACHMENTS_S3_BUCKET: 'no-such-bucket',
    });
    assert.notEqual(failed.code, 0);
    assert.match(failed.stderr, /bucket does not exist/);
    assert.deepEqual(
      readdirSync(root).filter((f) => f === 'restored-nobucket'),
      [],
    );
  });
});

describe('two serve processes on one PostgreSQL share the bucket', { skip: !pgAvailable }, () => {
  let s3: TestS3;
  const processes: ServeProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-s3cluster-'));
  let dropDb: (() => Promise<void>) | null = null;
  after(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await dropDb?.();
    await s3?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a file uploaded through one process downloads through the other', async () => {
    s3 = await startTestS3();
    await initNode({
      dataDir,
      identity: { id: 'ma-dgsn', agency: 'DGSN', country: 'MA', endpoint: 'http://127.0.0.1:1' },
      passphrase: new Secret(PASSPHRASE),
    });
    const database = await createTestDatabase('postgres');
    dropDb = () => database.drop();
    const databaseUrl = database.config.kind === 'postgres' ? database.config.url.reveal() : '';
    const env = s3.env('cluster/');
    const ctx = await createAppContext(
      loadConfig(
        dataDir,
        { PASSERELLE_KEY_PASSPHRASE: PASSPHRASE, DATABASE_URL: databaseUrl, ...env },
        {
          logLevel: 'silent',
        },
      ),
      { scrypt: testScrypt },
    );
    let token: string;
    try {
      token = await tokenForNewUser({ ctx } as never, 'alice', ['liaison']);
    } finally {
      await ctx.close();
    }
    for (let i = 0; i < 2; i++) {
      processes.push(
        await startServeProcess({
          dataDir,
          databaseUrl,
          port: await freePort(),
          passphrase: PASSPHRASE,
          env,
        }),
      );
    }
    for (const p of processes)
      assert.ok(p.lines.some((l) => l.startsWith('attachments: s3 s3://passerelle-test/cluster/')));
    const [one, two] = processes as [ServeProcess, ServeProcess];
    const files = [
      Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(120_000)]),
      Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(80_000)]),
    ];
    const up1 = await upload(one, token, files[0]!);
    const up2 = await upload(two, token, files[1]!);
    assert.equal(up1.status, 201, JSON.stringify(up1.json));
    assert.equal(up2.status, 201, JSON.stringify(up2.json));
    const got1 = await apiCall(two, token, 'GET', `/attachments/${up1.json.attachment.id}`);
    const got2 = await apiCall(one, token, 'GET', `/attachments/${up2.json.attachment.id}`);
    assert.equal(got1.status, 200);
    assert.equal(got2.status, 200);
    assert.equal(sha(got1.bytes), sha(files[0]!));
    assert.equal(sha(got2.bytes), sha(files[1]!));
    for (const p of processes) {
      const ready = (await (await fetch(`${p.url}/readyz`)).json()) as { storage: unknown };
      assert.deepEqual(ready.storage, { kind: 's3', status: 'up' });
    }
  });
});
