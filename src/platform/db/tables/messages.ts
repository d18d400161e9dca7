import type { ColumnType, Generated } from 'kysely';

/**
 * An operational message (rfi, reply, info, alert, ack) sent to or received from a partner.
 * `payload` is the full validated message; the other columns repeat what the inbox
 * filters and the deadline rules need, so they can be indexed.
 */
export interface MessagesTable {
  /** UUIDv7, the same on both nodes (it is the envelope's message id). */
  id: string;
  /** Thread; chosen by whoever opened it and shared by both nodes. */
  conversation_id: string;
  direction: 'in' | 'out';
  /** The partner's node id: recipient of an outgoing message, sender of an incoming one. */
  partner: string;
  type: string;
  /** Null for acknowledgements, which carry no subject. */
  subject: string | null;
  priority: string | null;
  crime_areas: string[];
  handling_code: string | null;
  tlp: string | null;
  deadline: Date | null;
  in_reply_to: string | null;
  payload: ColumnType<Record<string, unknown>, string, never>;
  /** `sent` / `received`, then `answered` for a request that got its final reply. */
  status: string;
  /** `user:<name>` of the author of an outgoing message. */
  created_by: string | null;
  created_at: ColumnType<Date, Date, never>;
  received_at: Date | null;
  /** First time someone on this node opened an incoming message. */
  read_at: Date | null;
  /** Acknowledgement of the message: given by the partner (out) or by us (in). */
  ack_status: string | null;
  ack_reason: string | null;
  ack_at: Date | null;
  has_attachments: Generated<boolean>;
  retention_review_date: string | null;
  /** Unit of this node the message belongs to (null: the whole organisation). */
  unit: string | null;
  /** Usernames of the named officers it is addressed to (need-to-know, TLP:RED). */
  addressed_officers: string[];
  /**
   * Outgoing review by the DPO: null when none applies, `pending` (held), `approved`,
   * `returned` (to its author with a comment), `sent_before_review` (threat to life, sent
   * first) and `reviewed_after`.
   */
  review_status: string | null;
  /** Why the message needs review: personal data, neutrality flags (JSON array). */
  review_flags: ColumnType<unknown[], string, string>;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  /** The DPO extended retention until this date (reason beside it). */
  retention_extended_until: string | null;
  retention_extension_reason: string | null;
  /** Outgoing: the partner told us it deleted its copy (retention or erasure). */
  partner_deleted_at: Date | null;
}
