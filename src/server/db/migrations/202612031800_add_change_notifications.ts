import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once merged.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- Processes keep users, sessions and territories in memory; every statement that changes what they keep
    -- announces it on the channel kuzot_change (delivered at commit, dropped on rollback), whichever code,
    -- process or tool made it. The payload names what changed.
    CREATE FUNCTION kuzot_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('kuzot_change', TG_ARGV[0]);
      RETURN NULL;
    END;
    $$;

    -- A new session invalidates nothing, and extending one (last_seen_at, expires_at) only lengthens it:
    -- a process that still holds the shorter expiry reads the session again when that expiry passes.
    CREATE TRIGGER user_session_changed
      AFTER UPDATE OF token_hash, user_id, csrf_token OR DELETE ON user_session
      FOR EACH STATEMENT EXECUTE FUNCTION kuzot_notify_change('auth');
    CREATE TRIGGER user_session_truncated
      AFTER TRUNCATE ON user_session FOR EACH STATEMENT EXECUTE FUNCTION kuzot_notify_change('auth');
    CREATE TRIGGER app_user_changed
      AFTER UPDATE OR DELETE ON app_user FOR EACH STATEMENT EXECUTE FUNCTION kuzot_notify_change('auth');
    CREATE TRIGGER app_user_truncated
      AFTER TRUNCATE ON app_user FOR EACH STATEMENT EXECUTE FUNCTION kuzot_notify_change('auth');
    CREATE TRIGGER territory_changed
      AFTER INSERT OR UPDATE OR DELETE ON territory
      FOR EACH STATEMENT EXECUTE FUNCTION kuzot_notify_change('territories');
    CREATE TRIGGER territory_truncated
      AFTER TRUNCATE ON territory FOR EACH STATEMENT EXECUTE FUNCTION kuzot_notify_change('territories');
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TRIGGER territory_truncated ON territory;
    DROP TRIGGER territory_changed ON territory;
    DROP TRIGGER app_user_truncated ON app_user;
    DROP TRIGGER app_user_changed ON app_user;
    DROP TRIGGER user_session_truncated ON user_session;
    DROP TRIGGER user_session_changed ON user_session;
    DROP FUNCTION kuzot_notify_change();
  `.execute(db);
}
