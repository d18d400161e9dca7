// Keys derived from names for candidate search (blocking) and for privacy-preserving hit/no-hit
// matching (DESIGN §7): the same parser and phonetic keys as compareNames, so search, matching
// and scoring agree on what "the same name" means.

import type { NameInput, NameToken, ParsedName } from './parse-name.js';
import { parseName } from './parse-name.js';

/** Length of the phonetic-key prefix used for blocking: long enough to be selective. */
export const BLOCKING_KEY_LENGTH = 4;

/**
 * Blocking-key length of a token. Abd-compounds all start with the same "BDL" (abd + ul),
 * so they keep three more classes to stay selective.
 */
export function blockingKeyLength(t: NameToken): number {
  return t.kind === 'compound' && t.key.startsWith('BDL') ? BLOCKING_KEY_LENGTH + 3 : BLOCKING_KEY_LENGTH;
}

function isKeyed(t: NameToken): boolean {
  return t.kind !== 'honorific' && t.kind !== 'initial' && t.key.length > 0;
}

function parsed(name: NameInput | ParsedName): ParsedName {
  return typeof name === 'object' && 'tokens' in name ? name : parseName(name);
}

/**
 * Blocking keys of a name: the phonetic-key prefix of every substantive token, deduplicated.
 * Two spellings of one name share at least one key in all but rare cases.
 */
export function blockingKeys(name: NameInput | ParsedName): string[] {
  const keys = new Set<string>();
  for (const t of parsed(name).tokens) if (isKeyed(t)) keys.add(t.key.slice(0, blockingKeyLength(t)));
  return [...keys].sort();
}

/** A person as hit/no-hit matching sees it. */
export interface MatchPerson {
  readonly name: NameInput;
  /** Year of birth, when known. */
  readonly yearOfBirth?: number;
}

/** Options of `personMatchTokens`. */
export interface MatchTokenOptions {
  /**
   * The holder publishes tokens for the recorded year only; the querier asks for the year
   * and its neighbours, so a year off by `yearTolerance` still meets.
   */
  readonly side: 'holder' | 'querier';
  /** Years either side the querier also asks for (default 1). */
  readonly yearTolerance?: number;
}

/**
 * The year part of a person's tokens: "-" without a year of birth; the year for the holder;
 * the year and its neighbours (`yearTolerance`) for the querier.
 */
export function tokenYears(person: MatchPerson, options: MatchTokenOptions): string[] {
  if (person.yearOfBirth === undefined) return ['-'];
  const tolerance = options.side === 'querier' ? (options.yearTolerance ?? 1) : 0;
  const years: string[] = [];
  for (let d = -tolerance; d <= tolerance; d++) years.push(String(person.yearOfBirth + d));
  return years;
}

/**
 * Fuzzy person tokens for hit/no-hit matching: every unordered pair of the name's phonetic
 * keys, combined with the year of birth ("pn2:MHMD+NWR:1961"); a one-part name yields a
 * single-key token ("pn1:…"). Equal strings on both sides mean a candidate hit. Order of the
 * name parts does not matter; a missing part still leaves the other pairs to meet.
 */
export function personMatchTokens(person: MatchPerson, options: MatchTokenOptions): string[] {
  const keys = [
    ...new Set(
      parsed(person.name)
        .tokens.filter(isKeyed)
        .map((t) => t.key),
    ),
  ].sort();
  const years = tokenYears(person, options);
  const stems: string[] = [];
  if (keys.length === 1) stems.push(`pn1:${keys[0]}`);
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) stems.push(`pn2:${keys[i]}+${keys[j]}`);
  }
  const out: string[] = [];
  for (const stem of stems) for (const y of years) out.push(`${stem}:${y}`);
  return out;
}
