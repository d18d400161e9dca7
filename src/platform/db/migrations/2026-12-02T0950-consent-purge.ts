import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// A consent request outlives the message it concerns only as a tombstone: when retention
// purges the message, the request's free text (purpose, conditions) is emptied and the
// moment recorded. The ids of the consent.request and consent.reply envelopes this node
// sent let the purge empty their outbox copies too.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('consent_requests')
    .addColumn('purged_at', 'timestamptz')
    .addColumn('request_envelope_id', 'uuid')
    .addColumn('reply_envelope_id', 'uuid')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('consent_requests')
    .dropColumn('purged_at')
    .dropColumn('request_envelope_id')
    .dropColumn('reply_envelope_id')
    .execute();
}
