import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once merged.

/**
 * Where each data element is reported, so that a figure is never counted twice (a value stored at an oblast
 * on top of its districts' values was added to them):
 * - `reported_level`: 'leaf' (territories without children, the default) or a territory level; a territory
 *   of that level reports its own figure and nothing below it is entered or summed into it.
 * - `allows_negative`: whether a value may be below zero (counts and amounts may not, by default).
 *
 * Territory aggregation 'last' had no meaning (the latest of which territory?) and was summed silently; the
 * catalogue no longer offers it. Elements that had it are set to 'sum', which is what their figures already
 * showed, and each change is written to the audit log with the reason.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE data_element
      ADD COLUMN reported_level text NOT NULL DEFAULT 'leaf'
        CHECK (reported_level IN ('leaf','country','oblast','city_republican','district','city_oblast')),
      ADD COLUMN allows_negative boolean NOT NULL DEFAULT false
  `.execute(db);
  await sql`
    INSERT INTO audit_log (actor_username, action, entity_type, entity_id, before, after)
    SELECT 'migration', 'data_element.updated', 'data_element', id::text,
           jsonb_build_object('aggregationTerritory', 'last'),
           jsonb_build_object('aggregationTerritory', 'sum',
             'note', 'Territory aggregation "last" is no longer offered; these figures were already summed.')
    FROM data_element WHERE aggregation_territory = 'last'
  `.execute(db);
  await sql`UPDATE data_element SET aggregation_territory = 'sum' WHERE aggregation_territory = 'last'`.execute(
    db,
  );
  await sql`
    ALTER TABLE data_element DROP CONSTRAINT data_element_aggregation_territory_check,
      ADD CONSTRAINT data_element_aggregation_territory_check CHECK (aggregation_territory IN ('sum','average'))
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE data_element DROP CONSTRAINT data_element_aggregation_territory_check,
      ADD CONSTRAINT data_element_aggregation_territory_check
        CHECK (aggregation_territory IN ('sum','average','last')),
      DROP COLUMN reported_level,
      DROP COLUMN allows_negative
  `.execute(db);
}
