import type { AckStatus, CrimeArea, HandlingCode, MessageType, Priority, TlpLevel } from './vocabulary.js';

/** Delivery of an outgoing message, as the node reports it. */
export interface DeliveryView {
  id?: string;
  status: 'queued' | 'delivered' | 'failed' | 'dead' | string;
  attempts?: number;
  createdAt?: string;
  nextAttemptAt?: string | null;
  deliveredAt?: string | null;
  receiptAt?: string | null;
  expiresAt?: string | null;
  lastError?: { status?: number; message: string; body?: string } | null;
}

/** A partner as messages name it: a node id, or an object carrying one. */
export type PartnerRef = string | { nodeId: string; agency?: string; country?: string };

/** One row of `GET /api/v1/messages`. */
export interface MessageSummary {
  id: string;
  conversationId: string;
  direction: 'in' | 'out';
  partner: PartnerRef;
  type: MessageType;
  subject: string | null;
  priority: Priority | null;
  crimeAreas: CrimeArea[];
  handlingCode: HandlingCode | null;
  tlp: TlpLevel | null;
  deadline: string | null;
  overdue: boolean;
  createdAt: string;
  receivedAt: string | null;
  readAt: string | null;
  status: string;
  delivery: DeliveryView | null;
  hasAttachments: boolean;
  inReplyTo: string | null;
  ackStatus: AckStatus | string | null;
  ackReason?: string | null;
  ackAt?: string | null;
}

/** The 4x4 evaluation; the server may name the grades either way. */
export interface EvaluationView {
  sourceReliability?: string;
  informationAccuracy?: number;
  source?: string;
  accuracy?: number;
}

/** Metadata of an attachment. */
export interface AttachmentView {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** `stored`: downloadable; `pending`: still being fetched from the partner; `failed`. */
  status?: 'stored' | 'pending' | 'failed' | string;
}

/** An entity as received: a `kind` discriminator, an `id`, and the fields of its kind. */
export interface EntityView {
  kind: string;
  id: string;
  [field: string]: unknown;
}

/** `GET /api/v1/messages/:id`. */
export interface MessageDetail extends MessageSummary {
  body?: string | null;
  language?: string | null;
  evaluation?: EvaluationView | null;
  legalBasis?: string | null;
  purpose?: string | null;
  entities?: EntityView[];
  attachments?: AttachmentView[];
  retentionReviewDate?: string | null;
  handlingRestriction?: string | null;
  alertKind?: string | null;
  reason?: string | null;
}

/** `GET /api/v1/conversations/:id`. */
export interface ConversationView {
  id: string;
  subject: string | null;
  partner: PartnerRef;
  messages: MessageDetail[];
}

/** Filters of the inbox; empty strings mean "any". */
export interface InboxFilters {
  partner: string;
  type: string;
  priority: string;
  overdue: boolean;
  crimeArea: string;
  direction: string;
  q: string;
}

/** A partner node as `GET /api/v1/partners` lists it. */
export interface PartnerView {
  nodeId: string;
  agency: string;
  country: string;
  endpoint: string;
  status: 'pending' | 'verified' | 'revoked';
  fingerprint: { text: string; numeric: string };
  importedAt: string;
  verifiedAt: string | null;
  verifiedBy: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  cardValidUntil: string | null;
  queued: number;
  dead: number;
  lastDeliveredAt: string | null;
}

/** One field problem reported by the server (or by the form before sending). */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}
