import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * Maps any thrown value to the one error shape `{ error: { code, message, details? } }`.
 * Errors of the ApiError family carry their own status and code; anything else is a bug and
 * answers 500 with a reference the operator can find in the log, never the cause itself.
 */
export function handleError(err: unknown, c: Context, logger: Logger): Response {
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
  const ref = crypto.randomUUID();
  logger.error('unhandled error', { ref, path: c.req.path, method: c.req.method, err });
  return c.json({ error: { code: 'internal', message: `Internal error (reference ${ref})` } }, 500);
}
