/**
 * The one error family that crosses the HTTP boundary. `code` is part of the API contract:
 * the web UI and the CLI translate and act on it, so codes are stable snake_case words.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** One invalid field of a request. */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

/** 400: the request is malformed or fails validation; nothing was changed. */
export class ValidationError extends ApiError {
  override name = 'ValidationError';
  constructor(message: string, issues: FieldIssue[] = []) {
    super(400, 'bad_request', message, issues.length > 0 ? { issues } : undefined);
  }
}

/** 401: no valid session or token. Like every helper below: message first, then code. */
export class UnauthenticatedError extends ApiError {
  override name = 'UnauthenticatedError';
  constructor(message = 'Sign-in required', code = 'unauthenticated') {
    super(401, code, message);
  }
}

/** 403: signed in, but the role or need-to-know does not allow this. */
export class ForbiddenError extends ApiError {
  override name = 'ForbiddenError';
  constructor(message = 'Not allowed', code = 'forbidden') {
    super(403, code, message);
  }
}

/** 404: no such record, or one the caller may not know exists. */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
  constructor(message = 'Not found') {
    super(404, 'not_found', message);
  }
}

/** 409: the change conflicts with the current state (duplicate name, wrong status). */
export class ConflictError extends ApiError {
  override name = 'ConflictError';
  constructor(message: string, code = 'conflict') {
    super(409, code, message);
  }
}
