import type { DbOrTx, Tx } from '../platform/index.js';
import type { NotificationView } from './schema.js';

/** Writes a notification for an audience (a role name). */
export async function insertNotification(
  tx: Tx,
  n: {
    id: string;
    audience: string;
    kind: string;
    title: string;
    detail: string;
    subject: string | null;
    at: Date;
  },
): Promise<void> {
  await tx
    .insertInto('notifications')
    .values({ ...n, read_at: null, read_by: null })
    .execute();
}

/** Notifications of the given audiences, newest first. */
export async function listNotifications(
  db: DbOrTx,
  audiences: string[],
  limit = 200,
): Promise<NotificationView[]> {
  if (audiences.length === 0) return [];
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('audience', 'in', audiences)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    kind: r.kind,
    title: r.title,
    detail: r.detail,
    readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
  }));
}

/** Marks a notification read; false if it does not exist for these audiences. */
export async function markNotificationRead(
  tx: Tx,
  id: string,
  audiences: string[],
  by: string,
  at: Date,
): Promise<boolean> {
  if (audiences.length === 0) return false;
  const res = await tx
    .updateTable('notifications')
    .set({ read_at: at, read_by: by })
    .where('id', '=', id)
    .where('audience', 'in', audiences)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0) return true;
  const exists = await tx
    .selectFrom('notifications')
    .select('id')
    .where('id', '=', id)
    .where('audience', 'in', audiences)
    .executeTakeFirst();
  return exists !== undefined;
}
