import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#server/test/test-db';
import { up } from './202612031830_normalise_unit_codes';

describe('migration 202612031830_normalise_unit_codes', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.cleanup();
  });

  it('turns units typed in any language into codes and keeps a unit it cannot place', async () => {
    const db = database.handle.db;
    await sql`INSERT INTO agency (code, name_ky, name_ru, name_en, short_ky, short_ru, short_en)
      VALUES ('TEST', 'x', 'x', 'x', 'x', 'x', 'x')`.execute(db);
    await sql`INSERT INTO category_combo (code, name_ky, name_ru, name_en)
      VALUES ('default', 'x', 'x', 'x') ON CONFLICT (code) DO NOTHING`.execute(db);
    const units = ['Случаи', ' kg ', '%', 'на 100 тыс. населения', 'адам', 'bales of hay'];
    for (const [i, unit] of units.entries()) {
      await sql`
        INSERT INTO data_element (code, name_ky, name_ru, name_en, agency_id, unit, value_type, period_type,
          category_combo_id, aggregation_time, aggregation_territory, direction)
        SELECT ${`legacy_${i}`}, 'x', 'x', 'x', (SELECT id FROM agency LIMIT 1), ${unit}, 'integer', 'month',
          (SELECT id FROM category_combo WHERE code = 'default'), 'sum', 'sum', 'neutral'
      `.execute(db);
    }
    await sql`INSERT INTO indicator (code, name_ky, name_ru, name_en, unit, direction) VALUES ('legacy_rate', 'x', 'x', 'x', 'Per 100,000', 'neutral')`.execute(
      db,
    );

    await up(db);

    const elements = await sql<{ code: string; unit: string }>`
      SELECT code, unit FROM data_element WHERE code LIKE 'legacy_%' ORDER BY code`.execute(db);
    expect(elements.rows.map((r) => r.unit)).toEqual([
      'cases',
      'kg',
      'percent',
      'per_100k',
      'persons',
      'bales of hay',
    ]);
    const rate = await sql<{ unit: string }>`SELECT unit FROM indicator WHERE code = 'legacy_rate'`.execute(
      db,
    );
    expect(rate.rows[0]?.unit).toBe('per_100k');
    // The shipped catalogue already uses codes, which the migration leaves alone.
    const shipped = await sql<{
      unit: string;
    }>`SELECT DISTINCT unit FROM data_element WHERE code NOT LIKE 'legacy_%'`.execute(db);
    expect(shipped.rows.every((r) => /^[a-z0-9_]+$/.test(r.unit))).toBe(true);
  });
});
