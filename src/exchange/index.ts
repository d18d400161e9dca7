// Exchange: operational messages between partner agencies (rfi, reply, info, alert, ack),
// conversations, deadlines, acknowledgements and attachments.
export {
  AttachmentFetcher,
  type AttachmentFetcherOptions,
  PARTNER_ATTACHMENT_PATH,
} from './attachment-transfer.js';
export {
  ALLOWED_MEDIA_TYPES,
  AttachmentVault,
  type AttachmentVaultOptions,
  deriveAttachmentKek,
} from './attachments.js';
export {
  CONSENT_REPLY_TYPE,
  CONSENT_REQUEST_TYPE,
  type ConsentView,
  consentReplyPayloadSchema,
  consentRequestPayloadSchema,
  OnwardTransmission,
} from './consent.js';
export { createExchangeHandlers } from './handlers.js';
export { exchangeJsonSchemas } from './json-schema.js';
export {
  MessageRetention,
  RETENTION_DELETED_TYPE,
  type RetentionDueView,
  retentionDeletedSchema,
} from './retention.js';
export { OutgoingReview, type ReviewItem } from './review.js';
export {
  ATTACHMENT_UPLOAD_PATH,
  registerExchangeRoutes,
  registerOnwardRoutes,
  registerPartnerAttachmentRoute,
  registerRetentionRoutes,
  registerReviewRoutes,
} from './routes.js';
export {
  ACK_STATUSES,
  ALERT_KINDS,
  CRIME_AREAS,
  HANDLING_CODE_LABELS,
  HANDLING_CODES,
  MAX_ATTACHMENT_BYTES,
  MESSAGE_TYPES,
  type MessageType,
  type OperationalMessage,
  type OperationalMessageInput,
  PRIORITIES,
  parseOperationalMessage,
  SCHEMA_VERSION,
  TLP_LEVELS,
} from './schema.js';
export { type ExchangeOptions, ExchangeService, type ReceivedMessageHookInput } from './service.js';
export { exchangeSubjectSource } from './subject-source.js';
export type { DeliveryView, ExchangeTransport, PartnerAuthResult, PartnerRequest } from './transport.js';
export type { ExchangeDashboard, MessageDetail, MessageSummary } from './views.js';
