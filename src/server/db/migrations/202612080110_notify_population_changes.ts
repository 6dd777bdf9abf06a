import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once merged.

/**
 * Population figures join the change notifications (topic 'population'), so that processes may keep the
 * population histories that every rate query needs in memory and drop them when a figure changes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TRIGGER population_changed
      AFTER INSERT OR UPDATE OR DELETE ON population
      FOR EACH STATEMENT EXECUTE FUNCTION kuzot_notify_change('population');
    CREATE TRIGGER population_truncated
      AFTER TRUNCATE ON population FOR EACH STATEMENT EXECUTE FUNCTION kuzot_notify_change('population');
    CREATE TRIGGER population_point_changed
      AFTER INSERT OR UPDATE OR DELETE ON population_point
      FOR EACH STATEMENT EXECUTE FUNCTION kuzot_notify_change('population');
    CREATE TRIGGER population_point_truncated
      AFTER TRUNCATE ON population_point FOR EACH STATEMENT EXECUTE FUNCTION kuzot_notify_change('population');
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TRIGGER population_point_truncated ON population_point;
    DROP TRIGGER population_point_changed ON population_point;
    DROP TRIGGER population_truncated ON population;
    DROP TRIGGER population_changed ON population;
  `.execute(db);
}
