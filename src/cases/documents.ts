/**
 * Documents attached to a case: the file is stored encrypted in the node's attachment vault
 * (the exchange's `AttachmentVault`: type checked by its first bytes, AES-256-GCM under a key of
 * its own wrapped under the node's key-encryption key), described by a `documents` item of the
 * case, and its content sent to the other side as a `case.document` message in the same
 * transaction (PROTOCOL §8.8). Downloads follow the case's need-to-know: a non-member gets 404
 * and the attempt is audited; a member's download is audited.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AttachmentVault } from '../exchange/index.js';
import { type Actor, requirePermission } from '../governance/index.js';
import {
  ApiError,
  ConflictError,
  hasBidiControl,
  InvalidTextError,
  NotFoundError,
  type Tx,
  ValidationError,
} from '../platform/index.js';
import {
  CASE_DOCUMENT_TYPE,
  type CaseDocumentPayload,
  documentFileSchema,
  HANDLING_CODE_ORDER,
  type HandlingCode,
  MAX_CASE_DOCUMENT_BYTES,
} from './schema.js';
import type { CaseService } from './service.js';
import { liveItems } from './state.js';
import * as store from './store.js';

/** What sending a document needs: the vault and the federation outbox. */
interface DocumentPorts {
  vault?: AttachmentVault | undefined;
  transport: {
    enqueue(tx: Tx, msg: { recipient: string; type: string; payload: unknown }): Promise<unknown>;
  };
}

function vaultOf(o: { vault?: AttachmentVault | undefined }): AttachmentVault {
  if (!o.vault) throw new Error('No attachment vault configured for case documents');
  return o.vault;
}

function tooLarge(): ApiError {
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

/** An upload of a document file to a case. */
export interface CaseDocumentUpload {
  body: AsyncIterable<Uint8Array>;
  name: string;
  mediaType?: string | undefined;
  length?: number | undefined;
  title: string;
  note?: string | undefined;
  handlingCode?: HandlingCode | undefined;
}

/** A document file opened for download. */
export interface OpenedCaseDocument {
  name: string;
  mediaType: string;
  size: number;
  handlingCode: string;
  content: Readable;
}

/** Attaching and downloading case documents, through {@link CaseService}. */
export class CaseDocuments {
  constructor(private readonly cases: CaseService) {}

  /** Stores the file, adds the document item and sends the file to the other side. */
  async upload(actor: Actor, caseId: string, input: CaseDocumentUpload): Promise<string> {
    requirePermission(actor, 'case.write');
    const { row, state } = await this.cases.requireCase(actor, caseId);
    if (row.withdrawn_at)
      throw new ConflictError(
        'The owner withdrew this case from this node: it is read-only',
        'case_withdrawn',
      );
    if (hasBidiControl(input.name)) {
      throw new InvalidTextError({
        path: 'header.x-filename',
        code: 'bidi_control',
        message: 'header.x-filename: must not contain bidirectional control characters',
      });
    }
    const name = documentFileSchema.shape.name.safeParse(input.name);
    if (!name.success)
      throw new ValidationError('Invalid file name (header x-filename)', [
        { path: 'header.x-filename', code: 'invalid', message: name.error.issues[0]?.message ?? 'invalid' },
      ]);
    const caseCode = (state.fields.handlingCode?.value as HandlingCode | undefined) ?? 'H0';
    const handlingCode = input.handlingCode ?? caseCode;
    if (HANDLING_CODE_ORDER.indexOf(handlingCode) < HANDLING_CODE_ORDER.indexOf(caseCode)) {
      throw new ValidationError(`A document of this case is handled at least under ${caseCode}`, [
        { path: 'query.handlingCode', code: 'too_low', message: `at least ${caseCode}` },
      ]);
    }
    if (input.length !== undefined && input.length > MAX_CASE_DOCUMENT_BYTES) throw tooLarge();
    const vault = vaultOf(this.cases.o);
    const storageId = randomUUID();
    const documentId = randomUUID();
    async function* capped() {
      let size = 0;
      for await (const chunk of input.body) {
        size += chunk.length;
        if (size > MAX_CASE_DOCUMENT_BYTES) throw tooLarge();
        yield chunk;
      }
    }
    const file = await vault.store(storageId, capped(), { mediaType: input.mediaType, name: name.data });
    const described = { name: name.data, mediaType: file.mediaType, size: file.size, sha256: file.sha256 };
    try {
      await this.cases.change(
        actor,
        caseId,
        [
          {
            kind: 'item.put',
            collection: 'documents',
            itemId: documentId,
            fields: {
              title: input.title,
              reference: '',
              note: input.note ?? '',
              file: described,
              handlingCode,
              removed: false,
            },
          },
        ],
        'case.documents.attach',
        { document: documentId, ...described, handlingCode },
        async (tx, next, locked) => {
          await store.insertCaseDocument(tx, {
            case_id: caseId,
            document_id: documentId,
            storage_id: storageId,
            name: name.data,
            media_type: file.mediaType,
            size: file.size,
            sha256: file.sha256,
            wrapped_key: vault.wrapKey(storageId, file.key),
            kek_id: vault.kekId,
            origin_node: this.cases.o.nodeId,
            created_at: this.cases.o.clock.now(),
          });
          await sendCaseDocuments(
            tx,
            this.cases.o,
            caseId,
            [documentId],
            this.cases.recipients(locked.owner_node, next, null),
          );
        },
      );
    } catch (err) {
      await vault.remove(storageId);
      throw err;
    }
    return documentId;
  }

  /** Opens a document's file for a member (audited); 404 for anybody else. */
  async open(actor: Actor, caseId: string, documentId: string): Promise<OpenedCaseDocument> {
    const { state } = await this.cases.requireCase(actor, caseId);
    const item = liveItems(state, 'documents').find((d) => d.id === documentId);
    const file = item?.file as { name: string; mediaType: string; size: number } | null | undefined;
    if (!item || !file) throw new NotFoundError('No such document file in this case');
    const row = await store.getCaseDocument(this.cases.o.db, caseId, documentId);
    if (!row) {
      throw new ApiError(409, 'attachment_pending', 'The file has not arrived from the partner yet');
    }
    const vault = vaultOf(this.cases.o);
    const content = await vault.openPlaintext(
      row.storage_id,
      vault.unwrapKey(row.storage_id, row.wrapped_key),
    );
    await this.cases.auditUse(actor, caseId, 'case.document.read', {
      document: documentId,
      sha256: row.sha256,
    });
    return {
      name: row.name,
      mediaType: row.media_type,
      size: Number(row.size),
      handlingCode: String(item.handlingCode ?? state.fields.handlingCode?.value ?? 'H0'),
      content,
    };
  }
}
