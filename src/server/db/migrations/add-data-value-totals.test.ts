import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#server/db/schema';
import { createTestDatabase, type TestDatabase } from '#server/test/test-db';
import { down, up } from './202612080100_add_data_value_totals';

type Total = {
  element: string;
  period: string;
  territory: string;
  value: number;
  cells: number;
  synthetic: number;
};

/** The totals as the triggers keep them, and as a fresh GROUP BY over the cells gives them. */
async function totals(db: Kysely<Database>): Promise<{ kept: Total[]; recounted: Total[] }> {
  const kept = await sql<Total>`
    SELECT e.code AS element, t.period, tr.code AS territory, t.value::float8 AS value, t.cells,
           t.synthetic_cells AS synthetic
    FROM data_value_total t JOIN data_element e ON e.id = t.data_element_id JOIN territory tr ON tr.id = t.territory_id
    ORDER BY 1, 2, 3`.execute(db);
  const recounted = await sql<Total>`
    SELECT e.code AS element, v.period, tr.code AS territory, sum(v.value::numeric)::float8 AS value,
           count(*)::int AS cells, (count(*) FILTER (WHERE v.is_synthetic))::int AS synthetic
    FROM data_value v JOIN data_element e ON e.id = v.data_element_id JOIN territory tr ON tr.id = v.territory_id
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`.execute(db);
  return { kept: kept.rows, recounted: recounted.rows };
}

const insert = (db: Kysely<Database>, rows: Array<[string, string, string, string, number, boolean?]>) =>
  sql`
    INSERT INTO data_value (data_element_id, period, territory_id, disaggregation, period_start, value, source, is_synthetic)
    SELECT (SELECT id FROM data_element WHERE code = r.element), r.period, (SELECT id FROM territory WHERE code = r.territory),
           r.cell, to_date(r.period, 'YYYY-MM'), r.value, 'api', r.synthetic
    FROM unnest(${rows.map((r) => r[0])}::text[], ${rows.map((r) => r[1])}::text[], ${rows.map((r) => r[2])}::text[],
                ${rows.map((r) => r[3])}::text[], ${rows.map((r) => r[4])}::float8[], ${rows.map((r) => r[5] ?? false)}::bool[])
      AS r(element, period, territory, cell, value, synthetic)
    ON CONFLICT (data_element_id, period, territory_id, disaggregation) DO UPDATE SET value = excluded.value`.execute(
    db,
  );

describe('migration 202612080100_add_data_value_totals', () => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.handle.db;
    await sql`INSERT INTO agency (code, name_ky, name_ru, name_en, short_ky, short_ru, short_en)
      VALUES ('TEST', 'x', 'x', 'x', 'x', 'x', 'x')`.execute(db);
    await sql`INSERT INTO category_combo (code, name_ky, name_ru, name_en)
      VALUES ('default', 'x', 'x', 'x') ON CONFLICT (code) DO NOTHING`.execute(db);
    for (const code of ['crimes', 'seized_kg'])
      await sql`
        INSERT INTO data_element (code, name_ky, name_ru, name_en, agency_id, unit, value_type, period_type,
          category_combo_id, aggregation_time, aggregation_territory, direction)
        SELECT ${code}, 'x', 'x', 'x', (SELECT id FROM agency WHERE code = 'TEST'), 'cases', 'number', 'month',
          (SELECT id FROM category_combo WHERE code = 'default'), 'sum', 'sum', 'neutral'`.execute(db);
    await sql`INSERT INTO territory (code, level, name_ky, name_ru, name_en) VALUES ('T-KG', 'country', 'x', 'x', 'x')`.execute(
      db,
    );
    for (const code of ['T-A', 'T-B'])
      await sql`INSERT INTO territory (code, level, parent_id, name_ky, name_ru, name_en)
        SELECT ${code}, 'oblast', id, 'x', 'x', 'x' FROM territory WHERE code = 'T-KG'`.execute(db);
  });
  afterAll(async () => {
    await database.cleanup();
  });

  it('keeps each total equal to the sum of its cells through inserts, upserts, updates and deletes', async () => {
    await insert(db, [
      ['crimes', '2025-01', 'T-A', 'm', 3],
      ['crimes', '2025-01', 'T-A', 'f', 4, true],
      ['crimes', '2025-01', 'T-B', 'm', 5],
      ['seized_kg', '2025-01', 'T-A', '', 0.1],
      ['seized_kg', '2025-02', 'T-A', '', 0.2],
    ]);
    let now = await totals(db);
    expect(now.kept).toEqual(now.recounted);
    expect(now.kept.find((t) => t.element === 'crimes' && t.territory === 'T-A')).toMatchObject({
      value: 7,
      cells: 2,
      synthetic: 1,
    });

    // An upsert that changes one cell and adds another, in one statement.
    await insert(db, [
      ['crimes', '2025-01', 'T-A', 'm', 10],
      ['crimes', '2025-01', 'T-A', 'x', 1],
    ]);
    await sql`UPDATE data_value SET value = value + 0.1 WHERE period = '2025-02'`.execute(db);
    await sql`UPDATE data_value SET is_synthetic = true WHERE disaggregation = 'm'`.execute(db);
    now = await totals(db);
    expect(now.kept).toEqual(now.recounted);
    expect(now.kept.find((t) => t.element === 'crimes' && t.territory === 'T-A')).toMatchObject({
      value: 15,
      cells: 3,
      synthetic: 2,
    });
    expect(now.kept.find((t) => t.element === 'seized_kg' && t.period === '2025-02')?.value).toBe(0.3);

    // A cell moved to another period by an update: the old total loses it, the new one gains it.
    await sql`UPDATE data_value SET period = '2025-03', period_start = '2025-03-01'
      WHERE period = '2025-01' AND disaggregation = 'x'`.execute(db);
    await sql`DELETE FROM data_value WHERE territory_id = (SELECT id FROM territory WHERE code = 'T-B')`.execute(
      db,
    );
    now = await totals(db);
    expect(now.kept).toEqual(now.recounted);
    expect(now.kept.some((t) => t.territory === 'T-B')).toBe(false);

    await sql`TRUNCATE data_value`.execute(db);
    expect((await totals(db)).kept).toEqual([]);
  });

  it('adds up cells of the same total written by transactions at the same time', async () => {
    const writers = Array.from({ length: 6 }, (_, i) =>
      db.transaction().execute(async (tx) => {
        await insert(tx, [
          ['crimes', '2025-05', 'T-A', `w${i}`, i + 1],
          ['crimes', '2025-05', 'T-B', `w${i}`, 10 * (i + 1)],
        ]);
        await sql`SELECT pg_sleep(0.05)`.execute(tx);
        await insert(tx, [['crimes', '2025-05', 'T-A', `w${i}`, i + 2]]);
      }),
    );
    await Promise.all(writers);
    const now = await totals(db);
    expect(now.kept).toEqual(now.recounted);
    expect(
      now.kept.filter((t) => t.period === '2025-05').map((t) => [t.territory, t.value, t.cells]),
    ).toEqual([
      ['T-A', 27, 6],
      ['T-B', 210, 6],
    ]);
    await sql`DELETE FROM data_value WHERE period = '2025-05'`.execute(db);
  });

  it('builds the totals of values stored before it', async () => {
    await insert(db, [
      ['crimes', '2025-04', 'T-A', 'm', 2],
      ['crimes', '2025-04', 'T-A', 'f', 2.5],
    ]);
    await down(db);
    await up(db);
    const now = await totals(db);
    expect(now.kept).toEqual(now.recounted);
    expect(now.kept).toEqual([
      { element: 'crimes', period: '2025-04', territory: 'T-A', value: 4.5, cells: 2, synthetic: 0 },
    ]);
  });
});
