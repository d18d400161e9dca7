/**
 * The exchange API's request and response shapes (zod, so the router validates them and
 * documents them in OpenAPI) and the mapping from rows to views.
 */
import { z } from 'zod';
import {
  ACK_STATUSES,
  CRIME_AREAS,
  HANDLING_CODES,
  MESSAGE_TYPES,
  PRIORITIES,
  TLP_LEVELS,
} from './schema.js';
import type { AttachmentRow, MessageRow, MessageSummaryRow } from './store.js';
import { isOverdue } from './store.js';
import type { DeliveryView } from './transport.js';

/** Workflow status of a message: `sent`/`received`, and `answered` for a closed request. */
export const MESSAGE_STATUSES = ['sent', 'received', 'answered', 'held', 'returned'] as const;

/** The DPO's outgoing review of a message, as its author and the DPO see it. */
export const reviewViewSchema = z.object({
  /** `pending` (held), `approved`, `returned`, `sent_before_review`, `reviewed_after`. */
  status: z.enum(['pending', 'approved', 'returned', 'sent_before_review', 'reviewed_after']),
  /** Why it needs review: personal data categories, neutrality rules that fired. */
  flags: z.array(z.record(z.string(), z.unknown())),
  note: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});

const deliveryViewSchema = z.object({
  id: z.string(),
  recipient: z.string(),
  type: z.string(),
  status: z.enum(['queued', 'sending', 'delivered', 'failed', 'dead']),
  attempts: z.number(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  receiptAt: z.string().nullable(),
  expiresAt: z.string(),
  lastError: z
    .object({ status: z.number().optional(), message: z.string(), body: z.string().optional() })
    .nullable(),
});

/** One line of the inbox. */
export const messageSummarySchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  direction: z.enum(['in', 'out']),
  partner: z.string(),
  type: z.enum(MESSAGE_TYPES),
  subject: z.string().nullable(),
  priority: z.enum(PRIORITIES).nullable(),
  crimeAreas: z.array(z.enum(CRIME_AREAS)),
  handlingCode: z.enum(HANDLING_CODES).nullable(),
  tlp: z.enum(TLP_LEVELS).nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  receivedAt: z.string().nullable(),
  readAt: z.string().nullable(),
  status: z.enum(MESSAGE_STATUSES),
  /** Outgoing messages: where delivery stands. Null for incoming ones. */
  delivery: deliveryViewSchema.nullable(),
  hasAttachments: z.boolean(),
  inReplyTo: z.string().nullable(),
  /** The partner's acknowledgement (outgoing) or ours (incoming). */
  ackStatus: z.enum(ACK_STATUSES).nullable(),
  ackReason: z.string().nullable(),
  ackAt: z.string().nullable(),
  /** Unit of this node the message belongs to (null: the whole organisation). */
  unit: z.string().nullable(),
  /** Officers of this node it is addressed to by name. */
  addressedOfficers: z.array(z.string()),
  /** Outgoing review by the DPO; null when none applied. */
  review: reviewViewSchema.nullable(),
});

/** Summary as returned. */
export type MessageSummary = z.infer<typeof messageSummarySchema>;

/** An attachment as listed on a message. */
export const attachmentViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  /** `stored`: downloadable; `pending`: still being fetched from the partner; `failed`. */
  status: z.enum(['stored', 'pending', 'failed']),
});

/** Attachment view. */
export type AttachmentView = z.infer<typeof attachmentViewSchema>;

/** A message with its content. */
export const messageDetailSchema = messageSummarySchema.extend({
  body: z.string().nullable(),
  language: z.string().nullable(),
  evaluation: z.object({ sourceReliability: z.string(), informationAccuracy: z.number() }).nullable(),
  legalBasis: z.string().nullable(),
  purpose: z.string().nullable(),
  entities: z.array(z.unknown()),
  attachments: z.array(attachmentViewSchema),
  retentionReviewDate: z.string().nullable(),
  handlingRestriction: z.string().nullable(),
  /** Type-specific fields: `alertKind`, `validUntil` (alert), `hitRef` (rfi), `final` (reply), `reason` (ack). */
  alertKind: z.string().nullable(),
  validUntil: z.string().nullable(),
  hitRef: z.string().nullable(),
  final: z.boolean().nullable(),
  reason: z.string().nullable(),
  /** The operational message exactly as validated (and, for incoming ones, as received). */
  payload: z.record(z.string(), z.unknown()),
});

/** Detail as returned. */
export type MessageDetail = z.infer<typeof messageDetailSchema>;

/** Query of the inbox listing. */
export const listQuerySchema = z.object({
  partner: z.string().max(63).optional(),
  type: z.enum(MESSAGE_TYPES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  crimeArea: z.enum(CRIME_AREAS).optional(),
  direction: z.enum(['in', 'out']).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.uuid().optional(),
});

/** Body of `POST /messages`: the recipient and the message without the fields the node sets. */
export const sendRequestSchema = z.object({
  recipient: z.string().min(2).max(63),
  /** Unit of this node the message belongs to; one of the author's units (default: the first). */
  unit: z.string().min(1).max(40).optional(),
  /** Operational message fields except `id`, `createdAt`, `schemaVersion`; validated in full by the service. */
  message: z.record(z.string(), z.unknown()),
});

/** Send request. */
export type SendRequest = z.infer<typeof sendRequestSchema>;

/** Body of `POST /messages/:id/ack`. */
export const ackRequestSchema = z
  .object({ status: z.enum(ACK_STATUSES), reason: z.string().trim().min(1).max(2000).optional() })
  .refine((a) => a.status !== 'declined' || a.reason !== undefined, {
    path: ['reason'],
    message: 'Say why the message is declined',
  });

/** Ack request. */
export type AckRequest = z.infer<typeof ackRequestSchema>;

/** Counters of the dashboard's exchange panel. */
export const exchangeDashboardSchema = z.object({
  /** Requests (sent or received) past their deadline without a final reply. */
  requestsOverdue: z.number(),
  /** Received requests not yet answered or declined. */
  requestsAwaitingReply: z.number(),
  /** Received alerts nobody on this node has opened. */
  alertsUnread: z.number(),
});

/** Dashboard counters. */
export type ExchangeDashboard = z.infer<typeof exchangeDashboardSchema>;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** Maps a row to its summary. */
export function toSummary(row: MessageSummaryRow, now: Date, delivery: DeliveryView | null): MessageSummary {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    direction: row.direction,
    partner: row.partner,
    type: row.type as MessageSummary['type'],
    subject: row.subject,
    priority: row.priority as MessageSummary['priority'],
    crimeAreas: row.crime_areas as MessageSummary['crimeAreas'],
    handlingCode: row.handling_code as MessageSummary['handlingCode'],
    tlp: row.tlp as MessageSummary['tlp'],
    deadline: iso(row.deadline),
    overdue: isOverdue(row, now),
    createdAt: iso(row.created_at)!,
    receivedAt: iso(row.received_at),
    readAt: iso(row.read_at),
    status: row.status as MessageSummary['status'],
    delivery,
    hasAttachments: row.has_attachments,
    inReplyTo: row.in_reply_to,
    ackStatus: row.ack_status as MessageSummary['ackStatus'],
    ackReason: row.ack_reason,
    ackAt: iso(row.ack_at),
    unit: row.unit,
    addressedOfficers: row.addressed_officers,
    review: row.review_status
      ? {
          status: row.review_status as NonNullable<MessageSummary['review']>['status'],
          flags: row.review_flags as Array<Record<string, unknown>>,
          note: row.review_note,
          reviewedBy: row.reviewed_by,
          reviewedAt: iso(row.reviewed_at),
        }
      : null,
  };
}

/** Maps an attachment row to its view. */
export function toAttachmentView(a: AttachmentRow): AttachmentView {
  return {
    id: a.id,
    name: a.name,
    mediaType: a.media_type,
    size: Number(a.size),
    sha256: a.sha256,
    status: a.status,
  };
}

/** Maps a row and its attachments to the detail view. */
export function toDetail(
  row: MessageRow,
  attachments: AttachmentRow[],
  now: Date,
  delivery: DeliveryView | null,
): MessageDetail {
  const p = row.payload as Record<string, unknown>;
  const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : null);
  return {
    ...toSummary(row, now, delivery),
    body: str('body'),
    language: str('language'),
    evaluation: (p.evaluation as MessageDetail['evaluation']) ?? null,
    legalBasis: str('legalBasis'),
    purpose: str('purpose'),
    entities: Array.isArray(p.entities) ? p.entities : [],
    attachments: attachments.map(toAttachmentView),
    retentionReviewDate: str('retentionReviewDate'),
    handlingRestriction: str('handlingRestriction'),
    alertKind: str('alertKind'),
    validUntil: str('validUntil'),
    hitRef: str('hitRef'),
    final: typeof p.final === 'boolean' ? p.final : null,
    reason: str('reason'),
    payload: p,
  };
}
