// Shapes, weights and negation words of the neutrality rules (see neutrality-rules.ts for the
// rules themselves and docs/NEUTRALITY.md for the reasoning). Pure data.

import type { NeutralityLanguage } from './neutrality-text.js';

/** The four characters Article 3 forbids. */
export type NeutralityCategory = 'political' | 'military' | 'religious' | 'racial';

/** Words of a pattern in each language. */
export type LanguageTerms = Readonly<Partial<Record<NeutralityLanguage, readonly string[]>>>;

/** Two sets of terms that count together when they occur within `window` content words. */
export interface TermPair {
  readonly anchors: LanguageTerms;
  readonly companions: LanguageTerms;
  readonly window: number;
}

/** Something the text may say, found by direct terms or by pairs of nearby terms. */
export interface TextPattern {
  /** Stable id, cited in flags and translated by the UI. */
  readonly id: string;
  /** One sentence for the DPO: what the rule looks for and why. */
  readonly description: string;
  readonly terms: LanguageTerms;
  readonly pairs?: readonly TermPair[];
}

/** A rule that points to a character forbidden by Article 3. */
export interface NeutralityRule extends TextPattern {
  readonly category: NeutralityCategory;
  /**
   * Weight in the predominance test: 2 = an activity that is usually protected (a protest, a
   * newspaper article), 3 = an offence that is by nature political, military, religious or racial
   * (desertion, blasphemy, insulting the head of state), 6 = a stated motive ("because of his
   * political opinions"), which ordinary-crime cues do not outweigh.
   */
  readonly weight: 2 | 3 | 6;
  /**
   * The rule describes a status a person may have (draft evader, deserter, ethnicity, tribe,
   * minority faith, refugee). When the text describes an ordinary crime, such words most often
   * describe the people it harms or moves (victims, clients of smugglers), not the person sought,
   * so these rules count together for at most PERSON_STATUS_WEIGHT there, and for nothing in a
   * victim identification request.
   */
  readonly personStatus?: true;
}

/** Highest weight the person-status rules of one category carry together when a crime cue is found. */
export const PERSON_STATUS_WEIGHT = 2;

/** A family of ordinary-law crime: its presence weighs against a flag (predominance test). */
export type CrimeCue = TextPattern;

/** Weight of each distinct crime family found in the text. */
export const CRIME_CUE_WEIGHT = 2;

/**
 * Adjectives naming each Article 3 character. A clause that names two or more of them and is
 * negated ("this request has no political, military, religious or racial character") is the
 * standard Article 3 statement of a requesting office, not a reason to flag.
 */
export const DISCLAIMER_ADJECTIVES: Readonly<Record<NeutralityCategory, LanguageTerms>> = {
  political: { en: ['political*'], fr: ['politique*'], ar: ['سياسي*'], ur: ['سیاسی'] },
  military: { en: ['military'], fr: ['militaire*'], ar: ['عسكري*'], ur: ['فوجی'] },
  religious: { en: ['religious'], fr: ['religieu*'], ar: ['ديني*'], ur: ['مذہبی'] },
  racial: { en: ['racial', 'ethnic'], fr: ['racia*', 'ethnique*'], ar: ['عرقي*'], ur: ['نسلی'] },
};

/** Negations that reach a few words ahead ("no political character", "n'a aucun caractère"). */
export const WIDE_NEGATIONS: readonly string[] = [
  'not',
  'no',
  'never',
  'nor',
  'neither',
  'ne',
  'n',
  'pas',
  'aucun',
  'aucune',
  'ni',
  'jamais',
  'لا',
  'ليس',
  'ليست',
  'لم',
  'لن',
  'نہیں',
  'نہ',
];

/** Negations that bind to the next word only ("non-political", "غیر سیاسی", "sans caractère"). */
export const TIGHT_NEGATIONS: readonly string[] = [
  'non',
  'without',
  'sans',
  'غير',
  'بدون',
  'دون',
  'بلا',
  'بغیر',
];

/** Words that end the reach of a negation ("not a criminal but a journalist"). */
export const NEGATION_BREAKS: readonly string[] = ['but', 'mais', 'لكن', 'بل', 'لیکن', 'بلکہ', 'مگر'];
