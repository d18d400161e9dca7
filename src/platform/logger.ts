/** Structured logger: one JSON object per line, so operators can ship logs anywhere. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Keys whose values are replaced before a line is written, whatever the caller passes. */
const redactedKeys = /pass(word|phrase)?|secret|token|cookie|authorization|private|totp/i;

/** Credentials inside a URL (`postgres://user:password@host`), wherever a message quotes one. */
const urlCredentials = /\b([a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)[^@\s]+@/gi;

function scrub(text: string): string {
  return text.replace(urlCredentials, '$1[redacted]@');
}

/**
 * Errors keep their name, message, stack, code and cause chain (an operator needs them to find
 * a 500 by its reference); strings lose any credentials a URL in them carries.
 */
function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      message: scrub(value.message),
      ...(value.stack ? { stack: scrub(value.stack) } : {}),
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      ...(value.cause !== undefined ? { cause: redact(value.cause, depth + 1) } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = redactedKeys.test(k) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

/** A logger writing JSON lines to a stream (stderr by default). */
export function createLogger(
  options: { level?: LogLevel; base?: Record<string, unknown>; write?: (line: string) => void } = {},
): Logger {
  const level = options.level ?? 'info';
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const base = options.base ?? {};
  const log = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (order[lvl] < order[level]) return;
    write(
      JSON.stringify({
        t: new Date().toISOString(),
        level: lvl,
        msg: scrub(msg),
        ...base,
        ...(redact(fields) as object),
      }),
    );
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
    child: (fields) => createLogger({ level, write, base: { ...base, ...fields } }),
  };
}
