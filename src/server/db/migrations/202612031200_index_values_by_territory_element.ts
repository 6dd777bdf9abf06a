import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once merged.

// The entry form's outlier checks read the whole history of the form's cells: some elements in one territory,
// every period up to the form's. Without this index that read walks every territory's rows of the elements.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE INDEX data_value_territory_element_start_idx
      ON data_value(territory_id, data_element_id, period_start)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX data_value_territory_element_start_idx`.execute(db);
}
