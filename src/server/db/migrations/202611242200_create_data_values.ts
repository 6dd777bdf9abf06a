import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once merged.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- One reported figure: an element, a territory, a period and one option of each of the element's
    -- categories. disaggregation is the option codes in category position order joined by '.', or ''
    -- for an element without disaggregation. A cell without a value has no row (its history remains).
    CREATE TABLE data_value (
      data_element_id uuid NOT NULL REFERENCES data_element(id),
      period text NOT NULL,
      territory_id uuid NOT NULL REFERENCES territory(id),
      disaggregation text NOT NULL DEFAULT '',
      -- The first day of the period, kept beside the id for range queries and grouping by year or quarter.
      period_start date NOT NULL,
      value double precision NOT NULL,
      comment text,
      flag text CHECK (flag IN ('estimated','provisional')),
      source text NOT NULL CHECK (source IN ('form','xlsx','csv','api','demo')),
      is_synthetic boolean NOT NULL DEFAULT false,
      updated_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (data_element_id, period, territory_id, disaggregation)
    );
    CREATE INDEX data_value_territory_period_idx ON data_value(territory_id, period);
    CREATE INDEX data_value_element_start_idx ON data_value(data_element_id, period_start);

    -- Every change of a cell, old -> new, appended by the service in the same transaction as the change.
    CREATE TABLE data_value_history (
      id bigserial PRIMARY KEY,
      data_element_id uuid NOT NULL REFERENCES data_element(id),
      period text NOT NULL,
      territory_id uuid NOT NULL REFERENCES territory(id),
      disaggregation text NOT NULL,
      old_value double precision,
      new_value double precision,
      old_comment text,
      new_comment text,
      old_flag text,
      new_flag text,
      source text NOT NULL,
      changed_by uuid REFERENCES app_user(id),
      changed_by_username text,
      changed_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX data_value_history_cell_idx
      ON data_value_history(data_element_id, period, territory_id, disaggregation, id);

    -- Minimum and maximum accepted for an element, everywhere (territory_id null) or in one territory.
    CREATE TABLE value_bound (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      data_element_id uuid NOT NULL REFERENCES data_element(id),
      territory_id uuid REFERENCES territory(id),
      min_value double precision,
      max_value double precision,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (min_value IS NOT NULL OR max_value IS NOT NULL),
      CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
    );
    CREATE UNIQUE INDEX value_bound_element_territory_idx
      ON value_bound(data_element_id, COALESCE(territory_id, '00000000-0000-0000-0000-000000000000'::uuid));

    -- The approval state of what one agency reported for one territory and period.
    -- A missing row means 'draft'. 'approved' locks the agency's values there.
    CREATE TABLE data_approval (
      agency_id uuid NOT NULL REFERENCES agency(id),
      territory_id uuid NOT NULL REFERENCES territory(id),
      period text NOT NULL,
      status text NOT NULL CHECK (status IN ('draft','submitted','approved','returned')),
      submitted_by uuid REFERENCES app_user(id),
      submitted_at timestamptz,
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      -- Why it was returned or unlocked; null otherwise.
      reason text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, territory_id, period)
    );
    CREATE INDEX data_approval_period_idx ON data_approval(period, status);

    -- How many days after the end of a period an agency's report is due, per period type.
    CREATE TABLE reporting_deadline (
      agency_id uuid NOT NULL REFERENCES agency(id),
      period_type text NOT NULL CHECK (period_type IN ('month','quarter','year')),
      days_after_end integer NOT NULL CHECK (days_after_end BETWEEN 0 AND 366),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, period_type)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE reporting_deadline; DROP TABLE data_approval; DROP TABLE value_bound;
    DROP TABLE data_value_history; DROP TABLE data_value;
  `.execute(db);
}
