import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The holder's signed answer to a blind evaluation (PROTOCOL §12.2), kept in the query log on
// both sides: the querier's proof of what the holder answered, the holder's copy of it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('matching_queries').addColumn('answer_jws', 'text').execute();
}
