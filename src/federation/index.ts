/**
 * The federation layer (DESIGN §4, docs/PROTOCOL.md): the protocol's cryptography (cards,
 * envelopes, receipts, HTTP message signatures) and the services around it that do I/O —
 * partners and pairing, the outbox and its delivery worker, the inbox, notifications,
 * signed audit checkpoints — with their HTTP routes. Feature modules use the service, the
 * routes and the types; the protocol functions are exported for the conformance vectors,
 * the tests and the CLI.
 */

export type { DeliveryBacklog } from './backlog-store.js';
export { registerCheckpointRoutes } from './checkpoint-routes.js';
export {
  AuditCheckpointService,
  CHECKPOINT_MESSAGE_TYPE,
  CHECKPOINT_TYP,
  type Checkpoint,
  type CheckpointCheck,
  type CheckpointFinding,
  type CheckpointView,
  checkpointMessageSchema,
  checkpointSchema,
} from './checkpoints.js';
export { type RandomBytes, systemRandomBytes } from './clock.js';
export {
  DEFAULT_MAX_ENVELOPE_BYTES,
  DEFAULT_MAX_FUTURE_SKEW_MS,
  DEFAULT_REPLAY_WINDOW_MS,
  ENVELOPE_TYP,
  type EnvelopeFailure,
  type EnvelopeHeaderInfo,
  envelopeHeaderSchema,
  inspectEnvelope,
  MESSAGE_TYP,
  messageHeaderSchema,
  messageTypeSchema,
  type OpenEnvelopeOptions,
  type OpenEnvelopeResult,
  type OpenedEnvelope,
  openEnvelope,
  type SealEnvelopeOptions,
  type SealedEnvelope,
  type SenderKeyResolver,
  sealEnvelope,
} from './envelope.js';
export {
  computeFingerprint,
  type Fingerprint,
  type FingerprintKeys,
  fingerprintMatches,
} from './fingerprint.js';
export {
  contentDigest,
  createSignatureBase,
  FEDERATION_SIGNATURE_TAG,
  type HeaderInput,
  type HttpSignatureFailure,
  type SignableRequest,
  type SignatureHeaders,
  type SignRequestOptions,
  signRequest,
  type VerifyRequestOptions,
  type VerifyRequestResult,
  verifyRequest,
} from './http-signature.js';
// Delivery layer: partners, outbox, delivery worker, idempotent inbox, HTTP routes.
export { INBOX_PATH, type InboxReceipt, type InboxRequest } from './inbox.js';
export {
  INBOX_BATCH_PATH,
  inboxBatchAnswerSchema,
  inboxBatchSchema,
  MAX_BATCH_ENVELOPES,
} from './inbox-batch.js';
export { countInbox } from './inbox-store.js';
export {
  CARD_REVOCATION_TYP,
  CARD_ROTATION_TYP,
  type CardRevocation,
  type CardRotation,
  type CardRotationFailure,
  type CreateRevocationOptions,
  cardRevocationSchema,
  cardRotationSchema,
  countryCodeSchema,
  createNodeCard,
  createRevocation,
  hashNodeCard,
  NODE_CARD_TYP,
  type NodeCard,
  type NodeCardFailure,
  type NodeCardFields,
  nodeCardSchema,
  nodeIdSchema,
  type RotateNodeCardOptions,
  revocationReasonSchema,
  rotateNodeCard,
  type VerifyCardRotationResult,
  type VerifyNodeCardOptions,
  type VerifyNodeCardResult,
  type VerifyRevocationResult,
  verifyCardRotation,
  verifyNodeCard,
  verifyRevocation,
} from './node-card.js';
export { findPartner, retiredCards } from './partner-store.js';
export {
  type CreateReceiptOptions,
  createReceipt,
  type ExpectedReceipt,
  hashEnvelope,
  RECEIPT_TYP,
  type Receipt,
  type ReceiptFailure,
  receiptSchema,
  type VerifyReceiptResult,
  verifyReceipt,
} from './receipt.js';
export { FederationRefusal } from './refusal.js';
export { type FederationRoutesOptions, registerFederationRoutes } from './routes.js';
export type { DeliveryEvent, DeliveryObserver } from './runtime.js';
export type {
  DeliveryError,
  DeliveryOptions,
  DeliveryStatus,
  DeliveryView,
  InboundHandler,
  InboundMessage,
  NotificationView,
  PartnerStatus,
  PartnerView,
} from './schema.js';
export {
  DEFAULT_TTL_MS,
  FederationService,
  type FederationServiceOptions,
  MAX_PAYLOAD_BYTES,
} from './service.js';
export { type StatementFailure, signStatement, verifyStatement } from './signed-statement.js';
export { isUuidv7, UUIDV7_PATTERN, uuidv7, uuidv7Time } from './uuidv7.js';
