/**
 * Vessels: the boats of smuggling routes, the ships of rescue operations.
 */
import * as z from 'zod';
import { entityBaseShape, text } from './common.js';
import { countryCodeSchema } from './countries.js';
import { addIssue } from './issues.js';
import { describeMmsi } from './mmsi.js';

/**
 * IMO ship identification number check (IMO Resolution A.1117(30)): the
 * first six digits weighted 7, 6, 5, 4, 3, 2 are summed; the last digit of
 * the sum is the seventh digit. Weights 6, 5, 4 and 2 share a factor with 10,
 * so some single-digit slips (e.g. ±5 under weight 6) go unnoticed: the
 * check catches most typing errors, not all.
 */
export function isValidImoNumber(value: string): boolean {
  if (!/^\d{7}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(value[i]) * (7 - i);
  return sum % 10 === Number(value[6]);
}

/** Strip an `IMO` prefix and spaces (`"IMO 9074729"` → `"9074729"`); returns the input otherwise unchanged. */
export function normaliseImoNumber(value: string): string {
  return value
    .trim()
    .replace(/^IMO[\s:-]*/i, '')
    .replace(/\s+/g, '');
}

/** An IMO ship identification number: 7 digits, last one a check digit. */
export const imoNumberSchema = z.string().superRefine((value, ctx) => {
  if (!/^\d{7}$/.test(value)) {
    addIssue(ctx, 'imo_format', 'Must be the 7 digits of an IMO number, without the "IMO" prefix');
  } else if (!isValidImoNumber(value)) {
    addIssue(ctx, 'imo_check_digit', 'Check digit does not match: the IMO number is mistyped');
  }
});

/**
 * An MMSI of a ship station (ITU-R M.585-9: first digit 2–7, the MID) whose
 * MID is allocated. Coast stations, aids to navigation and beacons are not
 * vessels and are refused here.
 */
export const shipMmsiSchema = z.string().superRefine((value, ctx) => {
  const info = describeMmsi(value);
  if (!info) {
    addIssue(ctx, 'mmsi_format', 'Must be the 9 digits of an MMSI');
  } else if (info.kind !== 'ship') {
    addIssue(
      ctx,
      'mmsi_not_ship_station',
      'Not the MMSI of a ship station (those start with digits 2 to 7)',
      [],
      {
        stationKind: info.kind,
      },
    );
  } else if (!info.country) {
    addIssue(
      ctx,
      'mmsi_mid_unallocated',
      `The maritime identification digits ${info.mid} are not allocated`,
      [],
      {
        mid: info.mid,
      },
    );
  }
});

/** Radio call sign (ITU Radio Regulations art. 19): letters and digits, 3 to 9 characters. */
export const callSignSchema = z.string().superRefine((value, ctx) => {
  if (!/^[A-Z0-9]{3,9}$/.test(value)) {
    addIssue(ctx, 'call_sign_format', 'Must be 3 to 9 upper-case letters and digits, without spaces');
  }
});

/** Kinds of vessel met in this work. */
export const VESSEL_TYPES = [
  'fishing',
  'cargo',
  'tanker',
  'passenger',
  'pleasure',
  'inflatable',
  'wooden_boat',
  'speedboat',
  'rescue',
  'law_enforcement',
  'other',
] as const;

/**
 * A vessel. Small boats used for crossings often have no identifier at all,
 * hence only one of name, IMO number, MMSI, call sign or description is required.
 */
export const vesselSchema = z
  .strictObject({
    kind: z.literal('vessel'),
    ...entityBaseShape,
    name: text().optional(),
    /** Flag state. An MMSI whose MID names another country is kept: re-flagged ships often keep their old MMSI. */
    flag: countryCodeSchema.optional(),
    imo: imoNumberSchema.optional(),
    mmsi: shipMmsiSchema.optional(),
    callSign: callSignSchema.optional(),
    vesselType: z.enum(VESSEL_TYPES).optional(),
    lengthMetres: z.number().positive().max(500).optional(),
    description: text(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.name && !v.imo && !v.mmsi && !v.callSign && !v.description) {
      addIssue(
        ctx,
        'identifier_missing',
        'Give at least one of: name, IMO number, MMSI, call sign, description',
      );
    }
  });

/** A vessel. */
export type Vessel = z.infer<typeof vesselSchema>;
