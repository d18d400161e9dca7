/**
 * Queries on `messages` and `attachments`. Plain functions with the database first; the
 * service decides transactions and audit.
 */
import { type Expression, type ExpressionBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { DatabaseSchema, DbOrTx } from '../platform/index.js';

/** A `messages` row as read. */
export type MessageRow = Selectable<DatabaseSchema['messages']>;
/**
 * The columns an inbox line shows ({@link toSummary}): everything but the message itself
 * (`payload`, the bulk of a row) and the retention bookkeeping. A listing reads only these.
 */
export const SUMMARY_COLUMNS = [
  'id',
  'conversation_id',
  'direction',
  'partner',
  'type',
  'subject',
  'priority',
  'crime_areas',
  'handling_code',
  'tlp',
  'deadline',
  'status',
  'created_at',
  'received_at',
  'read_at',
  'has_attachments',
  'in_reply_to',
  'ack_status',
  'ack_reason',
  'ack_at',
  'unit',
  'addressed_officers',
  'review_status',
  'review_flags',
  'review_note',
  'reviewed_by',
  'reviewed_at',
] as const satisfies ReadonlyArray<keyof MessageRow>;
/** A `messages` row as a listing reads it. */
export type MessageSummaryRow = Pick<MessageRow, (typeof SUMMARY_COLUMNS)[number]>;
/** An `attachments` row as read. */
export type AttachmentRow = Selectable<DatabaseSchema['attachments']>;

/** Values of a new message row. */
export interface NewMessageRow {
  id: string;
  conversationId: string;
  direction: 'in' | 'out';
  partner: string;
  type: string;
  subject: string | null;
  priority: string | null;
  crimeAreas: string[];
  handlingCode: string | null;
  tlp: string | null;
  deadline: Date | null;
  inReplyTo: string | null;
  payload: Record<string, unknown>;
  status: string;
  createdBy: string | null;
  createdAt: Date;
  receivedAt: Date | null;
  hasAttachments: boolean;
  retentionReviewDate: string | null;
  /** Unit of this node the message belongs to (need-to-know). */
  unit: string | null;
  /** Usernames on this node it is addressed to by name. */
  addressedOfficers: string[];
  /** Outgoing review state (null: none applies). */
  reviewStatus?: string | null;
  reviewFlags?: unknown[];
}

/** Inserts a message. */
export async function insertMessage(db: DbOrTx, m: NewMessageRow): Promise<void> {
  await db
    .insertInto('messages')
    .values({
      id: m.id,
      conversation_id: m.conversationId,
      direction: m.direction,
      partner: m.partner,
      type: m.type,
      subject: m.subject,
      priority: m.priority,
      crime_areas: m.crimeAreas,
      handling_code: m.handlingCode,
      tlp: m.tlp,
      deadline: m.deadline,
      in_reply_to: m.inReplyTo,
      payload: JSON.stringify(m.payload),
      status: m.status,
      created_by: m.createdBy,
      created_at: m.createdAt,
      received_at: m.receivedAt,
      read_at: null,
      ack_status: null,
      ack_reason: null,
      ack_at: null,
      has_attachments: m.hasAttachments,
      retention_review_date: m.retentionReviewDate,
      unit: m.unit,
      addressed_officers: m.addressedOfficers,
      review_status: m.reviewStatus ?? null,
      review_flags: JSON.stringify(m.reviewFlags ?? []),
      review_note: null,
      reviewed_by: null,
      reviewed_at: null,
    })
    .execute();
}

/** One message, optionally locked for the rest of the transaction. */
export async function getMessage(db: DbOrTx, id: string, lock = false): Promise<MessageRow | undefined> {
  let q = db.selectFrom('messages').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Whether a message still exists, and when it was first read on this node. */
export function getReadState(db: DbOrTx, id: string): Promise<Pick<MessageRow, 'read_at'> | undefined> {
  return db.selectFrom('messages').select('read_at').where('id', '=', id).executeTakeFirst();
}

/** The partners a conversation has been held with (normally exactly one). */
export async function conversationPartners(db: DbOrTx, conversationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('messages')
    .select('partner')
    .distinct()
    .where('conversation_id', '=', conversationId)
    .execute();
  return rows.map((r) => r.partner);
}

/** Every message of a conversation, oldest first. */
export async function listConversation(db: DbOrTx, conversationId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Inbox filters; all optional and combined with AND. */
export interface MessageFilter {
  partner?: string | undefined;
  type?: string | undefined;
  priority?: string | undefined;
  overdue?: boolean | undefined;
  crimeArea?: string | undefined;
  direction?: 'in' | 'out' | undefined;
  /** Words searched in the subject (case-insensitive substring). */
  q?: string | undefined;
  limit?: number | undefined;
  /** Id of the last message of the previous page. */
  before?: string | undefined;
}

/**
 * An open request past its deadline: no final reply and not declined. The same rule holds
 * on both nodes, for the sender's copy and the receiver's.
 */
export function overdueCondition(
  eb: ExpressionBuilder<DatabaseSchema, 'messages'>,
  now: Date,
): Expression<SqlBool> {
  return eb.and([
    eb('messages.type', '=', 'rfi'),
    eb('messages.deadline', '<', now),
    eb('messages.status', '!=', 'answered'),
    eb.or([eb('messages.ack_status', 'is', null), eb('messages.ack_status', '!=', 'declined')]),
  ]);
}

/** Whether a row is overdue at `now`, by the same rule as {@link overdueCondition}. */
export function isOverdue(
  row: Pick<MessageRow, 'type' | 'deadline' | 'status' | 'ack_status'>,
  now: Date,
): boolean {
  return (
    row.type === 'rfi' &&
    row.deadline !== null &&
    new Date(row.deadline).getTime() < now.getTime() &&
    row.status !== 'answered' &&
    row.ack_status !== 'declined'
  );
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Messages newest first. Acknowledgements are listed only when asked for by type: they are
 * shown on the message they acknowledge.
 */
export async function listMessages(
  db: DbOrTx,
  f: MessageFilter,
  now: Date,
  visible?: Expression<SqlBool>,
): Promise<MessageSummaryRow[]> {
  let q = db.selectFrom('messages').select(SUMMARY_COLUMNS);
  if (visible) q = q.where(visible);
  q = f.type ? q.where('type', '=', f.type) : q.where('type', '!=', 'ack');
  if (f.partner) q = q.where('partner', '=', f.partner);
  if (f.priority) q = q.where('priority', '=', f.priority);
  if (f.direction) q = q.where('direction', '=', f.direction);
  if (f.crimeArea) q = q.where(sql<boolean>`crime_areas @> array[${f.crimeArea}]::text[]`);
  if (f.q) q = q.where('subject', 'ilike', `%${escapeLike(f.q)}%`);
  if (f.overdue === true) q = q.where((eb) => overdueCondition(eb, now));
  if (f.overdue === false) q = q.where((eb) => eb.not(overdueCondition(eb, now)));
  if (f.before) {
    const cursor = await db
      .selectFrom('messages')
      .select(['created_at', 'id'])
      .where('id', '=', f.before)
      .executeTakeFirst();
    if (cursor) {
      q = q.where((eb) =>
        eb.or([
          eb('created_at', '<', cursor.created_at),
          eb.and([eb('created_at', '=', cursor.created_at), eb('id', '<', cursor.id)]),
        ]),
      );
    }
  }
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(f.limit ?? 50, 200))
    .execute();
}

/** Units and users of this node among those named (routing of received messages). */
export async function knownAddressees(
  db: DbOrTx,
  unit: string | undefined,
  officers: readonly string[],
): Promise<{ unit: boolean; officers: string[] }> {
  const [u, users] = await Promise.all([
    unit ? db.selectFrom('units').select('id').where('id', '=', unit).executeTakeFirst() : undefined,
    officers.length > 0
      ? db
          .selectFrom('users')
          .select('username')
          .where('username', 'in', [...officers])
          .execute()
      : [],
  ]);
  return { unit: u !== undefined, officers: users.map((r) => r.username).sort() };
}

/**
 * Records the first opening of an incoming message (if not yet recorded) and returns when it
 * was first opened, in one statement; undefined when the message no longer exists.
 */
export function markReadReturning(
  db: DbOrTx,
  id: string,
  at: Date,
): Promise<Pick<MessageRow, 'read_at'> | undefined> {
  return db
    .updateTable('messages')
    .set({ read_at: sql<Date>`coalesce(read_at, ${at})` })
    .where('id', '=', id)
    .returning('read_at')
    .executeTakeFirst();
}

/** Records the first opening of an incoming message on this node. */
export async function markRead(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db
    .updateTable('messages')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .execute();
}

/** Records an acknowledgement on the message it acknowledges. */
export async function setAck(
  db: DbOrTx,
  id: string,
  ack: { status: string; reason: string | null; at: Date },
): Promise<void> {
  await db
    .updateTable('messages')
    .set({ ack_status: ack.status, ack_reason: ack.reason, ack_at: ack.at })
    .where('id', '=', id)
    .execute();
}

/** Closes a request that received its final reply. */
export async function markAnswered(db: DbOrTx, id: string): Promise<void> {
  await db.updateTable('messages').set({ status: 'answered' }).where('id', '=', id).execute();
}

/** Counters of the dashboard's exchange panel. */
export async function countExchange(
  db: DbOrTx,
  now: Date,
): Promise<{ requestsOverdue: number; requestsAwaitingReply: number; alertsUnread: number }> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => [
      eb.fn
        .countAll<number>()
        .filterWhere((e) => overdueCondition(e, now))
        .as('overdue'),
      eb.fn
        .countAll<number>()
        .filterWhere((e) =>
          e.and([
            e('type', '=', 'rfi'),
            e('direction', '=', 'in'),
            e('status', '!=', 'answered'),
            e.or([e('ack_status', 'is', null), e('ack_status', '!=', 'declined')]),
          ]),
        )
        .as('awaiting'),
      eb.fn
        .countAll<number>()
        .filterWhere((e) =>
          e.and([e('type', '=', 'alert'), e('direction', '=', 'in'), e('read_at', 'is', null)]),
        )
        .as('alerts'),
    ])
    .executeTakeFirstOrThrow();
  return {
    requestsOverdue: Number(row.overdue),
    requestsAwaitingReply: Number(row.awaiting),
    alertsUnread: Number(row.alerts),
  };
}

/** Values of a new attachment row. */
export interface NewAttachmentRow {
  id: string;
  messageId: string | null;
  origin: 'upload' | 'partner';
  partner: string | null;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  wrappedKey: string;
  kekId: string;
  status: 'stored' | 'pending';
  uploadedBy: string | null;
  createdAt: Date;
  nextFetchAt: Date | null;
}

/** Inserts an attachment. */
export async function insertAttachment(db: DbOrTx, a: NewAttachmentRow): Promise<void> {
  await db
    .insertInto('attachments')
    .values({
      id: a.id,
      message_id: a.messageId,
      origin: a.origin,
      partner: a.partner,
      name: a.name,
      media_type: a.mediaType,
      size: a.size,
      sha256: a.sha256,
      wrapped_key: a.wrappedKey,
      kek_id: a.kekId,
      transfer_key: null,
      status: a.status,
      uploaded_by: a.uploadedBy,
      created_at: a.createdAt,
      next_fetch_at: a.nextFetchAt,
      fetch_lease_until: null,
      last_error: null,
    })
    .execute();
}

/** One attachment. */
export async function getAttachment(
  db: DbOrTx,
  id: string,
  lock = false,
): Promise<AttachmentRow | undefined> {
  let q = db.selectFrom('attachments').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Attachments by id, locked: the sender's claim on uploads it is about to send. */
export async function getAttachmentsForUpdate(db: DbOrTx, ids: string[]): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('attachments').selectAll().where('id', 'in', ids).forUpdate().execute();
}

/** The attachments of some messages. */
export async function listAttachmentsOf(db: DbOrTx, messageIds: string[]): Promise<AttachmentRow[]> {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('message_id', 'in', messageIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Binds an uploaded file to the message that sends it, with the key it travels under. */
export async function bindAttachment(
  db: DbOrTx,
  id: string,
  messageId: string,
  transferKey: string,
): Promise<void> {
  await db
    .updateTable('attachments')
    .set({ message_id: messageId, transfer_key: transferKey })
    .where('id', '=', id)
    .execute();
}

/**
 * Claims received attachments whose fetch is due, with a lease, so that several processes
 * never fetch the same file at once; a crashed fetcher's lease simply runs out.
 */
export async function claimPendingAttachments(
  db: DbOrTx,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<AttachmentRow[]> {
  return db
    .updateTable('attachments')
    .set({ fetch_lease_until: leaseUntil })
    .where(
      'id',
      'in',
      db
        .selectFrom('attachments')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_fetch_at', '<=', now)
        .where((eb) => eb.or([eb('fetch_lease_until', 'is', null), eb('fetch_lease_until', '<', now)]))
        .orderBy('next_fetch_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/** Records the outcome of a fetch attempt. */
export async function finishFetch(
  db: DbOrTx,
  id: string,
  outcome:
    | { status: 'stored' }
    | { status: 'pending'; nextFetchAt: Date; error: string }
    | { status: 'failed'; error: string },
): Promise<void> {
  await db
    .updateTable('attachments')
    .set((eb) => ({
      status: outcome.status,
      fetch_attempts: eb('fetch_attempts', '+', 1),
      fetch_lease_until: null,
      next_fetch_at: outcome.status === 'pending' ? outcome.nextFetchAt : null,
      last_error: outcome.status === 'stored' ? null : outcome.error.slice(0, 1000),
    }))
    .where('id', '=', id)
    .execute();
}

/**
 * Whether `partner` is the recipient of an outgoing message that carries the attachment:
 * the only partner allowed to fetch it.
 */
export async function attachmentSentTo(db: DbOrTx, attachmentId: string, partner: string): Promise<boolean> {
  const row = await db
    .selectFrom('attachments')
    .innerJoin('messages', 'messages.id', 'attachments.message_id')
    .select('attachments.id')
    .where('attachments.id', '=', attachmentId)
    .where('attachments.origin', '=', 'upload')
    .where('messages.direction', '=', 'out')
    .where('messages.partner', '=', partner)
    // Held for review or returned: nothing of it has left this node.
    .where('messages.status', 'not in', ['held', 'returned'])
    .executeTakeFirst();
  return row !== undefined;
}
