// Request and view schemas of the screening API (zod: validated at the edge, published in
// the OpenAPI document) and the CSV batch format.
import { z } from 'zod';
import { isCountryCode } from '../entities/index.js';

const purpose = z
  .string()
  .trim()
  .min(3, 'State the purpose of the screening')
  .max(500)
  .describe('Why this screening is done (purpose limitation); written to the audit log');

/** A birth date as screening accepts it: a year, a month or a day. */
export const birthDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Give YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    if (m === undefined) return true;
    if (m < 1 || m > 12) return false;
    return d === undefined || (d >= 1 && d <= new Date(Date.UTC(y!, m, 0)).getUTCDate());
  }, 'Not a calendar date');

const countryCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isCountryCode, 'Must be an ISO 3166-1 alpha-2 country code');

/** What one screening looks for. */
export const screeningQuerySchema = z.strictObject({
  names: z.array(z.string().trim().min(1).max(300)).min(1).max(10),
  birthDate: birthDateSchema.optional(),
  nationalities: z.array(countryCode).max(10).optional(),
  documents: z.array(z.string().trim().min(1).max(60)).max(10).optional(),
});

/** Screening of one person or organisation. */
export const screenRequestSchema = z.strictObject({
  query: screeningQuerySchema,
  purpose,
});
export type ScreenRequest = z.infer<typeof screenRequestSchema>;

/** A batch from CSV text. */
export const batchRequestSchema = z.strictObject({
  csv: z.string().min(1).max(900_000),
  purpose,
});
export type BatchRequest = z.infer<typeof batchRequestSchema>;

/** Thresholds. */
export const thresholdsSchema = z
  .strictObject({
    confident: z.number().min(0.5).max(1),
    review: z.number().min(0.3).max(1),
  })
  .refine((t) => t.review <= t.confident, 'The review threshold must not exceed the confident one');

const check = z.object({
  status: z.enum(['agree', 'close', 'conflict', 'unknown']),
  listed: z.array(z.string()),
});

/** One ranked candidate. */
export const candidateViewSchema = z.object({
  referenceNumber: z.string(),
  kind: z.enum(['individual', 'entity']),
  name: z.string(),
  regime: z.string(),
  listedOn: z.string().nullable(),
  score: z.number(),
  nameScore: z.number(),
  level: z.enum(['confident', 'review']),
  queryName: z.string(),
  matchedName: z.string(),
  matchedSource: z.enum(['name', 'alias', 'original_script']),
  matchedQuality: z.string().optional(),
  alignment: z.array(z.string()),
  birth: check,
  nationality: check,
  document: check,
});

/** The answer to one screening. */
export const screenResultSchema = z.object({
  listId: z.string(),
  listGeneratedAt: z.string(),
  thresholds: z.object({ confident: z.number(), review: z.number() }),
  candidates: z.array(candidateViewSchema),
});

/** One version of the list. */
export const listViewSchema = z.object({
  id: z.string(),
  generatedAt: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
  sourceName: z.string(),
  sha256: z.string(),
  active: z.boolean(),
  individuals: z.number(),
  entities: z.number(),
  aliases: z.number(),
  originalScriptNames: z.number(),
  previousId: z.string().nullable(),
  added: z.number(),
  removed: z.number(),
  amended: z.number(),
});
export type ListView = z.infer<typeof listViewSchema>;

/** One change between two versions. */
export const changeViewSchema = z.object({
  referenceNumber: z.string(),
  change: z.enum(['added', 'removed', 'amended']),
  name: z.string(),
  fields: z.array(z.string()),
});
export type ChangeView = z.infer<typeof changeViewSchema>;

/** The differences between two versions. */
export const diffViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  added: z.number(),
  removed: z.number(),
  amended: z.number(),
  changes: z.array(changeViewSchema),
});
export type DiffView = z.infer<typeof diffViewSchema>;

/** Result of an import: the new version and what changed. */
export const importResultSchema = z.object({ list: listViewSchema, diff: diffViewSchema.nullable() });

/** Progress and, when done, the results of a batch. */
export const batchViewSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  total: z.number(),
  done: z.number(),
  purpose: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  confident: z.number(),
  review: z.number(),
});
export type BatchView = z.infer<typeof batchViewSchema>;

/** The screening of a person named in a received message. */
export const subjectFlagSchema = z.object({
  entityId: z.string(),
  names: z.array(z.string()),
  screenedAt: z.string().nullable(),
  level: z.enum(['confident', 'review']).nullable(),
  topScore: z.number().nullable(),
  candidates: z.array(candidateViewSchema),
});
export type SubjectFlag = z.infer<typeof subjectFlagSchema>;

/** One row of a batch, parsed from CSV. */
export interface BatchQuery {
  row: number;
  ref: string | null;
  query: z.infer<typeof screeningQuerySchema>;
}

/** Splits RFC 4180 CSV text into rows of fields (quoted fields may hold commas, quotes, newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field.length === 0) quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f.length > 0)) rows.push(row);
      row = [];
    } else field += ch;
  }
  if (quoted) throw new Error('a quoted field is not closed');
  row.push(field);
  if (row.some((f) => f.length > 0)) rows.push(row);
  return rows;
}

/** Columns of the batch CSV; `name` is required, multi-valued cells separate values with `|`. */
export const BATCH_COLUMNS = ['ref', 'name', 'other_names', 'birth_date', 'nationality', 'document'] as const;

const MAX_BATCH_ROWS = 10_000;

/** Parses a batch CSV into queries, or returns the problems found (row and column). */
export function parseBatchCsv(
  text: string,
): { ok: true; queries: BatchQuery[] } | { ok: false; problems: string[] } {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (err) {
    return { ok: false, problems: [`CSV: ${(err as Error).message}`] };
  }
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col('name') < 0) return { ok: false, problems: ['The header must have a "name" column'] };
  const unknown = header.filter((h) => !(BATCH_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) {
    return {
      ok: false,
      problems: [`Unknown columns: ${unknown.join(', ')} (known: ${BATCH_COLUMNS.join(', ')})`],
    };
  }
  if (rows.length === 0) return { ok: false, problems: ['The CSV has no rows below its header'] };
  if (rows.length > MAX_BATCH_ROWS)
    return { ok: false, problems: [`At most ${MAX_BATCH_ROWS} rows per batch`] };
  const problems: string[] = [];
  const queries: BatchQuery[] = [];
  const cell = (r: string[], name: string) => (col(name) >= 0 ? (r[col(name)] ?? '').trim() : '');
  const multi = (v: string) =>
    v
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
  rows.forEach((r, i) => {
    const line = i + 2;
    const raw = {
      names: [cell(r, 'name'), ...multi(cell(r, 'other_names'))].filter(Boolean),
      ...(cell(r, 'birth_date') ? { birthDate: cell(r, 'birth_date') } : {}),
      ...(cell(r, 'nationality') ? { nationalities: multi(cell(r, 'nationality')) } : {}),
      ...(cell(r, 'document') ? { documents: multi(cell(r, 'document')) } : {}),
    };
    const parsed = screeningQuerySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 3)) {
        problems.push(`line ${line}, ${issue.path.join('.') || 'row'}: ${issue.message}`);
      }
      return;
    }
    queries.push({ row: line, ref: cell(r, 'ref') || null, query: parsed.data });
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 50) };
  return { ok: true, queries };
}
