/**
 * Import of entities and links from CSV with a mapping step: the analyst maps the file's
 * columns to case fields (a suggestion is made from the headers), checks the rows (dry run,
 * every bad row listed with its line number, column and reason), then imports. A file with
 * bad rows imports nothing unless the analyst asks to skip them.
 */
import { z } from 'zod';
import { type Actor, requirePermission } from '../governance/index.js';
import { ValidationError } from '../platform/index.js';
import { parseCsv } from '../screening/index.js';
import { type CaseItems, canonicalIdentifier } from './items.js';
import { resolvedGraph } from './network.js';
import { collectionFields } from './schema.js';
import type { CaseService } from './service.js';

/** Fields a column may be mapped to, per kind of import. */
export const IMPORT_FIELDS = {
  entities: [
    'kind',
    'label',
    'role',
    'aliases',
    'identifiers',
    'birthDate',
    'nationality',
    'lat',
    'lon',
    'notes',
    'source',
    'accuracy',
  ],
  links: ['from', 'to', 'type', 'at', 'until', 'weight', 'currency', 'source', 'accuracy'],
} as const;

export const importRequestSchema = z.object({
  kind: z.enum(['entities', 'links']),
  csv: z.string().min(1).max(5_000_000),
  /** Case field → CSV column header. Omitted: the suggestion from the headers. */
  mapping: z.record(z.string(), z.string()).optional(),
  dryRun: z.boolean().default(true),
  skipInvalid: z.boolean().default(false),
});
export type ImportRequest = z.input<typeof importRequestSchema>;

export const importRowErrorSchema = z.object({
  line: z.number(),
  column: z.string().nullable(),
  message: z.string(),
});

export const importResultSchema = z.object({
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  rows: z.number(),
  valid: z.number(),
  imported: z.number(),
  errors: z.array(importRowErrorSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

const MAX_ROWS = 20_000;

function suggestMapping(kind: 'entities' | 'links', headers: string[]): Record<string, string> {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const synonyms: Record<string, string[]> = {
    label: ['label', 'name', 'fullname'],
    identifiers: ['identifiers', 'identifier', 'ids', 'phone', 'number'],
    birthDate: ['birthdate', 'dob', 'dateofbirth'],
    at: ['at', 'date', 'when'],
    weight: ['weight', 'count', 'amount', 'calls'],
    source: ['source', 'reliability', 'sourcereliability'],
    accuracy: ['accuracy', 'informationaccuracy'],
  };
  const out: Record<string, string> = {};
  for (const field of IMPORT_FIELDS[kind]) {
    const names = synonyms[field] ?? [norm(field)];
    const h = headers.find((x) => names.includes(norm(x)));
    if (h) out[field] = h;
  }
  return out;
}

const list = (v: string) =>
  v
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

/** CSV import into a case. */
export class CaseImport {
  constructor(
    private readonly cases: CaseService,
    private readonly items: CaseItems,
  ) {}

  async run(actor: Actor, caseId: string, input: ImportRequest): Promise<ImportResult> {
    requirePermission(actor, 'case.write');
    const req = importRequestSchema.parse(input);
    const { state } = await this.cases.requireCase(actor, caseId);
    let table: string[][];
    try {
      table = parseCsv(req.csv);
    } catch (err) {
      throw new ValidationError(`The CSV cannot be read: ${(err as Error).message}`);
    }
    const [headers = [], ...rows] = table;
    if (rows.length > MAX_ROWS) throw new ValidationError(`At most ${MAX_ROWS} rows per import`);
    const mapping = req.mapping ?? suggestMapping(req.kind, headers);
    const errors: ImportResult['errors'] = [];
    for (const [field, column] of Object.entries(mapping)) {
      if (!(IMPORT_FIELDS[req.kind] as readonly string[]).includes(field))
        errors.push({ line: 1, column, message: `No case field "${field}" for ${req.kind}` });
      else if (!headers.includes(column))
        errors.push({ line: 1, column, message: `No column "${column}" in the file` });
    }
    const required =
      req.kind === 'entities'
        ? ['kind', 'label', 'source', 'accuracy']
        : ['from', 'to', 'type', 'source', 'accuracy'];
    for (const f of required)
      if (!mapping[f]) errors.push({ line: 1, column: null, message: `Map a column to "${f}"` });
    if (errors.length > 0) return { headers, mapping, rows: rows.length, valid: 0, imported: 0, errors };

    // Links name their ends by an identifier or by a label that is unique in the case.
    const { entities } = resolvedGraph(state);
    const byKey = new Map<string, string | null>();
    for (const e of entities) {
      for (const k of [...e.identifiers, `label:${e.label.toLowerCase()}`])
        byKey.set(k, byKey.has(k) ? null : e.id);
    }
    const resolveEnd = (v: string): string | { error: string } => {
      let key = `label:${v.trim().toLowerCase()}`;
      if (/^[a-z_]+:/i.test(v)) {
        try {
          key = canonicalIdentifier(v);
        } catch (err) {
          return { error: (err as Error).message };
        }
      }
      const id = byKey.get(key);
      if (id === undefined) return { error: `no entity "${v}" in the case` };
      if (id === null) return { error: `"${v}" names several entities: use an identifier` };
      return id;
    };

    const col = (row: string[], field: string) => {
      const c = mapping[field];
      return c ? (row[headers.indexOf(c)] ?? '').trim() : '';
    };
    const good: Record<string, unknown>[] = [];
    rows.forEach((row, i) => {
      const line = i + 2;
      const rowErrors: ImportResult['errors'] = [];
      const fields: Record<string, unknown> = {
        evaluation: { source: col(row, 'source').toUpperCase(), accuracy: col(row, 'accuracy') },
      };
      const num = (field: string) => {
        const v = col(row, field);
        if (!v) return null;
        const n = Number(v);
        if (!Number.isFinite(n))
          rowErrors.push({ line, column: mapping[field]!, message: `"${v}" is not a number` });
        return n;
      };
      if (req.kind === 'entities') {
        Object.assign(fields, {
          kind: col(row, 'kind').toLowerCase(),
          label: col(row, 'label'),
          role: col(row, 'role') ? col(row, 'role').toLowerCase().replace(/\s+/g, '_') : null,
          aliases: list(col(row, 'aliases')),
          birthDate: col(row, 'birthDate') || null,
          nationality: col(row, 'nationality') ? col(row, 'nationality').toUpperCase() : null,
          lat: num('lat'),
          lon: num('lon'),
          notes: col(row, 'notes'),
        });
        const ids: string[] = [];
        for (const x of list(col(row, 'identifiers'))) {
          try {
            ids.push(canonicalIdentifier(x));
          } catch (err) {
            rowErrors.push({ line, column: mapping.identifiers!, message: (err as Error).message });
          }
        }
        fields.identifiers = ids;
      } else {
        for (const end of ['from', 'to'] as const) {
          const r = resolveEnd(col(row, end));
          if (typeof r === 'string') fields[end] = r;
          else rowErrors.push({ line, column: mapping[end]!, message: r.error });
        }
        Object.assign(fields, {
          type: col(row, 'type').toLowerCase().replace(/\s+/g, '_'),
          at: col(row, 'at') || null,
          until: col(row, 'until') || null,
          weight: num('weight') ?? 1,
          currency: col(row, 'currency') ? col(row, 'currency').toUpperCase() : null,
        });
        if (fields.from && fields.from === fields.to)
          rowErrors.push({ line, column: mapping.to!, message: 'a link joins two different entities' });
      }
      if (rowErrors.length === 0) {
        const schema = collectionFields[req.kind].partial();
        const r = schema.safeParse(fields);
        if (!r.success) {
          for (const issue of r.error.issues) {
            const field = String(issue.path[0]);
            const column =
              mapping[field] ??
              (field === 'evaluation'
                ? mapping[String(issue.path[1]) === 'accuracy' ? 'accuracy' : 'source']!
                : null);
            rowErrors.push({
              line,
              column: column ?? null,
              message: `${issue.path.join('.')}: ${issue.message}`,
            });
          }
        }
      }
      if (rowErrors.length > 0) errors.push(...rowErrors);
      else good.push(fields);
    });
    const result = { headers, mapping, rows: rows.length, valid: good.length, imported: 0, errors };
    if (req.dryRun || good.length === 0 || (errors.length > 0 && !req.skipInvalid)) return result;
    await this.items.add(actor, caseId, req.kind, good);
    return { ...result, imported: good.length };
  }
}
