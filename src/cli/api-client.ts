import { UsageError } from './io.js';

/** Where and as whom a CLI command reaches a running node. */
export interface ApiTarget {
  url: string;
  token: string;
}

/** Reads `--url`/`--token` (or PASSERELLE_URL / PASSERELLE_TOKEN) for commands that use the HTTP API. */
export function apiTargetOf(
  values: { url?: string | undefined; token?: string | undefined },
  env: Record<string, string | undefined>,
): ApiTarget {
  const url = values.url ?? env.PASSERELLE_URL ?? 'http://127.0.0.1:7410';
  const token = values.token ?? env.PASSERELLE_TOKEN;
  if (!token) {
    throw new UsageError(
      'an API token is needed: pass --token or set PASSERELLE_TOKEN (create one with "passerelle user token" or in the web UI)',
    );
  }
  return { url: url.replace(/\/+$/, ''), token };
}

/** An error answer of the node's API, with its stable code. */
export class ApiCallError extends Error {
  override name = 'ApiCallError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Calls the node's API with the bearer token; returns the parsed JSON or throws {@link ApiCallError}. */
export async function callApi<T = unknown>(
  target: ApiTarget,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${target.url}/api/v1${path}`, {
      method,
      headers: {
        ...headers,
        authorization: `Bearer ${target.token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (err) {
    throw new ApiCallError(0, 'network', `cannot reach ${target.url}: ${(err as Error).message}`);
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON; handled below
  }
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiCallError(
      res.status,
      e?.code ?? 'http_error',
      e?.message ?? `HTTP ${res.status}`,
      e?.details,
    );
  }
  return json as T;
}
