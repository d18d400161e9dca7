import { z } from 'zod';
import type { Actor } from '../governance/index.js';
import { auditActor, requirePermission } from '../governance/index.js';
import { type ApiRouter, generateNodeKeys, loadNodeKeyring, saveNodeKeyring } from '../platform/index.js';
import type { AppContext } from './context.js';

/** Outcome of a key rotation. */
export interface RotateKeysResult {
  fingerprint: string;
  /** HTTP status each verified partner answered to the rotation statement (0: unreachable). */
  pushed: Record<string, number>;
}

/**
 * Rotates the node's keys (PROTOCOL §2.1). The key file is written first, keeping the old
 * encryption key as "previous" so envelopes already sealed to it still open; then the new
 * card, signed by the old key, is recorded and pushed to every verified partner. If
 * recording fails the key file is put back, so file and database never disagree. Partners
 * that were unreachable get the statement again on the next delivery they refuse.
 */
export async function rotateNodeKeys(ctx: AppContext, actor: Actor): Promise<RotateKeysResult> {
  requirePermission(actor, 'node.rotate_keys');
  return rotateKeysAs(ctx, auditActor(actor));
}

/** The rotation itself, audited as `by` (a user, or the card renewal acting for the node). */
export async function rotateKeysAs(ctx: AppContext, by: string): Promise<RotateKeysResult> {
  const { path, passphrase } = ctx.config.keys;
  const before = await loadNodeKeyring(path, passphrase);
  const keys = generateNodeKeys();
  saveNodeKeyring(
    path,
    { keys, previousEncryptionKey: before.keys.encryption.privateKey, storageSecret: before.storageSecret },
    passphrase,
  );
  let pushed: Record<string, number>;
  try {
    ({ pushed } = await ctx.federation.rotateKeys(keys, by));
  } catch (err) {
    saveNodeKeyring(path, before, passphrase);
    throw err;
  }
  ctx.logger.warn('node keys rotated', { event: 'keys.rotated', by, fingerprint: ctx.fingerprint, pushed });
  return { fingerprint: ctx.fingerprint, pushed };
}

/** Registers `POST /api/v1/node/rotate-keys`. */
export function registerKeyRotationRoute(router: ApiRouter<Actor>, ctx: AppContext): void {
  router.route({
    method: 'post',
    path: '/node/rotate-keys',
    tag: 'federation',
    summary:
      "Rotate this node's keys: new card signed by the old key, pushed to every verified partner (admin)",
    auth: 'user',
    response: z.object({ fingerprint: z.string(), pushed: z.record(z.string(), z.number()) }),
    handler: ({ actor }) => rotateNodeKeys(ctx, actor),
  });
}
