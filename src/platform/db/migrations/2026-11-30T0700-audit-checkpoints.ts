import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('jws', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz')
    .addPrimaryKeyConstraint('audit_checkpoints_pk', ['node_id', 'seq', 'hash'])
    .execute();
  // The rotation statement that introduced a card, kept so it can be pushed again to a
  // partner that was unreachable when the keys rotated.
  await db.schema.alterTable('node_cards').addColumn('rotation_jws', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('node_cards').dropColumn('rotation_jws').execute();
  await db.schema.dropTable('audit_checkpoints').ifExists().execute();
}
