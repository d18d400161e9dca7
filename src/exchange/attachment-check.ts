import { createHash } from 'node:crypto';
import type { Db } from '../platform/index.js';
import type { AttachmentVault } from './attachments.js';

/** What {@link verifyStoredAttachments} found. */
export interface AttachmentCheck {
  ok: boolean;
  /** Files read back and matched against their recorded SHA-256. */
  checked: number;
  /** Attachment ids (or case-document storage ids) whose file is absent. */
  missing: string[];
  /** Attachment ids whose file does not decrypt, or whose content differs from its hash. */
  corrupt: string[];
}

/**
 * Reads back every stored attachment and case-document file (decrypting it under its wrapped key) and compares it
 * with the SHA-256 recorded when it was uploaded or fetched. After a restore this is what
 * shows that the files came back with the database, rather than downloads failing later.
 */
export async function verifyStoredAttachments(db: Db, vault: AttachmentVault): Promise<AttachmentCheck> {
  const result: AttachmentCheck = { ok: true, checked: 0, missing: [], corrupt: [] };
  const check = async (id: string, sha256: string, wrappedKey: string) => {
    try {
      const plain = await vault.openPlaintext(id, vault.unwrapKey(id, wrappedKey));
      const hash = createHash('sha256');
      for await (const chunk of plain) hash.update(chunk as Buffer);
      if (hash.digest('hex') === sha256) result.checked++;
      else result.corrupt.push(id);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') result.missing.push(id);
      else if ((err as { code?: string }).code === 'storage_unavailable') throw err;
      else result.corrupt.push(id);
    }
  };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .selectFrom('attachments')
      .select(['id', 'sha256', 'wrapped_key'])
      .where('status', '=', 'stored')
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.id;
      await check(row.id, row.sha256, row.wrapped_key);
    }
  }
  // The files of case documents live in the same vault, under their storage id.
  after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .selectFrom('case_documents')
      .select(['storage_id', 'sha256', 'wrapped_key'])
      .where('storage_id', '>', after)
      .orderBy('storage_id')
      .limit(500)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.storage_id;
      await check(row.storage_id, row.sha256, row.wrapped_key);
    }
  }
  result.ok = result.missing.length === 0 && result.corrupt.length === 0;
  return result;
}
