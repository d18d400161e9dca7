import { createHash } from 'node:crypto';
import {
  appendAudit,
  type Clock,
  type Db,
  type Logger,
  type Random,
  type ScryptParams,
  type SecretBox,
} from '../platform/index.js';
import type { CredentialCache } from './credential-cache.js';
import * as store from './store.js';

/** Settings of the governance services (`GovernanceService` and its parts). */
export interface GovernanceOptions {
  db: Db;
  clock: Clock;
  random: Random;
  logger: Logger;
  scrypt: ScryptParams;
  sessionTtlMinutes: number;
  sessionIdleMinutes: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Issuer shown in authenticator apps. */
  totpIssuer: string;
  /** Seals TOTP secrets at rest under the node's storage secret. */
  totpBox: SecretBox;
  /** Sessions and tokens recently found valid (absent: every request reads the database). */
  credentialCache?: CredentialCache;
}

/** Hash under which session cookies and API tokens are stored (never the value itself). */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A user's TOTP secret, opened from its sealed form at rest; null for accounts without one. */
export function openTotpSecret(o: GovernanceOptions, user: store.UserRow): string | null {
  return user.totp_secret ? o.totpBox.open(user.totp_secret, user.id) : null;
}

/** Writes one audit entry in its own transaction (refusals, which change nothing else). */
export async function auditAlone(
  o: GovernanceOptions,
  actor: string,
  action: string,
  subject: string | null,
  detail: Record<string, unknown>,
): Promise<void> {
  await o.db
    .transaction()
    .execute((tx) => appendAudit(tx, o.clock, { actor, action, subject, detail }).then(() => {}));
}

/**
 * Counts a failure towards lock-out (atomically, in SQL) and audits it; returns whether the
 * account is now locked. Wrong passwords and codes at sign-in, at password change and at a
 * privileged token's step-up all count towards the same lock.
 */
export async function recordFailure(
  o: GovernanceOptions,
  user: store.UserRow,
  reason: string,
  ip: string | null | undefined,
  options: { actor?: string; action?: string } = {},
): Promise<boolean> {
  const now = o.clock.now();
  const locked = await o.db.transaction().execute(async (tx) => {
    const r = await store.recordFailedLogin(
      tx,
      user.id,
      { threshold: o.lockoutThreshold, lockUntil: new Date(now.getTime() + o.lockoutMinutes * 60_000) },
      now,
    );
    const justLocked = r.locked && r.failures === o.lockoutThreshold;
    // A lock ends the account's sessions too: whoever is guessing may be holding one.
    if (justLocked) await store.deleteOtherSessions(tx, user.id, null);
    await appendAudit(tx, o.clock, {
      actor: options.actor ?? 'anonymous',
      action: justLocked ? 'auth.locked' : (options.action ?? 'auth.login_failed'),
      subject: `user:${user.username}`,
      detail: { reason, failures: r.failures, ip: ip ?? null },
    });
    return r.locked;
  });
  // A lock ends the account's sessions: other processes hear of it from the database.
  if (locked) o.credentialCache?.clear();
  return locked;
}
