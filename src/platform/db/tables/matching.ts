import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

/** Records this node registers for hit/no-hit matching (national files), beside its messages. */
export interface MatchingHoldingsTable {
  id: string;
  source: string;
  kind: string;
  entity: Json<Record<string, unknown>>;
  crime_areas: string[];
  created_by: string;
  created_at: Date;
}

/** What the index was last built from: one row per source (message or holding) with its hash. */
export interface MatchingSourcesTable {
  source: 'message' | 'holding';
  source_id: string;
  content_hash: string;
}

/** A matchable record and its opaque hit reference (kept after withdrawal, so old refs resolve). */
export interface MatchingRecordsTable {
  /** 10 random bytes; printed as MX-… */
  ref: Buffer;
  source: 'message' | 'holding';
  source_id: string;
  entity_id: string;
  record_type: string;
  crime_areas: string[];
  /** The partner a received message came from (null: this node's own record). */
  origin_partner: string | null;
  /** Received under H2/H3: matchable only by the partner it came from. */
  restricted: boolean;
  tokens: number;
  removed_at: Date | null;
  /** When the record entered the index (null: indexed before this was recorded). */
  added_at: Date | null;
}

/** One filter entry: a token of a record under the key of `epoch`. */
export interface MatchingEntriesTable {
  epoch: number;
  ref: Buffer;
  /** 16 bytes: fingerprint and sealed reference (see src/matching/filter.ts). */
  entry: Buffer;
  added_version: number;
  removed_version: number | null;
}

/** OPRF keys, one per epoch, sealed with the node's storage secret. */
export interface MatchingKeysTable {
  epoch: number;
  sealed_key: string;
  created_at: Date;
  retired_at: Date | null;
}

/** The one row of index state. */
export interface MatchingStateTable {
  id: number;
  epoch: number;
  version: number;
  last_refresh_at: Date | null;
}

/** Per-partner matching policy. */
export interface MatchingPoliciesTable {
  partner: string;
  enabled: boolean;
  record_types: string[];
  crime_areas: string[];
  daily_quota: number;
  version: number;
  updated_by: string | null;
  updated_at: Date | null;
}

/** Queries made and received, without the values. */
export interface MatchingQueriesTable {
  seq: Generated<number>;
  id: string;
  direction: 'made' | 'received';
  partner: string;
  officer: string | null;
  purpose: string;
  legal_basis: string;
  items: number;
  evaluations: number;
  hits: number | null;
  outcome: string;
  created_at: Date;
  /** The holder's signed answer (PROTOCOL §12.2) when the query was evaluated. */
  answer_jws: string | null;
}

/** The querier's copy of each partner's filter. */
export interface MatchingPartnerFiltersTable {
  partner: string;
  epoch: number;
  policy_version: number;
  version: number;
  entries: Buffer;
  fetched_at: Date;
}

/** CSV batches of checks. */
export interface MatchingBatchesTable {
  id: string;
  partner: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  hits: number;
  error: string | null;
  results: Json<unknown[]>;
  created_by: string;
  created_at: Date;
}
