// The downloadable result of a batch screening: one CSV line per query, with its best
// candidate and the others' reference numbers.
import type { ScreeningCandidate } from './matcher.js';
import type { BatchQuery } from './schema.js';

/** One screened row of a batch. */
export interface BatchRow extends BatchQuery {
  candidates: ScreeningCandidate[];
}

/** Columns of the result CSV. */
export const RESULT_COLUMNS = [
  'line',
  'ref',
  'name',
  'birth_date',
  'nationality',
  'level',
  'score',
  'reference_number',
  'listed_name',
  'matched_name',
  'matched_source',
  'birth',
  'nationality_check',
  'document',
  'other_candidates',
] as const;

function csvField(v: string | number): string {
  const s = String(v);
  // Quote what needs it; a leading formula character is neutralised for spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV text (RFC 4180, CRLF) of batch results. */
export function batchCsv(rows: readonly BatchRow[]): string {
  const lines = [RESULT_COLUMNS.join(',')];
  for (const r of rows) {
    const best = r.candidates[0];
    lines.push(
      [
        r.row,
        r.ref ?? '',
        r.query.names.join(' | '),
        r.query.birthDate ?? '',
        (r.query.nationalities ?? []).join('|'),
        best?.level ?? 'none',
        best?.score ?? '',
        best?.referenceNumber ?? '',
        best?.name ?? '',
        best?.matchedName ?? '',
        best?.matchedSource ?? '',
        best?.birth.status ?? '',
        best?.nationality.status ?? '',
        best?.document.status ?? '',
        r.candidates
          .slice(1)
          .map((c) => `${c.referenceNumber} ${c.score}`)
          .join('|'),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
