/**
 * Organisations: criminal networks, front companies, armed and terrorist
 * groups, and the legitimate bodies (NGOs, shipping lines) around a case.
 */
import * as z from 'zod';
import { checkUnique, entityBaseShape, scriptedNameSchema, text } from './common.js';
import { countryCodeSchema } from './countries.js';

/** Kinds of organisation. */
export const ORGANISATION_TYPES = [
  'criminal_network',
  'terrorist_group',
  'armed_group',
  'company',
  'ngo',
  'public_body',
  'other',
] as const;

/** An organisation or network; names in every script they are known in. */
export const organisationSchema = z
  .strictObject({
    kind: z.literal('organisation'),
    ...entityBaseShape,
    organisationType: z.enum(ORGANISATION_TYPES),
    names: z.array(scriptedNameSchema).min(1).max(50),
    /** Countries where it operates. */
    countries: z.array(countryCodeSchema).max(50).default([]),
    /** Permanent reference on the UN Security Council consolidated list, e.g. `QDe.115`. */
    unListReference: z
      .string()
      .regex(/^[A-Z]{2,4}[ie]\.\d{3}$/)
      .optional(),
    registrationNumber: text(64).optional(),
    description: text(2000).optional(),
  })
  .superRefine((o, ctx) => checkUnique(o.countries, ctx, 'countries'));

/** An organisation or network. */
export type Organisation = z.infer<typeof organisationSchema>;
