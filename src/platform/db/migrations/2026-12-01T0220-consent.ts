import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Consent of a provider to the onward transmission of its data (H2), asked and given
// through the federation (consent.request / consent.reply).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consent_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    /** `out`: we ask a provider; `in`: a partner asks us about our data. */
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('message_id', 'uuid', (c) => c.notNull())
    /** The partner we ask (out) or who asks (in). */
    .addColumn('partner', 'text', (c) => c.notNull())
    /** The third party the data would go to. */
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('conditions', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz')
    .addColumn('answered_by', 'text')
    .execute();
  await db.schema
    .createIndex('consent_requests_message_idx')
    .on('consent_requests')
    .columns(['message_id', 'recipient'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('consent_requests').ifExists().execute();
}
