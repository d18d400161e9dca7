import { type ApiResult, requestApi } from '../../api/client.js';

/** Why a message waits: personal data categories, or a neutrality rule that fired. */
export interface ReviewFlag {
  kind: 'personal_data' | 'neutrality';
  categories?: string[];
  category?: string;
  rule?: string;
  excerpt?: string;
  language?: string;
}

/** An outgoing message in the DPO's review queue, with exactly what would leave. */
export interface ReviewItem {
  id: string;
  type: string;
  partner: string;
  subject: string | null;
  priority: string | null;
  handlingCode: string | null;
  tlp: string | null;
  createdAt: string;
  createdBy: string | null;
  status: string;
  review: { status: string; flags: ReviewFlag[]; note: string | null } | null;
  payload: Record<string, unknown>;
}

/** An emergency access outside need-to-know. */
export interface BreakGlassRow {
  id: string;
  username: string;
  recordKind: string;
  recordId: string;
  reason: string;
  createdAt: string;
  expiresAt: string;
}

/** Redactions applied before a held message leaves. */
export interface Redaction {
  subject?: string;
  body?: string;
  removeEntityIds?: string[];
}

/** The review queue. */
export function listReviews(): Promise<ApiResult<{ messages: ReviewItem[] }>> {
  return requestApi('/reviews');
}

/** Approves (and sends) a held message, optionally redacted. */
export function approveReview(id: string, note: string, redact?: Redaction) {
  return requestApi<unknown>(`/reviews/${encodeURIComponent(id)}/approve`, {
    method: 'POST',
    body: { ...(note ? { note } : {}), ...(redact ? { redact } : {}) },
  });
}

/** Returns a held message to its author. */
export function returnReview(id: string, comment: string) {
  return requestApi<unknown>(`/reviews/${encodeURIComponent(id)}/return`, {
    method: 'POST',
    body: { comment },
  });
}

/** Emergency accesses not yet reviewed. */
export function listBreakGlass(): Promise<ApiResult<{ accesses: BreakGlassRow[] }>> {
  return requestApi('/break-glass?unreviewed=true');
}

/** Judges an emergency access. */
export function reviewBreakGlass(id: string, verdict: 'justified' | 'unjustified', note: string) {
  return requestApi<unknown>(`/break-glass/${encodeURIComponent(id)}/review`, {
    method: 'POST',
    body: { verdict, note },
  });
}

/** One place where the node holds a data subject. */
export interface SubjectHit {
  module: string;
  recordKind: string;
  recordId: string;
  entityId: string;
  score: number;
  matchedName: Record<string, string>;
  role: string | null;
  partner: string | null;
  direction: string | null;
  createdAt: string;
  handlingCode: string | null;
  tlp: string | null;
  purpose: string | null;
}

/** The DPO's report on a data subject. */
export interface SubjectReport {
  reference: string;
  generatedAt: string;
  hits: SubjectHit[];
}

/** Finds everything the node holds on a person, in any script. */
export function searchSubject(name: Record<string, string>, reference: string) {
  return requestApi<{ report: SubjectReport }>('/subject-requests/search', {
    method: 'POST',
    body: { name, reference },
  });
}

/** Erases one person entity found by a subject request. */
export function eraseSubject(hit: SubjectHit, reference: string) {
  return requestApi<unknown>('/subject-requests/change', {
    method: 'POST',
    body: { module: hit.module, recordId: hit.recordId, entityId: hit.entityId, action: 'erase', reference },
  });
}

/** A message due for its retention review. */
export interface RetentionDueRow {
  id: string;
  type: string;
  direction: string;
  partner: string;
  subject: string | null;
  createdAt: string;
  dueOn: string;
  legalBasis: string | null;
  handlingCode: string | null;
}

/** Messages due for review. */
export function listRetentionDue(): Promise<ApiResult<{ messages: RetentionDueRow[] }>> {
  return requestApi('/retention/due');
}

/** Runs the retention scan now. */
export function scanRetention() {
  return requestApi<{ listed: number | null }>('/retention/scan', { method: 'POST' });
}

/** Keeps a message until a later date. */
export function extendRetention(id: string, until: string, reason: string) {
  return requestApi<unknown>(`/retention/${encodeURIComponent(id)}/extend`, {
    method: 'POST',
    body: { until, reason },
  });
}

/** Purges a message everywhere on this node. */
export function purgeMessage(id: string, reason: string) {
  return requestApi<unknown>(`/retention/${encodeURIComponent(id)}/purge`, {
    method: 'POST',
    body: { reason },
  });
}
