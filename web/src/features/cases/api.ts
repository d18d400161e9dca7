import { type ApiFailure, type ApiResult, requestApi, uploadApi } from '../../api/client.js';
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

/** Changes fields of an item; `base` names the versions the form displayed. */
export const updateItem = (
  id: string,
  collection: string,
  itemId: string,
  fields: Record<string, unknown>,
  base?: Record<string, string | null>,
) =>
  requestApi<CaseView>(`/cases/${id}/items/${collection}/${itemId}`, {
    method: 'PATCH',
    body: base ? { fields, base } : { fields },
  });
export const removeItem = (id: string, collection: string, itemId: string) =>
  requestApi<null>(`/cases/${id}/items/${collection}/${itemId}`, { method: 'DELETE' });
export const addMember = (id: string, username: string, role: 'lead' | 'member') =>
  requestApi<CaseView>(`/cases/${id}/members`, { method: 'POST', body: { username, role } });
export const removeMember = (id: string, username: string) =>
  requestApi<null>(`/cases/${id}/members/${encodeURIComponent(username)}`, { method: 'DELETE' });
export type AttachedDocument = ApiResponse<'/api/v1/cases/{id}/documents', 'post'>;
/** Uploads a document file to the case. */
export function attachDocument(
  id: string,
  file: File,
  meta: { title: string; note?: string; handlingCode?: string },
) {
  const q = new URLSearchParams({ title: meta.title });
  if (meta.note) q.set('note', meta.note);
  if (meta.handlingCode) q.set('handlingCode', meta.handlingCode);
  return uploadApi<AttachedDocument>(`/cases/${id}/documents?${q}`, file, { fileName: file.name });
}
/** Where the browser downloads a document's file (the session cookie authenticates it). */
export const documentUrl = (id: string, documentId: string) => `/api/v1/cases/${id}/documents/${documentId}`;

/** A failure as one line: the message and the fields it names. */
export function failureText(r: ApiFailure): string {
  const issues = (r.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
  const fields = issues.map((i) => `${i.path.replace(/^body\.(fields\.)?/, '')}: ${i.message}`);
  return [r.message || r.code, ...fields.filter((f) => !(r.message ?? '').includes(f))].join(' — ');
}

/** This node's id (to tell its own incidents from a partner's). */
export const getNodeId = async (): Promise<string | null> => {
  const r = await requestApi<{ id: string }>('/node');
  return r.ok ? r.value.id : null;
};
export type IncidentHit = ApiResponse<'/api/v1/incidents', 'get'>['incidents'][number];
/** Incidents of the registry matching `q` (to link one to the case). */
export const searchIncidents = (q: string) =>
  requestApi<ApiResponse<'/api/v1/incidents', 'get'>>(
    `/incidents?${new URLSearchParams({ q, limit: '10' })}`,
  );
