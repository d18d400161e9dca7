import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // STIX objects of the threat alerts sent and received, as TAXII serves them. `seq` orders
  // them for paging (date_added can tie within a millisecond).
  await db.schema
    .createTable('stix_objects')
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('stix_id', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('spec_version', 'text', (c) => c.notNull())
    .addColumn('object', 'jsonb', (c) => c.notNull())
    .addColumn('date_added', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('stix_objects_version', ['stix_id', 'modified'])
    .execute();
  await db.schema
    .createIndex('stix_objects_added_idx')
    .on('stix_objects')
    .columns(['date_added', 'seq'])
    .execute();
  // Which alert (and partner) brought each object: the per-partner collections.
  await db.schema
    .createTable('stix_object_messages')
    .addColumn('stix_id', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addColumn('message_id', 'uuid', (c) => c.notNull())
    .addColumn('partner', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stix_object_messages_pk', ['stix_id', 'modified', 'message_id'])
    .execute();
  await db.schema
    .createIndex('stix_object_messages_partner_idx')
    .on('stix_object_messages')
    .column('partner')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stix_object_messages').ifExists().execute();
  await db.schema.dropTable('stix_objects').ifExists().execute();
}
