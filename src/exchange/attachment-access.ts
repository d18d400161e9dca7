import type { Readable } from 'node:stream';
import { type Actor, auditActor, canSee, requirePermission } from '../governance/index.js';
import { ApiError, appendAudit, NotFoundError, ValidationError } from '../platform/index.js';
import { AttachmentTooLargeError } from './attachments.js';
import { messageRecord } from './message-record.js';
import type { ExchangeOptions } from './options.js';
import { attachmentSchema } from './schema.js';
import * as store from './store.js';
import { type AttachmentView, toAttachmentView } from './views.js';

/**
 * An officer's attachments: uploads (streamed, hashed, type-checked and encrypted on the way
 * to disk) and downloads, which follow the message's need-to-know and are audited. The
 * transfer between nodes is `attachment-transfer.ts`.
 */
export class AttachmentAccess {
  constructor(
    private readonly o: ExchangeOptions,
    private readonly newId: () => string,
  ) {}

  /**
   * Stores an uploaded file, streamed: hashed, type-checked and encrypted on the way to
   * disk. Only the uploader may send or download it until it is sent.
   */
  async upload(
    actor: Actor,
    input: {
      body: AsyncIterable<Uint8Array>;
      name: string;
      mediaType?: string | undefined;
      length?: number | undefined;
    },
  ): Promise<Omit<AttachmentView, 'status'>> {
    requirePermission(actor, 'message.send');
    const name = attachmentSchema.shape.name.safeParse(input.name);
    if (!name.success) {
      throw new ValidationError('Invalid file name (header x-filename)', [
        { path: 'x-filename', code: 'invalid', message: name.error.issues[0]?.message ?? 'invalid' },
      ]);
    }
    if (input.length !== undefined && input.length > this.o.vault.maxBytes)
      throw new AttachmentTooLargeError();
    const id = this.newId();
    const file = await this.o.vault.store(id, input.body, { mediaType: input.mediaType, name: name.data });
    try {
      await this.o.db.transaction().execute(async (tx) => {
        await store.insertAttachment(tx, {
          id,
          messageId: null,
          origin: 'upload',
          partner: null,
          name: name.data,
          mediaType: file.mediaType,
          size: file.size,
          sha256: file.sha256,
          wrappedKey: this.o.vault.wrapKey(id, file.key),
          kekId: this.o.vault.kekId,
          status: 'stored',
          uploadedBy: auditActor(actor),
          createdAt: this.o.clock.now(),
          nextFetchAt: null,
        });
        await appendAudit(tx, this.o.clock, {
          actor: auditActor(actor),
          action: 'attachment.upload',
          subject: `attachment:${id}`,
          detail: { mediaType: file.mediaType, size: file.size, sha256: file.sha256 },
        });
      });
    } catch (err) {
      await this.o.vault.remove(id);
      throw err;
    }
    return { id, name: name.data, mediaType: file.mediaType, size: file.size, sha256: file.sha256 };
  }

  /**
   * Opens an attachment for download by someone who may read its message (or, before it is
   * sent, its uploader). The download is audited.
   */
  async open(actor: Actor, id: string): Promise<{ attachment: AttachmentView; content: Readable }> {
    requirePermission(actor, 'message.read');
    // A file follows its message: outside the message's need-to-know it does not exist.
    const found = await store.getAttachment(this.o.db, id);
    const message = found?.message_id ? await store.getMessage(this.o.db, found.message_id) : undefined;
    if (found && message) {
      const ntk = await this.o.access.contextFor(actor);
      if (!canSee(ntk, messageRecord(message))) {
        await this.o.access.auditDenied(actor, { kind: 'attachment', id });
        throw new NotFoundError('No such attachment');
      }
    }
    const row = await this.o.db.transaction().execute(async (tx) => {
      const a = await store.getAttachment(tx, id);
      // An unsent upload is its uploader's draft: to anyone else it does not exist.
      if (!a || (a.message_id === null && a.uploaded_by !== auditActor(actor))) {
        throw new NotFoundError('No such attachment');
      }
      if (a.status === 'pending') {
        throw new ApiError(409, 'attachment_pending', 'The file is still being fetched from the partner');
      }
      if (a.status === 'failed') {
        throw new ApiError(409, 'attachment_unavailable', 'The file could not be fetched from the partner');
      }
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'attachment.read',
        subject: `attachment:${id}`,
        detail: { message: a.message_id },
      });
      return a;
    });
    const content = await this.o.vault.openPlaintext(id, this.o.vault.unwrapKey(id, row.wrapped_key));
    return { attachment: toAttachmentView(row), content };
  }
}
