import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // What is left of a case document's file once this node deleted it (the document was
  // removed, or the owner withdrew this node from the case): which file, who, when and why;
  // never its content or name. The case may be gone later, so there is no foreign key.
  await db.schema
    .createTable('case_document_tombstones')
    .addColumn('case_id', 'uuid', (c) => c.notNull())
    .addColumn('document_id', 'uuid', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('deleted_by', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'timestamptz', (c) => c.notNull())
    /** `removed` (a member removed the document, here or on the other side), `withdrawn`. */
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_document_tombstones_pk', ['case_id', 'document_id', 'deleted_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_document_tombstones').ifExists().execute();
}
