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

/** Looks up a hit reference quoted by `partner` (refused unless that partner could have obtained it). */
export function resolveHit(ref: string, partner: string) {
  return requestApi<{ records: HitRecord[] }>(
    `/matching/hits/${encodeURIComponent(ref)}?partner=${encodeURIComponent(partner)}`,
  );
}

/** A partner's matching policy on this node (set by the DPO). */
export type PolicyView = ApiResponse<'/api/v1/matching/policies', 'get'>['policies'][number];
/** What the DPO sets. */
export type PolicyBody = ApiRequestBody<'/api/v1/matching/policies/{partner}', 'put'>;

export function matchingPolicies() {
  return requestApi<{ policies: PolicyView[] }>('/matching/policies');
}

export function setMatchingPolicy(partner: string, body: PolicyBody) {
  return requestApi<PolicyView>(`/matching/policies/${encodeURIComponent(partner)}`, {
    method: 'PUT',
    body,
  });
}

/** Rotates the matching key and rebuilds the index (administrator). */
export function rotateMatchingKey() {
  return requestApi<IndexStatus>('/matching/index/rebuild', { method: 'POST' });
}

/** A record registered for matching. */
export type Holding = ApiResponse<'/api/v1/matching/holdings', 'get'>['holdings'][number];

export function matchingHoldings() {
  return requestApi<{ holdings: Holding[] }>('/matching/holdings');
}

/** What the administrator registers: a source, its crime areas and the entities. */
export type HoldingRequest = ApiRequestBody<'/api/v1/matching/holdings', 'post'>;

/** Registers records for matching (administrator); the API refuses records that are not matchable. */
export function registerHoldings(body: HoldingRequest) {
  return requestApi<{ added: number }>('/matching/holdings', { method: 'POST', body });
}

export function withdrawHolding(id: string) {
  return requestApi<null>(`/matching/holdings/${id}`, { method: 'DELETE' });
}

/** A partner's follow-up rfi on the holder's side: its hit reference and the record(s). */
export type FollowUpRecords = ApiResponse<'/api/v1/matching/follow-ups/{id}', 'get'>;

export function followUpRecords(messageId: string) {
  return requestApi<FollowUpRecords>(`/matching/follow-ups/${messageId}`);
}
