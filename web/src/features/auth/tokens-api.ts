import { type ApiResult, requestApi } from '../../api/client.js';

/** An API token as `/api/v1/tokens` lists it (the secret itself is shown once, at creation). */
export interface ApiToken {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** What a new token may do; `totp` is needed for admin or DPO scopes. */
export interface CreateTokenOptions {
  name: string;
  scopes: string[];
  expiresInDays: number;
  totp?: string;
}

/** The signed-in user's tokens, newest first. */
export function listTokens(): Promise<ApiResult<{ tokens: ApiToken[] }>> {
  return requestApi<{ tokens: ApiToken[] }>('/tokens');
}

/** Creates a token; failure codes include `totp_required`, `totp_invalid`, `invalid_scope`. */
export function createToken(
  options: CreateTokenOptions,
): Promise<ApiResult<{ token: string; view: ApiToken }>> {
  return requestApi<{ token: string; view: ApiToken }>('/tokens', { method: 'POST', body: options });
}

/** Revokes one of the user's tokens. */
export function revokeToken(id: string): Promise<ApiResult<undefined>> {
  return requestApi<undefined>(`/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
