/**
 * The federation payload of an operational message (docs/PROTOCOL.md §8): the message
 * itself, plus the keys its attachments travel under. The keys sit beside the message, not
 * in it, so the stored message never holds a key; both are inside the end-to-end encrypted
 * envelope.
 */
import { z } from 'zod';

/** A 256-bit key as unpadded base64url (43 characters). */
const keySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Must be a 256-bit key in base64url');

/** Payload of `rfi`, `reply`, `info`, `alert` and `ack` envelopes. */
export const exchangePayloadSchema = z.strictObject({
  message: z.record(z.string(), z.unknown()),
  /** Attachment id → AES-256-GCM key of the file served at `/federation/v1/attachments/:id`. */
  transferKeys: z.record(z.string(), keySchema).default({}),
});

/** Exchange payload as sent. */
export type ExchangePayload = z.infer<typeof exchangePayloadSchema>;
