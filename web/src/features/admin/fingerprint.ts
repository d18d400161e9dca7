/**
 * Splits a fingerprint into the groups people read aloud: `7KQ2-M9XD-…` (Crockford base32) by its dashes,
 * `12345 67890 …` (digits) by its spaces; anything else in fours.
 */
export function fingerprintGroups(fingerprint: string): string[] {
  const parts = fingerprint.split(/[\s-]+/).filter((part) => part !== '');
  if (parts.length > 1) return parts;
  return fingerprint.match(/.{1,4}/g) ?? [];
}

/** The `otpauth://` URI authenticator apps import (Google Authenticator key URI format). */
export function otpauthUri(secret: string, username: string, issuer: string): string {
  const label = encodeURIComponent(`${issuer}:${username}`);
  return `otpauth://totp/${label}?secret=${encodeURIComponent(secret)}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
