import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { CompiledQuery, sql } from 'kysely';
import type { ExplorerQuery, ExplorerResult } from '#shared/contracts/explorer.contract';
import type { Executor } from '#server/db/transaction';
import { systemActor } from '#server/lib/actor';
import { demoCombos } from '#server/modules/demo-data/demo.rules';
import { dbLabel, type BenchRow } from './data-benches';
import { ms, percentile, startBenchApp, timed, type BenchApp, type DbKind } from './harness';

// The pivot bench: a store of about 5,000,000 values (every monthly element of the shipped catalogue plus
// 102 bench-only elements split by substance, 56 reporting territories, 132 months 2015–2025), generated
// in the database with generate_series from a formula of the row's indices, so PostgreSQL, PGlite and DuckDB
// hold exactly the same figures. Then "one indicator family (drug_crimes and its rate per 100,000), all
// districts, 120 months" through POST /api/v1/explorer/query, and the equivalent GROUP BY in SQL on the
// database and in DuckDB. Bench-only code: raw SQL is fine here.

const fillerElements = 102;
const months = 132;
const warmUps = 5;
const runs = 35;
const from = '2015-01-01';
const to = '2024-12-01';

const log = (text: string) => process.stderr.write(`[pivot] ${text}\n`);

type Keys = { series: Array<{ elementId: string; disaggregation: string }>; territoryIds: string[] };

/** Adds the bench-only elements and lists every monthly series and the reporting territories. */
export async function prepareKeys(b: BenchApp): Promise<Keys> {
  const services = b.container.services;
  let catalogue = await services.catalogue.getCatalogue();
  const substanceCombo = catalogue.categoryCombos.find((c) => c.code === 'substance');
  const agency = (await services.agencies.list()).items[0];
  if (!substanceCombo || !agency) throw new Error('no substance combination or agency');
  for (let i = 1; i <= fillerElements; i++) {
    await services.catalogue.createDataElement(systemActor('bench'), {
      code: `bench_filler_${String(i).padStart(3, '0')}`,
      name: { ky: `Bench ${i}`, ru: `Bench ${i}`, en: `Bench ${i}` },
      agencyId: agency.id,
      unit: 'cases',
      valueType: 'integer',
      periodType: 'month',
      categoryComboId: substanceCombo.id,
      aggregationTime: 'sum',
      aggregationTerritory: 'sum',
      direction: 'neutral',
    });
  }
  catalogue = await services.catalogue.getCatalogue();
  const categories = new Map(catalogue.categories.map((c) => [c.id, c]));
  const combos = new Map(catalogue.categoryCombos.map((c) => [c.id, c]));
  const series = catalogue.dataElements
    .filter((e) => e.periodType === 'month')
    .flatMap((e) =>
      demoCombos(
        (combos.get(e.categoryComboId)?.categoryIds ?? []).map((id) => ({
          code: categories.get(id)?.code ?? id,
          options: categories.get(id)?.options.map((o) => o.code) ?? [],
        })),
      ).map((c) => ({ elementId: e.id, disaggregation: c.key })),
    );
  const all = (await services.territories.list()).items;
  const parents = new Set(all.map((t) => t.parentId));
  const territoryIds = all
    .filter((t) => !parents.has(t.id) && t.level !== 'country')
    .sort((x, y) => x.code.localeCompare(y.code))
    .map((t) => t.id);
  return { series, territoryIds };
}

/** The value of a row: a formula of its indices that every engine computes the same way. */
const valueFormula = '((s.idx * 31 + t.idx * 17 + m.i * 7) % 50) + 1';

/** Loads the store into PostgreSQL or PGlite: keys tables, then generate_series without indexes, then indexes. */
export async function loadPostgres(db: Executor, keys: Keys): Promise<{ rows: number; ms: number }> {
  const began = performance.now();
  await sql`create table bench_series (idx int primary key, element_id uuid not null, disaggregation text not null)`.execute(
    db,
  );
  await sql`create table bench_territory (idx int primary key, id uuid not null)`.execute(db);
  await sql`insert into bench_series select * from unnest(${keys.series.map((_, i) => i)}::int[],
    ${keys.series.map((s) => s.elementId)}::uuid[], ${keys.series.map((s) => s.disaggregation)}::text[])`.execute(
    db,
  );
  await sql`insert into bench_territory select * from unnest(${keys.territoryIds.map((_, i) => i)}::int[],
    ${keys.territoryIds}::uuid[])`.execute(db);
  // Bulk load without indexes and foreign keys, then build and check them once: the usual way to load a
  // large table (the keys come from the catalogue and territory tables, and are checked again below).
  const { rows: foreignKeys } = await sql<{ name: string; definition: string }>`
    select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
    where conrelid = 'data_value'::regclass and contype = 'f'`.execute(db);
  for (const fk of foreignKeys)
    await sql`alter table data_value drop constraint ${sql.id(fk.name)}`.execute(db);
  await sql`alter table data_value drop constraint data_value_pkey`.execute(db);
  await sql`drop index data_value_territory_period_idx`.execute(db);
  await sql`drop index data_value_element_start_idx`.execute(db);
  const step = 40;
  for (let first = 0; first < keys.series.length; first += step) {
    await sql`
      insert into data_value (data_element_id, period, territory_id, disaggregation, period_start, value, source, is_synthetic)
      select s.element_id, to_char(d, 'YYYY-MM'), t.id, s.disaggregation, d, ${sql.raw(valueFormula)}, 'demo', true
      from bench_series s
      cross join bench_territory t
      cross join lateral (select i, ('2015-01-01'::date + make_interval(months => i))::date as d
                          from generate_series(0, ${months - 1}) as g(i)) m
      where s.idx >= ${first} and s.idx < ${first + step}`.execute(db);
    log(`loaded series ${Math.min(first + step, keys.series.length)}/${keys.series.length}`);
  }
  log('building indexes');
  await sql`alter table data_value add primary key (data_element_id, period, territory_id, disaggregation)`.execute(
    db,
  );
  await sql`create index data_value_territory_period_idx on data_value(territory_id, period)`.execute(db);
  await sql`create index data_value_element_start_idx on data_value(data_element_id, period_start)`.execute(
    db,
  );
  for (const fk of foreignKeys)
    await sql`alter table data_value add constraint ${sql.id(fk.name)} ${sql.raw(fk.definition)}`.execute(db);
  await sql`analyze data_value`.execute(db);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from data_value`.execute(db);
  return { rows: rows[0]!.n, ms: performance.now() - began };
}

/** The equivalent GROUP BY: one element, every reporting territory, 120 months, summed over disaggregations. */
const pivotSql = (elementParam: string) => `
  select v.territory_id, v.period, sum(v.value) as value, count(*) as n
  from data_value v
  where v.data_element_id = cast(${elementParam} as uuid)
    and v.period_start between DATE '${from}' and DATE '${to}'
    and v.territory_id in (select id from bench_territory)
  group by v.territory_id, v.period`;

type Timing = { p50: number; p95: number; rows: number; total: number };

async function repeat(run: () => Promise<{ rows: number; total: number }>): Promise<Timing> {
  let last = { rows: 0, total: 0 };
  for (let i = 0; i < warmUps; i++) last = await run();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = await timed(run);
    durations.push(t.ms);
    last = t.result;
  }
  return { p50: percentile(durations, 50), p95: percentile(durations, 95), ...last };
}

async function pgPivot(db: Executor, elementId: string): Promise<Timing> {
  return repeat(async () => {
    const result = await db.executeQuery<{ value: number }>(CompiledQuery.raw(pivotSql('$1'), [elementId]));
    return { rows: result.rows.length, total: result.rows.reduce((s, r) => s + Number(r.value), 0) };
  });
}

async function explorerPivot(b: BenchApp, territoryIds: string[], items: string[]): Promise<Timing> {
  const query: ExplorerQuery = {
    items,
    territories: { ids: territoryIds, mode: 'selected' },
    periods: { type: 'month', from: '2015-01', to: '2024-12' },
  };
  const post = () =>
    fetch(`${b.baseUrl}/api/v1/explorer/query`, {
      method: 'POST',
      headers: { ...b.headers, 'content-type': 'application/json' },
      body: JSON.stringify(query),
    });
  return repeat(async () => {
    // The embedded database loads the store on this thread for minutes, so the client never sees the server
    // close its idle keep-alive connection (72 s) and the first request after the load may go out on it: once.
    const response = await post().catch(post);
    const text = await response.text();
    if (response.status !== 200)
      throw new Error(`explorer query failed: ${response.status} ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as ExplorerResult;
    const figures = body.series.reduce((n, s) => n + s.figures.values.length, 0);
    const values =
      body.series.find((s) => s.item === 'drug_crimes' && s.option === null)?.figures.values ?? [];
    return { rows: figures, total: values.reduce<number>((sum, v) => sum + (v ?? 0), 0) };
  });
}

/** Loads the same rows into an in-memory DuckDB (same keys, same formula) and times the same GROUP BY. */
async function duckPivot(keys: Keys, elementId: string): Promise<{ load: number; timing: Timing }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  try {
    const began = performance.now();
    await connection.run('create table bench_series (idx integer, element_id uuid, disaggregation varchar)');
    await connection.run('create table bench_territory (idx integer, id uuid)');
    const seriesAppender = await connection.createAppender('bench_series');
    keys.series.forEach((s, i) => {
      seriesAppender.appendInteger(i);
      seriesAppender.appendVarchar(s.elementId);
      seriesAppender.appendVarchar(s.disaggregation);
      seriesAppender.endRow();
    });
    seriesAppender.closeSync();
    const territoryAppender = await connection.createAppender('bench_territory');
    keys.territoryIds.forEach((id, i) => {
      territoryAppender.appendInteger(i);
      territoryAppender.appendVarchar(id);
      territoryAppender.endRow();
    });
    territoryAppender.closeSync();
    await connection.run(`
      create table data_value as
      select s.element_id as data_element_id, strftime(d, '%Y-%m') as period, t.id as territory_id,
             s.disaggregation, d as period_start, (${valueFormula})::double as value
      from bench_series s
      cross join bench_territory t
      cross join (select i, (DATE '2015-01-01' + to_months(i::integer))::date as d from range(0, ${months}) g(i)) m
      order by s.idx, t.idx, m.i`); // the physical order of the PostgreSQL load (series by series)
    const load = performance.now() - began;
    const timing = await repeat(async () => {
      const reader = await connection.runAndReadAll(pivotSql('$1'), [elementId]);
      const rows = reader.getRowObjectsJS() as Array<{ value: number }>;
      return { rows: rows.length, total: rows.reduce((s, r) => s + Number(r.value), 0) };
    });
    return { load, timing };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const describeTiming = (t: Timing) =>
  `p50 ${ms(t.p50)} ms, p95 ${ms(t.p95)} ms (${t.rows} rows, Σ ${t.total})`;

/** The pivot bench on one database kind; on PostgreSQL also DuckDB and the ratio. */
export async function benchPivot(kind: DbKind): Promise<BenchRow[]> {
  const b = await startBenchApp(kind);
  try {
    const keys = await prepareKeys(b);
    log(
      `${dbLabel[kind]}: ${keys.series.length} series × ${keys.territoryIds.length} territories × ${months} months`,
    );
    const load = await loadPostgres(b.container.database.db, keys);
    log(`${dbLabel[kind]}: ${load.rows} values in ${(load.ms / 1000).toFixed(1)} s`);
    const element = (await b.container.services.catalogue.getCatalogue()).dataElements.find(
      (e) => e.code === 'drug_crimes',
    )!;
    const explorer = await explorerPivot(b, keys.territoryIds, ['drug_crimes', 'drug_crime_rate']);
    const explorerElement = await explorerPivot(b, keys.territoryIds, ['drug_crimes']);
    const raw = await pgPivot(b.container.database.db, element.id);
    const rows: BenchRow[] = [
      {
        bench: `store of ${load.rows.toLocaleString('en')} values: load (generate_series, then indexes)`,
        database: dbLabel[kind],
        result: `${(load.ms / 1000).toFixed(1)} s`,
        target: '—',
      },
      {
        bench: `pivot via POST /api/v1/explorer/query (drug_crimes + drug_crime_rate, ${keys.territoryIds.length} districts, 120 months), ${runs} runs`,
        database: dbLabel[kind],
        result: describeTiming(explorer),
        target: kind === 'postgres' ? 'p95 < 200 ms' : 'measured',
      },
      {
        bench: `pivot via POST /api/v1/explorer/query (drug_crimes only), ${runs} runs`,
        database: dbLabel[kind],
        result: describeTiming(explorerElement),
        target: '—',
      },
      {
        bench: `same pivot as one SQL GROUP BY (drug_crimes, ${keys.territoryIds.length} districts, 120 months), ${runs} runs`,
        database: dbLabel[kind],
        result: describeTiming(raw),
        target: '—',
      },
    ];
    if (kind === 'postgres') {
      const duck = await duckPivot(keys, element.id);
      if (duck.timing.total !== raw.total || duck.timing.rows !== raw.rows)
        throw new Error(
          `DuckDB and PostgreSQL disagree: ${describeTiming(duck.timing)} vs ${describeTiming(raw)}`,
        );
      rows.push({
        bench: `same SQL GROUP BY in DuckDB (in memory, same ${load.rows.toLocaleString('en')} rows, loaded in ${(duck.load / 1000).toFixed(1)} s)`,
        database: 'DuckDB 1.5 (@duckdb/node-api)',
        result: `${describeTiming(duck.timing)}; ratio PostgreSQL SQL/DuckDB: p50 ${(raw.p50 / duck.timing.p50).toFixed(1)}×, p95 ${(raw.p95 / duck.timing.p95).toFixed(1)}×; explorer API/DuckDB: p50 ${(explorer.p50 / duck.timing.p50).toFixed(1)}×, p95 ${(explorer.p95 / duck.timing.p95).toFixed(1)}×`,
        target: 'ratio reported',
      });
    }
    return rows;
  } finally {
    await b.close();
  }
}
