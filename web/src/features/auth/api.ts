import { type ApiResult, requestApi } from '../../api/client.js';

/** The signed-in user as `/api/v1/auth/*` returns it. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  totpEnabled: boolean;
}

/** Credentials for {@link signIn}; `totp` is sent only on the second step. */
export interface SignInOptions {
  username: string;
  password: string;
  totp?: string;
}

/** Opens a session. Failure codes: `invalid_credentials`, `totp_required`, `totp_invalid`, `locked`, … */
export async function signIn(options: SignInOptions): Promise<ApiResult<User>> {
  const result = await requestApi<{ user: User }>('/auth/login', { method: 'POST', body: options });
  return result.ok ? { ...result, value: result.value.user } : result;
}

/** The user of the current session; fails with `unauthenticated` when there is none. */
export async function fetchCurrentUser(): Promise<ApiResult<User>> {
  const result = await requestApi<{ user: User }>('/auth/me');
  return result.ok ? { ...result, value: result.value.user } : result;
}

/** Closes the current session. */
export function signOut(): Promise<ApiResult<undefined>> {
  return requestApi<undefined>('/auth/logout', { method: 'POST' });
}

/** Changes the signed-in user's own password (204); the user's other sessions end. */
export function changePassword(currentPassword: string, newPassword: string): Promise<ApiResult<undefined>> {
  return requestApi<undefined>('/auth/password', {
    method: 'POST',
    body: { currentPassword, newPassword },
  });
}
