/**
 * Building blocks shared by every entity: identifiers, provenance, dates,
 * language tags and names written in a declared script.
 */
import * as z from 'zod';
import { addIssue } from './issues.js';

/** Longest free text accepted in a single short field (names, numbers, titles). */
export const SHORT_TEXT_MAX = 200;
/** Longest free text accepted in a descriptive field (notes, descriptions). */
export const LONG_TEXT_MAX = 10_000;

/** A trimmed, non-empty line of text of at most `max` characters. */
export function text(max = SHORT_TEXT_MAX) {
  return z.string().trim().min(1).max(max);
}

/**
 * Reference of an entity inside the document that carries it (a message, a
 * case). Relationships point at entities through it. Kept short and
 * URL/path-safe so it can appear in field paths and link-chart ids.
 */
export const entityIdSchema = z
  .string()
  .min(1)
  .max(64)
  .superRefine((value, ctx) => {
    if (!/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(value)) {
      addIssue(
        ctx,
        'invalid_format',
        'Must start with a letter or digit and use only letters, digits, . _ : -',
      );
    }
  });

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL_DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  // Gregorian leap years: every 4th, except centuries not divisible by 400.
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

/** True for a real calendar date written `YYYY-MM-DD` (ISO 8601 calendar date). */
export function isIsoDate(value: string): boolean {
  return DATE_RE.test(value) && isPartialDate(value);
}

/**
 * A date known to the year, the month or the day (ISO 8601 reduced
 * precision): migrants and unidentified remains often have only a year of
 * birth, and inventing a day would create false matches.
 */
export const partialDateSchema = z.string().superRefine((value, ctx) => {
  if (!isPartialDate(value)) {
    addIssue(ctx, 'date_invalid', 'Must be a real date written YYYY, YYYY-MM or YYYY-MM-DD');
  }
});

/** A full calendar date, `YYYY-MM-DD`. */
export const isoDateSchema = z.string().superRefine((value, ctx) => {
  if (!isIsoDate(value)) addIssue(ctx, 'date_invalid', 'Must be a real date written YYYY-MM-DD');
});

/** An ISO 8601 date-time with an explicit offset (`Z` or `±hh:mm`), so instants are unambiguous across nodes. */
export const dateTimeSchema = z.string().superRefine((value, ctx) => {
  const ok =
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(value) &&
    isIsoDate(value.slice(0, 10)) &&
    Number(value.slice(11, 13)) < 24 &&
    Number(value.slice(14, 16)) < 60 &&
    (value[16] !== ':' || Number(value.slice(17, 19)) < 60) &&
    !Number.isNaN(Date.parse(value));
  if (!ok) {
    addIssue(
      ctx,
      'datetime_invalid',
      'Must be an ISO 8601 date-time with a time zone, e.g. 2025-01-31T09:30:00Z',
    );
  }
});

/** True if `tag` is a well-formed BCP 47 language tag (checked with `Intl`, available in browsers and Node). */
export function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** A BCP 47 language tag such as `fr`, `ar`, `ur`, `ar-MA`, `ur-Arab-PK`. */
export const languageTagSchema = z.string().superRefine((value, ctx) => {
  if (!isLanguageTag(value)) {
    addIssue(ctx, 'language_tag_invalid', 'Must be a BCP 47 language tag, e.g. fr, en, ar or ur');
  }
});

/**
 * ISO 15924 script codes accepted for names, with the Unicode Script values
 * their letters must belong to. Hans/Hant/Jpan/Kore name mixtures of scripts.
 */
const SCRIPT_LETTERS = {
  Latn: ['Latin'],
  Arab: ['Arabic'],
  Cyrl: ['Cyrillic'],
  Grek: ['Greek'],
  Hebr: ['Hebrew'],
  Syrc: ['Syriac'],
  Thaa: ['Thaana'],
  Deva: ['Devanagari'],
  Beng: ['Bengali'],
  Guru: ['Gurmukhi'],
  Gujr: ['Gujarati'],
  Taml: ['Tamil'],
  Sinh: ['Sinhala'],
  Ethi: ['Ethiopic'],
  Tfng: ['Tifinagh'],
  Armn: ['Armenian'],
  Geor: ['Georgian'],
  Thai: ['Thai'],
  Mymr: ['Myanmar'],
  Khmr: ['Khmer'],
  Hans: ['Han'],
  Hant: ['Han'],
  Jpan: ['Han', 'Hiragana', 'Katakana'],
  Kore: ['Hangul', 'Han'],
} as const;

/** ISO 15924 codes of the scripts names may be written in. */
export const SCRIPTS = Object.keys(SCRIPT_LETTERS) as Array<keyof typeof SCRIPT_LETTERS>;

/** An ISO 15924 script code. */
export const scriptSchema = z.enum(
  SCRIPTS as [keyof typeof SCRIPT_LETTERS, ...Array<keyof typeof SCRIPT_LETTERS>],
);

/** An ISO 15924 script code. */
export type Script = z.infer<typeof scriptSchema>;

const SCRIPT_RE = new Map(
  Object.entries(SCRIPT_LETTERS).map(([code, names]) => [
    code,
    // Script_Extensions, not Script: letters shared between scripts (e.g. Arabic
    // letters used in Urdu and Persian) count for each of them.
    new RegExp(`^(?:${names.map((n) => `\\p{Script_Extensions=${n}}`).join('|')})$`, 'u'),
  ]),
);

/**
 * True if every letter of `value` belongs to `script`. Spaces, punctuation,
 * digits and combining marks are ignored. Catches the commonest data-entry
 * slip: a transliteration filed under the original script.
 */
export function isWrittenIn(value: string, script: Script): boolean {
  const re = SCRIPT_RE.get(script);
  if (!re) return false;
  for (const ch of value) {
    if (/\p{L}/u.test(ch) && !re.test(ch)) return false;
  }
  return true;
}

/** Check each named field of an object against its declared `script`. */
export function checkScript(
  value: Record<string, unknown> & { script: Script },
  fields: readonly string[],
  ctx: Parameters<typeof addIssue>[0],
): void {
  for (const field of fields) {
    const v = value[field];
    if (typeof v === 'string' && !isWrittenIn(v, value.script)) {
      addIssue(
        ctx,
        'name_script_mismatch',
        `Contains letters outside the declared script ${value.script}`,
        [field],
        { script: value.script },
      );
    }
  }
}

/** A name (of a place, an organisation...) as written in one script. */
export const scriptedNameSchema = z
  .strictObject({
    name: text(),
    script: scriptSchema,
    lang: languageTagSchema.optional(),
  })
  .superRefine((value, ctx) => checkScript(value, ['name'], ctx));

/** A name as written in one script. */
export type ScriptedName = z.infer<typeof scriptedNameSchema>;

/**
 * Where an entity came from: the message that brought it, the partner node
 * that sent it, the officer who recorded it and when. Kept on every entity
 * so onward use can be traced back to its source (and its handling code).
 */
export const provenanceSchema = z.strictObject({
  messageId: z.uuid().optional(),
  /** Node id of the partner, e.g. `pk-fia`. */
  partner: text(64).optional(),
  officer: text().optional(),
  at: dateTimeSchema,
});

/** Where an entity came from. */
export type Provenance = z.infer<typeof provenanceSchema>;

/** Fields every entity carries, whatever its kind. */
export const entityBaseShape = {
  id: entityIdSchema,
  provenance: provenanceSchema.optional(),
  notes: text(LONG_TEXT_MAX).optional(),
};

/** Flag duplicates in a list of strings (nationalities, names...). */
export function checkUnique(
  values: readonly string[],
  ctx: Parameters<typeof addIssue>[0],
  field: string,
): void {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(v)) addIssue(ctx, 'duplicate', 'Listed twice', [field, i]);
    seen.add(v);
  });
}
