/**
 * Per-field validation issues with stable codes.
 *
 * zod reports issues with its own codes and English messages; the UI needs a
 * code it can translate (fr, en, ar, ur) and a path it can attach to a form
 * field. Domain rules (check digits, country codes...) raise zod `custom`
 * issues carrying `params.code`; `formatIssues` turns every issue into a
 * `FieldIssue` with one of the codes below.
 */
import type * as z from 'zod';

/**
 * Every code `formatIssues` can return. Part of the API contract: the UI keys
 * its translations on these, so codes are only ever added, never renamed.
 */
export const ISSUE_CODES = [
  // Structural (from zod's built-in checks).
  'required',
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'unrecognized_key',
  'invalid_union',
  'invalid',
  // Shared formats.
  'date_invalid',
  'datetime_invalid',
  'date_order',
  'country_unknown',
  'language_tag_invalid',
  'name_empty',
  'name_script_mismatch',
  'duplicate',
  'identifier_missing',
  // Identity documents (ICAO 9303).
  'mrz_format',
  'mrz_charset',
  'mrz_check_digit',
  'mrz_mismatch',
  'document_expired_before_issue',
  // Phones.
  'phone_invalid',
  // Vessels.
  'imo_format',
  'imo_check_digit',
  'mmsi_format',
  'mmsi_not_ship_station',
  'mmsi_mid_unallocated',
  'call_sign_format',
  // Vehicles.
  'vin_format',
  'vin_check_digit',
  'plate_format',
  // Locations.
  'latitude_range',
  'longitude_range',
  // Financial identifiers.
  'iban_format',
  'iban_country',
  'iban_length',
  'iban_checksum',
  'bic_format',
  'wallet_format',
  // Entity graph.
  'entity_id_duplicate',
  'entity_ref_unknown',
  'relationship_kinds',
  // Messages (src/exchange).
  'schema_version_unsupported',
  'json_invalid',
  'handling_restriction_required',
  'deadline_not_after_creation',
  'retention_review_before_creation',
  'sha256_format',
  'media_type_format',
  'alert_entity_required',
  'decline_reason_required',
] as const;

/** A stable, translatable issue code. */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** One validation problem attached to one field. */
export interface FieldIssue {
  /** Dotted path from the parsed root, e.g. `entities.0.datesOfBirth.1`; `''` for the root. */
  path: string;
  code: IssueCode;
  /** Plain English, for logs, the CLI and as the UI's fallback. */
  message: string;
  /** Values a translation may interpolate (`minimum`, `maximum`, `values`, `expected`...). */
  params?: Record<string, unknown>;
}

/** Result of `parseWithIssues`: the parsed value, or the per-field issues. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** The minimal refinement context this module writes to (zod's `superRefine` context). */
export interface IssueSink {
  addIssue(issue: z.core.$ZodSuperRefineIssue): void;
}

/** Raise a domain issue with a stable code from inside a zod `superRefine`. */
export function addIssue(
  ctx: IssueSink,
  code: IssueCode,
  message: string,
  path: PropertyKey[] = [],
  params: Record<string, unknown> = {},
): void {
  ctx.addIssue({ code: 'custom', message, path, params: { ...params, code } });
}

const FORMAT_MESSAGES: Record<string, string> = {
  uuid: 'Must be a UUID (RFC 9562)',
  guid: 'Must be a UUID (RFC 9562)',
  datetime: 'Must be an ISO 8601 date-time with a time zone, e.g. 2025-01-31T09:30:00Z',
  date: 'Must be a date in the form YYYY-MM-DD',
  email: 'Must be an e-mail address',
  url: 'Must be a URL',
};

function describeSize(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, small: boolean): string {
  const bound = Number(
    small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum,
  );
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (small && bound === 1) return 'Must not be empty';
      return `Must be ${small ? 'at least' : 'at most'} ${bound} characters long`;
    case 'array':
    case 'set':
      if (small && bound === 1) return 'Must contain at least one item';
      return `Must contain ${small ? 'at least' : 'at most'} ${bound} items`;
    default:
      if (small) return inclusive ? `Must be at least ${bound}` : `Must be greater than ${bound}`;
      return inclusive ? `Must be at most ${bound}` : `Must be less than ${bound}`;
  }
}

const NO_INPUT = Symbol('no input');

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function isMissing(issue: z.core.$ZodIssue, fullPath: readonly PropertyKey[], root: unknown): boolean {
  if (issue.code !== 'invalid_type' && issue.code !== 'invalid_value') return false;
  if ('input' in issue) return issue.input === undefined;
  if (root !== NO_INPUT) return valueAt(root, fullPath) === undefined;
  // Without the input, only zod's English message of invalid_type still says so.
  return issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
}

function formatOne(issue: z.core.$ZodIssue, prefix: PropertyKey[], root: unknown): FieldIssue[] {
  const fullPath = [...prefix, ...issue.path];
  const path = fullPath.map(String).join('.');
  switch (issue.code) {
    case 'custom': {
      const params = { ...(issue.params ?? {}) } as Record<string, unknown>;
      const code = typeof params.code === 'string' ? (params.code as IssueCode) : 'invalid';
      delete params.code;
      const out: FieldIssue = { path, code, message: issue.message };
      if (Object.keys(params).length > 0) out.params = params;
      return [out];
    }
    case 'invalid_type':
      if (isMissing(issue, fullPath, root)) return [{ path, code: 'required', message: 'Required' }];
      return [
        {
          path,
          code: 'invalid_type',
          message: `Expected ${issue.expected}`,
          params: { expected: issue.expected },
        },
      ];
    case 'too_small':
      return [
        {
          path,
          code: 'too_small',
          message: describeSize(issue, true),
          params: { minimum: Number(issue.minimum) },
        },
      ];
    case 'too_big':
      return [
        {
          path,
          code: 'too_big',
          message: describeSize(issue, false),
          params: { maximum: Number(issue.maximum) },
        },
      ];
    case 'invalid_format':
      return [
        {
          path,
          code: 'invalid_format',
          message: FORMAT_MESSAGES[issue.format] ?? `Invalid format (${issue.format})`,
          params: { format: issue.format },
        },
      ];
    case 'invalid_value': {
      if (isMissing(issue, fullPath, root)) return [{ path, code: 'required', message: 'Required' }];
      const values = issue.values.map(String);
      const message =
        values.length === 1 ? `Must be ${JSON.stringify(values[0])}` : `Must be one of: ${values.join(', ')}`;
      return [{ path, code: 'invalid_value', message, params: { values } }];
    }
    case 'unrecognized_keys':
      // One issue per key, so the UI (and a partner reading a rejection) sees exactly which field is extra.
      return issue.keys.map((key) => ({
        path: [...fullPath, key].map(String).join('.'),
        code: 'unrecognized_key' as const,
        message: `Unknown field "${key}"`,
      }));
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator !== undefined) {
        if (root !== NO_INPUT && valueAt(root, fullPath) === undefined) {
          return [{ path, code: 'required', message: 'Required' }];
        }
        return [{ path, code: 'invalid_value', message: `Unknown ${issue.discriminator}` }];
      }
      // When every branch failed, the branch with the fewest issues is the one the sender most likely meant.
      const branches = issue.errors.filter((e) => e.length > 0);
      if (branches.length > 0) {
        const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
        return best.flatMap((inner) => formatOne(inner, fullPath, root));
      }
      return [{ path, code: 'invalid_union', message: 'Does not match any allowed shape' }];
    }
    default:
      return [{ path, code: 'invalid', message: issue.message || 'Invalid value' }];
  }
}

/**
 * Flatten a zod error (or its issue list) into per-field issues with stable
 * codes and English messages. Pass the parsed `input` too so that a missing
 * field is reported as `required` rather than as a wrong type or value.
 * Input values are never copied into the result, so issues can be logged or
 * returned to a partner without leaking personal data.
 */
export function formatIssues(
  error: z.ZodError | readonly z.core.$ZodIssue[],
  input: unknown = NO_INPUT,
): FieldIssue[] {
  const issues = Array.isArray(error) ? error : (error as z.ZodError).issues;
  return issues.flatMap((issue) => formatOne(issue as z.core.$ZodIssue, [], input));
}

/** Parse `input` with `schema` and return either the typed value or the formatted issues. */
export function parseWithIssues<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: formatIssues(result.error, input) };
}
