import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

/** One imported version of the UN Security Council Consolidated List. */
export interface ScreeningListsTable {
  id: string;
  /** The list's own dateGenerated. */
  generated_at: Date;
  imported_at: Date;
  imported_by: string;
  /** File name the officer gave, for the history. */
  source_name: string;
  /** SHA-256 of the XML as imported: the same file is never imported twice. */
  sha256: string;
  individuals: number;
  entities: number;
  aliases: number;
  original_script_names: number;
  /** Exactly one version is active: the one screenings run against. */
  active: boolean;
  previous_id: string | null;
  added: number;
  removed: number;
  amended: number;
}

/** A designation (individual or entity) of one list version; `record` is the parsed XML. */
export interface ScreeningDesignationsTable {
  list_id: string;
  reference_number: string;
  kind: 'individual' | 'entity';
  name: string;
  regime: string;
  listed_on: string | null;
  record: Json<Record<string, unknown>>;
  /** SHA-256 of the record's canonical JSON: a change means the designation was amended. */
  record_hash: string;
}

/** What an import changed against the version it replaced. */
export interface ScreeningChangesTable {
  list_id: string;
  reference_number: string;
  change: 'added' | 'removed' | 'amended';
  name: string;
  /** Fields of the record that differ, for an amendment. */
  fields: string[];
}

/** Node-wide score thresholds (one row). */
export interface ScreeningSettingsTable {
  id: number;
  confident_score: number;
  review_score: number;
  updated_at: Date;
  updated_by: string;
}

/** A CSV batch screening and, when done, its results. */
export interface ScreeningBatchesTable {
  id: string;
  list_id: string;
  purpose: string;
  created_by: string;
  created_at: Date;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  queries: Json<unknown[]>;
  results: Json<unknown[]> | null;
  error: string | null;
  finished_at: Date | null;
}

/** A person named in a received partner message, queued for and then holding its screening. */
export interface ScreeningSubjectsTable {
  id: string;
  source: string;
  source_id: string;
  entity_id: string;
  partner: string | null;
  query: Json<Record<string, unknown>>;
  created_at: Date;
  list_id: string | null;
  screened_at: Date | null;
  top_score: number | null;
  level: string | null;
  candidates: Json<unknown[]> | null;
}

/** A STIX object (one version) of a threat alert, as TAXII serves it. */
export interface StixObjectsTable {
  seq: Generated<number>;
  stix_id: string;
  /** The version: `modified`, or `created` for objects without it (markings). */
  modified: string;
  type: string;
  spec_version: string;
  object: Json<Record<string, unknown>>;
  date_added: Date;
}

/** The alert and partner an object came with. */
export interface StixObjectMessagesTable {
  stix_id: string;
  modified: string;
  message_id: string;
  partner: string;
}
