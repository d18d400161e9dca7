import type { Kysely, Transaction } from 'kysely';
import type { ApiTokensTable } from './tables/api-tokens.js';
import type { AttachmentsTable } from './tables/attachments.js';
import type { AuditCheckpointsTable } from './tables/audit-checkpoints.js';
import type { AuditHeadTable, AuditLogTable } from './tables/audit-log.js';
import type { BreakGlassTable } from './tables/break-glass.js';
import type {
  CaseDocumentsTable,
  CaseDocumentTombstonesTable,
  CaseMembersTable,
  CaseOpsTable,
  CasesTable,
} from './tables/cases.js';
import type { IdempotencyKeysTable } from './tables/idempotency-keys.js';
import type { InboxTable } from './tables/inbox.js';
import type {
  DviAnteMortemTable,
  DviFamilyNotificationsTable,
  DviIdentificationsTable,
  DviIdentifiersTable,
  DviPartnerStatusTable,
  DviPostMortemTable,
  DviRepatriationsTable,
  DviSurvivorsTable,
  DviTransfersTable,
  IncidentMembersTable,
  IncidentsTable,
  IomImportsTable,
} from './tables/incidents.js';
import type {
  MatchingBatchesTable,
  MatchingEntriesTable,
  MatchingHoldingsTable,
  MatchingKeysTable,
  MatchingPartnerFiltersTable,
  MatchingPoliciesTable,
  MatchingQueriesTable,
  MatchingRecordsTable,
  MatchingSourcesTable,
  MatchingStateTable,
} from './tables/matching.js';
import type { MessagesTable } from './tables/messages.js';
import type { NodeBindingTable } from './tables/node-binding.js';
import type { NodeCardsTable } from './tables/node-cards.js';
import type { NotificationsTable } from './tables/notifications.js';
import type { OutboxTable } from './tables/outbox.js';
import type { PartnerCardHistoryTable, PartnersTable } from './tables/partners.js';
import type { RateLimitsTable } from './tables/rate-limits.js';
import type {
  ConsentRequestsTable,
  RetentionDueTable,
  RetentionRulesTable,
  ScheduledJobsTable,
} from './tables/retention.js';
import type {
  ScreeningBatchesTable,
  ScreeningChangesTable,
  ScreeningDesignationsTable,
  ScreeningListsTable,
  ScreeningSettingsTable,
  ScreeningSubjectsTable,
  StixObjectMessagesTable,
  StixObjectsTable,
} from './tables/screening.js';
import type { SessionsTable } from './tables/sessions.js';
import type { SharingPoliciesTable } from './tables/sharing-policies.js';
import type { UnitsTable, UserUnitsTable } from './tables/units.js';
import type { UsersTable } from './tables/users.js';

/**
 * Every table of a node's database. The schema is a data-layer fact and lives here with the
 * migrations; the queries that use a table live in the feature that owns it (`store.ts`).
 */
export interface DatabaseSchema {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  partners: PartnersTable;
  partner_card_history: PartnerCardHistoryTable;
  node_cards: NodeCardsTable;
  audit_checkpoints: AuditCheckpointsTable;
  outbox: OutboxTable;
  inbox: InboxTable;
  notifications: NotificationsTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  units: UnitsTable;
  user_units: UserUnitsTable;
  break_glass: BreakGlassTable;
  sharing_policies: SharingPoliciesTable;
  retention_rules: RetentionRulesTable;
  retention_due: RetentionDueTable;
  scheduled_jobs: ScheduledJobsTable;
  consent_requests: ConsentRequestsTable;
  screening_lists: ScreeningListsTable;
  screening_designations: ScreeningDesignationsTable;
  screening_changes: ScreeningChangesTable;
  screening_settings: ScreeningSettingsTable;
  screening_batches: ScreeningBatchesTable;
  screening_subjects: ScreeningSubjectsTable;
  stix_objects: StixObjectsTable;
  stix_object_messages: StixObjectMessagesTable;
  cases: CasesTable;
  case_ops: CaseOpsTable;
  case_members: CaseMembersTable;
  case_documents: CaseDocumentsTable;
  case_document_tombstones: CaseDocumentTombstonesTable;
  incidents: IncidentsTable;
  incident_members: IncidentMembersTable;
  iom_imports: IomImportsTable;
  dvi_post_mortem: DviPostMortemTable;
  dvi_ante_mortem: DviAnteMortemTable;
  dvi_identifiers: DviIdentifiersTable;
  dvi_identifications: DviIdentificationsTable;
  dvi_family_notifications: DviFamilyNotificationsTable;
  dvi_repatriations: DviRepatriationsTable;
  dvi_survivors: DviSurvivorsTable;
  dvi_transfers: DviTransfersTable;
  dvi_partner_status: DviPartnerStatusTable;
  matching_holdings: MatchingHoldingsTable;
  matching_sources: MatchingSourcesTable;
  matching_records: MatchingRecordsTable;
  matching_entries: MatchingEntriesTable;
  matching_keys: MatchingKeysTable;
  matching_state: MatchingStateTable;
  matching_policies: MatchingPoliciesTable;
  matching_queries: MatchingQueriesTable;
  matching_partner_filters: MatchingPartnerFiltersTable;
  matching_batches: MatchingBatchesTable;
  rate_limits: RateLimitsTable;
  node_binding: NodeBindingTable;
  idempotency_keys: IdempotencyKeysTable;
}

/** The database handle passed to stores and services. */
export type Db = Kysely<DatabaseSchema>;
/** A handle inside a transaction. */
export type Tx = Transaction<DatabaseSchema>;
/** Either: store functions accept both. */
export type DbOrTx = Db | Tx;
