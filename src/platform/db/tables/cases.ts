import type { ColumnType } from 'kysely';

/**
 * A joint case as this node holds it: the owner, a few columns for listings and search, and
 * the state replayed from its operation log (`case_ops`), which is the record itself.
 */
export interface CasesTable {
  id: string;
  owner_node: string;
  title: string;
  status: string;
  handling_code: string;
  tlp: string;
  /** Replayed state (cases/state.ts), rebuilt after every change to the log. */
  state: unknown;
  /** Lower-cased text of titles, entity labels and identifiers, for search. */
  search_text: string;
  head_hlc: string | null;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
  /** On a partner's copy: when the owner withdrew it (read-only from then on). */
  withdrawn_at: Date | null;
}

/** One operation of a case log, from either side; idempotent by id. */
export interface CaseOpsTable {
  id: string;
  case_id: string;
  hlc: string;
  origin: string;
  author: string;
  op: unknown;
  received_at: ColumnType<Date, Date, never>;
}

/** Local members of a case (this node's users), kept in step with the replayed state. */
export interface CaseMembersTable {
  case_id: string;
  username: string;
}

/** The file of a case document, encrypted in the attachment vault (cases/documents.ts). */
export interface CaseDocumentsTable {
  case_id: string;
  /** The document item of the case (the same on every node). */
  document_id: string;
  /** This node's vault id of the file. */
  storage_id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  wrapped_key: string;
  kek_id: string;
  /** The node the file was uploaded on. */
  origin_node: string;
  created_at: ColumnType<Date, Date, never>;
  /** Kept by the DPO until this review date (retention), with the reason. */
  retention_extended_until: ColumnType<string | null, never, string | null>;
  retention_extension_reason: ColumnType<string | null, never, string | null>;
}

/** A case document's file deleted on this node: which, who, when and why (never its content). */
export interface CaseDocumentTombstonesTable {
  case_id: string;
  document_id: string;
  sha256: string;
  deleted_by: string;
  deleted_at: Date;
  /** `removed`, `withdrawn` or `retention`. */
  reason: string;
}
