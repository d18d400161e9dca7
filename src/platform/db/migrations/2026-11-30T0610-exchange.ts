import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('conversation_id', 'uuid', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('in', 'out')`))
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('priority', 'text')
    .addColumn('crime_areas', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('handling_code', 'text')
    .addColumn('tlp', 'text')
    .addColumn('deadline', 'timestamptz')
    .addColumn('in_reply_to', 'uuid')
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz')
    .addColumn('read_at', 'timestamptz')
    .addColumn('ack_status', 'text')
    .addColumn('ack_reason', 'text')
    .addColumn('ack_at', 'timestamptz')
    .addColumn('has_attachments', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('retention_review_date', 'date')
    .execute();
  await db.schema
    .createIndex('messages_conversation_idx')
    .on('messages')
    .columns(['conversation_id', 'created_at'])
    .execute();
  await db.schema.createIndex('messages_created_idx').on('messages').columns(['created_at', 'id']).execute();
  await db.schema
    .createIndex('messages_partner_idx')
    .on('messages')
    .columns(['partner', 'created_at'])
    .execute();
  // Open requests by deadline: the overdue filter and the dashboard counters.
  await db.schema
    .createIndex('messages_open_rfi_idx')
    .on('messages')
    .column('deadline')
    .where(sql.ref('type'), '=', 'rfi')
    .execute();
  await db.schema.createIndex('messages_in_reply_to_idx').on('messages').column('in_reply_to').execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('message_id', 'uuid', (c) => c.references('messages.id').onDelete('cascade'))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('upload', 'partner')`))
    .addColumn('partner', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('kek_id', 'text', (c) => c.notNull())
    .addColumn('transfer_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('stored', 'pending', 'failed')`))
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('fetch_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_fetch_at', 'timestamptz')
    .addColumn('fetch_lease_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('attachments_message_idx').on('attachments').column('message_id').execute();
  await db.schema
    .createIndex('attachments_pending_idx')
    .on('attachments')
    .column('next_fetch_at')
    .where(sql.ref('status'), '=', 'pending')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachments').ifExists().execute();
  await db.schema.dropTable('messages').ifExists().execute();
}
