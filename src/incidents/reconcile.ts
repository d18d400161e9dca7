/**
 * Post-mortem / ante-mortem reconciliation (INTERPOL DVI Guide, reconciliation phase): every
 * pair gets a score in [0, 1] built from secondary identifiers (names on documents found on
 * the body, sex, age, height, marks, clothing and effects, dates) with one line of
 * explanation per factor. The score ranks candidates for the experts; it identifies nobody:
 * identification rests on primary identifiers (fingerprints, dental, DNA) confirmed by
 * experts and on the identification board's decision.
 */
import { compareNames } from '../names/index.js';
import type { AnteMortemForm, PostMortemForm } from './schema.js';

/** One factor's contribution to a candidate's score. */
export interface Evidence {
  factor: 'name' | 'sex' | 'age' | 'height' | 'marks' | 'effects' | 'dates' | 'documents';
  /** Weighted contribution: positive supports the match, negative contradicts it. */
  weight: number;
  explanation: string;
}

/** The score of one PM/AM pair with its explanation. */
export interface PairScore {
  score: number;
  evidence: Evidence[];
}

/** The records as the reconciliation reads them. */
export interface PostMortemFacts {
  form: PostMortemForm;
  /** Date of the incident (the age of the missing person is computed at that date). */
  incidentDate: string;
}

/** Weights of the factors; their sum is the scale of the score. */
export const FACTOR_WEIGHTS = {
  documents: 0.5,
  name: 0.35,
  sex: 0.15,
  age: 0.15,
  height: 0.1,
  marks: 0.2,
  effects: 0.15,
  dates: 0.1,
} as const;

const TOTAL_WEIGHT = Object.values(FACTOR_WEIGHTS).reduce((a, b) => a + b, 0);

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'on',
  'in',
  'with',
  'and',
  'at',
  'to',
  'cm',
  'small',
  'large',
]);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1 && !STOP_WORDS.has(w)),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

/** Best-matching pair of descriptions between two lists, with its overlap. */
function bestDescriptionPair(
  left: readonly string[],
  right: readonly string[],
): { overlap: number; a: string; b: string } | null {
  let best: { overlap: number; a: string; b: string } | null = null;
  for (const a of left) {
    const wa = words(a);
    for (const b of right) {
      const overlap = jaccard(wa, words(b));
      if (!best || overlap > best.overlap) best = { overlap, a, b };
    }
  }
  return best;
}

function ageAt(dateOfBirth: string, at: string): number {
  const by = Number(dateOfBirth.slice(0, 4));
  const ay = Number(at.slice(0, 4));
  const md = (s: string) => (s.length >= 10 ? s.slice(5, 10) : '07-01');
  return ay - by - (md(at) < md(dateOfBirth) ? 1 : 0);
}

function normaliseNumber(n: string): string {
  return n.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Scores one post-mortem record against one ante-mortem record. */
export function scorePair(pm: PostMortemFacts, am: AnteMortemForm): PairScore {
  const evidence: Evidence[] = [];
  const add = (factor: Evidence['factor'], signal: number, explanation: string) => {
    evidence.push({ factor, weight: Math.round(FACTOR_WEIGHTS[factor] * signal * 1000) / 1000, explanation });
  };
  const f = pm.form;

  // Documents found on the body: a document number the family also gave is strong evidence
  // (documents travel with people who are not their holders, hence not a primary identifier).
  const amNumbers = new Set(
    (am.documents ?? []).flatMap((d) => (d.number ? [normaliseNumber(d.number)] : [])),
  );
  const sameNumber = (f.documents ?? []).find((d) => d.number && amNumbers.has(normaliseNumber(d.number)));
  if (sameNumber)
    add(
      'documents',
      1,
      `${sameNumber.kind} ${sameNumber.number} found on the body is the one the family gave`,
    );

  const docNames = (f.documents ?? []).flatMap((d) => (d.names ?? []).map((n) => ({ doc: d.kind, name: n })));
  if (docNames.length > 0) {
    let best: { score: number; doc: string; found: string; known: string } | null = null;
    for (const dn of docNames) {
      for (const n of am.names) {
        const s = compareNames(dn.name, n.full).score;
        if (!best || s > best.score) best = { score: s, doc: dn.doc, found: dn.name, known: n.full };
      }
    }
    if (best) {
      const signal = Math.max(-1, Math.min(1, (best.score - 0.55) / 0.35));
      add('name', signal, `name on ${best.doc} "${best.found}" ~ "${best.known}" (${best.score.toFixed(2)})`);
    }
  }

  if (f.sex !== 'unknown' && am.sex !== 'unknown') {
    if (f.sex === am.sex) add('sex', 1, `both ${f.sex}`);
    else add('sex', -1, `body ${f.sex}, missing person ${am.sex}`);
  }

  if (f.ageRange && am.dateOfBirth) {
    const age = ageAt(am.dateOfBirth, pm.incidentDate);
    const { min, max } = f.ageRange;
    const off = age < min ? min - age : age > max ? age - max : 0;
    const signal = off === 0 ? 1 : off <= 3 ? 0.3 : -1;
    add(
      'age',
      signal,
      `aged ${age} at the incident; estimated ${min}–${max}${off ? ` (${off} years off)` : ''}`,
    );
  }

  if (f.heightCm && am.heightCm !== undefined) {
    const { min, max } = f.heightCm;
    const h = am.heightCm;
    const off = h < min ? min - h : h > max ? h - max : 0;
    const signal = off === 0 ? 1 : off <= 5 ? 0.3 : -1;
    add('height', signal, `${h} cm given; body ${min}–${max} cm${off ? ` (${off} cm off)` : ''}`);
  }

  if ((f.marks ?? []).length > 0 && (am.marks ?? []).length > 0) {
    const best = bestDescriptionPair(f.marks!, am.marks!);
    if (best && best.overlap >= 0.4)
      add('marks', Math.min(1, best.overlap * 1.5), `mark "${best.b}" ~ "${best.a}"`);
    else add('marks', -0.3, 'no described mark of the missing person was found on the body');
  }

  const pmEffects = [...(f.clothing ?? []), ...(f.effects ?? [])];
  const amEffects = [...(am.clothing ?? []), ...(am.effects ?? [])];
  if (pmEffects.length > 0 && amEffects.length > 0) {
    const best = bestDescriptionPair(pmEffects, amEffects);
    if (best && best.overlap >= 0.4)
      add('effects', Math.min(1, best.overlap * 1.5), `"${best.b}" ~ "${best.a}"`);
  }

  if (am.lastSeen) {
    const recovered = f.recoveredAt.slice(0, 10);
    if (am.lastSeen.date > recovered)
      add('dates', -1, `last seen ${am.lastSeen.date}, after the body was recovered`);
    else
      add(
        'dates',
        0.5,
        `last seen ${am.lastSeen.date} (${am.lastSeen.place}), before recovery on ${recovered}`,
      );
  }

  const sum = evidence.reduce((a, e) => a + e.weight, 0);
  const score = Math.max(0, Math.min(1, 0.5 + (0.5 * sum) / TOTAL_WEIGHT));
  evidence.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return { score: Math.round(score * 1000) / 1000, evidence };
}

/** Ranks candidates best first (ties broken by reference, so the order is stable). */
export function rankCandidates<T extends { score: number; reference: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => b.score - a.score || a.reference.localeCompare(b.reference));
}
