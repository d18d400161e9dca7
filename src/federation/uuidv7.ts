import type { Clock } from '../platform/index.js';
import type { RandomBytes } from './clock.js';

/** RFC 9562 UUID version 7 in its canonical lowercase 8-4-4-4-12 form. */
export const UUIDV7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const MAX_UNIX_MS = 2 ** 48 - 1;

/**
 * A UUIDv7 (RFC 9562 §5.7): 48-bit Unix time in milliseconds, then 74 random bits.
 * Message ids are v7 so they sort by creation time, which keeps inbox/outbox indexes
 * append-mostly and lets a reader see roughly when an id was minted.
 */
export function uuidv7(clock: Clock, random: RandomBytes): string {
  const ms = clock.now().getTime();
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_UNIX_MS)
    throw new RangeError(`time out of UUIDv7 range: ${ms}`);
  const rand = random(10);
  if (rand.length < 10) throw new RangeError('random source returned too few bytes');
  const bytes = new Uint8Array(16);
  // Split the 48-bit timestamp: bitwise operators would truncate it to 32 bits.
  const high = Math.floor(ms / 2 ** 16);
  bytes[0] = (high >>> 24) & 0xff;
  bytes[1] = (high >>> 16) & 0xff;
  bytes[2] = (high >>> 8) & 0xff;
  bytes[3] = high & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes.set(rand, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f); // version 7 (RFC 9562 §4.2)
  bytes[8] = 0x80 | (bytes[8]! & 0x3f); // variant 10 (RFC 9562 §4.1)
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether a string is a canonical lowercase UUIDv7. */
export function isUuidv7(value: string): boolean {
  return UUIDV7_PATTERN.test(value);
}

/** The creation instant encoded in a UUIDv7, or `undefined` if the string is not one. */
export function uuidv7Time(id: string): Date | undefined {
  if (!isUuidv7(id)) return undefined;
  return new Date(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16));
}
