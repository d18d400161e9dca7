// Matching tokens: the strings both sides derive from a record or a checked item, then feed to
// the OPRF. Equal tokens mean a hit. Canonical identifiers give exact tokens (normalised with
// the entities' own rules); persons give fuzzy tokens from the names engine (pairs of phonetic
// keys with the year of birth, `personBlindTokens`), several per person, so a spelling or script
// variant still meets.
import {
  type Entity,
  isProtectedRole,
  normaliseIban,
  normaliseImoNumber,
  normalisePhone,
} from '../entities/index.js';
import { personBlindTokens } from '../names/index.js';
import type { CheckItem, RecordType } from './schema.js';

/**
 * Token version, the prefix of every token: a change of the derivation is a new version, never
 * a silent change. The index records it with each indexed source, so a node rebuilds its index
 * when it changes (v2: the blind person tokens of `personBlindTokens`).
 */
export const TOKEN_VERSION = 'v2';
const V = TOKEN_VERSION;

/** An item whose values cannot give a token (bad phone number, empty name...). */
export class ItemNotMatchableError extends Error {
  override name = 'ItemNotMatchableError';
}

function documentNumber(value: string): string {
  // ICAO 9303 MRZ characters: separators dropped, letters upper-case.
  return value.replace(/[\s/.-]+/g, '').toUpperCase();
}

function passportToken(number: string, country: string): string {
  return `${V}|doc|${country.toUpperCase()}|${documentNumber(number)}`;
}

function phoneToken(e164: string): string {
  return `${V}|tel|${e164}`;
}

function yearOf(date: string): number | undefined {
  const y = Number(date.slice(0, 4));
  return Number.isInteger(y) && y > 1800 ? y : undefined;
}

function personTokens(
  names: readonly string[],
  years: readonly (number | undefined)[],
  side: 'holder' | 'querier',
) {
  const out = new Set<string>();
  for (const name of names) {
    for (const yearOfBirth of years) {
      const person = yearOfBirth === undefined ? { name } : { name, yearOfBirth };
      for (const t of personBlindTokens(person, { side })) out.add(`${V}|${t}`);
    }
  }
  return [...out];
}

/** Tokens the querier asks for, for one item; throws {@link ItemNotMatchableError}. */
export function itemTokens(item: CheckItem): string[] {
  switch (item.kind) {
    case 'person': {
      const tokens = personTokens(item.names, [item.birthYear], 'querier');
      if (tokens.length === 0) throw new ItemNotMatchableError('The name gives no token (no letters?)');
      return tokens;
    }
    case 'passport': {
      const n = documentNumber(item.number);
      if (!/^[A-Z0-9]{3,20}$/.test(n)) throw new ItemNotMatchableError('Not a document number');
      return [passportToken(n, item.issuingCountry)];
    }
    case 'phone': {
      const p = normalisePhone(item.number, item.country);
      if (!p.ok) throw new ItemNotMatchableError(p.message);
      return [phoneToken(p.e164)];
    }
    case 'vessel': {
      const out: string[] = [];
      if (item.imo) out.push(`${V}|imo|${normaliseImoNumber(item.imo)}`);
      if (item.mmsi) out.push(`${V}|mmsi|${item.mmsi.replace(/\s+/g, '')}`);
      if (out.length === 0) throw new ItemNotMatchableError('Give the IMO number or the MMSI');
      return out;
    }
    case 'iban':
      return [`${V}|iban|${normaliseIban(item.iban)}`];
  }
}

/** A matchable record drawn from one entity. */
export interface MatchableRecord {
  readonly entityId: string;
  readonly recordType: RecordType;
  readonly tokens: readonly string[];
}

type AnyEntity = Entity & Record<string, unknown>;

/**
 * Entity ids of protected persons (victims, survivors, the missing, the dead) and of what
 * belongs to one: a document or account they hold, a phone or other object they own or use.
 * None of these may enter a matching index (DESIGN §5). Other persons linked to a victim (the
 * recruiter, the transporter) stay matchable: they are the suspects the index is for.
 */
function protectedIds(entities: readonly AnyEntity[]): Set<string> {
  const ids = new Set<string>();
  const kindOf = new Map(entities.map((e) => [e.id, e.kind]));
  for (const e of entities) if (e.kind === 'person' && isProtectedRole(e.role)) ids.add(e.id);
  for (const e of entities) {
    const holder = (e as { holderRef?: string }).holderRef;
    if (holder && ids.has(holder)) ids.add(e.id);
  }
  for (const e of entities) {
    if (e.kind !== 'relationship') continue;
    const r = e as unknown as { type: string; from: { ref: string }; to: { ref: string } };
    if ((r.type === 'owns' || r.type === 'uses') && ids.has(r.from.ref) && kindOf.get(r.to.ref) !== 'person')
      ids.add(r.to.ref);
  }
  return ids;
}

function personNames(p: Extract<Entity, { kind: 'person' }>): string[] {
  return p.names
    .map((n) => n.full ?? [n.given, n.father, n.family].filter(Boolean).join(' '))
    .filter((s) => s.length > 0);
}

/**
 * The matchable records of a set of entities (one message, or holdings): persons who are not
 * protected, with their names; identity documents, phones, vessels and IBANs not tied to a
 * protected person. Synthetic entities are matchable (the demo relies on them).
 */
export function matchableRecords(entities: readonly unknown[]): MatchableRecord[] {
  const list = entities.filter((e): e is AnyEntity => typeof e === 'object' && e !== null && 'kind' in e);
  const excluded = protectedIds(list);
  const out: MatchableRecord[] = [];
  for (const e of list) {
    if (excluded.has(e.id)) continue;
    let recordType: RecordType | null = null;
    let tokens: string[] = [];
    switch (e.kind) {
      case 'person': {
        const years = [...new Set((e.datesOfBirth ?? []).map(yearOf))];
        // The recorded years, and no year: a querier who does not know the year still meets the
        // name (the year, when given, narrows the hit).
        tokens = personTokens(personNames(e), [...years, undefined], 'holder');
        recordType = 'person';
        break;
      }
      case 'identity_document':
        recordType = 'identity_document';
        tokens = [passportToken(e.number, e.issuingCountry)];
        break;
      case 'phone': {
        recordType = 'phone';
        const p = normalisePhone(e.number);
        if (p.ok) tokens = [phoneToken(p.e164)];
        break;
      }
      case 'vessel':
        recordType = 'vessel';
        if (e.imo) tokens.push(`${V}|imo|${normaliseImoNumber(e.imo)}`);
        if (e.mmsi) tokens.push(`${V}|mmsi|${e.mmsi}`);
        break;
      case 'financial':
        recordType = 'financial';
        if ((e as { scheme?: string }).scheme === 'iban')
          tokens = [`${V}|iban|${normaliseIban(String((e as { iban: string }).iban))}`];
        break;
      default:
        break;
    }
    if (recordType && tokens.length > 0) out.push({ entityId: e.id, recordType, tokens });
  }
  return out;
}
