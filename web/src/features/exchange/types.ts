import type { ApiResponse } from '../../api/types.js';

/** One row of `GET /api/v1/messages`. */
export type MessageSummary = ApiResponse<'/api/v1/messages', 'get'>['messages'][number];

/** Delivery of an outgoing message, as the node reports it. */
export type DeliveryView = NonNullable<MessageSummary['delivery']>;

/** A partner as messages name it. */
export type PartnerRef = MessageSummary['partner'];

/** `GET /api/v1/messages/:id`. */
export type MessageDetail = ApiResponse<'/api/v1/messages/{id}', 'get'>['message'];

/** The 4x4 evaluation. */
export type EvaluationView = NonNullable<MessageDetail['evaluation']>;

/** Metadata of an attachment, with its transfer status. */
export type AttachmentView = NonNullable<MessageDetail['attachments']>[number];

/**
 * An entity as received: a `kind` discriminator, an `id`, and the fields of its kind. The
 * API document gives entities as free JSON (docs/schemas/entity.json has the full schema);
 * the UI reads them through this structural view.
 */
export interface EntityView {
  kind: string;
  id: string;
  [field: string]: unknown;
}

/** `GET /api/v1/conversations/:id`. */
export type ConversationView = ApiResponse<'/api/v1/conversations/{id}', 'get'>['conversation'];

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
export type { PartnerView } from '../admin/api.js';

/** One field problem reported by the server (or by the form before sending). */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}
