import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once merged.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE category (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      name_ky text NOT NULL, name_ru text NOT NULL, name_en text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE category_option (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      category_id uuid NOT NULL REFERENCES category(id),
      code text NOT NULL,
      name_ky text NOT NULL, name_ru text NOT NULL, name_en text NOT NULL,
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (category_id, code)
    );

    CREATE TABLE category_combo (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      name_ky text NOT NULL, name_ru text NOT NULL, name_en text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE category_combo_category (
      combo_id uuid NOT NULL REFERENCES category_combo(id) ON DELETE CASCADE,
      category_id uuid NOT NULL REFERENCES category(id),
      position integer NOT NULL CHECK (position >= 0),
      PRIMARY KEY (combo_id, category_id),
      UNIQUE (combo_id, position)
    );

    CREATE TABLE data_element (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]*$'),
      name_ky text NOT NULL, name_ru text NOT NULL, name_en text NOT NULL,
      description text NOT NULL DEFAULT '',
      agency_id uuid NOT NULL REFERENCES agency(id),
      unit text NOT NULL,
      value_type text NOT NULL CHECK (value_type IN ('integer','number','percentage')),
      period_type text NOT NULL CHECK (period_type IN ('month','quarter','year')),
      category_combo_id uuid NOT NULL REFERENCES category_combo(id),
      aggregation_time text NOT NULL CHECK (aggregation_time IN ('sum','average','last')),
      aggregation_territory text NOT NULL CHECK (aggregation_territory IN ('sum','average','last')),
      direction text NOT NULL CHECK (direction IN ('higher_is_worse','higher_is_better','neutral')),
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX data_element_agency_idx ON data_element(agency_id);

    CREATE TABLE indicator (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]*$'),
      name_ky text NOT NULL, name_ru text NOT NULL, name_en text NOT NULL,
      description text NOT NULL DEFAULT '',
      unit text NOT NULL,
      direction text NOT NULL CHECK (direction IN ('higher_is_worse','higher_is_better','neutral')),
      decimals integer NOT NULL DEFAULT 1 CHECK (decimals BETWEEN 0 AND 6),
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    -- A formula version applies from valid_from (the first day it applies) to valid_to (the last day, or open).
    -- A period uses the version valid on its first day. Versions are appended, never rewritten.
    CREATE TABLE indicator_version (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      indicator_id uuid NOT NULL REFERENCES indicator(id),
      version integer NOT NULL CHECK (version >= 1),
      formula text NOT NULL,
      valid_from date NOT NULL,
      valid_to date,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (indicator_id, version),
      CHECK (valid_to IS NULL OR valid_to >= valid_from)
    );

    -- A check on reported figures, e.g. persons prosecuted <= 3 * drug crimes; both sides are formulas.
    CREATE TABLE validation_rule (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]*$'),
      name_ky text NOT NULL, name_ru text NOT NULL, name_en text NOT NULL,
      description text NOT NULL DEFAULT '',
      left_side text NOT NULL,
      operator text NOT NULL CHECK (operator IN ('<','<=','=','!=','>=','>')),
      right_side text NOT NULL,
      importance text NOT NULL CHECK (importance IN ('low','medium','high')),
      period_type text NOT NULL CHECK (period_type IN ('month','quarter','year')),
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE validation_rule; DROP TABLE indicator_version; DROP TABLE indicator; DROP TABLE data_element;
    DROP TABLE category_combo_category; DROP TABLE category_combo; DROP TABLE category_option;
    DROP TABLE category;
  `.execute(db);
}
