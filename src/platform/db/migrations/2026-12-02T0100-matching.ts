import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('matching_holdings')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity', 'jsonb', (c) => c.notNull())
    .addColumn('crime_areas', sql`text[]`, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('matching_sources')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('matching_sources_pk', ['source', 'source_id'])
    .execute();
  await db.schema
    .createTable('matching_records')
    .addColumn('ref', 'bytea', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('crime_areas', sql`text[]`, (c) => c.notNull())
    .addColumn('origin_partner', 'text')
    .addColumn('restricted', 'boolean', (c) => c.notNull())
    .addColumn('tokens', 'integer', (c) => c.notNull())
    .addColumn('removed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('matching_records_source_idx')
    .on('matching_records')
    .columns(['source', 'source_id'])
    .execute();
  await db.schema
    .createTable('matching_entries')
    .addColumn('epoch', 'integer', (c) => c.notNull())
    .addColumn('ref', 'bytea', (c) => c.notNull())
    .addColumn('entry', 'bytea', (c) => c.notNull())
    .addColumn('added_version', 'bigint', (c) => c.notNull())
    .addColumn('removed_version', 'bigint')
    .execute();
  await db.schema.createIndex('matching_entries_ref_idx').on('matching_entries').columns(['ref']).execute();
  await db.schema
    .createIndex('matching_entries_version_idx')
    .on('matching_entries')
    .columns(['epoch', 'added_version'])
    .execute();
  await db.schema
    .createTable('matching_keys')
    .addColumn('epoch', 'integer', (c) => c.primaryKey())
    .addColumn('sealed_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('retired_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('matching_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('epoch', 'integer', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('last_refresh_at', 'timestamptz')
    .execute();
  await db.insertInto('matching_state').values({ id: 1, epoch: 0, version: 0 }).execute();
  await db.schema
    .createTable('matching_policies')
    .addColumn('partner', 'text', (c) => c.primaryKey())
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    .addColumn('record_types', sql`text[]`, (c) => c.notNull())
    .addColumn('crime_areas', sql`text[]`, (c) => c.notNull())
    .addColumn('daily_quota', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('matching_queries')
    // A partner may send one query id twice (a retry): every attempt is its own log row.
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('officer', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('evaluations', 'integer', (c) => c.notNull())
    .addColumn('hits', 'integer')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('matching_queries_partner_idx')
    .on('matching_queries')
    .columns(['partner', 'direction', 'created_at'])
    .execute();
  await db.schema
    .createTable('matching_partner_filters')
    .addColumn('partner', 'text', (c) => c.primaryKey())
    .addColumn('epoch', 'integer', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('entries', 'bytea', (c) => c.notNull())
    .addColumn('fetched_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('matching_batches')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('results', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'matching_batches',
    'matching_partner_filters',
    'matching_queries',
    'matching_policies',
    'matching_state',
    'matching_keys',
    'matching_entries',
    'matching_records',
    'matching_sources',
    'matching_holdings',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
