/**
 * The content of case documents between nodes (`case.document`, PROTOCOL §8.8): queued for the
 * other side in the transaction that attaches or shares, and stored on receipt after checking
 * its size, SHA-256 and type. Files live in the node's attachment vault (the exchange's
 * `AttachmentVault`), encrypted under a key of their own.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AttachmentVault } from '../exchange/index.js';
import { ApiError, appendAudit, onCommit, type Tx, ValidationError } from '../platform/index.js';
import { CASE_DOCUMENT_TYPE, type CaseDocumentPayload, MAX_CASE_DOCUMENT_BYTES } from './schema.js';
import { type CaseState, liveItems } from './state.js';
import * as store from './store.js';

/** What sending a document needs: the vault and the federation outbox. */
interface DocumentPorts {
  vault?: AttachmentVault | undefined;
  logger?: { warn(msg: string, fields?: Record<string, unknown>): void } | undefined;
  transport: {
    enqueue(tx: Tx, msg: { recipient: string; type: string; payload: unknown }): Promise<unknown>;
  };
}

export function vaultOf(o: { vault?: AttachmentVault | undefined }): AttachmentVault {
  if (!o.vault) throw new Error('No attachment vault configured for case documents');
  return o.vault;
}

export function tooLarge(): ApiError {
  return new ApiError(
    413,
    'payload_too_large',
    `Case documents are limited to ${MAX_CASE_DOCUMENT_BYTES} bytes (they travel inside the case's messages); send a larger file as a message attachment and link the message`,
  );
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Queues the files of a case's documents for `recipients` (all live documents, or the ones
 * named, even when their item has not arrived yet). Runs inside the transaction that shares the case or attaches the document.
 */
export async function sendCaseDocuments(
  tx: Tx,
  o: DocumentPorts,
  caseId: string,
  documentIds: string[] | null,
  recipients: string[],
): Promise<number> {
  if (recipients.length === 0) return 0;
  const row = await store.getCase(tx, caseId);
  if (!row) return 0;
  const live = new Set(liveItems(store.loadState(row), 'documents').map((d) => d.id));
  const files = (await store.caseDocuments(tx, caseId)).filter((f) =>
    documentIds === null ? live.has(f.document_id) : documentIds.includes(f.document_id),
  );
  if (files.length === 0) return 0;
  const vault = vaultOf(o);
  for (const f of files) {
    const content = await readAll(
      await vault.openPlaintext(f.storage_id, vault.unwrapKey(f.storage_id, f.wrapped_key)),
    );
    const payload: CaseDocumentPayload = {
      caseId,
      documentId: f.document_id,
      file: { name: f.name, mediaType: f.media_type, size: Number(f.size), sha256: f.sha256 },
      content: content.toString('base64'),
    };
    for (const recipient of recipients) {
      await o.transport.enqueue(tx, { recipient, type: CASE_DOCUMENT_TYPE, payload });
    }
  }
  return files.length;
}

/**
 * Stores the file of a `case.document` received from `origin` (the sender checked by the
 * caller): the content must match the size and SHA-256 it announces and pass the vault's type
 * check; a file this node already holds is not stored twice. Answers whether it was new.
 */
export async function storeReceivedDocument(
  tx: Tx,
  o: DocumentPorts & { clock: { now(): Date } },
  p: CaseDocumentPayload,
  origin: string,
): Promise<boolean> {
  if (await store.getCaseDocument(tx, p.caseId, p.documentId)) return false;
  // The document was removed before its file arrived: the file is not kept.
  const row = await store.getCase(tx, p.caseId);
  const item = row ? store.loadState(row).collections.documents.get(p.documentId) : undefined;
  if (item?.fields.removed?.value === true) return false;
  const content = Buffer.from(p.content, 'base64');
  if (content.length !== p.file.size)
    throw new ValidationError(`case.document: ${content.length} bytes, ${p.file.size} announced`);
  if (createHash('sha256').update(content).digest('hex') !== p.file.sha256)
    throw new ValidationError('case.document: the content does not match its SHA-256');
  const vault = vaultOf(o);
  // A local id: a partner never names a file of this node's vault.
  const storageId = randomUUID();
  let stored: Awaited<ReturnType<AttachmentVault['store']>>;
  try {
    stored = await vault.store(storageId, Readable.from([content]), {
      mediaType: p.file.mediaType,
      name: p.file.name,
    });
  } catch (err) {
    throw new ValidationError(`case.document: ${(err as Error).message}`);
  }
  try {
    if (stored.mediaType !== p.file.mediaType)
      throw new ValidationError(`case.document: the content is ${stored.mediaType}, not ${p.file.mediaType}`);
    return await store.insertCaseDocument(tx, {
      case_id: p.caseId,
      document_id: p.documentId,
      storage_id: storageId,
      name: p.file.name,
      media_type: stored.mediaType,
      size: stored.size,
      sha256: stored.sha256,
      wrapped_key: vault.wrapKey(storageId, stored.key),
      kek_id: vault.kekId,
      origin_node: origin,
      created_at: o.clock.now(),
    });
  } catch (err) {
    await vault.remove(storageId);
    throw err;
  }
}

/**
 * Deletes this node's copies of document files: the row (with the wrapped key) and the
 * encrypted file, leaving a tombstone and an audit entry (which file, who, why; never its
 * content). `documentIds` null deletes every file of the case (this node was withdrawn).
 * Runs in the transaction that applied the removal. Deleting the row deletes the file's
 * wrapped key, so the file is unreadable from the commit on; the encrypted file itself is
 * removed once the transaction has committed (never before: a transaction that rolls back
 * keeps a readable document). Outside `runInTransaction` it is removed at once.
 */
export async function deleteCaseDocumentFiles(
  tx: Tx,
  o: DocumentPorts & { clock: { now(): Date } },
  caseId: string,
  documentIds: string[] | null,
  by: string,
  reason: 'removed' | 'withdrawn' | 'retention',
): Promise<number> {
  const now = o.clock.now();
  const rows = await store.deleteCaseDocuments(tx, caseId, documentIds, { by, at: now, reason });
  if (rows.length === 0) return 0;
  await appendAudit(tx, o.clock, {
    actor: by,
    action: 'case.document.deleted',
    subject: `case:${caseId}`,
    detail: { reason, documents: rows.map((r) => ({ document: r.document_id, sha256: r.sha256 })) },
  });
  const vault = vaultOf(o);
  const removeFiles = async () => {
    for (const r of rows) await vault.remove(r.storage_id);
  };
  const later = onCommit(() => {
    removeFiles().catch((err) => o.logger?.warn('case document files not removed', { err }));
  });
  if (!later) await removeFiles();
  return rows.length;
}

/** Deletes the files of the case's documents that are removed in `state` (see above). */
export async function deleteRemovedDocumentFiles(
  tx: Tx,
  o: DocumentPorts & { clock: { now(): Date } },
  state: CaseState,
  by: string,
): Promise<number> {
  const removed = [...state.collections.documents.values()]
    .filter((d) => d.fields.removed?.value === true)
    .map((d) => d.id);
  return deleteCaseDocumentFiles(tx, o, state.id, removed, by, 'removed');
}
