/**
 * Locations: departure beaches, stash houses, ports, shipwreck positions.
 */
import * as z from 'zod';
import { entityBaseShape, scriptedNameSchema, text } from './common.js';
import { countryCodeSchema } from './countries.js';
import { addIssue } from './issues.js';

/** WGS 84 coordinates in decimal degrees. */
export const coordinatesSchema = z.strictObject({
  lat: z
    .number()
    .refine(Number.isFinite)
    .superRefine((v, ctx) => {
      if (v < -90 || v > 90) addIssue(ctx, 'latitude_range', 'Latitude must be between -90 and 90 degrees');
    }),
  lon: z
    .number()
    .refine(Number.isFinite)
    .superRefine((v, ctx) => {
      if (v < -180 || v > 180)
        addIssue(ctx, 'longitude_range', 'Longitude must be between -180 and 180 degrees');
    }),
  /** Radius of uncertainty, in metres. */
  accuracyMetres: z.number().nonnegative().max(1_000_000).optional(),
});

/** WGS 84 coordinates. */
export type Coordinates = z.infer<typeof coordinatesSchema>;

/** Kinds of place. */
export const LOCATION_TYPES = [
  'address',
  'city',
  'region',
  'port',
  'beach',
  'sea_area',
  'border_crossing',
  'airport',
  'camp',
  'other',
] as const;

/** A location: coordinates, names in several scripts, or at least a country. */
export const locationSchema = z
  .strictObject({
    kind: z.literal('location'),
    ...entityBaseShape,
    locationType: z.enum(LOCATION_TYPES).optional(),
    coordinates: coordinatesSchema.optional(),
    names: z.array(scriptedNameSchema).max(20).default([]),
    address: text(500).optional(),
    country: countryCodeSchema.optional(),
  })
  .superRefine((l, ctx) => {
    if (!l.coordinates && l.names.length === 0 && !l.address && !l.country) {
      addIssue(ctx, 'identifier_missing', 'Give at least one of: coordinates, a name, an address, a country');
    }
  });

/** A location. */
export type LocationEntity = z.infer<typeof locationSchema>;
