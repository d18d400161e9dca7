import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('iom_id', 'text', (c) => c.unique())
    .addColumn('iom_main_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('incident_date', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('region', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('departure_place', 'text')
    .addColumn('departure_date', 'text')
    .addColumn('vessel', 'text')
    .addColumn('route', 'text')
    .addColumn('aboard', 'integer')
    .addColumn('dead', 'integer')
    .addColumn('missing', 'integer')
    .addColumn('survivors', 'integer')
    .addColumn('origin_countries', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('cause', 'text')
    .addColumn('rescue_service', 'text')
    .addColumn('rescue_case_number', 'text')
    .addColumn('sources', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('joint_case_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_date_idx').on('incidents').column('incident_date').execute();
  await db.schema
    .createTable('incident_members')
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_members_pk', ['incident_id', 'user_id'])
    .execute();
  await db.schema.createIndex('incident_members_user_idx').on('incident_members').column('user_id').execute();
  await db.schema
    .createTable('iom_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('layout', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('bytes_total', 'integer', (c) => c.notNull())
    .addColumn('bytes_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('failure', 'text')
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .execute();
  for (const table of ['dvi_post_mortem', 'dvi_survivors'] as const) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incidents.id'))
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('form', 'jsonb', (c) => c.notNull())
      .addColumn('synthetic', 'boolean', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addUniqueConstraint(`${table}_reference`, ['incident_id', 'reference'])
      .execute();
  }
  await db.schema
    .createTable('dvi_ante_mortem')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incidents.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('form', 'jsonb', (c) => c.notNull())
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .addColumn('partner', 'text')
    .addColumn('remote_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('dvi_ante_mortem_reference', ['incident_id', 'partner', 'reference'])
    .execute();
  await db.schema
    .createTable('dvi_identifiers')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incidents.id'))
    .addColumn('pm_id', 'uuid', (c) => c.notNull().references('dvi_post_mortem.id'))
    .addColumn('am_id', 'uuid', (c) => c.notNull().references('dvi_ante_mortem.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('expert', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // One decision per body and per missing person: the unique keys are the lock.
  await db.schema
    .createTable('dvi_identifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incidents.id'))
    .addColumn('pm_id', 'uuid', (c) => c.notNull().unique().references('dvi_post_mortem.id'))
    .addColumn('am_id', 'uuid', (c) => c.notNull().unique().references('dvi_ante_mortem.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('identifiers', sql`text[]`, (c) => c.notNull())
    .addColumn('members', sql`text[]`, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('death_certificate_ref', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('dvi_family_notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incidents.id'))
    .addColumn('am_id', 'uuid', (c) => c.notNull().references('dvi_ante_mortem.id'))
    .addColumn('notified_person', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('support', 'text')
    .addColumn('notified_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('dvi_repatriations')
    .addColumn('pm_id', 'uuid', (c) => c.primaryKey().references('dvi_post_mortem.id'))
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incidents.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('family_wishes', 'text')
    .addColumn('laissez_passer', 'jsonb')
    .addColumn('transport', 'text')
    .addColumn('receiving_authority', 'text')
    .addColumn('grave_location', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('dvi_transfers')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incidents.id'))
    .addColumn('am_id', 'uuid', (c) => c.notNull().references('dvi_ante_mortem.id'))
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('includes_relatives_dna', 'boolean', (c) => c.notNull())
    .addColumn('reasons', sql`text[]`, (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createTable('dvi_partner_status')
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incidents.id'))
    .addColumn('record_ref', 'text', (c) => c.notNull())
    .addColumn('record_kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('counterpart_ref', 'text')
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('dvi_partner_status_pk', ['partner', 'incident_id', 'record_kind', 'record_ref'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'dvi_partner_status',
    'dvi_transfers',
    'dvi_repatriations',
    'dvi_family_notifications',
    'dvi_identifications',
    'dvi_identifiers',
    'dvi_ante_mortem',
    'dvi_survivors',
    'dvi_post_mortem',
    'iom_imports',
    'incident_members',
    'incidents',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
