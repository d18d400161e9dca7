import { createHash } from 'node:crypto';
import type { Db } from '../platform/index.js';
import type { AttachmentVault } from './attachments.js';

/** What {@link verifyStoredAttachments} found. */
export interface AttachmentCheck {
  ok: boolean;
  /** Files read back and matched against their recorded SHA-256. */
  checked: number;
  /** Attachment ids whose file is absent. */
  missing: string[];
  /** Attachment ids whose file does not decrypt, or whose content differs from its hash. */
  corrupt: string[];
}

/**
 * Reads back every stored attachment (decrypting it under its wrapped key) and compares it
 * with the SHA-256 recorded when it was uploaded or fetched. After a restore this is what
 * shows that the files came back with the database, rather than downloads failing later.
 */
export async function verifyStoredAttachments(db: Db, vault: AttachmentVault): Promise<AttachmentCheck> {
  const result: AttachmentCheck = { ok: true, checked: 0, missing: [], corrupt: [] };
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
      try {
        const plain = await vault.openPlaintext(row.id, vault.unwrapKey(row.id, row.wrapped_key));
        const hash = createHash('sha256');
        for await (const chunk of plain) hash.update(chunk as Buffer);
        if (hash.digest('hex') === row.sha256) result.checked++;
        else result.corrupt.push(row.id);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') result.missing.push(row.id);
        else result.corrupt.push(row.id);
      }
    }
  }
  result.ok = result.missing.length === 0 && result.corrupt.length === 0;
  return result;
}
