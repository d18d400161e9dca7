import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The cards a partner had before its accepted rotations: a statement signed just before a
// rotation (a matching answer, PROTOCOL §12.2) is verified with the key that was valid when it
// was signed, not only with the partner's current card key.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('partner_card_history')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('card_hash', 'text', (c) => c.notNull())
    .addColumn('card_jws', 'text', (c) => c.notNull())
    .addColumn('signing_kid', 'text', (c) => c.notNull())
    /** The card's validFrom. */
    .addColumn('valid_from', 'timestamptz', (c) => c.notNull())
    /** The rotation statement's issuedAt (the partner's clock): the key's last valid instant. */
    .addColumn('retired_at', 'timestamptz', (c) => c.notNull())
    /** When this node accepted the rotation. */
    .addColumn('replaced_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('partner_card_history_pk', ['node_id', 'card_hash'])
    .execute();
  await sql`create index partner_card_history_kid_idx on partner_card_history (node_id, signing_kid)`.execute(
    db,
  );
}
