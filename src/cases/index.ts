// Joint cases: a case owned by one node and shared with partners through `case.*` federation
// messages, members and need-to-know, entities and links with provenance, network analysis
// (paths, connecting network, clusters, centrality), CSV import and GraphML/JSON/PDF export.
export {
  type AnalysisGraph,
  type AnalysisLink,
  type AnalysisNode,
  allPaths,
  betweenness,
  buildAnalysisGraph,
  centrality,
  clusters,
  connectingNetwork,
  type GraphPath,
  mostConnected,
  shortestPath,
} from './analysis.js';
export { CaseExports } from './case-export.js';
export { CaseImport, IMPORT_FIELDS, type ImportRequest, type ImportResult } from './csv-import.js';
export { CASE_DOCUMENT_RETENTION_TYPE, CaseDocumentRetention } from './document-retention.js';
export { CaseDocuments, type CaseDocumentUpload } from './documents.js';
export { CaseItems, canonicalIdentifier, EDITABLE_COLLECTIONS } from './items.js';
export { CaseNetwork, findDuplicates, type GraphEntity, type GraphLink, resolvedGraph } from './network.js';
export { printable } from './report-pdf.js';
export { type CaseRoutesServices, registerCaseRoutes } from './routes.js';
export {
  CASE_DOCUMENT_TYPE,
  CASE_ENTITY_KINDS,
  CASE_OPS_TYPE,
  CASE_SHARE_TYPE,
  CASE_WITHDRAW_TYPE,
  type CaseOp,
  type CaseSummary,
  type CaseView,
  caseDocumentPayloadSchema,
  caseOpSchema,
  caseOpsPayloadSchema,
  caseSharePayloadSchema,
  caseWithdrawPayloadSchema,
  LINK_TYPES,
  MAX_CASE_DOCUMENT_BYTES,
  NETWORK_ROLES,
} from './schema.js';
export { type CaseChange, CaseService, type CaseServiceOptions, type CaseTransport } from './service.js';
export { CaseSync } from './sync.js';
