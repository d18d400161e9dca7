/**
 * SQLSTATE codes and network errors that mean "the database cannot be reached right now"
 * rather than "this request is wrong": class 08 (connection exception), 57P01–57P03 (admin
 * shutdown, crash shutdown, cannot connect now: a restart or failover), 53300 (too many
 * connections), and the socket errors of a server that went away.
 */
const unavailableCodes = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// node-postgres reports a lost or unobtainable connection with these messages (no code).
const unavailableMessages =
  /Connection terminated|connection error|timeout exceeded when trying to connect|is not currently accepting connections|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * True when `err` (or an error in its cause chain) says the database is unreachable for a
 * while. Such errors answer 503 with `Retry-After`, not 500: the request may be retried.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (depth > 5 || err === null || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (unavailableCodes.has(e.code) || e.code.startsWith('08'))) return true;
  if (typeof e.message === 'string' && unavailableMessages.test(e.message)) return true;
  // AggregateError (a host name resolving to several addresses, all refused).
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
