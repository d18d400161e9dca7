/**
 * Identity and travel documents: passports, identity cards, visas, residence
 * permits, seafarers' books.
 */
import * as z from 'zod';
import { entityBaseShape, entityIdSchema, isoDateSchema, text } from './common.js';
import { countryCodeSchema } from './countries.js';
import { addIssue } from './issues.js';
import { parseMrz } from './mrz.js';

/** Kinds of identity document. */
export const DOCUMENT_TYPES = [
  'passport',
  'id_card',
  'residence_permit',
  'visa',
  'travel_document',
  'seafarer_document',
  'driving_licence',
  'birth_certificate',
  'other',
] as const;

/** Kind of identity document. */
export const documentTypeSchema = z.enum(DOCUMENT_TYPES);

/** Kind of identity document. */
export type DocumentType = z.infer<typeof documentTypeSchema>;

/**
 * Document numbers as printed: letters, digits and the separators some
 * states print (space, hyphen, slash). Matching canonicalises further.
 */
const documentNumberSchema = text(40).superRefine((value, ctx) => {
  if (value.length > 0 && !/^[\p{L}\p{N}][\p{L}\p{N} /-]*$/u.test(value)) {
    addIssue(ctx, 'invalid_format', 'Use only letters, digits, spaces, hyphens and slashes');
  }
});

/**
 * An identity document. When the machine-readable zone was captured it is
 * kept verbatim (`mrz`) and must agree with the typed fields: a mismatch is
 * either a keying error or a forgery, and both deserve a human look.
 */
export const identityDocumentSchema = z
  .strictObject({
    kind: z.literal('identity_document'),
    ...entityBaseShape,
    documentType: documentTypeSchema,
    number: documentNumberSchema,
    issuingCountry: countryCodeSchema,
    issueDate: isoDateSchema.optional(),
    expiryDate: isoDateSchema.optional(),
    /** Entity id of the holder (a person in the same document or case). */
    holderRef: entityIdSchema.optional(),
    /** Machine-readable zone, lines separated by `\n` (ICAO 9303). */
    mrz: z.string().max(200).optional(),
    /** Believed or proven forged, counterfeit or fraudulently obtained. */
    suspectedFraud: z.boolean().optional(),
  })
  .superRefine((doc, ctx) => {
    if (doc.issueDate && doc.expiryDate && doc.expiryDate <= doc.issueDate) {
      addIssue(ctx, 'document_expired_before_issue', 'Expiry date must be after the issue date', [
        'expiryDate',
      ]);
    }
    if (doc.mrz === undefined) return;
    // The reference year only resolves the century of 2-digit dates; the
    // issue year (or expiry) is the best clock-free anchor available.
    const anchor = Number((doc.issueDate ?? doc.expiryDate ?? '').slice(0, 4)) || undefined;
    const parsed = parseMrz(doc.mrz, anchor ? { referenceYear: anchor + 10 } : {});
    if (!parsed.ok) {
      for (const e of parsed.errors) {
        addIssue(ctx, e.code, `Machine-readable zone: ${e.message}`, ['mrz'], { mrzField: e.field });
      }
      return;
    }
    const { mrz } = parsed;
    if (mrz.documentNumber !== doc.number.replace(/[ /-]/g, '').toUpperCase()) {
      addIssue(ctx, 'mrz_mismatch', 'Does not match the document number in the machine-readable zone', [
        'number',
      ]);
    }
    if (mrz.issuingCountry && mrz.issuingCountry !== doc.issuingCountry) {
      addIssue(ctx, 'mrz_mismatch', 'Does not match the issuing state in the machine-readable zone', [
        'issuingCountry',
      ]);
    }
    if (doc.expiryDate && mrz.expiryDate !== doc.expiryDate) {
      addIssue(ctx, 'mrz_mismatch', 'Does not match the expiry date in the machine-readable zone', [
        'expiryDate',
      ]);
    }
  });

/** An identity document. */
export type IdentityDocument = z.infer<typeof identityDocumentSchema>;
