// Screening of one query against a list version, in memory: the names engine's `NameIndex`
// retrieves candidates over every name a designation is known by (list name, each alias,
// the original-script name); the best name per designation is kept and the score adjusted by
// what else agrees or conflicts (birth year, nationality, document number). Pure: no I/O.
import { compareNames, type NameIndex, NameIndexBuilder, yearFactor } from '../names/index.js';
import { namesOfDesignation, type UnDesignation } from './un-list.js';

/** Who or what is screened. */
export interface ScreeningQuery {
  /** One or more names, in any script. */
  names: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  birthDate?: string | undefined;
  /** ISO 3166-1 alpha-2 codes. */
  nationalities?: string[] | undefined;
  /** Identity document numbers, as written. */
  documents?: string[] | undefined;
}

/** Score thresholds: `confident` and above is a likely match, `review` and above needs a look. */
export interface ScreeningThresholds {
  confident: number;
  review: number;
}

/** Defaults, chosen on the measurements in docs/SCREENING.md. */
export const DEFAULT_THRESHOLDS: ScreeningThresholds = { confident: 0.85, review: 0.7 };

/** How one attribute of the query compares with the designation. */
export interface AttributeCheck {
  status: 'agree' | 'close' | 'conflict' | 'unknown';
  /** What the list says, as written. */
  listed: string[];
}

/** One ranked candidate. */
export interface ScreeningCandidate {
  referenceNumber: string;
  kind: 'individual' | 'entity';
  /** The designation's list name. */
  name: string;
  regime: string;
  listedOn: string | null;
  /** Final score in [0, 1]. */
  score: number;
  /** Name similarity alone. */
  nameScore: number;
  level: 'confident' | 'review';
  /** Which of the query's names matched best. */
  queryName: string;
  /** The list name, alias or original-script name that matched. */
  matchedName: string;
  matchedSource: 'name' | 'alias' | 'original_script';
  /** Alias quality (Good, Low, a.k.a., f.k.a.) when an alias matched. */
  matchedQuality?: string;
  /** Aligned name parts, e.g. "Abdul Rahman ~ Abdurrahman (spelling variant)". */
  alignment: string[];
  birth: AttributeCheck;
  nationality: AttributeCheck;
  document: AttributeCheck;
}

// A nationality conflict alone takes an exact name below the default confident threshold: dual
// nationals exist, so it asks for a review rather than clearing the candidate.
const NATIONALITY_CONFLICT = 0.82;
/** Share of the remaining distance to 1 that an identical document number closes. */
const DOCUMENT_AGREEMENT = 0.8;

interface NameRef {
  designation: number;
  name: string;
  source: 'name' | 'alias' | 'original_script';
  quality?: string | undefined;
}

/** Normalises a document number for comparison: letters and digits only, upper case. */
export function normaliseDocumentNumber(n: string): string {
  return n
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function yearOf(date: string | undefined): number | undefined {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : undefined;
}

function describeBirth(d: UnDesignation['datesOfBirth'][number]): string {
  if (d.date) return d.type === 'APPROXIMATELY' ? `about ${d.date}` : d.date;
  if (d.fromYear !== undefined) return `${d.fromYear}–${d.toYear ?? '?'}`;
  return d.type === 'APPROXIMATELY' ? `about ${d.year}` : String(d.year);
}

/** Birth agreement and its score factor. */
export function checkBirth(
  query: string | undefined,
  d: UnDesignation,
): { check: AttributeCheck; factor: number } {
  const listed = d.datesOfBirth.map(describeBirth);
  const qYear = yearOf(query);
  if (qYear === undefined || d.datesOfBirth.length === 0)
    return { check: { status: 'unknown', listed }, factor: 1 };
  let best = Number.POSITIVE_INFINITY;
  let sameDay = false;
  for (const b of d.datesOfBirth) {
    const y = yearOf(b.date) ?? b.year;
    let dist: number;
    if (y !== undefined) dist = Math.abs(y - qYear);
    else if (b.fromYear !== undefined) {
      const to = b.toYear ?? b.fromYear;
      dist = qYear < b.fromYear ? b.fromYear - qYear : qYear > to ? qYear - to : 0;
    } else continue;
    // An approximate year is given as "about": one year either side is agreement.
    if (b.type === 'APPROXIMATELY') dist = Math.max(0, dist - 1);
    if (b.date && query && query.length === 10 && b.date === query) sameDay = true;
    best = Math.min(best, dist);
  }
  if (!Number.isFinite(best)) return { check: { status: 'unknown', listed }, factor: 1 };
  const status = best === 0 || sameDay ? 'agree' : best <= 3 ? 'close' : 'conflict';
  return { check: { status, listed }, factor: yearFactor(qYear, qYear + best) };
}

function checkNationality(
  query: string[] | undefined,
  d: UnDesignation,
): { check: AttributeCheck; factor: number } {
  const listed = d.nationalities.map((n) => n.name);
  const codes = d.nationalities.map((n) => n.code).filter((c): c is string => c !== null);
  if (!query || query.length === 0 || codes.length === 0)
    return { check: { status: 'unknown', listed }, factor: 1 };
  const agree = query.some((q) => codes.includes(q.toUpperCase()));
  return agree
    ? { check: { status: 'agree', listed }, factor: 1 }
    : { check: { status: 'conflict', listed }, factor: NATIONALITY_CONFLICT };
}

function checkDocument(query: string[] | undefined, d: UnDesignation): AttributeCheck {
  const listed = d.documents.map((doc) => [doc.type, doc.number].filter(Boolean).join(' ')).filter(Boolean);
  const numbers = d.documents
    .flatMap((doc) => [doc.number, doc.type2])
    .filter((n): n is string => n !== undefined)
    .map(normaliseDocumentNumber);
  if (!query || query.length === 0 || numbers.length === 0) return { status: 'unknown', listed };
  const q = query.map(normaliseDocumentNumber).filter((n) => n.length >= 4);
  // Numbers sometimes sit inside TYPE_OF_DOCUMENT2's text ("… (tazkira) number 545167").
  return q.some((n) => numbers.some((m) => m === n || (m.length > n.length && m.endsWith(n))))
    ? { status: 'agree', listed }
    : { status: 'unknown', listed };
}

/** Options of {@link ListMatcher.screen}. */
export interface ScreenOptions {
  thresholds?: ScreeningThresholds;
  /** Most candidates returned (default 10). */
  limit?: number;
  /** Names left out of the search (evaluation: leave-one-out over aliases), as `designation:name`. */
  exclude?: ReadonlySet<string>;
}

/** An in-memory searchable form of one list version. */
export class ListMatcher {
  readonly #designations: readonly UnDesignation[];
  readonly #names: NameRef[] = [];
  readonly #index: NameIndex;

  constructor(designations: readonly UnDesignation[]) {
    this.#designations = designations;
    const builder = new NameIndexBuilder();
    designations.forEach((d, i) => {
      for (const n of namesOfDesignation(d)) {
        builder.add({ id: String(this.#names.length), name: n.name });
        this.#names.push({ designation: i, name: n.name, source: n.source, quality: n.quality });
      }
    });
    this.#index = builder.build();
  }

  /** Number of designations. */
  get size(): number {
    return this.#designations.length;
  }

  /** Number of names searched (list names, aliases, original-script names). */
  get nameCount(): number {
    return this.#names.length;
  }

  /** Candidates at or above the review threshold, best first. */
  screen(query: ScreeningQuery, options: ScreenOptions = {}): ScreeningCandidate[] {
    const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    const best = new Map<number, { nameScore: number; ref: NameRef; queryName: string }>();
    for (const queryName of query.names) {
      if (queryName.trim().length === 0) continue;
      for (const hit of this.#index.search(queryName, { k: 30, candidates: 150 })) {
        const ref = this.#names[Number(hit.id)]!;
        if (options.exclude?.has(`${ref.designation}:${ref.name}`)) continue;
        const prev = best.get(ref.designation);
        if (!prev || hit.nameScore > prev.nameScore)
          best.set(ref.designation, { nameScore: hit.nameScore, ref, queryName });
      }
    }
    const out: ScreeningCandidate[] = [];
    for (const [i, { nameScore, ref, queryName }] of best) {
      const d = this.#designations[i]!;
      const birth = checkBirth(query.birthDate, d);
      const nationality = checkNationality(query.nationalities, d);
      const document = checkDocument(query.documents, d);
      let score = nameScore * birth.factor * nationality.factor;
      if (document.status === 'agree') score += (1 - score) * DOCUMENT_AGREEMENT;
      if (score < thresholds.review) continue;
      out.push({
        referenceNumber: d.referenceNumber,
        kind: d.kind,
        name: d.name,
        regime: d.regime,
        listedOn: d.listedOn,
        score: Math.round(score * 1000) / 1000,
        nameScore: Math.round(nameScore * 1000) / 1000,
        level: score >= thresholds.confident ? 'confident' : 'review',
        queryName,
        matchedName: ref.name,
        matchedSource: ref.source,
        ...(ref.quality ? { matchedQuality: ref.quality } : {}),
        alignment: [],
        birth: birth.check,
        nationality: nationality.check,
        document,
      });
    }
    out.sort((a, b) => b.score - a.score || a.referenceNumber.localeCompare(b.referenceNumber));
    const top = out.slice(0, options.limit ?? 10);
    // The explanation is built for the candidates shown only.
    for (const c of top) {
      c.alignment = compareNames(c.queryName, c.matchedName).alignments.map(
        (a) => `${a.a} ~ ${a.b} (${a.kind})`,
      );
    }
    return top;
  }
}
