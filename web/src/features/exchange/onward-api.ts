import { type ApiResult, requestApi } from '../../api/client.js';
import type { ApiResponse } from '../../api/types.js';
import type { MessageSummary } from './types.js';

/** A consent request: ours to a provider (`out`), or a partner's about our data (`in`). */
export type ConsentRequestView = ApiResponse<'/api/v1/consent-requests', 'get'>['requests'][number];

/** Handling codes under which a provider's consent is needed to pass a message on. */
export const CONSENT_HANDLING_CODES: readonly string[] = ['H2', 'H3'];
/** TLP levels that never go beyond their recipients. */
export const NEVER_ONWARD_TLP: readonly string[] = ['RED', 'AMBER+STRICT'];

/** Every consent request this node sent or received. */
export function listConsentRequests(): Promise<ApiResult<{ requests: ConsentRequestView[] }>> {
  return requestApi('/consent-requests');
}

/** Asks a received message's provider for consent to pass it to `recipient`. */
export function askConsent(messageId: string, recipient: string, purpose: string) {
  return requestApi<{ request: ConsentRequestView }>(
    `/messages/${encodeURIComponent(messageId)}/consent-requests`,
    { method: 'POST', body: { recipient, purpose } },
  );
}

/** Grants or refuses a partner's request to pass our data on. */
export function replyConsent(id: string, granted: boolean, conditions: string) {
  return requestApi<unknown>(`/consent-requests/${encodeURIComponent(id)}/reply`, {
    method: 'POST',
    body: { granted, ...(conditions.trim() ? { conditions: conditions.trim() } : {}) },
  });
}

/** Passes a received message on to `recipient` with its markings. */
export function forwardMessage(messageId: string, recipient: string) {
  return requestApi<{ message: MessageSummary }>(`/messages/${encodeURIComponent(messageId)}/forward`, {
    method: 'POST',
    body: { recipient },
  });
}
