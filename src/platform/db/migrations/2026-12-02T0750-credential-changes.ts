import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Processes keep recently validated sessions and API tokens for a moment
// (governance/credential-cache.ts). Every change that can end or narrow one notifies
// `passerelle_credentials` when its transaction commits, whoever makes it (any serve
// process, the CLI), so every process forgets what it kept. Bookkeeping writes (a session's
// last-seen time, a token's last use, failed sign-in counters) do not notify.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create function passerelle_credentials_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('passerelle_credentials', tg_table_name);
      return null;
    end $$`.execute(db);
  await sql`create trigger sessions_credentials_changed
    after update of expires_at, csrf_token, user_id, id_hash or delete on sessions
    for each statement execute function passerelle_credentials_changed()`.execute(db);
  await sql`create trigger api_tokens_credentials_changed
    after update of revoked_at, expires_at, scopes, user_id, token_hash or delete on api_tokens
    for each statement execute function passerelle_credentials_changed()`.execute(db);
  await sql`create trigger users_credentials_changed
    after update of roles, disabled, password_hash, username, display_name or delete on users
    for each statement execute function passerelle_credentials_changed()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists users_credentials_changed on users`.execute(db);
  await sql`drop trigger if exists api_tokens_credentials_changed on api_tokens`.execute(db);
  await sql`drop trigger if exists sessions_credentials_changed on sessions`.execute(db);
  await sql`drop function if exists passerelle_credentials_changed()`.execute(db);
}
