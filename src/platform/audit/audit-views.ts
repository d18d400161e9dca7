import { z } from 'zod';

/** An audit entry as the API returns it (`at` as an RFC 3339 instant). */
export const auditEntryViewSchema = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  actor: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** The outcome of recomputing the audit hash chain (`verifyAuditChain`). */
export const auditVerifyResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    entries: z.number().int().nonnegative(),
    head: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }),
  }),
  z.object({
    ok: z.literal(false),
    entries: z.number().int().nonnegative(),
    brokenAt: z.number().int(),
    reason: z.enum(['hashMismatch', 'prevHashMismatch', 'missingEntry', 'headMismatch']),
    message: z.string(),
  }),
]);
