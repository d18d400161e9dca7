import { z } from 'zod';
import { ApiError, type FieldIssue } from './errors.js';

/**
 * Text that is not text. JSON can carry NUL (`\u0000`) and lone UTF-16 surrogates, which no
 * UTF-8 store or log line can represent (PostgreSQL refuses NUL in `text` and `jsonb`); the
 * request that carries them is refused as a whole, with one code, before anything runs.
 */
export type TextProblem = 'nul' | 'lone_surrogate';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Bidirectional formatting characters (Unicode UAX #9 explicit embeddings, overrides, isolates and marks). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** What is wrong with one string, or null when it is well-formed text without NUL. */
export function textProblem(value: string): TextProblem | null {
  if (value.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(value)) return 'lone_surrogate';
  return null;
}

/** True when a label (file name, subject, display name) contains a bidirectional control. */
export function hasBidiControl(value: string): boolean {
  return BIDI_CONTROLS.test(value);
}

/**
 * Walks a parsed JSON value (keys included) and returns the first string that is not text,
 * with its dotted path under `part`; null when every string is well-formed.
 */
export function findInvalidText(value: unknown, part: string): FieldIssue | null {
  const stack: Array<[unknown, string]> = [[value, part]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { path, code: problem, message: `${path}: ${describe(problem)}` };
    } else if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) stack.push([item, `${path}.${i}`]);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        const problem = textProblem(k);
        if (problem) return { path, code: problem, message: `${path}: a key ${describe(problem)}` };
        stack.push([item, `${path}.${k}`]);
      }
    }
  }
  return null;
}

function describe(problem: TextProblem): string {
  return problem === 'nul' ? 'contains a NUL character' : 'contains a lone UTF-16 surrogate';
}

/** 400 `invalid_text`: a string of the request is not text (NUL, lone surrogate, or a bidi control in a label). */
export class InvalidTextError extends ApiError {
  override name = 'InvalidTextError';
  constructor(issue: FieldIssue) {
    super(400, 'invalid_text', `Invalid text in ${issue.message}`, { issues: [issue] });
  }
}

/** Throws {@link InvalidTextError} when any string in the value is not text. */
export function assertText(value: unknown, part: string): void {
  const issue = findInvalidText(value, part);
  if (issue) throw new InvalidTextError(issue);
}

/** Zod issue parameter the router turns into `invalid_text` instead of `bad_request`. */
export const INVALID_TEXT_PARAM = 'invalidText';

/**
 * A one-line label shown to people (file name, subject, display name): trimmed, bounded and
 * without bidirectional controls, so `invoice\u202Etxt.exe` cannot pose as a text file.
 */
export function labelText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !hasBidiControl(v), {
      message: 'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E/F)',
      params: { [INVALID_TEXT_PARAM]: true },
    });
}

/**
 * What a stranger sent, made fit to record as a claim: anything that is not text is replaced
 * by U+FFFD, control and bidi characters by `?`, and the result cut to `max` characters, so
 * an unauthenticated request cannot write 40,000 characters or a NUL into the audit log.
 */
export function claimText(value: unknown, max = 64): string | null {
  if (typeof value !== 'string') return null;
  const clean = value
    .replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD')
    .replace(UNPRINTABLE, (ch) => (ch === '\u0000' ? '\uFFFD' : '?'));
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
