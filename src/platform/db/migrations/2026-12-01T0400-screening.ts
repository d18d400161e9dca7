import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Every imported version of the UN Consolidated List is kept (history); one is active.
  await db.schema
    .createTable('screening_lists')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('generated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('individuals', 'integer', (c) => c.notNull())
    .addColumn('entities', 'integer', (c) => c.notNull())
    .addColumn('aliases', 'integer', (c) => c.notNull())
    .addColumn('original_script_names', 'integer', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull())
    .addColumn('previous_id', 'uuid', (c) => c.references('screening_lists.id'))
    .addColumn('added', 'integer', (c) => c.notNull())
    .addColumn('removed', 'integer', (c) => c.notNull())
    .addColumn('amended', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('screening_lists_one_active')
    .on('screening_lists')
    .column('active')
    .unique()
    .where(sql.ref('active'), '=', true)
    .execute();
  await db.schema
    .createTable('screening_designations')
    .addColumn('list_id', 'uuid', (c) => c.notNull().references('screening_lists.id'))
    .addColumn('reference_number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('individual', 'entity')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('regime', 'text', (c) => c.notNull())
    .addColumn('listed_on', 'date')
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('record_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('screening_designations_pk', ['list_id', 'reference_number'])
    .execute();
  // What each import changed against the version it replaced.
  await db.schema
    .createTable('screening_changes')
    .addColumn('list_id', 'uuid', (c) => c.notNull().references('screening_lists.id'))
    .addColumn('reference_number', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull().check(sql`change in ('added', 'removed', 'amended')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('fields', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addPrimaryKeyConstraint('screening_changes_pk', ['list_id', 'reference_number'])
    .execute();
  await db.schema
    .createTable('screening_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('confident_score', 'real', (c) => c.notNull())
    .addColumn('review_score', 'real', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('screening_batches')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('list_id', 'uuid', (c) => c.notNull().references('screening_lists.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'done', 'failed')`))
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('queries', 'jsonb', (c) => c.notNull())
    .addColumn('results', 'jsonb')
    .addColumn('error', 'text')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  // Persons named in received partner messages, screened for the officer's attention.
  await db.schema
    .createTable('screening_subjects')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('partner', 'text')
    .addColumn('query', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('list_id', 'uuid', (c) => c.references('screening_lists.id'))
    .addColumn('screened_at', 'timestamptz')
    .addColumn('top_score', 'real')
    .addColumn('level', 'text')
    .addColumn('candidates', 'jsonb')
    .addUniqueConstraint('screening_subjects_unique', ['source', 'source_id', 'entity_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'screening_subjects',
    'screening_batches',
    'screening_settings',
    'screening_changes',
    'screening_designations',
    'screening_lists',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
