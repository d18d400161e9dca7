import type { ParseKeys } from 'i18next';

const LOGIN_ERROR_KEYS = {
  invalid_credentials: 'auth.errors.invalid_credentials',
  totp_required: 'auth.errors.totp_required',
  totp_invalid: 'auth.errors.totp_invalid',
  locked: 'auth.errors.locked',
  rate_limited: 'auth.errors.rate_limited',
  network: 'auth.errors.network',
  bad_request: 'auth.errors.bad_request',
} as const satisfies Record<string, ParseKeys>;

/** Translation key explaining a sign-in error code; unknown codes get the generic message. */
export function loginErrorKey(code: string): ParseKeys {
  return Object.hasOwn(LOGIN_ERROR_KEYS, code)
    ? LOGIN_ERROR_KEYS[code as keyof typeof LOGIN_ERROR_KEYS]
    : 'auth.errors.unexpected';
}
