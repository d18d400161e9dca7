import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { FolderBlobStore } from '../platform/index.js';
import { AttachmentVault, decideMediaType, deriveAttachmentKek } from './attachments.js';

const ID = '0195a3c0-0000-7000-8000-000000000001';

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

async function* chunks(data: Buffer, size = 7000) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

describe('media type by magic bytes', () => {
  test('binary formats are recognised whatever is declared, and must agree with it', () => {
    assert.equal(decideMediaType(Buffer.from('%PDF-1.7\n'), undefined, 'x.bin').mediaType, 'application/pdf');
    assert.equal(
      decideMediaType(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        'application/octet-stream',
        'a',
      ).mediaType,
      'image/png',
    );
    assert.throws(() => decideMediaType(Buffer.from('%PDF-1.7'), 'image/jpeg', 'a.jpg'), {
      code: 'unsupported_media_type',
    });
  });

  test('zip archives pass only as office documents', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    assert.equal(
      decideMediaType(zip, undefined, 'report.docx').mediaType,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.throws(() => decideMediaType(zip, 'application/zip', 'payload.zip'), {
      code: 'unsupported_media_type',
    });
  });

  test('text needs a text declaration or name; unknown content is refused', () => {
    assert.deepEqual(decideMediaType(Buffer.from('a,b\n'), 'text/csv; charset=utf-8', 'x'), {
      mediaType: 'text/csv',
      text: true,
    });
    assert.equal(decideMediaType(Buffer.from('hello'), undefined, 'notes.txt').mediaType, 'text/plain');
    assert.throws(() => decideMediaType(Buffer.from('MZ\x90\x00'), undefined, 'a.exe'), {
      code: 'unsupported_media_type',
    });
    assert.throws(() => decideMediaType(Buffer.from('<html>'), 'text/html', 'a.html'), {
      code: 'unsupported_media_type',
    });
  });
});

describe('attachment vault', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-vault-'));
  const other = mkdtempSync(join(tmpdir(), 'passerelle-vault-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  });
  const kek = deriveAttachmentKek(randomBytes(32));
  const vault = new AttachmentVault({ store: new FolderBlobStore(dir), ...kek, maxBytes: 1024 * 1024 });

  test('a stored file is encrypted at rest and decrypts to the same bytes and hash', async () => {
    const data = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(200_000)]);
    const stored = await vault.store(ID, chunks(data), { mediaType: 'application/pdf', name: 'r.pdf' });
    assert.equal(stored.size, data.length);
    assert.equal(stored.sha256, createHash('sha256').update(data).digest('hex'));
    const onDisk = readFileSync(join(dir, ID));
    assert.equal(onDisk.length, data.length + 32);
    assert.equal(onDisk.indexOf(data.subarray(9, 41)), -1);
    assert.deepEqual(await collect(await vault.openPlaintext(ID, stored.key)), data);
  });

  test('a tampered file fails when read, instead of yielding altered content', async () => {
    const data = Buffer.from('line one\nline two\n');
    const id = '0195a3c0-0000-7000-8000-000000000002';
    const stored = await vault.store(id, chunks(data, 4), { mediaType: 'text/plain', name: 'n.txt' });
    const path = join(dir, id);
    const bytes = readFileSync(path);
    bytes[20] = bytes[20]! ^ 1;
    writeFileSync(path, bytes);
    await assert.rejects(collect(await vault.openPlaintext(id, stored.key)));
  });

  test('wrapped keys are bound to their attachment id', () => {
    const key = randomBytes(32);
    const wrapped = vault.wrapKey(ID, key);
    assert.deepEqual(vault.unwrapKey(ID, wrapped), key);
    assert.throws(() => vault.unwrapKey('0195a3c0-0000-7000-8000-000000000009', wrapped));
  });

  test('over the limit, or text that is not UTF-8, is refused and leaves no file', async () => {
    const before = readdirSync(dir).length;
    await assert.rejects(
      vault.store('0195a3c0-0000-7000-8000-000000000003', chunks(Buffer.alloc(1024 * 1024 + 1, 0x61)), {
        mediaType: 'text/plain',
        name: 'big.txt',
      }),
      { code: 'payload_too_large' },
    );
    await assert.rejects(
      vault.store('0195a3c0-0000-7000-8000-000000000004', chunks(Buffer.from([0x61, 0xff, 0xfe, 0x62])), {
        mediaType: 'text/plain',
        name: 'bad.txt',
      }),
      { code: 'unsupported_media_type' },
    );
    assert.equal(readdirSync(dir).length, before);
  });

  test('transfer: re-encrypted under a transfer key, imported and verified by the receiver', async () => {
    const data = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(50_000)]);
    const id = '0195a3c0-0000-7000-8000-000000000005';
    const stored = await vault.store(id, chunks(data), { mediaType: 'application/pdf', name: 'r.pdf' });
    const transferKey = randomBytes(32);
    const receiver = new AttachmentVault({
      store: new FolderBlobStore(other),
      ...deriveAttachmentKek(randomBytes(32)),
    });
    const expected = { size: stored.size, sha256: stored.sha256 };
    await receiver.importCiphertext(
      id,
      await vault.openForTransfer(id, stored.key, transferKey),
      transferKey,
      expected,
    );
    assert.deepEqual(await collect(await receiver.openPlaintext(id, transferKey)), data);

    // A wrong announced hash, or a wrong key, is refused and nothing is kept.
    const id2 = '0195a3c0-0000-7000-8000-000000000006';
    const stored2 = await vault.store(id2, chunks(data), { mediaType: 'application/pdf', name: 'r.pdf' });
    await assert.rejects(
      receiver.importCiphertext(
        id2,
        await vault.openForTransfer(id2, stored2.key, transferKey),
        transferKey,
        {
          size: data.length,
          sha256: '0'.repeat(64),
        },
      ),
      /does not match/,
    );
    await assert.rejects(
      receiver.importCiphertext(
        id2,
        await vault.openForTransfer(id2, stored2.key, transferKey),
        randomBytes(32),
        expected,
      ),
      /does not decrypt/,
    );
    assert.deepEqual(readdirSync(other), [id]);
  });
});
