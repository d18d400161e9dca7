import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/**
 * Sign-in hardening (issue 7): password history for the reuse rule; API token scopes and a
 * mandatory expiry. Existing tokens keep the roles of their user except admin and DPO (a
 * token made before this migration was not created behind a second factor) and expire 90
 * days from now.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('previous_password_hashes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scopes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
  await sql`update api_tokens t set scopes = array(
      select r from unnest(u.roles) r where r not in ('admin', 'dpo'))
    from users u where u.id = t.user_id`.execute(db);
  await sql`update api_tokens set expires_at = now() + interval '90 days' where expires_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('scopes').execute();
  await db.schema.alterTable('users').dropColumn('previous_password_hashes').execute();
}
