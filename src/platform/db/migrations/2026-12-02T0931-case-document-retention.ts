import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Retention of case documents: reviewed like messages (retention_rules under record type
  // `case_document` and the case's legal basis, listed in retention_due), kept longer by the
  // DPO with a reason.
  await db.schema
    .alterTable('case_documents')
    .addColumn('retention_extended_until', 'date')
    .addColumn('retention_extension_reason', 'text')
    .execute();
  await db
    .insertInto('retention_rules')
    .values({
      record_type: 'case_document',
      legal_basis: '*',
      review_after_days: 365,
      updated_at: sql`now()`,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('retention_rules').where('record_type', '=', 'case_document').execute();
  await db.schema
    .alterTable('case_documents')
    .dropColumn('retention_extended_until')
    .dropColumn('retention_extension_reason')
    .execute();
}
