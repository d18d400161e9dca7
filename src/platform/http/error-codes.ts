/**
 * Every error code the node's HTTP surfaces answer with, and its status. The codes are part
 * of the API contract (the web UI and the CLI act on them): a route declares the codes it may
 * answer, the OpenAPI document derives each operation's statuses from them, and tests check
 * that every error a response carries was declared by its operation. A code the federation
 * endpoints answer with another status (PROTOCOL §7.1) says so in `federationStatus`.
 */
export const errorCodes = {
  bad_request: { status: 400, description: 'The request is malformed or fails validation; nothing changed' },
  invalid_text: {
    status: 400,
    description: 'A string is not text (NUL, lone surrogate) or a label holds bidirectional controls',
  },
  weak_password: { status: 400, description: 'The new password is too easy to guess' },
  password_reused: { status: 400, description: 'The new password is one of the last ones used' },
  fingerprint_mismatch: {
    status: 400,
    description: 'The fingerprint read out of band does not match the card',
  },
  invalid_card: { status: 400, description: 'The card is not a valid self-signed node card' },
  invalid_statement: { status: 400, description: 'The signed statement does not verify' },
  bad_envelope: { status: 400, description: 'The envelope is refused (reason: PROTOCOL §4.2, §7.1)' },
  bad_batch: {
    status: 400,
    description: 'The batch body is not {"sender", "envelopes": [compact JWEs]} (PROTOCOL §7.6)',
  },
  expired: { status: 400, description: 'The envelope is older than the replay window' },
  unauthenticated: { status: 401, description: 'Sign-in required' },
  invalid_credentials: { status: 401, description: 'Wrong username or password' },
  invalid_token: { status: 401, description: 'Unknown, expired or revoked API token' },
  session_expired: { status: 401, description: 'The session has expired' },
  totp_required: { status: 401, description: 'The account needs its second-factor code' },
  totp_invalid: { status: 401, description: 'The second-factor code is wrong or was already used' },
  bad_http_signature: { status: 401, description: 'The RFC 9421 request signature is refused' },
  forbidden: { status: 403, description: 'The roles or need-to-know of the caller do not allow this' },
  csrf_invalid: { status: 403, description: 'Missing or wrong CSRF token (cookie sessions)' },
  session_required: {
    status: 403,
    description: 'Only a signed-in browser session may do this (not an API token)',
  },
  unknown_partner: { status: 403, description: 'The sender is not a partner of this node' },
  not_found: { status: 404, description: 'No such record, or one the caller may not know exists' },
  conflict: { status: 409, description: 'The change conflicts with the current state' },
  partner_exists: { status: 409, description: 'The partner is already imported' },
  partner_revoked: { status: 409, federationStatus: 403, description: 'The partner is revoked' },
  partner_not_verified: {
    status: 409,
    federationStatus: 403,
    description: 'The partner is not verified yet',
  },
  username_taken: { status: 409, description: 'The username is taken' },
  last_admin: { status: 409, description: 'The change would leave the node without an administrator' },
  totp_not_enrolled: { status: 409, description: 'Admin and DPO roles need a second factor' },
  not_retryable: { status: 409, description: 'The delivery is neither dead nor failed' },
  not_acknowledgeable: { status: 409, description: 'Only messages received from a partner are acknowledged' },
  already_acknowledged: { status: 409, description: 'The message is already acknowledged' },
  attachment_pending: { status: 409, description: 'The file is still being fetched from the partner' },
  attachment_unavailable: { status: 409, description: 'The file could not be fetched from the partner' },
  list_already_imported: { status: 409, description: 'This UN list file has already been imported' },
  list_not_newer: { status: 409, description: 'The UN list file is not newer than the active list' },
  no_active_list: { status: 409, description: 'No UN list has been imported yet' },
  batch_not_done: { status: 409, description: 'The screening batch has not finished' },
  reference_taken: { status: 409, description: 'Another DVI record of this incident has this reference' },
  match_locked: { status: 409, description: 'A board decision already binds one of these records' },
  primary_identifier_required: {
    status: 409,
    description: 'A confirmed identification needs a primary identifier confirmed by an expert',
  },
  not_identified: { status: 409, description: 'The record has no confirmed identification yet' },
  not_dvi: { status: 409, description: 'Only users with the dvi role join a DVI team' },
  not_collected_here: { status: 409, description: 'A record received from a partner is not sent on' },
  already_decided: { status: 409, description: 'This transfer was already decided by the DPO' },
  matching_not_allowed: {
    status: 403,
    description:
      'The partner does not allow (or this node does not grant) hit/no-hit checks for this partner',
  },
  matching_quota_exceeded: {
    status: 429,
    description: 'The daily quota of blind evaluations for this partner is used up',
  },
  matching_epoch_changed: {
    status: 409,
    description: 'The partner rotated its matching key since the filter was fetched; fetch it again',
  },
  token_version_mismatch: {
    status: 409,
    description:
      'The partner derives its matching tokens with another token version: no check is possible until both nodes run the same version',
  },
  matching_unavailable: { status: 502, description: 'The partner could not be reached for the check' },
  hit_ref_not_valid: {
    status: 409,
    description:
      'The partner quoting this hit reference could not have obtained it under its current matching policy (details.reason: unknown, withdrawn, not_allowed, not_obtained, expired); nothing of the record is shown',
  },
  item_not_matchable: {
    status: 422,
    description: 'An item gives no matching token (bad number, empty name)',
  },
  payload_too_large: { status: 413, description: 'The request body is over the limit' },
  unsupported_media_type: { status: 415, description: 'The file type is not accepted' },
  unknown_type: { status: 422, description: 'This node does not accept messages of that type' },
  invalid_message: { status: 422, description: 'The payload does not follow the schema of its type' },
  idempotency_key_reused: {
    status: 422,
    description: 'The Idempotency-Key was already used with another request body (or another operation)',
  },
  not_addressee: {
    status: 403,
    description:
      'Only those a message is addressed to may acknowledge it (not a viewer or break-glass reader)',
  },
  unit_exists: { status: 409, description: 'A unit with this id already exists' },
  already_reviewed: { status: 409, description: 'This break-glass access was already reviewed' },
  not_pending: { status: 409, description: 'The message is not waiting for review' },
  already_sent: { status: 409, description: 'The message has already left; it cannot be redacted' },
  review_pending: { status: 409, description: 'The message awaits review: return it before purging it' },
  identification_locked: {
    status: 409,
    description:
      "An identification board decision locks this DVI record while its case is open: purging it needs the DPO's explicit override",
  },
  not_received: { status: 409, description: 'Only data received from a partner is passed on' },
  consent_required: {
    status: 409,
    description: "H2/H3 data goes to a third partner only with its provider's consent",
  },
  onward_transmission_forbidden: {
    status: 409,
    description: 'TLP:RED and TLP:AMBER+STRICT data is never passed on to another partner',
  },
  case_withdrawn: {
    status: 409,
    description: "The case's owner withdrew it from this node: the copy is read-only",
  },
  sharing_not_covered: {
    status: 409,
    description: 'No standing sharing policy of the DPO covers sharing this case with that partner',
  },
  already_answered: { status: 409, description: 'This consent request was already answered' },
  locked: { status: 423, description: 'The account is locked after repeated failures' },
  rate_limited: { status: 429, description: 'Too many attempts; wait a minute' },
  internal: { status: 500, description: 'Internal error; the answer carries a reference for the log' },
  card_unreachable: { status: 502, description: "The partner's card could not be fetched" },
  not_ready: { status: 503, description: 'The node is starting or its database is unreachable' },
  overloaded: {
    status: 503,
    description: 'The node has too many requests in progress; retry after the Retry-After seconds',
  },
  shutting_down: {
    status: 503,
    description:
      'The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds',
  },
  storage_unavailable: {
    status: 503,
    description:
      'The attachment store (folder or S3 bucket) is unreachable or refuses the node; nothing was changed; retry after the Retry-After seconds',
  },
  database_unavailable: {
    status: 503,
    description:
      'The database is briefly unreachable (restart, failover); retry after the Retry-After seconds',
  },
} as const satisfies Record<string, { status: number; federationStatus?: number; description: string }>;

/** Which HTTP surface answers: the node API, or the node-to-node federation endpoints. */
export type ErrorSurface = 'api' | 'federation';

/** The status `code` answers with on `surface`. */
export function statusOf(code: ErrorCode, surface: ErrorSurface = 'api'): number {
  const entry: { status: number; federationStatus?: number } = errorCodes[code];
  return surface === 'federation' ? (entry.federationStatus ?? entry.status) : entry.status;
}

/** A declared error code. */
export type ErrorCode = keyof typeof errorCodes;
