// Federation messages of the incidents module (docs/PROTOCOL.md §8.7): ante-mortem records
// sent by the country of the missing to the country holding the bodies, and the status board
// entries each node tells the other as identifications, notifications and repatriations go.
import { z } from 'zod';
import { anteMortemFormSchema, BOARD_STATES, INCIDENT_TYPES } from './schema.js';

export const ANTE_MORTEM_TYPE = 'dvi.antemortem';
export const DVI_STATUS_TYPE = 'dvi.status';
export const DVI_DELETED_TYPE = 'dvi.deleted';

/** The incident a DVI message is about: found by its IOM id on the receiving node. */
export const incidentRefSchema = z.strictObject({
  iomId: z
    .string()
    .regex(/^\d{4}\.MMP\d+$/)
    .nullable(),
  type: z.enum(INCIDENT_TYPES),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  place: z.string().trim().min(1).max(1000),
});

/**
 * Payload of `dvi.antemortem`: one ante-mortem record (INTERPOL yellow form). Relatives' DNA
 * references are present only when the sender's DPO approved their transfer.
 */
export const anteMortemPayloadSchema = z.strictObject({
  transferId: z.uuid(),
  incident: incidentRefSchema,
  record: z.strictObject({
    id: z.uuid(),
    reference: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/),
    synthetic: z.boolean(),
    form: anteMortemFormSchema,
  }),
});
export type AnteMortemPayload = z.infer<typeof anteMortemPayloadSchema>;

/** Payload of `dvi.status`: references and states only, no personal data. */
export const dviStatusPayloadSchema = z.strictObject({
  incident: incidentRefSchema,
  entries: z
    .array(
      z.strictObject({
        kind: z.enum(['am', 'pm']),
        reference: z.string().min(1).max(64),
        state: z.enum(BOARD_STATES),
        counterpart: z.string().min(1).max(64).nullable(),
      }),
    )
    .max(5000),
});
export type DviStatusPayload = z.infer<typeof dviStatusPayloadSchema>;

/**
 * Payload of `dvi.deleted`: the receiver of an ante-mortem record purged it (retention review
 * or erasure) and tells its sender, as `retention.deleted` does for messages. Names the
 * sender's own record; carries no personal data.
 */
export const dviDeletedPayloadSchema = z.strictObject({
  /** The sender's record id (`record.id` of the `dvi.antemortem` it sent). */
  recordId: z.uuid(),
  reference: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/),
  deletedAt: z.iso.datetime({ offset: true }),
  reason: z.enum(['retention', 'erasure']),
});
export type DviDeletedPayload = z.infer<typeof dviDeletedPayloadSchema>;
