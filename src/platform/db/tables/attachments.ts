import type { ColumnType, Generated } from 'kysely';

/**
 * A file attached to an operational message, encrypted at rest with its own AES-256-GCM
 * key. The key is kept only wrapped under the node's attachment key-encryption key.
 */
export interface AttachmentsTable {
  /** UUID carried in the message's attachment list; the same on both nodes. */
  id: string;
  /** Set when the attachment is sent with, or received in, a message. */
  message_id: string | null;
  /** `upload` (an officer of this node) or `partner` (fetched from the sender). */
  origin: 'upload' | 'partner';
  /** The sending partner of a received file. */
  partner: string | null;
  name: string;
  media_type: string;
  size: number;
  /** SHA-256 of the plaintext, lower-case hex. */
  sha256: string;
  /** The per-file key, wrapped (AES-256-GCM) under the key-encryption key `kek_id`. */
  wrapped_key: string;
  kek_id: string;
  /**
   * Outgoing files only: the key the file is re-encrypted under when the recipient fetches
   * it (wrapped like `wrapped_key`), so the message never carries the at-rest key.
   */
  transfer_key: string | null;
  /** `stored` (file present and verified), `pending` (to fetch from the partner), `failed`. */
  status: 'stored' | 'pending' | 'failed';
  uploaded_by: string | null;
  created_at: ColumnType<Date, Date, never>;
  fetch_attempts: Generated<number>;
  next_fetch_at: Date | null;
  fetch_lease_until: Date | null;
  last_error: string | null;
}
