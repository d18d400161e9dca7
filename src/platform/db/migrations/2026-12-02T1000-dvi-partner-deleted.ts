import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The partner purged the ante-mortem record we sent it (`dvi.deleted`, PROTOCOL §8.7): when,
// and why, on our transfer of that record.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('dvi_transfers')
    .addColumn('partner_deleted_at', 'timestamptz')
    .addColumn('partner_deleted_reason', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('dvi_transfers')
    .dropColumn('partner_deleted_at')
    .dropColumn('partner_deleted_reason')
    .execute();
}
