import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once merged.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE agency (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      name_ky text NOT NULL, name_ru text NOT NULL, name_en text NOT NULL,
      short_ky text NOT NULL, short_ru text NOT NULL, short_en text NOT NULL,
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE territory (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      iso_code text UNIQUE,
      level text NOT NULL CHECK (level IN ('country','oblast','city_republican','district','city_oblast')),
      parent_id uuid REFERENCES territory(id),
      name_ky text NOT NULL, name_ru text NOT NULL, name_en text NOT NULL,
      variants text[] NOT NULL DEFAULT '{}',
      admin_center text,
      notes text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((level = 'country') = (parent_id IS NULL))
    );
    CREATE INDEX territory_parent_idx ON territory(parent_id);

    CREATE TABLE population (
      territory_id uuid NOT NULL REFERENCES territory(id) ON DELETE CASCADE,
      year integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
      total integer CHECK (total >= 0),
      male integer CHECK (male >= 0),
      female integer CHECK (female >= 0),
      minors integer CHECK (minors >= 0),
      youth integer CHECK (youth >= 0),
      source text NOT NULL,
      is_estimate boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (territory_id, year)
    );
    COMMENT ON COLUMN population.minors IS 'population aged 0-17';
    COMMENT ON COLUMN population.youth IS 'population aged 14-35';

    CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL,
      display_name text NOT NULL,
      email text,
      role text NOT NULL CHECK (role IN ('administrator','analyst','agency_officer','regional_officer','media_editor','viewer')),
      agency_id uuid REFERENCES agency(id),
      territory_id uuid REFERENCES territory(id),
      locale text NOT NULL DEFAULT 'ru' CHECK (locale IN ('ky','ru','en')),
      password_hash text NOT NULL,
      is_disabled boolean NOT NULL DEFAULT false,
      must_change_password boolean NOT NULL DEFAULT false,
      failed_login_count integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (role <> 'agency_officer' OR agency_id IS NOT NULL),
      CHECK (role <> 'regional_officer' OR territory_id IS NOT NULL)
    );
    CREATE UNIQUE INDEX app_user_username_idx ON app_user (lower(username));

    CREATE TABLE user_session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash text NOT NULL UNIQUE,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ip text,
      user_agent text
    );
    CREATE INDEX user_session_user_idx ON user_session(user_id);

    CREATE TABLE login_attempt (
      id bigserial PRIMARY KEY,
      ip text NOT NULL,
      username text NOT NULL,
      succeeded boolean NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX login_attempt_ip_at_idx ON login_attempt(ip, at);

    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES app_user(id),
      actor_username text,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      before jsonb,
      after jsonb,
      request_id text,
      ip text
    );
    CREATE INDEX audit_log_at_idx ON audit_log(at DESC);
    CREATE INDEX audit_log_entity_idx ON audit_log(entity_type, entity_id);
    CREATE INDEX audit_log_actor_idx ON audit_log(actor_id);

    -- The audit log is append-only for everyone. Only a restore from backup, which sets
    -- kuzot.audit_maintenance inside its own transaction, may replace it.
    CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF coalesce(current_setting('kuzot.audit_maintenance', true), '') = 'on' THEN
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        IF TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
        RETURN NULL;
      END IF;
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();

    CREATE TABLE job (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      payload jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','succeeded','failed','dead')),
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL DEFAULT 5,
      run_at timestamptz NOT NULL DEFAULT now(),
      locked_by text,
      locked_at timestamptz,
      started_at timestamptz,
      finished_at timestamptz,
      last_error text,
      progress real,
      result jsonb,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX job_claim_idx ON job(status, run_at);

    CREATE TABLE upload (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      filename text NOT NULL,
      content_type text NOT NULL,
      size integer NOT NULL,
      sha256 text NOT NULL,
      data bytea NOT NULL,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE upload; DROP TABLE job; DROP TABLE audit_log; DROP FUNCTION audit_log_immutable();
    DROP TABLE login_attempt; DROP TABLE user_session; DROP TABLE app_user; DROP TABLE population;
    DROP TABLE territory; DROP TABLE agency;
  `.execute(db);
}
