/**
 * Reader of IOM Missing Migrants Project CSV exports, streaming: records are parsed as the
 * bytes arrive (RFC 4180 quoting, fields spanning lines), so a file of any size is read in
 * constant memory. Two column layouts are known: IOM's own current export ("Number Dead",
 * "Coordinates", "Migration route"…) and the curated Europe-routes layout ("No. dead",
 * "Latitude"/"Longitude", "Route"…). Each row becomes an incident or a row error that names
 * its line; nothing is dropped silently.
 */
import type { IncidentType } from './schema.js';

/** Incremental RFC 4180 parser: feed text, get the records completed so far. */
export class CsvRecordReader {
  #field = '';
  #record: string[] = [];
  #quoted = false;
  /** The previous chunk ended on a quote inside a quoted field: an escape or the closing quote. */
  #pendingQuote = false;
  #line = 1;
  #recordLine = 1;
  #sawCr = false;

  /** Records completed by this chunk, each with the line it starts on. */
  push(chunk: string): Array<{ line: number; fields: string[] }> {
    const out: Array<{ line: number; fields: string[] }> = [];
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (this.#pendingQuote) {
        this.#pendingQuote = false;
        if (ch === '"') {
          this.#field += '"';
          continue;
        }
        this.#quoted = false;
      }
      if (this.#quoted) {
        if (ch === '"') this.#pendingQuote = true;
        else {
          if (ch === '\n') this.#line++;
          this.#field += ch;
        }
        continue;
      }
      if (ch === '\n' && this.#sawCr) {
        this.#sawCr = false;
        continue;
      }
      this.#sawCr = false;
      if (ch === '"' && this.#field === '') this.#quoted = true;
      else if (ch === ',') {
        this.#record.push(this.#field);
        this.#field = '';
      } else if (ch === '\n' || ch === '\r') {
        this.#sawCr = ch === '\r';
        this.#record.push(this.#field);
        this.#field = '';
        out.push({ line: this.#recordLine, fields: this.#record });
        this.#record = [];
        this.#line++;
        this.#recordLine = this.#line;
      } else this.#field += ch;
    }
    return out;
  }

  /** The last record when the input does not end with a line break. */
  end(): Array<{ line: number; fields: string[] }> {
    if (this.#pendingQuote) {
      this.#pendingQuote = false;
      this.#quoted = false;
    }
    if (this.#field === '' && this.#record.length === 0) return [];
    this.#record.push(this.#field);
    const last = { line: this.#recordLine, fields: this.#record };
    this.#record = [];
    this.#field = '';
    return [last];
  }
}

/** The two known layouts of an IOM Missing Migrants CSV. */
export type IomLayout = 'iom-export' | 'europe-curated';

/** One incident as read from an IOM row. */
export interface IomIncident {
  /** The row's own incident id, or the Main ID when the row merges several incident ids. */
  iomId: string;
  mainId: string;
  type: IncidentType;
  date: string;
  year: number | null;
  place: string;
  country: string | null;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  departurePlace: string | null;
  departureDate: string | null;
  route: string | null;
  dead: number | null;
  missing: number | null;
  survivors: number | null;
  originCountries: string[];
  cause: string | null;
  sources: Array<{ name: string; urls: string[] }>;
}

/** A row read: the incident, or why the row was refused. */
export type IomRowResult =
  | { ok: true; incident: IomIncident }
  | { ok: false; iomId: string | null; message: string };

const LAYOUT_COLUMNS: Record<IomLayout, Record<string, string>> = {
  'iom-export': {
    mainId: 'Main ID',
    incidentId: 'Incident ID',
    region: 'Region',
    date: 'Incident Date',
    year: 'Year',
    dead: 'Number Dead',
    missing: 'Minimum Estimated Number of Missing',
    survivors: 'Number of Survivors',
    cause: 'Cause of Death',
    origin: 'Country of Origin',
    place: 'Location of death',
    source: 'Information Source',
    coordinates: 'Coordinates',
    route: 'Migration route',
    url: 'URL',
  },
  'europe-curated': {
    mainId: 'Main ID',
    incidentId: 'Incident ID',
    region: 'Region of Incident',
    date: 'Incident date',
    year: 'Incident year',
    dead: 'No. dead',
    missing: 'No. missing',
    survivors: 'No. survivors',
    cause: 'Cause of death (category)',
    origin: 'Country of Origin',
    place: 'Location of death',
    source: 'Source',
    latitude: 'Latitude',
    longitude: 'Longitude',
    route: 'Route',
    country: 'Country of Incident',
    url: 'Link',
  },
};

/** Column name → index of a header row, or null when the header is not a known layout. */
export function detectIomLayout(
  header: readonly string[],
): { layout: IomLayout; index: Map<string, number> } | null {
  const clean = header.map((h) => h.replace(/^\ufeff/, '').trim());
  for (const layout of ['iom-export', 'europe-curated'] as const) {
    const cols = LAYOUT_COLUMNS[layout];
    const index = new Map<string, number>();
    for (const [key, name] of Object.entries(cols)) {
      const at = clean.indexOf(name);
      if (at >= 0) index.set(key, at);
    }
    const required = ['mainId', 'date', 'dead', 'missing', 'place'];
    if (required.every((k) => index.has(k)) && (index.has('coordinates') || index.has('latitude')))
      return { layout, index };
  }
  return null;
}

const IOM_ID = /^\d{4}\.MMP\d+$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

class RowError extends Error {}

function blank(v: string | undefined): boolean {
  const t = (v ?? '').trim();
  return t === '' || t === 'NA' || t === 'N/A';
}

function count(v: string | undefined, what: string): number | null {
  if (blank(v)) return null;
  const t = v!.trim();
  if (!/^\d+$/.test(t)) throw new RowError(`${what} is not a count of people: "${t}"`);
  return Number(t);
}

function isoDate(v: string | undefined): string {
  const t = (v ?? '').trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  // IOM's export writes "Thu, 01/16/2026 - 12:00" (month first).
  if (!m) {
    const us = /^(?:\w{3}, )?(\d{2})\/(\d{2})\/(\d{4})(?: - \d{2}:\d{2})?$/.exec(t);
    if (us) m = [t, us[3]!, us[1]!, us[2]!] as unknown as RegExpExecArray;
  }
  if (!m) throw new RowError(`incident date is not a date: "${t}"`);
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`)
    throw new RowError(`incident date is not a date: "${t}"`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function coordinate(v: string | undefined, limit: number, what: string): number | null {
  if (blank(v)) return null;
  const n = Number(v!.trim());
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw new RowError(`${what} is out of range: "${v}"`);
  return n;
}

function list(v: string | undefined): string[] {
  if (blank(v)) return [];
  return v!
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && !/^(unknown|mixed|NA)$/i.test(s));
}

/**
 * The place and date of departure when IOM's location text gives them ("… - presumed
 * departure from Mauritania on 2 Jan"): the date is completed with the incident's year, or
 * the year before when that would put the departure after the incident.
 */
export function departureOf(
  place: string,
  incidentDate: string,
): { place: string | null; date: string | null } {
  const m = /departure from ([A-Z][\w' -]*?)(?: on (\d{1,2}) (\w{3})\w*)?\s*$/.exec(place);
  if (!m) return { place: null, date: null };
  const month = m[3] ? MONTHS.indexOf(m[3].toLowerCase()) : -1;
  if (!m[2] || month < 0) return { place: m[1]!.trim(), date: null };
  let year = Number(incidentDate.slice(0, 4));
  const day = m[2].padStart(2, '0');
  const mm = String(month + 1).padStart(2, '0');
  if (`${year}-${mm}-${day}` > incidentDate) year--;
  return { place: m[1]!.trim(), date: `${year}-${mm}-${day}` };
}

/**
 * The kind of incident from IOM's cause of death and route: a drowning (or an unknown cause)
 * on a sea route is a shipwreck.
 */
export function incidentTypeOf(cause: string, route: string, place: string): IncidentType {
  const c = cause.toLowerCase();
  const atSea = /mediterranean|atlantic|english channel|sea|miles off|off the coast|boat/i.test(
    `${route} ${place}`,
  );
  if (c.startsWith('drowning') || (c.startsWith('mixed') && atSea)) return atSea ? 'shipwreck' : 'drowning';
  if (c.startsWith('vehicle')) return 'vehicle_accident';
  if (c.startsWith('violence')) return 'violence';
  if (c.startsWith('harsh')) return 'harsh_conditions';
  if (c.startsWith('sickness')) return 'sickness';
  if (c.startsWith('accidental')) return 'accident';
  return 'other';
}

/** Reads one data row of a known layout. */
export function readIomRow(index: Map<string, number>, fields: readonly string[]): IomRowResult {
  const get = (key: string) => {
    const at = index.get(key);
    return at === undefined ? undefined : (fields[at] ?? '').replace(/\ufeff/g, '').trim();
  };
  const mainId = get('mainId') ?? '';
  const incidentIds = list(get('incidentId'));
  const iomId = incidentIds.length === 1 ? incidentIds[0]! : mainId;
  try {
    if (!IOM_ID.test(mainId)) throw new RowError(`Main ID is not an IOM incident id: "${mainId}"`);
    if (!IOM_ID.test(iomId)) throw new RowError(`Incident ID is not an IOM incident id: "${iomId}"`);
    const date = isoDate(get('date'));
    const place = get('place') ?? '';
    if (place === '') throw new RowError('location of death is empty');
    let latitude: number | null;
    let longitude: number | null;
    if (index.has('coordinates')) {
      const raw = get('coordinates') ?? '';
      if (blank(raw)) [latitude, longitude] = [null, null];
      else {
        const parts = raw.split(',');
        if (parts.length !== 2) throw new RowError(`coordinates are not "latitude, longitude": "${raw}"`);
        latitude = coordinate(parts[0], 90, 'latitude');
        longitude = coordinate(parts[1], 180, 'longitude');
      }
    } else {
      latitude = coordinate(get('latitude'), 90, 'latitude');
      longitude = coordinate(get('longitude'), 180, 'longitude');
    }
    const yearText = get('year');
    const year = blank(yearText) ? Number(date.slice(0, 4)) : Number(yearText);
    const cause = get('cause') ?? '';
    const route = blank(get('route')) ? null : get('route')!;
    const departure = departureOf(place, date);
    const sourceName = get('source') ?? '';
    const urls = list(get('url')).filter((u) => /^https?:\/\//.test(u));
    return {
      ok: true,
      incident: {
        iomId,
        mainId,
        type: incidentTypeOf(cause, route ?? '', place),
        date,
        year: Number.isInteger(year) ? year : null,
        place,
        country: blank(get('country')) ? null : get('country')!,
        region: blank(get('region')) ? null : get('region')!,
        latitude,
        longitude,
        departurePlace: departure.place,
        departureDate: departure.date,
        route,
        dead: count(get('dead'), 'number dead'),
        missing: count(get('missing'), 'number missing'),
        survivors: count(get('survivors'), 'number of survivors'),
        originCountries: list(get('origin')),
        cause: blank(cause) ? null : cause,
        sources: sourceName === '' && urls.length === 0 ? [] : [{ name: sourceName || 'IOM', urls }],
      },
    };
  } catch (err) {
    if (err instanceof RowError) return { ok: false, iomId: mainId || null, message: err.message };
    throw err;
  }
}

/** What {@link readIomCsv} reports as it goes. */
export type IomCsvEvent =
  | { kind: 'layout'; layout: IomLayout }
  | { kind: 'row'; line: number; result: IomRowResult };

/**
 * Streams an IOM CSV: yields the layout once the header is read, then one event per row.
 * Throws when the header is not a known layout.
 */
export async function* readIomCsv(chunks: AsyncIterable<string>): AsyncGenerator<IomCsvEvent> {
  const reader = new CsvRecordReader();
  let index: Map<string, number> | null = null;
  const handle = function* (records: Array<{ line: number; fields: string[] }>): Generator<IomCsvEvent> {
    for (const r of records) {
      if (index === null) {
        const detected = detectIomLayout(r.fields);
        if (!detected) {
          throw new IomLayoutError(
            'The header is not an IOM Missing Migrants export (expected columns such as "Main ID", "Incident Date" or "Incident date", "Number Dead" or "No. dead")',
          );
        }
        index = detected.index;
        yield { kind: 'layout', layout: detected.layout };
        continue;
      }
      if (r.fields.length === 1 && r.fields[0]!.trim() === '') continue;
      yield { kind: 'row', line: r.line, result: readIomRow(index, r.fields) };
    }
  };
  for await (const chunk of chunks) yield* handle(reader.push(chunk));
  yield* handle(reader.end());
  if (index === null) throw new IomLayoutError('The file is empty');
}

/** The file is not an IOM Missing Migrants CSV at all. */
export class IomLayoutError extends Error {
  override name = 'IomLayoutError';
}
