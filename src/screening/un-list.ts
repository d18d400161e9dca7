// Parser of the UN Security Council Consolidated List XML (root CONSOLIDATED_LIST, the
// schema at https://scsanctions.un.org/resources/xml/en/consolidated.xsd). The whole document
// is checked for well-formedness first, so a truncated or corrupted download is refused with
// the line and column of the fault before anything is read from it.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { countryCodeOfUnName } from './un-countries.js';

/** One alias of a designation. `quality` is the list's: Good, Low (individuals), a.k.a., f.k.a. (entities). */
export interface UnAlias {
  name: string;
  quality: string;
  note?: string;
}

/** A date of birth as the list gives it: an exact date, a year, or a range of years. */
export interface UnBirthDate {
  /** EXACT, APPROXIMATELY, BETWEEN (or empty in the list). */
  type: string;
  date?: string;
  year?: number;
  fromYear?: number;
  toYear?: number;
  note?: string;
}

/** A place (birth, address). */
export interface UnPlace {
  street?: string;
  city?: string;
  stateProvince?: string;
  country?: string;
  note?: string;
}

/** A nationality: the list's text and, when recognised, its ISO 3166-1 alpha-2 code. */
export interface UnNationality {
  name: string;
  code: string | null;
}

/** An identity document of a designated individual. */
export interface UnDocument {
  type?: string;
  type2?: string;
  number?: string;
  issuingCountry?: string;
  countryOfIssue?: string;
  cityOfIssue?: string;
  dateOfIssue?: string;
  note?: string;
}

/** A designated individual or entity, with everything the list says about it. */
export interface UnDesignation {
  kind: 'individual' | 'entity';
  /** The list's permanent reference, e.g. QDi.421 (QD = ISIL (Da'esh) & Al-Qaida, i/e = individual/entity). */
  referenceNumber: string;
  dataId: string;
  versionNum: string;
  /** UN_LIST_TYPE: the sanctions regime (Al-Qaida, Taliban, DRC, …). */
  regime: string;
  listedOn: string | null;
  /** FIRST_NAME … FOURTH_NAME in the list's order (an entity's name is its FIRST_NAME). */
  nameParts: string[];
  /** The name parts joined. */
  name: string;
  originalScriptName: string | null;
  titles: string[];
  designations: string[];
  gender: string | null;
  aliases: UnAlias[];
  datesOfBirth: UnBirthDate[];
  placesOfBirth: UnPlace[];
  nationalities: UnNationality[];
  documents: UnDocument[];
  addresses: UnPlace[];
  comments: string | null;
  lastDayUpdated: string[];
}

/** A parsed list. */
export interface UnList {
  /** The dateGenerated attribute of the root element (ISO instant). */
  generatedAt: string;
  designations: UnDesignation[];
}

/** Why a document is not an acceptable UN list (expected outcome, returned as a value). */
export type UnListParseResult = { ok: true; list: UnList } | { ok: false; reason: string };

const REPEATED = new Set([
  'INDIVIDUAL',
  'ENTITY',
  'VALUE',
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'INDIVIDUAL_ADDRESS',
  'ENTITY_ADDRESS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_PLACE_OF_BIRTH',
  'INDIVIDUAL_DOCUMENT',
]);

type Node = Record<string, unknown>;

function str(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.replace(/\s+/g, ' ').trim();
    return t.length > 0 ? t : undefined;
  }
  if (typeof v === 'number') return String(v);
  return undefined;
}

function int(v: unknown): number | undefined {
  const s = str(v);
  return s !== undefined && /^\d{1,4}$/.test(s) ? Number(s) : undefined;
}

function nodes(v: unknown): Node[] {
  if (Array.isArray(v)) return v.filter((x): x is Node => x !== null && typeof x === 'object');
  return v !== null && typeof v === 'object' ? [v as Node] : [];
}

function values(v: unknown): string[] {
  return nodes(v)
    .flatMap((n) => (Array.isArray(n.VALUE) ? n.VALUE : [n.VALUE]).map(str))
    .filter(isString);
}

function isString(v: string | undefined): v is string {
  return v !== undefined;
}

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function place(n: Node): UnPlace {
  return compact({
    street: str(n.STREET),
    city: str(n.CITY),
    stateProvince: str(n.STATE_PROVINCE),
    country: str(n.COUNTRY),
    note: str(n.NOTE),
  });
}

function isEmpty(o: object): boolean {
  return Object.keys(o).length === 0;
}

function designationOf(n: Node, kind: 'individual' | 'entity'): UnDesignation | string {
  const ref = str(n.REFERENCE_NUMBER);
  if (!ref) return `a ${kind} without REFERENCE_NUMBER (DATAID ${str(n.DATAID) ?? '?'})`;
  const nameParts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((k) => str(n[k]))
    .filter(isString);
  if (nameParts.length === 0) return `${ref} has no name`;
  const prefix = kind === 'individual' ? 'INDIVIDUAL' : 'ENTITY';
  const aliases = nodes(n[`${prefix}_ALIAS`])
    .map((a) => compact({ name: str(a.ALIAS_NAME) ?? '', quality: str(a.QUALITY) ?? '', note: str(a.NOTE) }))
    .filter((a) => a.name.length > 0);
  const datesOfBirth = nodes(n.INDIVIDUAL_DATE_OF_BIRTH)
    .map((d) =>
      compact({
        type: str(d.TYPE_OF_DATE) ?? '',
        date: str(d.DATE),
        year: int(d.YEAR),
        fromYear: int(d.FROM_YEAR),
        toYear: int(d.TO_YEAR),
        note: str(d.NOTE),
      }),
    )
    .filter((d) => d.date !== undefined || d.year !== undefined || d.fromYear !== undefined);
  const documents = nodes(n.INDIVIDUAL_DOCUMENT)
    .map((d) =>
      compact({
        type: str(d.TYPE_OF_DOCUMENT),
        type2: str(d.TYPE_OF_DOCUMENT2),
        number: str(d.NUMBER),
        issuingCountry: str(d.ISSUING_COUNTRY),
        countryOfIssue: str(d.COUNTRY_OF_ISSUE),
        cityOfIssue: str(d.CITY_OF_ISSUE),
        dateOfIssue: str(d.DATE_OF_ISSUE),
        note: str(d.NOTE),
      }),
    )
    .filter((d) => !isEmpty(d));
  return {
    kind,
    referenceNumber: ref,
    dataId: str(n.DATAID) ?? '',
    versionNum: str(n.VERSIONNUM) ?? '',
    regime: str(n.UN_LIST_TYPE) ?? '',
    listedOn: str(n.LISTED_ON) ?? null,
    nameParts,
    name: nameParts.join(' '),
    originalScriptName: str(n.NAME_ORIGINAL_SCRIPT) ?? null,
    titles: values(n.TITLE),
    designations: values(n.DESIGNATION),
    gender: str(n.GENDER) ?? null,
    aliases,
    datesOfBirth,
    placesOfBirth: nodes(n.INDIVIDUAL_PLACE_OF_BIRTH)
      .map(place)
      .filter((p) => !isEmpty(p)),
    nationalities: values(n.NATIONALITY)
      .filter((v) => v.toLowerCase() !== 'na')
      .map((name) => ({ name, code: countryCodeOfUnName(name) })),
    documents,
    addresses: nodes(n[`${prefix}_ADDRESS`])
      .map(place)
      .filter((p) => !isEmpty(p)),
    comments: str(n.COMMENTS1) ?? null,
    lastDayUpdated: values(n.LAST_DAY_UPDATED),
  };
}

/**
 * Parses a UN Consolidated List document. Refuses, with the reason: XML that is not
 * well-formed (a truncated file among them), a DOCTYPE (no entity expansion is ever done),
 * another root element, a designation without reference number or name, a reference number
 * listed twice, and a list without any designation.
 */
export function parseUnList(xml: string | Buffer): UnListParseResult {
  const text = typeof xml === 'string' ? xml : xml.toString('utf8');
  if (text.trim().length === 0) return { ok: false, reason: 'The file is empty' };
  if (/<!DOCTYPE/i.test(text.slice(0, 4096))) {
    return { ok: false, reason: 'A DOCTYPE declaration is not allowed in a UN list' };
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return { ok: false, reason: `Not well-formed XML at line ${line}, column ${col}: ${msg}` };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => REPEATED.has(name),
  });
  const doc = parser.parse(text) as Node;
  const root = doc.CONSOLIDATED_LIST;
  if (root === undefined || root === null || typeof root !== 'object') {
    return { ok: false, reason: 'The root element is not CONSOLIDATED_LIST' };
  }
  const r = root as Node;
  const generated = str(r['@_dateGenerated']);
  if (!generated || Number.isNaN(Date.parse(generated))) {
    return { ok: false, reason: 'CONSOLIDATED_LIST has no valid dateGenerated attribute' };
  }
  const designations: UnDesignation[] = [];
  const seen = new Set<string>();
  const groups: Array<[unknown, 'INDIVIDUAL' | 'ENTITY', 'individual' | 'entity']> = [
    [r.INDIVIDUALS, 'INDIVIDUAL', 'individual'],
    [r.ENTITIES, 'ENTITY', 'entity'],
  ];
  for (const [group, tag, kind] of groups) {
    for (const g of nodes(group)) {
      for (const n of nodes(g[tag])) {
        const d = designationOf(n, kind);
        if (typeof d === 'string') return { ok: false, reason: `Invalid designation: ${d}` };
        if (seen.has(d.referenceNumber)) {
          return { ok: false, reason: `Reference number ${d.referenceNumber} is listed twice` };
        }
        seen.add(d.referenceNumber);
        designations.push(d);
      }
    }
  }
  if (designations.length === 0) return { ok: false, reason: 'The list contains no designation' };
  return { ok: true, list: { generatedAt: new Date(generated).toISOString(), designations } };
}

/** Every name a designation is known by: the list name, aliases, the original-script name. */
export function namesOfDesignation(
  d: UnDesignation,
): Array<{ name: string; source: 'name' | 'alias' | 'original_script'; quality?: string }> {
  return [
    { name: d.name, source: 'name' as const },
    ...d.aliases.map((a) => ({ name: a.name, source: 'alias' as const, quality: a.quality })),
    ...(d.originalScriptName ? [{ name: d.originalScriptName, source: 'original_script' as const }] : []),
  ];
}
