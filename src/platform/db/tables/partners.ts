import type { ColumnType } from 'kysely';

/**
 * A partner node whose card an administrator imported. Trust is the `status`: only a
 * `verified` partner (fingerprint confirmed out of band) is sent to or accepted from.
 */
export interface PartnersTable {
  node_id: string;
  agency: string;
  country: string;
  endpoint: string;
  status: 'pending' | 'verified' | 'revoked';
  /** The partner's current self-signed card (compact JWS) and its hash. */
  card_jws: string;
  card_hash: string;
  signing_kid: string;
  card_valid_until: Date;
  fingerprint_text: string;
  fingerprint_numeric: string;
  imported_at: ColumnType<Date, Date, never>;
  imported_by: string;
  verified_at: Date | null;
  verified_by: string | null;
  revoked_at: Date | null;
  revocation_reason: string | null;
  updated_at: Date;
  /** The latest audit head the partner announced (envelope or receipt), PROTOCOL §8.3. */
  audit_head_seq: number | null;
  audit_head_hash: string | null;
  audit_head_at: Date | null;
}

/** A card a partner had before an accepted rotation (its signing key stays known). */
export interface PartnerCardHistoryTable {
  node_id: string;
  card_hash: string;
  card_jws: string;
  signing_kid: string;
  /** The old card's validFrom. */
  valid_from: Date;
  /** The rotation statement's issuedAt: the last instant the old key spoke for the partner. */
  retired_at: Date;
  /** When this node accepted the rotation. */
  replaced_at: Date;
}
