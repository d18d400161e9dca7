import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Hit/no-hit matching: the filter delta asks for the entries removed since a version; without
// this index that scanned every entry of the epoch (docs/MATCHING.md, measured).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('matching_entries_removed_idx')
    .on('matching_entries')
    .columns(['epoch', 'removed_version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('matching_entries_removed_idx').execute();
}
