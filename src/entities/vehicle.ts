/**
 * Road vehicles: cars, vans and lorries used to move people and goods.
 */
import * as z from 'zod';
import { entityBaseShape, text } from './common.js';
import { countryCodeSchema } from './countries.js';
import { addIssue } from './issues.js';

// Transliteration table and position weights of the VIN check digit
// (49 CFR 565.15; the VIN structure itself is ISO 3779, which excludes I, O, Q).
const VIN_VALUES: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** True for a 17-character VIN in the ISO 3779 alphabet (digits and letters except I, O, Q). */
export function isVinFormat(vin: string): boolean {
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(vin);
}

/** The expected 9th character of a 17-character VIN (`0`–`9` or `X`), or `undefined` if the format is wrong. */
export function vinCheckCharacter(vin: string): string | undefined {
  if (!isVinFormat(vin)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin[i]!;
    const value = ch >= '0' && ch <= '9' ? Number(ch) : VIN_VALUES[ch]!;
    sum += value * VIN_WEIGHTS[i]!;
  }
  const rest = sum % 11;
  return rest === 10 ? 'X' : String(rest);
}

/**
 * True if the VIN's check digit (position 9) is right. The check digit is
 * mandatory for vehicles made for North America (WMI starting 1–5) and China
 * (L); European and many other makers may put any character there, so a
 * wrong check digit is only an error for those regions (see `vinSchema`).
 */
export function hasValidVinCheckDigit(vin: string): boolean {
  const expected = vinCheckCharacter(vin);
  return expected !== undefined && vin[8] === expected;
}

/** True when the VIN's world manufacturer identifier comes from a region that mandates the check digit. */
export function vinRequiresCheckDigit(vin: string): boolean {
  return /^[1-5L]/.test(vin);
}

/**
 * A vehicle identification number. 17 characters per ISO 3779 (check digit
 * enforced where mandated); shorter pre-1981 numbers are accepted as written.
 */
export const vinSchema = z.string().superRefine((vin, ctx) => {
  if (vin.length === 17) {
    if (!isVinFormat(vin)) {
      addIssue(ctx, 'vin_format', 'Use only digits and upper-case letters other than I, O and Q');
    } else if (vinRequiresCheckDigit(vin) && !hasValidVinCheckDigit(vin)) {
      addIssue(
        ctx,
        'vin_check_digit',
        'Check digit (9th character) does not match: the VIN is mistyped',
        [],
        {
          expected: vinCheckCharacter(vin),
        },
      );
    }
  } else if (!/^[A-Z0-9]{5,16}$/.test(vin)) {
    addIssue(ctx, 'vin_format', 'Must be 17 characters (or 5 to 16 for vehicles made before 1981)');
  }
});

/**
 * A registration plate as read. Moroccan plates carry an Arabic letter
 * between digit groups, so any script is allowed.
 */
export const plateSchema = text(20).superRefine((plate, ctx) => {
  if (plate.length > 0 && !/^[\p{L}\p{N}][\p{L}\p{N} |/-]*$/u.test(plate)) {
    addIssue(ctx, 'plate_format', 'Use only letters, digits, spaces and the separators - | /');
  }
});

/** Kinds of road vehicle. */
export const VEHICLE_TYPES = ['car', 'van', 'lorry', 'bus', 'motorcycle', 'other'] as const;

/** A road vehicle; at least a plate, a VIN or a description. */
export const vehicleSchema = z
  .strictObject({
    kind: z.literal('vehicle'),
    ...entityBaseShape,
    plate: plateSchema.optional(),
    /** Country of registration of the plate. */
    country: countryCodeSchema.optional(),
    vin: vinSchema.optional(),
    vehicleType: z.enum(VEHICLE_TYPES).optional(),
    make: text(80).optional(),
    model: text(80).optional(),
    colour: text(40).optional(),
    description: text(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.plate && !v.vin && !v.description) {
      addIssue(ctx, 'identifier_missing', 'Give at least one of: plate, VIN, description');
    }
  });

/** A road vehicle. */
export type Vehicle = z.infer<typeof vehicleSchema>;
