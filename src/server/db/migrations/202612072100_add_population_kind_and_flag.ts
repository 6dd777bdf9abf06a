import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once merged.

/**
 * A population figure says what it is: a resident population on 1 January (`jan1`) or a census-day count
 * (`census`), the date it refers to, and a doubt about it (`conflict`: another source differs; `doubtful`;
 * `unverified`: its origin could not be traced). Figures of the national population at other dates in a year
 * (monthly news of the statistics committee) go to `population_point`: they help estimate a year with no
 * official figure, never replace one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE population
      ADD COLUMN kind text NOT NULL DEFAULT 'jan1' CHECK (kind IN ('jan1','census')),
      ADD COLUMN reference_date date,
      ADD COLUMN flag text CHECK (flag IN ('conflict','doubtful','unverified'));
    UPDATE population SET reference_date = make_date(year, 1, 1);
    CREATE TABLE population_point (
      territory_id uuid NOT NULL REFERENCES territory(id) ON DELETE CASCADE,
      reference_date date NOT NULL,
      total integer NOT NULL CHECK (total >= 0),
      source text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (territory_id, reference_date)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE population_point;
    ALTER TABLE population DROP COLUMN flag, DROP COLUMN reference_date, DROP COLUMN kind;
  `.execute(db);
}
