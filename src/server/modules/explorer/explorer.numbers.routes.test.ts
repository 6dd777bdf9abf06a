import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExplorerResult, ExplorerTable } from '#shared/contracts/explorer.contract';
import { explorerTable } from '#shared/domain/explorer-series';
import type { Territory } from '#shared/contracts/territories.contract';
import { systemActor } from '#server/lib/actor';
import { signedInUser, territoryByIso } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';
import { createExplorerService } from './explorer.service';
import { buildExplorerAgency, buildExplorerElement, writeValues } from './explorer.test-support';

/** Figures that can be defended: no double counting, honest `partial`, one "last value" rule, a size limit. */
describe('explorer figures', () => {
  let t: TestApp;
  let analyst: Session;
  let agencyId: string;
  let all: Territory[];
  let issykKul: Territory;
  let country: Territory;
  /** Issyk-Kul's territories without children (districts and cities), which report by default. */
  let issykKulLeaves: Territory[];

  const query = async (body: Record<string, unknown>) => {
    const response = await analyst.request('POST', '/api/v1/explorer/query', body);
    expect(response.statusCode, response.body).toBe(200);
    return explorerTable(response.json<ExplorerResult>());
  };
  const cellOf = (result: ExplorerTable, territoryId: string, period: string, option: string | null = null) =>
    result.cells.find((c) => c.territoryId === territoryId && c.period === period && c.option === option);

  beforeAll(async () => {
    t = await createTestApp();
    analyst = (await signedInUser(t, { role: 'analyst' })).session;
    agencyId = await buildExplorerAgency(t);
    all = (await t.container.services.territories.list()).items;
    issykKul = await territoryByIso(t, 'KG-Y');
    country = all.find((x) => x.parentId === null) as Territory;
    issykKulLeaves = all.filter((x) => x.parentId === issykKul.id && !all.some((y) => y.parentId === x.id));
  });

  afterAll(async () => {
    await t.close();
  });

  it('never adds a value stored at an oblast on top of its districts (Issyk-Kul crimes, 721 not 1,442)', async () => {
    const crimes = await buildExplorerElement(t, agencyId);
    const shares = issykKulLeaves.map((_, i) => (i === 0 ? 721 - (issykKulLeaves.length - 1) * 10 : 10));
    await writeValues(
      t,
      issykKulLeaves.map((x, i) => ({
        dataElementId: crimes.id,
        territoryId: x.id,
        period: '2026-04',
        value: shares[i] ?? 0,
      })),
    );
    // The oblast's own figure can no longer be written; one stored before the rule existed is not counted.
    await sql`
      insert into data_value (data_element_id, period, territory_id, disaggregation, period_start, value, source)
      values (${crimes.id}, '2026-04', ${issykKul.id}, '', '2026-04-01', 721, 'csv')`.execute(
      t.container.database.db,
    );
    const result = await query({
      items: [crimes.code],
      territories: { ids: [issykKul.id, country.id], mode: 'selected' },
      periods: { type: 'month', from: '2026-04', to: '2026-04' },
    });
    expect(cellOf(result, issykKul.id, '2026-04')).toMatchObject({ value: 721, partial: false });
    // The country lacks every other oblast: the same 721, and partial.
    expect(cellOf(result, country.id, '2026-04')).toMatchObject({ value: 721, partial: true });
  });

  it('uses the oblast’s own figure for an element reported by oblast, and sums nothing into it', async () => {
    const byOblast = await buildExplorerElement(t, agencyId, { reportedLevel: 'oblast' });
    const refused = await analyst.request('PUT', '/api/v1/data-values', {
      dataElementId: byOblast.id,
      territoryId: issykKulLeaves[0]?.id,
      period: '2026-04',
      value: 5,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'NOT_REPORTED_HERE' });
    // Those that report it: the oblasts, and Bishkek and Osh, which belong to no oblast.
    const reporting = all.filter((x) => x.level === 'oblast' || x.level === 'city_republican');
    await writeValues(
      t,
      reporting.map((x) => ({
        dataElementId: byOblast.id,
        territoryId: x.id,
        period: '2026-04',
        value: 100,
      })),
    );
    const result = await query({
      items: [byOblast.code],
      territories: { ids: [issykKul.id, country.id, issykKulLeaves[0]?.id ?? ''], mode: 'selected' },
      periods: { type: 'month', from: '2026-04', to: '2026-04' },
    });
    expect(cellOf(result, issykKul.id, '2026-04')).toMatchObject({ value: 100, partial: false });
    expect(cellOf(result, country.id, '2026-04')).toMatchObject({
      value: 100 * reporting.length,
      partial: false,
    });
    // Below its reporting level an element has no figure.
    expect(cellOf(result, issykKulLeaves[0]?.id ?? '', '2026-04')).toMatchObject({ value: null });
  });

  it('calls a total partial when a disaggregation cell is missing (December lacks male 30+)', async () => {
    const observed = await buildExplorerElement(t, agencyId, { combo: 'sex_age', time: 'last' });
    const bishkek = await territoryByIso(t, 'KG-GB');
    const cells = [
      'male.age_0_17',
      'male.age_18_29',
      'male.age_30_plus',
      'female.age_0_17',
      'female.age_18_29',
      'female.age_30_plus',
    ];
    const writes = ['2023-11', '2023-12'].flatMap((period) =>
      cells
        .filter((cell) => !(period === '2023-12' && cell === 'male.age_30_plus'))
        .map((disaggregation) => ({
          dataElementId: observed.id,
          territoryId: bishkek.id,
          period,
          disaggregation,
          value: 90,
        })),
    );
    await writeValues(t, writes);
    const result = await query({
      items: [observed.code],
      territories: { ids: [bishkek.id], mode: 'selected' },
      periods: { type: 'year', from: '2023', to: '2023' },
      disaggregation: 'sex',
    });
    expect(cellOf(result, bishkek.id, '2023')).toMatchObject({ value: 450, partial: true });
    expect(cellOf(result, bishkek.id, '2023', 'male')).toMatchObject({ value: 180, partial: true });
    expect(cellOf(result, bishkek.id, '2023', 'female')).toMatchObject({ value: 270, partial: false });
  });

  it('decides partial the same whatever range is asked for (a territory missing in every period)', async () => {
    const tested = await buildExplorerElement(t, agencyId);
    const [first, ...others] = issykKulLeaves;
    // 2021: one territory never reports; 2022: every territory reports every month.
    const months = (year: number) =>
      Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    await writeValues(t, [
      ...others.flatMap((x) =>
        months(2021).map((period) => ({ dataElementId: tested.id, territoryId: x.id, period, value: 1 })),
      ),
      ...issykKulLeaves.flatMap((x) =>
        months(2022).map((period) => ({ dataElementId: tested.id, territoryId: x.id, period, value: 1 })),
      ),
    ]);
    expect(first).toBeDefined();
    const ask = (from: string, to: string) =>
      query({
        items: [tested.code],
        territories: { ids: [issykKul.id], mode: 'selected' },
        periods: { type: 'year', from, to },
      });
    const alone = cellOf(await ask('2021', '2021'), issykKul.id, '2021');
    const both = await ask('2021', '2022');
    expect(alone).toMatchObject({ value: 12 * others.length, partial: true });
    expect(cellOf(both, issykKul.id, '2021')).toEqual(alone);
    expect(cellOf(both, issykKul.id, '2022')).toMatchObject({
      value: 12 * issykKulLeaves.length,
      partial: false,
    });
  });

  it('calls a quarter partial when a month is missing', async () => {
    const monthly = await buildExplorerElement(t, agencyId);
    const [leaf] = issykKulLeaves;
    await writeValues(t, [
      { dataElementId: monthly.id, territoryId: leaf?.id ?? '', period: '2024-01', value: 1 },
      { dataElementId: monthly.id, territoryId: leaf?.id ?? '', period: '2024-03', value: 1 },
    ]);
    const result = await query({
      items: [monthly.code],
      territories: { ids: [leaf?.id ?? ''], mode: 'selected' },
      periods: { type: 'quarter', from: '2024Q1', to: '2024Q1' },
    });
    expect(cellOf(result, leaf?.id ?? '', '2024Q1')).toMatchObject({ value: 2, partial: true });
  });

  it('takes options of a "last value" element from the period of the total, so they add up to it', async () => {
    const stock = await buildExplorerElement(t, agencyId, { combo: 'sex_age', time: 'last' });
    const [leaf] = issykKulLeaves;
    const at = (period: string, disaggregation: string, value: number) => ({
      dataElementId: stock.id,
      territoryId: leaf?.id ?? '',
      period,
      disaggregation,
      value,
    });
    // Male 33 reported in September; in December only female 24 (male missing then).
    await writeValues(t, [at('2024-09', 'male.age_18_29', 33), at('2024-12', 'female.age_18_29', 24)]);
    const result = await query({
      items: [stock.code],
      territories: { ids: [leaf?.id ?? ''], mode: 'selected' },
      periods: { type: 'year', from: '2024', to: '2024' },
      disaggregation: 'sex',
    });
    const total = cellOf(result, leaf?.id ?? '', '2024');
    const female = cellOf(result, leaf?.id ?? '', '2024', 'female');
    const male = cellOf(result, leaf?.id ?? '', '2024', 'male');
    expect(total).toMatchObject({ value: 24, partial: true });
    expect(female).toMatchObject({ value: 24 });
    // Not September's 33: December has no male figure, so there is none (and the total says it is partial).
    expect(male?.value ?? null).toBeNull();
  });

  it('refuses a query above the cell limit with QUERY_TOO_LARGE, before reading any data', async () => {
    const big = await buildExplorerElement(t, agencyId, { combo: 'substance' });
    const response = await analyst.request('POST', '/api/v1/explorer/query', {
      items: [big.code],
      territories: { ids: all.map((x) => x.id), mode: 'selected' },
      periods: { type: 'month', from: '2006-01', to: '2025-12' },
      disaggregation: 'substance',
    });
    // 7 figures (6 substances and the total) × 64 territories × 240 months = 107,520: allowed.
    expect(response.statusCode).toBe(200);
    // The same service with a limit of 1,000 figures (KUZOT_EXPLORER_MAX_CELLS).
    const limited = createExplorerService({
      tx: t.container.tx,
      catalogue: t.container.services.catalogue,
      territories: t.container.services.territories,
      maxCells: 1000,
    });
    const refused = await limited
      .query(systemActor('test'), {
        items: [big.code],
        territories: { ids: [country.id], mode: 'children' },
        periods: { type: 'month', from: '2020-01', to: '2025-12' },
        disaggregation: 'substance',
      })
      .catch((error: unknown) => error);
    // 7 × 9 children of the country × 72 months = 4,536.
    expect(refused).toMatchObject({
      code: 'QUERY_TOO_LARGE',
      status: 400,
      localised: { key: 'explorer.too_large', params: { cells: 4536, max: 1000 } },
    });
  });
});
