import { canonicalize } from '../crypto/canonical-json.js';
import { sha256Base64url } from '../crypto/keys.js';
import type { DbOrTx, Tx } from '../db/schema.js';
import { ApiError, ValidationError } from '../errors.js';

/**
 * `Idempotency-Key` (IETF draft-ietf-httpapi-idempotency-key-header): a client that retries a
 * request with the same key gets the answer of the first one instead of a second effect. The
 * key is stored per user with a hash of the request body, in the transaction that makes the
 * effect, so the effect and its key commit together or not at all.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** How long a key is remembered: retries come within minutes, a day covers a long outage. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

const keyPattern = /^[\x21-\x7e]{1,255}$/;

/** What an operation stored for a key: enough to answer the same request again. */
export interface IdempotentRecord {
  requestHash: string;
  status: number;
  response: unknown;
}

/** Reads and checks the header; null when absent. */
export function idempotencyKeyOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  // A quoted sf-string is accepted as the draft writes it; the bare token as clients send it.
  const key = /^".*"$/.test(header) ? header.slice(1, -1) : header;
  if (!keyPattern.test(key)) {
    throw new ValidationError('Idempotency-Key must be 1–255 visible ASCII characters', [
      { path: 'headers.idempotency-key', code: 'invalid', message: 'visible ASCII, 1–255 characters' },
    ]);
  }
  return key;
}

/** SHA-256 of the operation and the request body's canonical JSON (key order does not matter). */
export function idempotencyRequestHash(operation: string, body: unknown): string {
  let text: string;
  try {
    text = canonicalize(body);
  } catch {
    text = JSON.stringify(body);
  }
  return sha256Base64url(`${operation}\n${text}`);
}

/**
 * The stored answer for a user's key, if one is live. The same key with another body or
 * operation answers 422 `idempotency_key_reused`: the client has a bug, and replaying the
 * first answer would hide it.
 */
export async function findIdempotentAnswer(
  db: DbOrTx,
  input: { userId: string; key: string; requestHash: string; now: Date },
): Promise<IdempotentRecord | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status', 'response'])
    .where('user_id', '=', input.userId)
    .where('key', '=', input.key)
    .where('expires_at', '>', input.now)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== input.requestHash) {
    throw new ApiError(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used with another request; use a new key for a new request',
    );
  }
  return { requestHash: row.request_hash, status: row.status, response: row.response };
}

/**
 * Stores the answer inside the transaction that made the effect. A concurrent request with
 * the same key waits on the primary key and then fails with a unique violation, which the
 * caller turns into a replay of the committed answer.
 */
export async function recordIdempotentAnswer(
  tx: Tx,
  input: {
    userId: string;
    key: string;
    operation: string;
    requestHash: string;
    status: number;
    response: unknown;
    now: Date;
  },
): Promise<void> {
  // An expired key may be reused; expired keys of this user go at the same time.
  await tx
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', input.userId)
    .where('expires_at', '<=', input.now)
    .execute();
  await tx
    .insertInto('idempotency_keys')
    .values({
      user_id: input.userId,
      key: input.key,
      operation: input.operation,
      request_hash: input.requestHash,
      status: input.status,
      response: JSON.stringify(input.response),
      created_at: input.now,
      expires_at: new Date(input.now.getTime() + IDEMPOTENCY_TTL_MS),
    })
    .execute();
}

/** True for the unique violation a concurrent request with the same key meets. */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '23505';
}
