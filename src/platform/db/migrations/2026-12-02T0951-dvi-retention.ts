import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Retention of DVI records (post- and ante-mortem): the DPO's extension of one, with its
// reason, and a default review period of ten years after its creation under any legal basis
// (`*`), which the DPO changes per legal basis like the periods of messages.

const TABLES = ['dvi_post_mortem', 'dvi_ante_mortem'] as const;
const RECORD_TYPES = ['dvi_post_mortem', 'dvi_ante_mortem'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('retention_extended_until', 'date')
      .addColumn('retention_extension_reason', 'text')
      .execute();
  }
  for (const recordType of RECORD_TYPES) {
    await db
      .insertInto('retention_rules')
      .values({ record_type: recordType, legal_basis: '*', review_after_days: 3650, updated_at: sql`now()` })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('retention_rules')
    .where('record_type', 'in', [...RECORD_TYPES])
    .execute();
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .dropColumn('retention_extended_until')
      .dropColumn('retention_extension_reason')
      .execute();
  }
}
