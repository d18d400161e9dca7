import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/**
 * The latest audit head (sequence and hash) each partner announced in an envelope or a
 * receipt (PROTOCOL §8.3): kept so the partner can later check its chain against it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('partners')
    .addColumn('audit_head_seq', 'bigint')
    .addColumn('audit_head_hash', 'text')
    .addColumn('audit_head_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('partners')
    .dropColumn('audit_head_seq')
    .dropColumn('audit_head_hash')
    .dropColumn('audit_head_at')
    .execute();
}
