import { type ApiResult, requestApi, uploadApi } from '../../api/client.js';
import type { ApiRequestBody, ApiResponse } from '../../api/types.js';

export type Incident = ApiResponse<'/api/v1/incidents/{id}', 'get'>;
export type IncidentList = ApiResponse<'/api/v1/incidents', 'get'>;
export type IncidentStats = ApiResponse<'/api/v1/incidents/stats', 'get'>;
export type IomImport = ApiResponse<'/api/v1/incidents/imports/{id}', 'get'>;
export type StatusBoard = ApiResponse<'/api/v1/incidents/{id}/board', 'get'>;
export type PostMortem = ApiResponse<'/api/v1/incidents/{id}/post-mortem', 'get'>['records'][number];
export type AnteMortem = ApiResponse<'/api/v1/incidents/{id}/ante-mortem', 'get'>['records'][number];
export type Survivor = ApiResponse<'/api/v1/incidents/{id}/survivors', 'get'>['records'][number];
export type Candidate = ApiResponse<'/api/v1/incidents/{id}/candidates', 'get'>['candidates'][number];
export type Identification = ApiResponse<
  '/api/v1/incidents/{id}/identifications',
  'get'
>['identifications'][number];
export type DecisionInput = ApiRequestBody<'/api/v1/incidents/{id}/identifications', 'post'>;
export type IdentifierInput = ApiRequestBody<'/api/v1/incidents/{id}/identifiers', 'post'>;

export function listIncidents(query: { q?: string; limit?: number }): Promise<ApiResult<IncidentList>> {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  params.set('limit', String(query.limit ?? 100));
  return requestApi(`/incidents?${params}`);
}

export const getIncident = (id: string): Promise<ApiResult<Incident>> => requestApi(`/incidents/${id}`);
export const incidentStats = (): Promise<ApiResult<IncidentStats>> => requestApi('/incidents/stats');
export const importProgress = (id: string): Promise<ApiResult<IomImport>> =>
  requestApi(`/incidents/imports/${id}`);

/** Uploads an IOM CSV (plain or .gz); the node reads it in the background. */
export function startImport(
  file: File,
  onProgress: (sent: number, total: number) => void,
): Promise<ApiResult<IomImport>> {
  const gzip = file.name.endsWith('.gz');
  const body = new Blob([file], { type: gzip ? 'application/gzip' : 'text/csv' });
  return uploadApi(`/incidents/imports?name=${encodeURIComponent(file.name)}`, body, {
    fileName: file.name,
    onProgress,
  });
}

export const statusBoard = (id: string): Promise<ApiResult<StatusBoard>> =>
  requestApi(`/incidents/${id}/board`);
export const postMortems = async (id: string): Promise<ApiResult<{ records: PostMortem[] }>> =>
  requestApi(`/incidents/${id}/post-mortem`);
export const anteMortems = async (id: string): Promise<ApiResult<{ records: AnteMortem[] }>> =>
  requestApi(`/incidents/${id}/ante-mortem`);
export const survivors = async (id: string): Promise<ApiResult<{ records: Survivor[] }>> =>
  requestApi(`/incidents/${id}/survivors`);
export const candidatesFor = (id: string, pmId: string): Promise<ApiResult<{ candidates: Candidate[] }>> =>
  requestApi(`/incidents/${id}/candidates?pmId=${pmId}&limit=5`);
export const identifications = (id: string): Promise<ApiResult<{ identifications: Identification[] }>> =>
  requestApi(`/incidents/${id}/identifications`);
export const confirmIdentifier = (id: string, body: IdentifierInput): Promise<ApiResult<undefined>> =>
  requestApi(`/incidents/${id}/identifiers`, { method: 'POST', body });
export const decide = (id: string, body: DecisionInput): Promise<ApiResult<Identification>> =>
  requestApi(`/incidents/${id}/identifications`, { method: 'POST', body });

export type FamilyNotification = ApiResponse<
  '/api/v1/incidents/{id}/notifications',
  'get'
>['notifications'][number];
export type Repatriation = ApiResponse<
  '/api/v1/incidents/{id}/repatriations',
  'get'
>['repatriations'][number];
export type NotificationInput = ApiRequestBody<'/api/v1/incidents/{id}/notifications', 'post'>;
export type RepatriationInput = ApiRequestBody<'/api/v1/incidents/{id}/repatriations', 'post'>;
export type Transfer = ApiResponse<'/api/v1/incidents/{id}/transfers', 'post'>;

export const familyNotifications = (
  id: string,
): Promise<ApiResult<{ notifications: FamilyNotification[] }>> =>
  requestApi(`/incidents/${id}/notifications`);
export const repatriations = (id: string): Promise<ApiResult<{ repatriations: Repatriation[] }>> =>
  requestApi(`/incidents/${id}/repatriations`);
export const notifyFamily = (id: string, body: NotificationInput): Promise<ApiResult<undefined>> =>
  requestApi(`/incidents/${id}/notifications`, { method: 'POST', body });
export const setRepatriation = (id: string, body: RepatriationInput): Promise<ApiResult<undefined>> =>
  requestApi(`/incidents/${id}/repatriations`, { method: 'POST', body });
export const transfers = (id: string): Promise<ApiResult<{ transfers: Transfer[] }>> =>
  requestApi(`/incidents/${id}/transfers`);
export const sendAnteMortem = (
  id: string,
  amId: string,
  partner: string,
  includeRelativesDna: boolean,
): Promise<ApiResult<Transfer>> =>
  requestApi(`/incidents/${id}/transfers`, { method: 'POST', body: { amId, partner, includeRelativesDna } });
export const sendAlert = (
  id: string,
  recordKind: 'pm' | 'am',
  recordId: string,
  partner: string,
): Promise<ApiResult<{ messageId: string; status: string }>> =>
  requestApi(`/incidents/${id}/alerts`, { method: 'POST', body: { recordKind, recordId, partner } });
export const partners = (): Promise<ApiResult<{ partners: Array<{ nodeId: string; status: string }> }>> =>
  requestApi('/partners');
