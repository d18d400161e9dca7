import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './2026-11-30T0500-foundation.js';
import * as federation from './2026-11-30T0600-federation.js';
import * as exchange from './2026-11-30T0610-exchange.js';
import * as auditCheckpoints from './2026-11-30T0700-audit-checkpoints.js';
import * as signInHardening from './2026-12-01T0100-sign-in-hardening.js';
import * as partnerAuditHeads from './2026-12-01T0110-partner-audit-heads.js';
import * as needToKnow from './2026-12-01T0200-need-to-know.js';
import * as retention from './2026-12-01T0210-retention.js';
import * as consent from './2026-12-01T0220-consent.js';
import * as screening from './2026-12-01T0400-screening.js';
import * as stixObjects from './2026-12-01T0410-stix-objects.js';
import * as matching from './2026-12-02T0100-matching.js';
import * as incidents from './2026-12-02T0200-incidents.js';
import * as cases from './2026-12-02T0300-cases.js';
import * as operations from './2026-12-02T0400-operations.js';
import * as cluster from './2026-12-02T0600-cluster.js';
import * as credentialChanges from './2026-12-02T0750-credential-changes.js';
import * as matchingFilterDelta from './2026-12-02T0800-matching-filter-delta.js';
import * as matchingAnswers from './2026-12-02T0870-matching-answers.js';
import * as caseDocuments from './2026-12-02T0900-case-documents.js';
import * as caseDocumentTombstones from './2026-12-02T0930-case-document-tombstones.js';
import * as caseDocumentRetention from './2026-12-02T0931-case-document-retention.js';
import * as consentPurge from './2026-12-02T0950-consent-purge.js';
import * as dviRetention from './2026-12-02T0951-dvi-retention.js';
import * as dviPartnerDeleted from './2026-12-02T1000-dvi-partner-deleted.js';
import * as matchingRecordAdded from './2026-12-03T0400-matching-record-added.js';
import * as partnerCardHistory from './2026-12-03T0410-partner-card-history.js';

/**
 * The frozen, ordered list of migrations. Names sort by their ISO timestamp; a new migration
 * is a new file added at the end, never an edit of a shipped one.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-30T0500-foundation': foundation,
  '2026-11-30T0600-federation': federation,
  '2026-11-30T0610-exchange': exchange,
  '2026-11-30T0700-audit-checkpoints': auditCheckpoints,
  '2026-12-01T0100-sign-in-hardening': signInHardening,
  '2026-12-01T0110-partner-audit-heads': partnerAuditHeads,
  '2026-12-01T0200-need-to-know': needToKnow,
  '2026-12-01T0210-retention': retention,
  '2026-12-01T0220-consent': consent,
  '2026-12-01T0400-screening': screening,
  '2026-12-01T0410-stix-objects': stixObjects,
  '2026-12-02T0100-matching': matching,
  '2026-12-02T0200-incidents': incidents,
  '2026-12-02T0300-cases': cases,
  '2026-12-02T0400-operations': operations,
  '2026-12-02T0600-cluster': cluster,
  '2026-12-02T0750-credential-changes': credentialChanges,
  '2026-12-02T0800-matching-filter-delta': matchingFilterDelta,
  '2026-12-02T0870-matching-answers': matchingAnswers,
  '2026-12-02T0900-case-documents': caseDocuments,
  '2026-12-02T0930-case-document-tombstones': caseDocumentTombstones,
  '2026-12-02T0931-case-document-retention': caseDocumentRetention,
  '2026-12-02T0950-consent-purge': consentPurge,
  '2026-12-02T0951-dvi-retention': dviRetention,
  '2026-12-02T1000-dvi-partner-deleted': dviPartnerDeleted,
  '2026-12-03T0400-matching-record-added': matchingRecordAdded,
  '2026-12-03T0410-partner-card-history': partnerCardHistory,
};

/** Provider for Kysely's Migrator that serves the static list (no filesystem scanning). */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
