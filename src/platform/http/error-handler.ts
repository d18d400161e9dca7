import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { ApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import { STORAGE_RETRY_AFTER_SECONDS, StorageUnavailableError } from '../storage/blob-store.js';

/** What a 503 `database_unavailable` answer asks clients to wait before retrying. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * Maps any thrown value to the one error shape `{ error: { code, message, details? } }`.
 * Errors of the ApiError family carry their own status and code; anything else is a bug and
 * answers 500 with a reference the operator can find in the log, never the cause itself.
 */
export function handleError(err: unknown, c: Context, logger: Logger): Response {
  if (err instanceof StorageUnavailableError) {
    logger.warn('attachment store unavailable', {
      path: c.req.path,
      method: c.req.method,
      reason: err.message,
    });
    return c.json({ error: { code: err.code, message: err.message } }, 503, {
      'retry-after': String(STORAGE_RETRY_AFTER_SECONDS),
    });
  }
  if (err instanceof ApiError) {
    return c.json(
      { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } },
      err.status as 400,
    );
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'payload_too_large' : status === 404 ? 'not_found' : 'bad_request';
    return c.json({ error: { code, message: err.message || 'Request refused' } }, status);
  }
  if (isDatabaseUnavailable(err)) {
    // A restart or failover: the client may retry (POST /messages safely with Idempotency-Key).
    logger.warn('database unavailable', { path: c.req.path, method: c.req.method, err });
    return c.json(
      {
        error: {
          code: 'database_unavailable',
          message: 'The database is briefly unreachable; retry shortly',
        },
      },
      503,
      { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
    );
  }
  const ref = crypto.randomUUID();
  logger.error('unhandled error', { ref, path: c.req.path, method: c.req.method, err });
  return c.json({ error: { code: 'internal', message: `Internal error (reference ${ref})` } }, 500);
}
