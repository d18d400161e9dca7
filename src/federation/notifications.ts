import { type Actor, requirePermission } from '../governance/index.js';
import { type Clock, type Db, NotFoundError } from '../platform/index.js';
import { listNotifications, markNotificationRead } from './notification-store.js';
import type { NotificationView } from './schema.js';

/** Notifications addressed to the actor's roles (dead letters for admins, break-glass for the DPO). */
export async function notificationsFor(db: Db, actor: Actor): Promise<NotificationView[]> {
  requirePermission(actor, 'notification.read');
  return listNotifications(db, actor.roles);
}

/** Marks a notification addressed to one of the actor's roles read; 404 for any other. */
export async function markRead(db: Db, clock: Clock, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'notification.read');
  const found = await db
    .transaction()
    .execute((tx) => markNotificationRead(tx, id, actor.roles, actor.username, clock.now()));
  if (!found) throw new NotFoundError(`No notification ${id}`);
}
