import { type ApiResult, requestApi } from '../../api/client.js';
import type { ApiRequestBody, ApiResponse } from '../../api/types.js';

/** One item to check, as the API takes it. */
export type CheckItem = ApiRequestBody<'/api/v1/matching/checks', 'post'>['items'][number];
/** The answer to a check. */
export type CheckResponse = ApiResponse<'/api/v1/matching/checks', 'post'>;
/** One item's result. */
export type CheckResult = CheckResponse['results'][number];
/** Progress of a batch. */
export type MatchBatch = ApiResponse<'/api/v1/matching/batches/{id}', 'get'>;
/** Status of this node's index. */
export type IndexStatus = ApiResponse<'/api/v1/matching/index', 'get'>;
/** Per-partner report. */
export type PartnerReport = ApiResponse<'/api/v1/matching/reports', 'get'>['partners'][number];

/** Verified partners this node can check with. */
export async function verifiedPartners(): Promise<ApiResult<string[]>> {
  const r = await requestApi<ApiResponse<'/api/v1/partners', 'get'>>('/partners');
  if (!r.ok) return r;
  return { ...r, value: r.value.partners.filter((p) => p.status === 'verified').map((p) => p.nodeId) };
}

export function checkItems(body: ApiRequestBody<'/api/v1/matching/checks', 'post'>) {
  return requestApi<CheckResponse>('/matching/checks', { method: 'POST', body });
}

export function startMatchBatch(body: ApiRequestBody<'/api/v1/matching/batches', 'post'>) {
  return requestApi<MatchBatch>('/matching/batches', { method: 'POST', body });
}

export function matchBatch(id: string) {
  return requestApi<MatchBatch>(`/matching/batches/${id}`);
}

export function matchBatchResults(id: string) {
  return requestApi<{ results: CheckResult[] }>(`/matching/batches/${id}/results`);
}

export function followUp(body: ApiRequestBody<'/api/v1/matching/follow-ups', 'post'>) {
  return requestApi<{ messageId: string }>('/matching/follow-ups', { method: 'POST', body });
}

export function indexStatus() {
  return requestApi<IndexStatus>('/matching/index');
}

export function matchingReports() {
  return requestApi<{ partners: PartnerReport[] }>('/matching/reports');
}

/** What a hit reference (quoted in a partner's rfi) points at on this node. */
export type HitRecord = ApiResponse<'/api/v1/matching/hits/{ref}', 'get'>['records'][number];

export function resolveHit(ref: string) {
  return requestApi<{ records: HitRecord[] }>(`/matching/hits/${encodeURIComponent(ref)}`);
}
