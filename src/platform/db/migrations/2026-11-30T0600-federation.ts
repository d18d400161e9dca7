import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Federation delivery: partners, this node's cards, outbox, inbox, notifications.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('partners')
    .addColumn('node_id', 'text', (c) => c.primaryKey())
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('card_jws', 'text', (c) => c.notNull())
    .addColumn('card_hash', 'text', (c) => c.notNull())
    .addColumn('signing_kid', 'text', (c) => c.notNull())
    .addColumn('card_valid_until', 'timestamptz', (c) => c.notNull())
    .addColumn('fingerprint_text', 'text', (c) => c.notNull())
    .addColumn('fingerprint_numeric', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'timestamptz')
    .addColumn('verified_by', 'text')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revocation_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('partners_status_chk', sql`status in ('pending', 'verified', 'revoked')`)
    .execute();

  await db.schema
    .createTable('node_cards')
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('card_jws', 'text', (c) => c.notNull())
    .addColumn('card_hash', 'text', (c) => c.notNull())
    .addColumn('signing_kid', 'text', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('locked_until', 'timestamptz')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('receipt_jws', 'text')
    .addColumn('receipt_at', 'timestamptz')
    .addColumn('last_error', 'jsonb')
    .addCheckConstraint(
      'outbox_status_chk',
      sql`status in ('queued', 'sending', 'delivered', 'failed', 'dead')`,
    )
    .execute();
  // The worker's claim scans only pending rows, in due order.
  await sql`create index outbox_due_idx on outbox (next_attempt_at) where status in ('queued', 'sending')`.execute(
    db,
  );
  await db.schema.createIndex('outbox_recipient_idx').on('outbox').columns(['recipient', 'status']).execute();

  await db.schema
    .createTable('inbox')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('payload_hash', 'text', (c) => c.notNull())
    .addColumn('receipt_jws', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addColumn('read_by', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_audience_idx')
    .on('notifications')
    .columns(['audience', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['notifications', 'inbox', 'outbox', 'node_cards', 'partners']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
