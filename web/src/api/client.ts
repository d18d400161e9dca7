/**
 * Fetch wrapper for the node's `/api/v1`. Expected failures come back as values, never as thrown errors,
 * so each screen decides what an error code means for the user.
 */

/** A failed call: `status` is 0 and `code` is `network` when no HTTP answer arrived. */
export interface ApiFailure {
  ok: false;
  status: number;
  code: string;
  message: string;
  /** `error.details` of the answer, e.g. `{ issues: [{ path, code, message }] }` for `bad_request`. */
  details?: unknown;
}

/** Outcome of an API call. */
export type ApiResult<T> = { ok: true; status: number; value: T } | ApiFailure;

/** Options for {@link requestApi}. */
export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Extra request headers (e.g. `idempotency-key`). */
  headers?: Record<string, string>;
}

const API_PREFIX = '/api/v1';
const CSRF_COOKIE = 'passerelle_csrf';
const CSRF_HEADER = 'x-csrf-token';
const TIMEOUT_MS = 20_000;
/** Gateway answers from a proxy in front of the node mean the node itself is unreachable. */
const UNREACHABLE_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

type SessionEndedListener = () => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/**
 * Registers a listener called when an API call reports `unauthenticated` (the session expired or was
 * revoked). Returns a function that unregisters it.
 */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => {
    sessionEndedListeners.delete(listener);
  };
}

/** Value of a cookie readable by scripts, or undefined. */
export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return undefined;
}

function failure(status: number, code: string, message = '', details?: unknown): ApiFailure {
  return details === undefined
    ? { ok: false, status, code, message }
    : { ok: false, status, code, message, details };
}

function isErrorBody(
  body: unknown,
): body is { error: { code: string; message?: string; details?: unknown } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
  );
}

/**
 * Calls `/api/v1{path}`. Sends the session cookie (same origin only) and, on every state-changing
 * request, the double-submit CSRF token from the `passerelle_csrf` cookie.
 */
export async function requestApi<T>(path: string, options: ApiRequestOptions = {}): Promise<ApiResult<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = readCookie(CSRF_COOKIE);
    if (token !== undefined) headers[CSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return failure(0, 'network');
  }

  if (UNREACHABLE_STATUSES.has(response.status)) return failure(response.status, 'network');
  if (response.status === 204) return { ok: true, status: 204, value: undefined as T };

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    if (response.ok) return failure(response.status, 'unexpected');
    return failure(response.status, response.status === 404 ? 'not_found' : 'unexpected');
  }

  if (response.ok) return { ok: true, status: response.status, value: body as T };
  if (!isErrorBody(body))
    return failure(response.status, response.status === 404 ? 'not_found' : 'unexpected');
  const { code, message = '', details } = body.error;
  if (code === 'unauthenticated') for (const listener of sessionEndedListeners) listener();
  return failure(response.status, code, message, details);
}

/** Options of {@link uploadApi}. */
export interface UploadOptions {
  /** Sent as `x-filename`, percent-encoded so any script survives the header. */
  fileName: string;
  /** Called with the bytes sent so far and the total. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * POSTs a file as the raw request body to `/api/v1{path}`. Uses XMLHttpRequest because fetch reports no
 * upload progress; answers the same result values as {@link requestApi}.
 */
export function uploadApi<T>(path: string, file: Blob, options: UploadOptions): Promise<ApiResult<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_PREFIX}${path}`);
    xhr.withCredentials = false;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('x-filename', encodeURIComponent(options.fileName));
    const token = readCookie(CSRF_COOKIE);
    if (token !== undefined) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    };
    xhr.onerror = () => resolve(failure(0, 'network'));
    xhr.onabort = () => resolve(failure(0, 'aborted'));
    xhr.onload = () => {
      if (UNREACHABLE_STATUSES.has(xhr.status)) return resolve(failure(xhr.status, 'network'));
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        return resolve(failure(xhr.status, xhr.status === 404 ? 'not_found' : 'unexpected'));
      }
      if (xhr.status >= 200 && xhr.status < 300)
        return resolve({ ok: true, status: xhr.status, value: body as T });
      if (!isErrorBody(body)) return resolve(failure(xhr.status, 'unexpected'));
      const { code, message = '', details } = body.error;
      if (code === 'unauthenticated') for (const listener of sessionEndedListeners) listener();
      resolve(failure(xhr.status, code, message, details));
    };
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
