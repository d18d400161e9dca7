/**
 * Documents attached to a case: the file is stored encrypted in the node's attachment vault
 * (the exchange's `AttachmentVault`: type checked by its first bytes, AES-256-GCM under a key of
 * its own wrapped under the node's key-encryption key), described by a `documents` item of the
 * case, and its content sent to the other side as a `case.document` message in the same
 * transaction (PROTOCOL §8.8). Downloads follow the case's need-to-know: a non-member gets 404
 * and the attempt is audited; a member's download is audited.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { type Actor, requirePermission } from '../governance/index.js';
import {
  ApiError,
  ConflictError,
  hasBidiControl,
  InvalidTextError,
  NotFoundError,
  ValidationError,
} from '../platform/index.js';
import { sendCaseDocuments, tooLarge, vaultOf } from './document-transfer.js';
import {
  documentFileSchema,
  HANDLING_CODE_ORDER,
  type HandlingCode,
  MAX_CASE_DOCUMENT_BYTES,
} from './schema.js';
import type { CaseService } from './service.js';
import { liveItems } from './state.js';
import * as store from './store.js';

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
      if (await store.documentTombstone(this.cases.o.db, caseId, documentId))
        throw new NotFoundError('The file of this document was deleted on this node');
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
