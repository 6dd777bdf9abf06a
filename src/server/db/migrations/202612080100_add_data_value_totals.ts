import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once merged.

/**
 * The total of each stored (element, period, territory) over its disaggregation cells, with how many cells
 * it has and how many of them are synthetic, kept up to date by the database in the same transaction as every
 * change of data_value (statement triggers over the changed rows, so a bulk import pays once per statement).
 * The explorer reads totals from here instead of summing the cells on every query; it stays fresh because a
 * figure cannot change without its total changing with it. Derived data: never written by application code,
 * never backed up (a restore rebuilds it while it writes the values back).
 *
 * `value` is numeric: adding and subtracting changes is then exact, whatever their order (each double is
 * taken at its 15 significant digits, as PostgreSQL converts it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE data_value_total (
      data_element_id uuid NOT NULL,
      period text NOT NULL,
      territory_id uuid NOT NULL,
      period_start date NOT NULL,
      value numeric NOT NULL,
      cells integer NOT NULL,
      synthetic_cells integer NOT NULL,
      PRIMARY KEY (data_element_id, period, territory_id)
    );
    CREATE INDEX data_value_total_element_start_idx ON data_value_total(data_element_id, period_start);

    CREATE FUNCTION kuzot_data_value_totals() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE data_value_total t
        SET value = t.value - d.value, cells = t.cells - d.cells, synthetic_cells = t.synthetic_cells - d.synthetic
        FROM (
          SELECT data_element_id, period, territory_id, sum(value::numeric) AS value, count(*)::int AS cells,
                 (count(*) FILTER (WHERE is_synthetic))::int AS synthetic
          FROM old_rows GROUP BY data_element_id, period, territory_id
        ) d
        WHERE t.data_element_id = d.data_element_id AND t.period = d.period AND t.territory_id = d.territory_id;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        -- In key order, so that two transactions meeting on the same totals lock them in the same order.
        INSERT INTO data_value_total AS t
          (data_element_id, period, territory_id, period_start, value, cells, synthetic_cells)
        SELECT data_element_id, period, territory_id, min(period_start), sum(value::numeric), count(*)::int,
               (count(*) FILTER (WHERE is_synthetic))::int
        FROM new_rows GROUP BY data_element_id, period, territory_id
        ORDER BY data_element_id, period, territory_id
        ON CONFLICT (data_element_id, period, territory_id) DO UPDATE
          SET value = t.value + excluded.value, cells = t.cells + excluded.cells,
              synthetic_cells = t.synthetic_cells + excluded.synthetic_cells;
      END IF;
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM data_value_total t
        USING (SELECT DISTINCT data_element_id, period, territory_id FROM old_rows) d
        WHERE t.data_element_id = d.data_element_id AND t.period = d.period AND t.territory_id = d.territory_id
          AND t.cells = 0;
      END IF;
      RETURN NULL;
    END;
    $$;

    CREATE FUNCTION kuzot_data_value_totals_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      TRUNCATE data_value_total;
      RETURN NULL;
    END;
    $$;

    CREATE TRIGGER data_value_totals_inserted AFTER INSERT ON data_value
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kuzot_data_value_totals();
    CREATE TRIGGER data_value_totals_updated AFTER UPDATE ON data_value
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION kuzot_data_value_totals();
    CREATE TRIGGER data_value_totals_deleted AFTER DELETE ON data_value
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kuzot_data_value_totals();
    CREATE TRIGGER data_value_totals_truncated AFTER TRUNCATE ON data_value
      FOR EACH STATEMENT EXECUTE FUNCTION kuzot_data_value_totals_truncated();

    INSERT INTO data_value_total (data_element_id, period, territory_id, period_start, value, cells, synthetic_cells)
    SELECT data_element_id, period, territory_id, min(period_start), sum(value::numeric), count(*)::int,
           (count(*) FILTER (WHERE is_synthetic))::int
    FROM data_value GROUP BY data_element_id, period, territory_id;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TRIGGER data_value_totals_truncated ON data_value;
    DROP TRIGGER data_value_totals_deleted ON data_value;
    DROP TRIGGER data_value_totals_updated ON data_value;
    DROP TRIGGER data_value_totals_inserted ON data_value;
    DROP FUNCTION kuzot_data_value_totals_truncated();
    DROP FUNCTION kuzot_data_value_totals();
    DROP TABLE data_value_total;
  `.execute(db);
}
