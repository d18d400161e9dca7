import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Retention: review periods per record type and legal basis, the due list, extensions,
// the scheduled-job lease, and the provider's record that a partner deleted its data.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('retention_rules')
    .addColumn('record_type', 'text', (c) => c.notNull())
    /** `*` is the default for any legal basis without its own rule. */
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('review_after_days', 'integer', (c) => c.notNull().check(sql`review_after_days > 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('retention_rules_pk', ['record_type', 'legal_basis'])
    .execute();
  await db
    .insertInto('retention_rules')
    .values({ record_type: 'message', legal_basis: '*', review_after_days: 365, updated_at: sql`now()` })
    .execute();
  await db.schema
    .alterTable('messages')
    .addColumn('retention_extended_until', 'date')
    .addColumn('retention_extension_reason', 'text')
    .addColumn('partner_deleted_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('retention_due')
    .addColumn('record_kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'uuid', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('listed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('retention_due_pk', ['record_kind', 'record_id'])
    .execute();
  await db.schema
    .createTable('scheduled_jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_run_at', 'timestamptz')
    .execute();
  await db
    .insertInto('scheduled_jobs')
    .values({ name: 'retention.scan', next_run_at: sql`now()`, last_run_at: null })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scheduled_jobs').ifExists().execute();
  await db.schema.dropTable('retention_due').ifExists().execute();
  await db.schema
    .alterTable('messages')
    .dropColumn('retention_extended_until')
    .dropColumn('retention_extension_reason')
    .dropColumn('partner_deleted_at')
    .execute();
  await db.schema.dropTable('retention_rules').ifExists().execute();
}
