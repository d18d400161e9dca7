// Incidents: the incident registry (IOM Missing Migrants imports), victim identification
// (INTERPOL DVI post-mortem and ante-mortem records, reconciliation, identification board),
// families and repatriation, survivors as victims, and the DVI messages between nodes.
export { DviExchange, type DviExchangeOptions, type DviTransport } from './dvi-exchange.js';
export { DVI_RETENTION_TYPES, DviRetention, type DviRetentionOptions } from './dvi-retention.js';
export { DviService, type DviServiceOptions } from './dvi-service.js';
export { type SyntheticExercise, seededRandom, syntheticExercise } from './dvi-synthetic.js';
export {
  CsvRecordReader,
  detectIomLayout,
  type IomCsvEvent,
  type IomIncident,
  type IomLayout,
  IomLayoutError,
  readIomCsv,
  readIomRow,
} from './iom-csv.js';
export { findIomIncident } from './iom-file.js';
export { type Evidence, FACTOR_WEIGHTS, type PairScore, rankCandidates, scorePair } from './reconcile.js';
export { IOM_IMPORT_PATH, MAX_IOM_BYTES, registerIncidentRoutes } from './routes.js';
export type {
  AnteMortemForm,
  AnteMortemView,
  CandidateView,
  IdentificationView,
  ImportView,
  IncidentInput,
  IncidentStats,
  IncidentView,
  PostMortemForm,
  PostMortemView,
  StatusBoard,
  SurvivorView,
  TransferView,
} from './schema.js';
export { INCIDENT_TYPES } from './schema.js';
export {
  type IncidentFilter,
  type IncidentMapPoint,
  IncidentService,
  type IncidentServiceOptions,
} from './service.js';
export { incidentSubjectSource } from './subject-source.js';
export {
  ANTE_MORTEM_TYPE,
  type AnteMortemPayload,
  anteMortemPayloadSchema,
  DVI_DELETED_TYPE,
  DVI_STATUS_TYPE,
  type DviDeletedPayload,
  type DviStatusPayload,
  dviDeletedPayloadSchema,
  dviStatusPayloadSchema,
} from './wire.js';
