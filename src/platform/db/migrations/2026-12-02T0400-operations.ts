import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // One row: which node this database belongs to. The data folder records the same database
  // id, so a folder started against another database (a forgotten DATABASE_URL) is refused.
  await db.schema
    .createTable('node_binding')
    .addColumn('singleton', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`singleton`))
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('database_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // Answers of requests sent with an Idempotency-Key, per user and key, kept for a day.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('response', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute();
  await db.schema
    .createIndex('idempotency_keys_expiry_idx')
    .on('idempotency_keys')
    .column('expires_at')
    .execute();
  // Metrics and readiness read the undelivered rows on every scrape: keep that independent of
  // the delivered messages kept.
  await db.schema
    .createIndex('outbox_undelivered_idx')
    .on('outbox')
    .columns(['status', 'next_attempt_at'])
    .where(sql.ref('status'), '<>', 'delivered')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_undelivered_idx').execute();
  await db.schema.dropTable('idempotency_keys').execute();
  await db.schema.dropTable('node_binding').execute();
}
