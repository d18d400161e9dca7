import type { Tx } from '../platform/index.js';
import type { Actor } from './roles.js';

/** A record on the DPO's retention due list, whatever module holds it. */
export interface RetentionDueRecord {
  id: string;
  /** The message type, or the record type (`dvi_post_mortem`, `dvi_ante_mortem`). */
  type: string;
  /** `in`/`out` for messages; `local` for a record made on this node, `in` for a received one. */
  direction: string;
  partner: string;
  /** A human label: the message subject, the record reference. */
  subject: string | null;
  createdAt: string;
  dueOn: string;
  legalBasis: string | null;
  handlingCode: string | null;
}

/** What the DPO decides when purging. */
export interface RetentionPurgeInput {
  reason: string;
  /**
   * Purge even a record an identification board decision locks while its case is open: the
   * DPO's explicit decision, audited as such.
   */
  overrideBoardLock?: boolean | undefined;
}

/**
 * A module whose records have retention periods (DESIGN §8) besides messages: the retention
 * scan lists its due records, the DPO's due list shows them, and extend and purge reach it
 * by the record's id. `extend` and `purge` answer false for an id they do not hold.
 */
export interface RetentionSource {
  /** Lists the records due on `now` into `retention_due`, in the scan's transaction; returns their ids. */
  scan(tx: Tx, now: Date): Promise<string[]>;
  listDue(): Promise<RetentionDueRecord[]>;
  extend(actor: Actor, id: string, input: { until: string; reason: string }): Promise<boolean>;
  purge(actor: Actor, id: string, input: RetentionPurgeInput): Promise<boolean>;
}
