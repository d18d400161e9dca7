// The CSV format of batch checks: a header row, then one item per row. Columns: kind (person,
// passport, phone, vessel, iban), name (several spellings separated by |), birth_year, number
// (passport or phone), country (issuing country, or the phone's country for national format),
// imo, mmsi, iban. Unknown columns are ignored.
import { parseCsv } from '../screening/index.js';
import { type CheckItem, checkItemSchema } from './schema.js';

/** Largest batch. */
export const MAX_BATCH_ITEMS = 100_000;

/** Parses a batch; the first bad row refuses the whole file, with its line number. */
export function parseCheckCsv(
  text: string,
): { ok: true; items: CheckItem[] } | { ok: false; message: string } {
  const rows = parseCsv(text);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  if (!header.includes('kind'))
    return { ok: false, message: 'The first row must name the columns, with "kind"' };
  const col = (row: string[], name: string) => {
    const i = header.indexOf(name);
    const v = i >= 0 ? row[i]?.trim() : undefined;
    return v ? v : undefined;
  };
  const items: CheckItem[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((c) => c.trim() === '')) continue;
    const kind = col(row, 'kind');
    const year = col(row, 'birth_year');
    const raw: Record<string, unknown> = { kind };
    if (kind === 'person') {
      raw.names = (col(row, 'name') ?? '')
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean);
      if (year) raw.birthYear = Number(year);
    } else if (kind === 'passport') {
      raw.number = col(row, 'number');
      raw.issuingCountry = col(row, 'country');
    } else if (kind === 'phone') {
      raw.number = col(row, 'number');
      if (col(row, 'country')) raw.country = col(row, 'country');
    } else if (kind === 'vessel') {
      if (col(row, 'imo')) raw.imo = col(row, 'imo');
      if (col(row, 'mmsi')) raw.mmsi = col(row, 'mmsi');
    } else if (kind === 'iban') raw.iban = col(row, 'iban');
    const parsed = checkItemSchema.safeParse(raw);
    if (!parsed.success)
      return {
        ok: false,
        message: `Line ${r + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'kind'}: ${i.message}`).join('; ')}`,
      };
    items.push(parsed.data);
    if (items.length > MAX_BATCH_ITEMS) return { ok: false, message: `More than ${MAX_BATCH_ITEMS} items` };
  }
  if (items.length === 0) return { ok: false, message: 'No item in the file' };
  return { ok: true, items };
}
