import { type ApiResult, requestApi } from '../../api/client.js';
import type { ApiResponse } from '../../api/types.js';

/** A partner node as `GET /api/v1/partners` lists it. */
export type PartnerView = ApiResponse<'/api/v1/partners', 'get'>['partners'][number];

/** A fingerprint in the two forms people compare aloud. */
export type FingerprintView = PartnerView['fingerprint'];

/** A delivery of the outbox. */
export type DeliveryRow = ApiResponse<'/api/v1/deliveries', 'get'>['deliveries'][number];

/** A notification for administrators. */
export type NotificationRow = ApiResponse<'/api/v1/notifications', 'get'>['notifications'][number];

/** An account of this node. */
export type UserRow = ApiResponse<'/api/v1/users', 'get'>['users'][number];

/** An entry of the hash-chained audit log. */
export type AuditEntry = ApiResponse<'/api/v1/audit', 'get'>['entries'][number];

/** Outcome of recomputing the audit chain. */
export type AuditVerification = ApiResponse<'/api/v1/audit/verify', 'post'>;

/** This node's card, its compact JWS and fingerprint. */
export function getNodeCard(): Promise<
  ApiResult<{ card: unknown; cardJws: string; fingerprint: FingerprintView }>
> {
  return requestApi('/node/card');
}

/** Partner nodes, every status. */
export function listPartners(): Promise<ApiResult<{ partners: PartnerView[] }>> {
  return requestApi('/partners');
}

/** Imports a partner card, pasted or uploaded (`cardJws`) or fetched by the node (`url`). */
export function importPartner(source: { cardJws: string } | { url: string }) {
  return requestApi<{ partner: PartnerView }>('/partners', { method: 'POST', body: source });
}

/** Confirms a partner's fingerprint as read out by the partner. */
export function verifyPartner(nodeId: string, fingerprint: string) {
  return requestApi<{ partner: PartnerView }>(`/partners/${encodeURIComponent(nodeId)}/verify`, {
    method: 'POST',
    body: { fingerprint },
  });
}

/** Revokes a partner: nothing more is sent to it or accepted from it. */
export function revokePartner(nodeId: string, reason: string) {
  return requestApi<{ partner: PartnerView }>(`/partners/${encodeURIComponent(nodeId)}/revoke`, {
    method: 'POST',
    body: { reason },
  });
}

/** Deliveries with a status. */
export function listDeliveries(status: string): Promise<ApiResult<{ deliveries: DeliveryRow[] }>> {
  return requestApi(`/deliveries?status=${encodeURIComponent(status)}`);
}

/** Sends a dead letter again. */
export function retryDelivery(id: string) {
  return requestApi<unknown>(`/deliveries/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}

/** Notifications, newest first. */
export function listNotifications(): Promise<ApiResult<{ notifications: NotificationRow[] }>> {
  return requestApi('/notifications');
}

/** Marks a notification read. */
export function markNotificationRead(id: string) {
  return requestApi<unknown>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

/** Accounts of this node. */
export function listUsers(): Promise<ApiResult<{ users: UserRow[] }>> {
  return requestApi('/users');
}

/** Creates an account; admin and DPO accounts come back with their TOTP secret, shown once. */
export function createUser(body: {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
}) {
  return requestApi<{ user: UserRow; totpSecret: string | null }>('/users', { method: 'POST', body });
}

/** Audit entries, newest first. */
export function listAudit(filters: { action: string; actor: string; limit: number }) {
  const params = new URLSearchParams();
  if (filters.action.trim()) params.set('action', filters.action.trim());
  if (filters.actor.trim()) params.set('actor', filters.actor.trim());
  params.set('limit', String(filters.limit));
  return requestApi<{ entries: AuditEntry[] }>(`/audit?${params}`);
}

/** Recomputes the audit hash chain. */
export function verifyAudit() {
  return requestApi<AuditVerification>('/audit/verify', { method: 'POST' });
}

/** A signed checkpoint of an audit chain: this node's own, or one a partner sent. */
export type CheckpointRow = ApiResponse<'/api/v1/audit/checkpoints', 'get'>['checkpoints'][number];

/** Outcome of comparing the audit chain with our checkpoints and the copies partners hold. */
export type CheckpointVerification = ApiResponse<'/api/v1/audit/checkpoints/verify', 'post'>;

/** Problem found when comparing the audit chain with a checkpoint. */
export type CheckpointProblem = CheckpointVerification['findings'][number]['problem'];

/** Signs the head of the audit chain and sends it to every verified partner. */
export function publishCheckpoint() {
  return requestApi<{ checkpoint: CheckpointRow }>('/audit/checkpoints', { method: 'POST', body: {} });
}

/** Compares the audit chain with our checkpoints and, optionally, the copies partners hold. */
export function verifyCheckpoints(partners: boolean) {
  return requestApi<CheckpointVerification>('/audit/checkpoints/verify', {
    method: 'POST',
    body: { partners },
  });
}

/** Checkpoints of this node (no `node`) or those a partner sent us. */
export function listCheckpoints(node: string | null) {
  const query = node ? `?node=${encodeURIComponent(node)}` : '';
  return requestApi<{ checkpoints: CheckpointRow[] }>(`/audit/checkpoints${query}`);
}

/** Rotates this node's keys; `pushed` is each verified partner's answer (0: unreachable). */
export function rotateNodeKeys() {
  return requestApi<{ fingerprint: string; pushed: Record<string, number> }>('/node/rotate-keys', {
    method: 'POST',
    body: {},
  });
}

/** Changes an account's roles or disabled flag. */
export function updateUser(id: string, body: { disabled?: boolean; roles?: string[] }) {
  return requestApi<{ user: UserRow }>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

/** Lifts a lock-out after repeated failed sign-ins. */
export function unlockUser(id: string) {
  return requestApi<{ user: UserRow }>(`/users/${encodeURIComponent(id)}/unlock`, { method: 'POST' });
}
