/**
 * Phone numbers, stored in E.164 (ITU-T E.164) so that the same line keyed
 * in Rabat as "06 12 34 56 78" and in Islamabad as "+212612345678" is one
 * value, exact-matchable across nodes.
 */

import type { CountryCode as PhoneCountry } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import * as z from 'zod';
import { entityBaseShape, text } from './common.js';
import { countryCodeSchema, isCountryCode } from './countries.js';
import { addIssue } from './issues.js';

/** Line type as far as the numbering plan tells. */
export type PhoneLineType = 'mobile' | 'fixed_line' | 'fixed_line_or_mobile' | 'voip' | 'other';

/** Result of `normalisePhone`. */
export type NormalisePhoneResult =
  | { ok: true; e164: string; country?: string; lineType?: PhoneLineType }
  | { ok: false; code: 'phone_invalid'; message: string };

function lineTypeOf(type: string | undefined): PhoneLineType | undefined {
  if (type === undefined) return undefined;
  if (type === 'MOBILE') return 'mobile';
  if (type === 'FIXED_LINE') return 'fixed_line';
  if (type === 'FIXED_LINE_OR_MOBILE') return 'fixed_line_or_mobile';
  if (type === 'VOIP') return 'voip';
  return 'other';
}

/**
 * Normalise a phone number to E.164. National formats ("0612345678",
 * "0300 1234567") need the country they were dialled in; international
 * formats ("+92 300 1234567", "00212 6...") do not. Numbers that cannot
 * exist in the numbering plan are rejected (full libphonenumber metadata).
 */
export function normalisePhone(input: string, defaultCountry?: string): NormalisePhoneResult {
  const fail = (message: string): NormalisePhoneResult => ({ ok: false, code: 'phone_invalid', message });
  if (defaultCountry !== undefined && !isCountryCode(defaultCountry)) {
    return fail('Unknown default country');
  }
  // Numbers keyed with the international call prefix 00 are common in both partner countries.
  const cleaned = input.trim().replace(/^00(?=[1-9])/, '+');
  if (cleaned.length === 0 || cleaned.length > 40) return fail('Enter a phone number');
  const parsed = parsePhoneNumberFromString(cleaned, {
    defaultCountry: defaultCountry as PhoneCountry | undefined,
    extract: false,
  });
  if (!parsed) {
    return fail(
      defaultCountry
        ? 'Not a phone number'
        : 'Not a phone number; national numbers need a country, or write +country code',
    );
  }
  if (!parsed.isValid()) return fail('This number does not exist in the numbering plan of its country');
  const result: NormalisePhoneResult = { ok: true, e164: parsed.number };
  if (parsed.country) result.country = parsed.country;
  const lineType = lineTypeOf(parsed.getType());
  if (lineType) result.lineType = lineType;
  return result;
}

/** True if `value` is already a valid number in E.164 form (`+` and digits only). */
export function isE164(value: string): boolean {
  if (!/^\+[1-9]\d{6,14}$/.test(value)) return false;
  const parsed = normalisePhone(value);
  return parsed.ok && parsed.e164 === value;
}

/** A phone number in E.164 form, valid in its country's numbering plan. */
export const e164Schema = z.string().superRefine((value, ctx) => {
  if (!isE164(value)) {
    addIssue(ctx, 'phone_invalid', 'Must be a valid phone number in E.164 form, e.g. +212612345678');
  }
});

/** Messaging services seen on a number; smugglers coordinate crossings on them. */
export const MESSAGING_APPS = ['whatsapp', 'telegram', 'signal', 'viber', 'imo', 'other'] as const;

/** A phone number (line). */
export const phoneSchema = z.strictObject({
  kind: z.literal('phone'),
  ...entityBaseShape,
  number: e164Schema,
  /** Country of the numbering plan, if known (derivable from the number, kept for display). */
  country: countryCodeSchema.optional(),
  lineType: z.enum(['mobile', 'fixed_line', 'fixed_line_or_mobile', 'voip', 'satellite', 'other']).optional(),
  messagingApps: z.array(z.enum(MESSAGING_APPS)).max(MESSAGING_APPS.length).optional(),
  /** IMEI of a handset seen with this line (15 digits, or 16 for IMEISV). */
  imei: z
    .string()
    .regex(/^\d{15,16}$/)
    .optional(),
  label: text().optional(),
});

/** A phone number (line). */
export type Phone = z.infer<typeof phoneSchema>;
