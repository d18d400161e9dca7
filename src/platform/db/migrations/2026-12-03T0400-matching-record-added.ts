import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// When a record entered the matching index: a partner's follow-up rfi quoting its hit reference
// is honoured only if that partner made a check after it (docs/MATCHING.md, Follow-up). Records
// indexed before this column existed keep null (entered at an unknown time).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('matching_records').addColumn('added_at', 'timestamptz').execute();
}
