import { type ApiResult, requestApi } from '../../api/client.js';
import type { ApiRequestBody, ApiResponse } from '../../api/types.js';

/** A case in the list. */
export type CaseSummary = ApiResponse<'/api/v1/cases', 'get'>['cases'][number];
/** A case in full. */
export type CaseView = ApiResponse<'/api/v1/cases/{id}', 'get'>;
/** The resolved graph of a case (the link chart). */
export type CaseGraph = ApiResponse<'/api/v1/cases/{id}/graph', 'get'>;
export type GraphEntity = CaseGraph['entities'][number];
export type GraphLink = CaseGraph['links'][number];
export type CaseMetrics = ApiResponse<'/api/v1/cases/{id}/metrics', 'get'>;
export type CasePaths = ApiResponse<'/api/v1/cases/{id}/paths', 'get'>;
export type NewCase = ApiRequestBody<'/api/v1/cases', 'post'>;

/** Filters of the chart and the analyses. */
export interface GraphFilter {
  since?: string;
  until?: string;
  types?: string[];
}

function filterQuery(f: GraphFilter): URLSearchParams {
  const q = new URLSearchParams();
  if (f.since) q.set('since', f.since);
  if (f.until) q.set('until', f.until);
  if (f.types && f.types.length > 0) q.set('types', f.types.join(','));
  return q;
}

export const listCases = (q = '') =>
  requestApi<ApiResponse<'/api/v1/cases', 'get'>>(`/cases${q ? `?q=${encodeURIComponent(q)}` : ''}`);
export const listUnassigned = () =>
  requestApi<ApiResponse<'/api/v1/cases/unassigned', 'get'>>('/cases/unassigned');
export const assignCase = (id: string, members: string[]) =>
  requestApi(`/cases/${id}/assign`, { method: 'POST', body: { members } });
export const createCase = (body: NewCase): Promise<ApiResult<CaseView>> =>
  requestApi<CaseView>('/cases', { method: 'POST', body });
export const getCase = (id: string) => requestApi<CaseView>(`/cases/${id}`);
export const shareCase = (id: string, partner: string) =>
  requestApi<CaseView>(`/cases/${id}/partners`, { method: 'POST', body: { partner } });
export const withdrawPartner = (id: string, partner: string, reason: string) =>
  requestApi<CaseView>(`/cases/${id}/partners/${encodeURIComponent(partner)}/withdraw`, {
    method: 'POST',
    body: { reason },
  });
export const addItems = (id: string, collection: string, items: Record<string, unknown>[]) =>
  requestApi<{ ids: string[] }>(`/cases/${id}/items/${collection}`, { method: 'POST', body: { items } });
export const getGraph = (id: string, f: GraphFilter) =>
  requestApi<CaseGraph>(`/cases/${id}/graph?${filterQuery(f)}`);
export const getMetrics = (id: string, f: GraphFilter) =>
  requestApi<CaseMetrics>(`/cases/${id}/metrics?${filterQuery(f)}`);
export function findPaths(
  id: string,
  f: GraphFilter & { from: string; to: string; directed: boolean; timeOrdered: boolean; all: boolean },
) {
  const q = filterQuery(f);
  q.set('from', f.from);
  q.set('to', f.to);
  if (f.directed) q.set('directed', 'true');
  if (f.timeOrdered) q.set('timeOrdered', 'true');
  if (f.all) q.set('all', 'true');
  return requestApi<CasePaths>(`/cases/${id}/paths?${q}`);
}
/** Where the browser downloads an export (the session cookie authenticates it). */
export const exportUrl = (id: string, format: 'pdf' | 'graphml' | 'json') =>
  `/api/v1/cases/${id}/export?format=${format}`;

export type ImportResult = ApiResponse<'/api/v1/cases/{id}/import', 'post'>;
export type ImportBody = ApiRequestBody<'/api/v1/cases/{id}/import', 'post'>;
export type DuplicateCandidate = ApiResponse<'/api/v1/cases/{id}/duplicates', 'get'>['candidates'][number];
export const importCsv = (id: string, body: ImportBody) =>
  requestApi<ImportResult>(`/cases/${id}/import`, { method: 'POST', body });
export const listDuplicates = (id: string) =>
  requestApi<ApiResponse<'/api/v1/cases/{id}/duplicates', 'get'>>(`/cases/${id}/duplicates`);
export const mergeEntities = (id: string, survivor: string, merged: string[]) =>
  requestApi<CaseView>(`/cases/${id}/merge`, { method: 'POST', body: { survivor, merged } });
export const unmergeEntity = (id: string, entity: string) =>
  requestApi<CaseView>(`/cases/${id}/unmerge`, { method: 'POST', body: { entity } });
