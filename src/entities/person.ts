/**
 * Person: a suspect, a victim, a missing person, a body awaiting
 * identification... recorded with every spelling and script of the name.
 */
import * as z from 'zod';
import {
  checkScript,
  checkUnique,
  entityBaseShape,
  languageTagSchema,
  partialDateSchema,
  scriptSchema,
  text,
} from './common.js';
import { countryCodeSchema } from './countries.js';
import { addIssue } from './issues.js';

/**
 * Role of a person in the matter at hand. Victims, survivors, the missing and
 * the deceased are protected persons (UN Smuggling Protocol art. 5 and 16,
 * Trafficking Protocol art. 6–8): see `isProtectedRole`.
 */
export const PERSON_ROLES = [
  'suspect',
  'victim',
  'witness',
  'missing',
  'deceased',
  'survivor',
  'relative',
  'other',
] as const;

/** Role of a person in the matter at hand. */
export const personRoleSchema = z.enum(PERSON_ROLES);

/** Role of a person in the matter at hand. */
export type PersonRole = z.infer<typeof personRoleSchema>;

const PROTECTED_ROLES: ReadonlySet<PersonRole> = new Set(['victim', 'survivor', 'missing', 'deceased']);

/**
 * True for roles whose holders must never enter suspect matching indexes and
 * whose data leaves the node only for identification, assistance or family
 * notification (DESIGN §5).
 */
export function isProtectedRole(role: PersonRole): boolean {
  return PROTECTED_ROLES.has(role);
}

/** Sex as recorded on documents; ICAO 9303 `X` maps to `unspecified`. */
export const SEXES = ['female', 'male', 'unspecified', 'unknown'] as const;

/** Sex as recorded on documents or observed. */
export const sexSchema = z.enum(SEXES);

/** Sex as recorded on documents or observed. */
export type Sex = z.infer<typeof sexSchema>;

const NAME_PARTS = ['given', 'family', 'father', 'full'] as const;

/**
 * One way the person's name is written, in one script. Names are kept as
 * given, never merged: matching across scripts is the job of `src/names`.
 * `father` holds the patronymic (nasab, "s/o" in Pakistani records), which
 * is decisive to tell namesakes apart.
 */
export const personNameSchema = z
  .strictObject({
    given: text().optional(),
    family: text().optional(),
    father: text().optional(),
    full: text().optional(),
    script: scriptSchema,
    lang: languageTagSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (NAME_PARTS.every((part) => value[part] === undefined)) {
      addIssue(ctx, 'name_empty', 'Give at least one of: given, family, father, full');
      return;
    }
    checkScript(value, NAME_PARTS, ctx);
  });

/** One way the person's name is written, in one script. */
export type PersonName = z.infer<typeof personNameSchema>;

/**
 * A person. Names, dates of birth and nationalities are lists: aliases,
 * alleged dates of birth and dual nationals are the norm in this work.
 * Unidentified remains have no name at all, hence no minimum.
 */
export const personSchema = z
  .strictObject({
    kind: z.literal('person'),
    ...entityBaseShape,
    role: personRoleSchema,
    names: z.array(personNameSchema).max(50).default([]),
    sex: sexSchema.optional(),
    datesOfBirth: z.array(partialDateSchema).max(20).default([]),
    placeOfBirth: text().optional(),
    nationalities: z.array(countryCodeSchema).max(10).default([]),
    /** Known to hold no nationality (ICAO code XXA). */
    stateless: z.boolean().optional(),
    description: text(2000).optional(),
    /** Invented for demonstrations and tests; never a real person (DESIGN §10). */
    synthetic: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    checkUnique(value.nationalities, ctx, 'nationalities');
    checkUnique(value.datesOfBirth, ctx, 'datesOfBirth');
    if (value.stateless && value.nationalities.length > 0) {
      addIssue(ctx, 'invalid', 'A stateless person cannot have nationalities', ['stateless']);
    }
  });

/** A person, as parsed (defaults applied). */
export type Person = z.infer<typeof personSchema>;
/** A person, as accepted on input (lists optional). */
export type PersonInput = z.input<typeof personSchema>;
