import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Data protection: units and membership, addressing of messages, break-glass access,
// the DPO's outgoing review and the standing sharing policies that exempt from it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // The reception desk: restricted material whose addressed unit is unknown here lands there.
  await db
    .insertInto('units')
    .values({ id: 'desk', name: 'International cooperation desk', created_at: sql`now()` })
    .execute();
  await db.schema
    .createTable('user_units')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_units_pk', ['user_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('user_units_unit_idx').on('user_units').column('unit_id').execute();

  await db.schema
    .alterTable('messages')
    .addColumn('unit', 'text')
    .addColumn('addressed_officers', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('review_status', 'text')
    .addColumn('review_flags', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('messages_review_idx')
    .on('messages')
    .columns(['review_status', 'created_at'])
    .where(sql.ref('review_status'), 'is not', null)
    .execute();

  await db.schema
    .createTable('break_glass')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('record_kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('reviewed_by', 'text')
    .addColumn('review_verdict', 'text')
    .addColumn('review_note', 'text')
    .execute();
  await db.schema
    .createIndex('break_glass_active_idx')
    .on('break_glass')
    .columns(['user_id', 'record_kind', 'record_id', 'expires_at'])
    .execute();

  await db.schema
    .createTable('sharing_policies')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('crime_area', 'text')
    .addColumn('max_handling_code', 'text', (c) => c.notNull())
    .addColumn('data_categories', sql`text[]`, (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sharing_policies').ifExists().execute();
  await db.schema.dropTable('break_glass').ifExists().execute();
  await db.schema.dropIndex('messages_review_idx').ifExists().execute();
  await db.schema
    .alterTable('messages')
    .dropColumn('unit')
    .dropColumn('addressed_officers')
    .dropColumn('review_status')
    .dropColumn('review_flags')
    .dropColumn('review_note')
    .dropColumn('reviewed_by')
    .dropColumn('reviewed_at')
    .execute();
  await db.schema.dropTable('user_units').ifExists().execute();
  await db.schema.dropTable('units').ifExists().execute();
}
