import type { ColumnType } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

/** One incident of the registry (shipwreck, vehicle accident, border death…). */
export interface IncidentsTable {
  id: string;
  /** IOM Missing Migrants Project incident id (`2025.MMP0019`): the key of re-imports. */
  iom_id: string | null;
  /** IOM's "Main ID", shared by the parts of a split incident. */
  iom_main_id: string | null;
  type: string;
  /** ISO date, or the part of it known (`2025`, `2025-01`). */
  incident_date: string;
  year: number | null;
  place: string;
  country: string | null;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  departure_place: string | null;
  departure_date: string | null;
  vessel: string | null;
  route: string | null;
  aboard: number | null;
  dead: number | null;
  missing: number | null;
  survivors: number | null;
  origin_countries: string[];
  cause: string | null;
  rescue_service: string | null;
  rescue_case_number: string | null;
  /** `[{ name, urls }]`. */
  sources: Json<Array<{ name: string; urls: string[] }>>;
  /** A joint case of the `cases` module this incident is linked to (a reference only). */
  joint_case_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** The DVI team of an incident: who may see its post- and ante-mortem records. */
export interface IncidentMembersTable {
  incident_id: string;
  user_id: string;
  username: string;
  added_by: string;
  added_at: Date;
}

/** One import of an IOM Missing Migrants CSV file, with its progress and per-row errors. */
export interface IomImportsTable {
  id: string;
  file_name: string;
  layout: string | null;
  status: 'running' | 'done' | 'failed' | 'interrupted';
  bytes_total: number;
  bytes_read: number;
  rows_read: number;
  created: number;
  updated: number;
  unchanged: number;
  error_count: number;
  /** The first errors, `[{ line, iomId, message }]`. */
  errors: Json<Array<{ line: number; iomId: string | null; message: string }>>;
  failure: string | null;
  started_by: string;
  started_at: Date;
  finished_at: Date | null;
}

/** A post-mortem record (INTERPOL DVI pink form): one body or body part. */
export interface DviPostMortemTable {
  id: string;
  incident_id: string;
  reference: string;
  /** The form's content (`postMortemSchema`). */
  form: Json<Record<string, unknown>>;
  synthetic: boolean;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  /** The DPO kept it past its review date, until this date (retention). */
  retention_extended_until: ColumnType<string | null, string | null | undefined, string | null>;
  retention_extension_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An ante-mortem record (INTERPOL DVI yellow form): one missing person. */
export interface DviAnteMortemTable {
  id: string;
  incident_id: string;
  reference: string;
  form: Json<Record<string, unknown>>;
  synthetic: boolean;
  /** Null: collected on this node; otherwise the partner it was received from. */
  partner: string | null;
  /** The record's id on the partner's node. */
  remote_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  /** The DPO kept it past its review date, until this date (retention). */
  retention_extended_until: ColumnType<string | null, string | null | undefined, string | null>;
  retention_extension_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A primary identifier (fingerprint, dental, DNA) confirmed by an expert for a PM/AM pair. */
export interface DviIdentifiersTable {
  id: string;
  incident_id: string;
  pm_id: string;
  am_id: string;
  kind: 'fingerprint' | 'dental' | 'dna';
  expert: string;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
}

/** The identification board's decision on a PM/AM pair; a confirmed one locks the match. */
export interface DviIdentificationsTable {
  id: string;
  incident_id: string;
  pm_id: string;
  am_id: string;
  status: 'preliminary' | 'confirmed';
  identifiers: string[];
  members: string[];
  note: string | null;
  death_certificate_ref: string | null;
  decided_by: string;
  decided_at: Date;
}

/** A family told of an identification (who, when, by which channel, in which language). */
export interface DviFamilyNotificationsTable {
  id: string;
  incident_id: string;
  am_id: string;
  notified_person: string;
  relationship: string;
  channel: string;
  language: string;
  support: string | null;
  notified_at: Date;
  recorded_by: string;
}

/** Repatriation of remains (1937 Berlin Agreement laissez-passer) or a traceable grave. */
export interface DviRepatriationsTable {
  pm_id: string;
  incident_id: string;
  status: 'planned' | 'under_way' | 'completed' | 'buried';
  family_wishes: string | null;
  laissez_passer: Json<Record<string, unknown> | null>;
  transport: string | null;
  receiving_authority: string | null;
  grave_location: string | null;
  updated_by: string;
  updated_at: Date;
}

/** A survivor, recorded as a victim of smuggling (UN Smuggling Protocol art. 5 and 16). */
export interface DviSurvivorsTable {
  id: string;
  incident_id: string;
  reference: string;
  form: Json<Record<string, unknown>>;
  synthetic: boolean;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** An ante-mortem record leaving for a partner: held for the DPO when it must be. */
export interface DviTransfersTable {
  id: string;
  incident_id: string;
  am_id: string;
  partner: string;
  status: 'held' | 'sent' | 'refused';
  includes_relatives_dna: boolean;
  reasons: string[];
  requested_by: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  note: string | null;
  /** When the partner told us it purged the record we sent (`dvi.deleted`). */
  partner_deleted_at: Date | null;
  partner_deleted_reason: 'retention' | 'erasure' | null;
}

/** The partner's status board entries for an incident, as last received (`dvi.status`). */
export interface DviPartnerStatusTable {
  partner: string;
  incident_id: string;
  /** The ante-mortem reference (as its collecting node knows it) or the post-mortem one. */
  record_ref: string;
  record_kind: 'am' | 'pm';
  state: string;
  counterpart_ref: string | null;
  received_at: Date;
}
