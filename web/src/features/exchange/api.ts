import { type ApiResult, requestApi } from '../../api/client.js';
import type { ConversationView, InboxFilters, MessageDetail, MessageSummary, PartnerView } from './types.js';

/** The query string of `GET /api/v1/messages` for `filters`; empty filters are left out. */
export function inboxQuery(filters: InboxFilters, limit = 100): string {
  const params = new URLSearchParams();
  if (filters.partner) params.set('partner', filters.partner);
  if (filters.type) params.set('type', filters.type);
  if (filters.priority) params.set('priority', filters.priority);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.crimeArea) params.set('crimeArea', filters.crimeArea);
  if (filters.direction) params.set('direction', filters.direction);
  const q = filters.q.trim();
  if (q) params.set('q', q);
  params.set('limit', String(limit));
  return params.toString();
}

/** Messages matching `filters`, newest first. */
export function listMessages(filters: InboxFilters): Promise<ApiResult<{ messages: MessageSummary[] }>> {
  return requestApi(`/messages?${inboxQuery(filters)}`);
}

/** One message with its content. */
export function getMessage(id: string): Promise<ApiResult<{ message: MessageDetail }>> {
  return requestApi(`/messages/${encodeURIComponent(id)}`);
}

/** A whole thread: the request, its replies and acknowledgements. */
export function getConversation(id: string): Promise<ApiResult<{ conversation: ConversationView }>> {
  return requestApi(`/conversations/${encodeURIComponent(id)}`);
}

/** Acknowledges a received message; a decline carries its reason. */
export function acknowledgeMessage(
  id: string,
  status: 'read' | 'accepted' | 'declined',
  reason?: string,
): Promise<ApiResult<unknown>> {
  return requestApi(`/messages/${encodeURIComponent(id)}/ack`, {
    method: 'POST',
    body: reason === undefined ? { status } : { status, reason },
  });
}

/**
 * Sends a message to a partner. With the same `idempotencyKey` and body, a retry after a
 * lost answer or a 503 gets the message already sent instead of sending it twice.
 */
export function sendMessage(
  body: { recipient: string; message: Record<string, unknown> },
  idempotencyKey?: string,
) {
  return requestApi<{ message: MessageDetail }>('/messages', {
    method: 'POST',
    body,
    ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
  });
}

/** Partner nodes of this node, every status. */
export function listPartners(): Promise<ApiResult<{ partners: PartnerView[] }>> {
  return requestApi('/partners');
}

/** Where an attachment's content is downloaded from. */
export function attachmentUrl(id: string): string {
  return `/api/v1/attachments/${encodeURIComponent(id)}`;
}
