// Screening: the UN Security Council Consolidated List (versions, differences), screening of
// persons and organisations one by one or in CSV batches, and flags on persons named in
// received partner messages.
export {
  type AlertCollection,
  type AlertInterchangeOptions,
  AlertInterchangeService,
  type AlertSource,
} from './alert-interchange.js';
export { type BatchRow, batchCsv, RESULT_COLUMNS } from './batch-csv.js';
export {
  type AttributeCheck,
  DEFAULT_THRESHOLDS,
  ListMatcher,
  normaliseDocumentNumber,
  type ScreeningCandidate,
  type ScreeningQuery,
  type ScreeningThresholds,
} from './matcher.js';
export { LIST_IMPORT_PATH, MAX_LIST_BYTES, registerScreeningRoutes } from './routes.js';
export {
  type BatchView,
  type ChangeView,
  type DiffView,
  type ListView,
  parseBatchCsv,
  parseCsv,
  type SubjectFlag,
} from './schema.js';
export {
  type ImportListResult,
  type ScreeningOptions,
  ScreeningService,
  type ScreenResult,
} from './service.js';
export {
  type AlertMessage,
  alertToStixBundle,
  STIX_ALERT_KINDS,
  type StixBundle,
  type StixObject,
  TLP_MARKINGS,
} from './stix.js';
export { stixBundleToAlertDraft } from './stix-import.js';
export { registerStixRoutes } from './stix-routes.js';
export { validateStixBundle } from './stix-validate.js';
export { registerTaxiiRoutes, STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from './taxii.js';
export { parseUnList, type UnDesignation, type UnList, type UnListParseResult } from './un-list.js';
