import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Several processes on one database: the owner of each outbox lease (so a dead process's
// leases are taken back at once), a priority to drain a backlog in, shared rate-limit
// counters, and the audit checkpoint as a scheduled job claimed by one process.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('outbox')
    .addColumn('locked_by', 'bigint')
    .addColumn('priority', 'smallint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`drop index if exists outbox_due_idx`.execute(db);
  await sql`create index outbox_due_idx on outbox (priority desc, next_attempt_at, id) where status in ('queued', 'sending')`.execute(
    db,
  );
  await db.schema
    .createTable('rate_limits')
    .addColumn('scope_key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_window_idx').on('rate_limits').column('window_start').execute();
  await db
    .insertInto('scheduled_jobs')
    .values({ name: 'audit.checkpoint', next_run_at: sql`now()`, last_run_at: null })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('scheduled_jobs').where('name', '=', 'audit.checkpoint').execute();
  await db.schema.dropTable('rate_limits').ifExists().execute();
  await sql`drop index if exists outbox_due_idx`.execute(db);
  await sql`create index outbox_due_idx on outbox (next_attempt_at) where status in ('queued', 'sending')`.execute(
    db,
  );
  await db.schema.alterTable('outbox').dropColumn('locked_by').dropColumn('priority').execute();
}
