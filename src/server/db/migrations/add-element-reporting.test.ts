import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#server/test/test-db';
import { down, up } from './202612072100_add_element_reporting';

describe('migration 202612072100_add_element_reporting', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.cleanup();
  });

  it('turns territory aggregation "last" into "sum" with an audit entry, and adds the reporting fields', async () => {
    const db = database.handle.db;
    await down(db);
    await sql`INSERT INTO agency (code, name_ky, name_ru, name_en, short_ky, short_ru, short_en)
      VALUES ('TEST', 'x', 'x', 'x', 'x', 'x', 'x')`.execute(db);
    await sql`INSERT INTO category_combo (code, name_ky, name_ru, name_en)
      VALUES ('default', 'x', 'x', 'x') ON CONFLICT (code) DO NOTHING`.execute(db);
    for (const [code, territory] of [
      ['legacy_last', 'last'],
      ['legacy_sum', 'sum'],
    ] as const)
      await sql`
        INSERT INTO data_element (code, name_ky, name_ru, name_en, agency_id, unit, value_type, period_type,
          category_combo_id, aggregation_time, aggregation_territory, direction)
        SELECT ${code}, 'x', 'x', 'x', (SELECT id FROM agency WHERE code = 'TEST'), 'cases', 'integer', 'month',
          (SELECT id FROM category_combo WHERE code = 'default'), 'last', ${territory}, 'neutral'
      `.execute(db);

    await up(db);

    const elements = await sql<{
      code: string;
      aggregationTerritory: string;
      reportedLevel: string;
      allowsNegative: boolean;
    }>`
      SELECT code, aggregation_territory, reported_level, allows_negative FROM data_element
      WHERE code LIKE 'legacy_%' ORDER BY code`.execute(db);
    expect(elements.rows).toEqual([
      { code: 'legacy_last', aggregationTerritory: 'sum', reportedLevel: 'leaf', allowsNegative: false },
      { code: 'legacy_sum', aggregationTerritory: 'sum', reportedLevel: 'leaf', allowsNegative: false },
    ]);
    const audit = await sql<{ after: { aggregationTerritory: string; note: string } }>`
      SELECT after FROM audit_log WHERE action = 'data_element.updated' AND actor_username = 'migration'`.execute(
      db,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.after.aggregationTerritory).toBe('sum');
    await expect(
      sql`UPDATE data_element SET aggregation_territory = 'last' WHERE code = 'legacy_sum'`.execute(db),
    ).rejects.toThrow(/check constraint/);
  });
});
