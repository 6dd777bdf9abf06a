import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataElement } from '#shared/contracts/catalogue.contract';
import type { ExplorerCell, ExplorerResult, ExplorerTable } from '#shared/contracts/explorer.contract';
import { explorerTable } from '#shared/domain/explorer-series';
import type { Territory } from '#shared/contracts/territories.contract';
import { systemActor } from '#server/lib/actor';
import { signedInUser } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';
import {
  buildExplorerAgency,
  buildExplorerElement,
  buildExplorerIndicator,
  oblastWithDistricts,
  writeValues,
} from './explorer.test-support';

describe('explorer routes', () => {
  let t: TestApp;
  let analyst: Session;
  let agencyId: string;
  let oblast: Territory;
  let districts: Territory[];
  let a: DataElement; // sum, undisaggregated
  let bySubstance: DataElement;
  let stock: DataElement; // last value over time
  let denominator: DataElement;

  const query = async (session: Session, body: Record<string, unknown>) => {
    const response = await session.request('POST', '/api/v1/explorer/query', body);
    expect(response.statusCode, response.body).toBe(200);
    return explorerTable(response.json<ExplorerResult>());
  };
  const cellOf = (
    result: ExplorerTable,
    item: string,
    territoryId: string,
    period: string,
    option: string | null = null,
  ) =>
    result.cells.find(
      (c) => c.item === item && c.territoryId === territoryId && c.period === period && c.option === option,
    );
  const d = (i: number) => districts[i] as Territory;

  beforeAll(async () => {
    t = await createTestApp();
    analyst = (await signedInUser(t, { role: 'analyst' })).session;
    agencyId = await buildExplorerAgency(t);
    ({ oblast, districts } = await oblastWithDistricts(t));
    a = await buildExplorerElement(t, agencyId);
    bySubstance = await buildExplorerElement(t, agencyId, { combo: 'substance' });
    stock = await buildExplorerElement(t, agencyId, { time: 'last' });
    denominator = await buildExplorerElement(t, agencyId);
    const month = (m: number) => `2014-${String(m).padStart(2, '0')}`;
    await writeValues(t, [
      // a: districts 0 and 1 report Jan–Mar 2014, district 2 only January; 2013-01 for "last year".
      ...[1, 2, 3].map((m) => ({
        dataElementId: a.id,
        territoryId: d(0).id,
        period: month(m),
        value: 10 * m,
      })),
      ...[1, 2, 3].map((m) => ({ dataElementId: a.id, territoryId: d(1).id, period: month(m), value: m })),
      { dataElementId: a.id, territoryId: d(2).id, period: month(1), value: 100 },
      { dataElementId: a.id, territoryId: d(0).id, period: '2013-01', value: 7 },
      // by substance, district 0, January.
      {
        dataElementId: bySubstance.id,
        territoryId: d(0).id,
        period: month(1),
        disaggregation: 'cannabis',
        value: 4,
      },
      {
        dataElementId: bySubstance.id,
        territoryId: d(0).id,
        period: month(1),
        disaggregation: 'heroin',
        value: 1,
      },
      {
        dataElementId: bySubstance.id,
        territoryId: d(1).id,
        period: month(1),
        disaggregation: 'cannabis',
        value: 2,
      },
      // stock: the last month of the quarter counts.
      ...[1, 2, 3].map((m) => ({
        dataElementId: stock.id,
        territoryId: d(0).id,
        period: month(m),
        value: 50 + m,
      })),
      // denominator 0 in district 1 (division by zero there), 20 in district 0.
      { dataElementId: denominator.id, territoryId: d(0).id, period: month(1), value: 20 },
      { dataElementId: denominator.id, territoryId: d(1).id, period: month(1), value: 0 },
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('rolls district values up to the oblast and shows each district on its own', async () => {
    const result = await query(analyst, {
      items: [a.code],
      territories: { ids: [oblast.id, d(0).id], mode: 'selected' },
      periods: { type: 'month', from: '2014-01', to: '2014-03' },
    });
    expect(result.periods).toEqual(['2014-01', '2014-02', '2014-03']);
    expect(result.territories.map((x) => x.id)).toEqual([oblast.id, d(0).id]);
    // Only three of the oblast's territories reported: the figure is a lower bound, so partial.
    expect(cellOf(result, a.code, oblast.id, '2014-01')).toMatchObject({
      value: 10 + 1 + 100,
      partial: districts.length > 3,
    });
    // District 2 did not report February: the oblast's figure is partial.
    expect(cellOf(result, a.code, oblast.id, '2014-02')).toMatchObject({ value: 20 + 2, partial: true });
    expect(cellOf(result, a.code, d(0).id, '2014-02')).toMatchObject({ value: 20, partial: false });
    expect(result.items[0]).toMatchObject({ code: a.code, kind: 'element', unit: 'cases', decimals: 0 });
  });

  it('shows the children of a territory, with "—" (null) where nothing was reported', async () => {
    const result = await query(analyst, {
      items: [a.code],
      territories: { ids: [oblast.id], mode: 'children' },
      periods: { type: 'month', from: '2014-02', to: '2014-02' },
    });
    expect(result.territories.map((x) => x.id)).toEqual(districts.map((x) => x.id));
    expect(cellOf(result, a.code, d(2).id, '2014-02')).toMatchObject({ value: null, partial: false });
    expect(result.cells).toHaveLength(districts.length);
  });

  it("groups months into quarters and years by the element's time aggregation", async () => {
    const quarter = await query(analyst, {
      items: [a.code, stock.code],
      territories: { ids: [d(0).id, oblast.id], mode: 'selected' },
      periods: { type: 'quarter', from: '2014Q1', to: '2014Q2' },
    });
    expect(cellOf(quarter, a.code, d(0).id, '2014Q1')).toMatchObject({ value: 60, partial: false });
    expect(cellOf(quarter, a.code, oblast.id, '2014Q1')).toMatchObject({
      value: 60 + 6 + 100,
      partial: true,
    });
    expect(cellOf(quarter, a.code, d(0).id, '2014Q2')).toMatchObject({ value: null });
    expect(cellOf(quarter, stock.code, d(0).id, '2014Q1')).toMatchObject({ value: 53, partial: false });
    const year = await query(analyst, {
      items: [a.code],
      territories: { ids: [d(0).id], mode: 'selected' },
      periods: { type: 'year', from: '2014', to: '2014' },
    });
    // Nine months missing from the year: a partial sum.
    expect(cellOf(year, a.code, d(0).id, '2014')).toMatchObject({ value: 60, partial: true });
  });

  it('averages over territories and time for elements aggregated that way; a year cannot be split into months', async () => {
    const rate = await buildExplorerElement(t, agencyId, { time: 'average', territory: 'average' });
    await writeValues(t, [
      { dataElementId: rate.id, territoryId: d(0).id, period: '2014-01', value: 10 },
      { dataElementId: rate.id, territoryId: d(1).id, period: '2014-01', value: 20 },
      { dataElementId: rate.id, territoryId: d(0).id, period: '2014-02', value: 30 },
      { dataElementId: rate.id, territoryId: d(1).id, period: '2014-02', value: 40 },
    ]);
    const result = await query(analyst, {
      items: [rate.code],
      territories: { ids: [oblast.id], mode: 'selected' },
      periods: { type: 'quarter', from: '2014Q1', to: '2014Q1' },
    });
    // Months 15 and 35 averaged over the two districts, then over the two months; March is missing.
    expect(result.cells[0]).toMatchObject({ value: 25, partial: true });
    // By month each stored month is its own figure, whatever the time aggregation ('average', 'last').
    const monthly = await query(analyst, {
      items: [rate.code, stock.code],
      territories: { ids: [oblast.id, d(0).id], mode: 'selected' },
      periods: { type: 'month', from: '2014-01', to: '2014-03' },
    });
    // Two of the oblast's territories reported: partial.
    expect(cellOf(monthly, rate.code, oblast.id, '2014-01')).toMatchObject({ value: 15, partial: true });
    expect(cellOf(monthly, rate.code, oblast.id, '2014-02')).toMatchObject({ value: 35, partial: true });
    expect(cellOf(monthly, rate.code, oblast.id, '2014-03')).toMatchObject({ value: null });
    expect(cellOf(monthly, stock.code, d(0).id, '2014-02')).toMatchObject({ value: 52, partial: false });
    expect(cellOf(monthly, stock.code, oblast.id, '2014-03')).toMatchObject({ value: 53, partial: true });

    const yearly = await t.container.services.catalogue.createDataElement(systemActor('test'), {
      code: `yearly_${Date.now().toString(36)}`,
      name: { ky: 'Жыл', ru: 'Год', en: 'Yearly' },
      agencyId,
      unit: 'cases',
      valueType: 'integer',
      periodType: 'year',
      aggregationTime: 'sum',
      aggregationTerritory: 'sum',
      direction: 'neutral',
    });
    await writeValues(t, [{ dataElementId: yearly.id, territoryId: d(0).id, period: '2014', value: 12 }]);
    const byMonth = await query(analyst, {
      items: [yearly.code],
      territories: { ids: [d(0).id], mode: 'selected' },
      periods: { type: 'month', from: '2014-01', to: '2014-01' },
    });
    expect(byMonth.cells[0]).toMatchObject({ value: null });
    const byYear = await query(analyst, {
      items: [yearly.code],
      territories: { ids: [d(0).id], mode: 'selected' },
      periods: { type: 'year', from: '2014', to: '2014' },
    });
    expect(byYear.cells[0]).toMatchObject({ value: 12, partial: false });
  });

  it('splits by a category when asked, and keeps the total beside the options', async () => {
    const result = await query(analyst, {
      items: [bySubstance.code, a.code],
      territories: { ids: [oblast.id], mode: 'selected' },
      periods: { type: 'month', from: '2014-01', to: '2014-01' },
      disaggregation: 'substance',
    });
    expect(result.options.map((o) => o.code)).toContain('cannabis');
    expect(cellOf(result, bySubstance.code, oblast.id, '2014-01', 'cannabis')).toMatchObject({ value: 6 });
    expect(cellOf(result, bySubstance.code, oblast.id, '2014-01', 'heroin')).toMatchObject({ value: 1 });
    expect(cellOf(result, bySubstance.code, oblast.id, '2014-01', 'opium')).toMatchObject({ value: null });
    expect(cellOf(result, bySubstance.code, oblast.id, '2014-01', null)).toMatchObject({ value: 7 });
    // An element without that category has only its total.
    expect(result.cells.filter((c) => c.item === a.code).map((c) => c.option)).toEqual([null]);
    const totals = await query(analyst, {
      items: [bySubstance.code],
      territories: { ids: [d(0).id], mode: 'selected' },
      periods: { type: 'month', from: '2014-01', to: '2014-01' },
    });
    expect(totals.cells).toEqual([expect.objectContaining({ option: null, value: 5 })]);
  });

  it('evaluates indicators on summed inputs; division by zero is no value', async () => {
    const ratio = await buildExplorerIndicator(t, `#{${a.code}} / #{${denominator.code}}`);
    const result = await query(analyst, {
      items: [ratio.code],
      territories: { ids: [oblast.id, d(0).id, d(1).id], mode: 'selected' },
      periods: { type: 'month', from: '2014-01', to: '2014-01' },
    });
    expect(cellOf(result, ratio.code, d(0).id, '2014-01')).toMatchObject({ value: 10 / 20 });
    expect(cellOf(result, ratio.code, d(1).id, '2014-01')).toMatchObject({ value: null });
    // (10 + 1 + 100) / (20 + 0): the oblast's rate is never an average of district rates.
    expect(cellOf(result, ratio.code, oblast.id, '2014-01')?.value).toBeCloseTo(111 / 20, 10);
    expect(result.items[0]).toMatchObject({ kind: 'indicator', decimals: 2 });
  });

  it('uses the formula version valid on the first day of each period', async () => {
    const indicator = await buildExplorerIndicator(t, `#{${a.code}}`);
    await t.container.services.catalogue.addIndicatorVersion(systemActor('test'), indicator.id, {
      formula: `#{${a.code}} * 2`,
      validFrom: '2014-02-01',
    });
    const result = await query(analyst, {
      items: [indicator.code],
      territories: { ids: [d(0).id], mode: 'selected' },
      periods: { type: 'month', from: '2014-01', to: '2014-03' },
    });
    expect(result.cells.map((c) => c.value)).toEqual([10, 40, 60]);
  });

  it('takes population from the territory, or the sum of its children when it has none', async () => {
    const rate = await buildExplorerIndicator(t, `#{${a.code}} / #{population.total} * 1000`);
    for (const [i, district] of districts.entries())
      await t.container.services.territories.upsertPopulation(systemActor('test'), district.id, 2014, {
        total: 1000 * (i + 1),
        source: 'Explorer test',
      });
    const total = districts.reduce((sum, _, i) => sum + 1000 * (i + 1), 0);
    const result = await query(analyst, {
      items: [rate.code],
      territories: { ids: [oblast.id, d(0).id], mode: 'selected' },
      periods: { type: 'month', from: '2014-01', to: '2014-01' },
    });
    expect(cellOf(result, rate.code, d(0).id, '2014-01')?.value).toBeCloseTo(10, 10);
    expect(cellOf(result, rate.code, oblast.id, '2014-01')?.value).toBeCloseTo((111 / total) * 1000, 10);
    expect(cellOf(result, rate.code, oblast.id, '2014-01')?.denominator).toEqual({
      method: 'sum_of_children',
      isEstimate: false,
      flag: null,
    });
    // No official population for 2013: the strict view leaves the rate empty and says why, never zero; by
    // default the 2014 figure is carried back with the oblast's growth, and the rate says so.
    const strict = await query(analyst, {
      items: [rate.code],
      territories: { ids: [d(0).id], mode: 'selected' },
      periods: { type: 'month', from: '2013-01', to: '2013-01' },
      officialPopulationOnly: true,
    });
    expect(strict.officialPopulationOnly).toBe(true);
    expect(strict.cells[0]).toMatchObject({ value: null, emptyReason: 'no_population' });
    const estimated = await query(analyst, {
      items: [rate.code],
      territories: { ids: [d(0).id], mode: 'selected' },
      periods: { type: 'month', from: '2013-01', to: '2013-01' },
    });
    expect(estimated.cells[0]?.value).toBeGreaterThan(0);
    expect(estimated.cells[0]?.denominator).toMatchObject({ method: 'carried_back', isEstimate: true });
    // The year-earlier figure beside a 2014 rate says the same of its own denominator.
    const withLastYear = await query(analyst, {
      items: [rate.code],
      territories: { ids: [d(0).id], mode: 'selected' },
      periods: { type: 'month', from: '2014-01', to: '2014-01', samePeriodLastYear: true },
    });
    expect(withLastYear.cells[0]).toMatchObject({
      denominator: { method: 'official', isEstimate: false },
      lastYearDenominator: { method: 'carried_back', isEstimate: true },
    });
    expect(withLastYear.cells[0]?.lastYearValue).toBeCloseTo(estimated.cells[0]?.value ?? 0, 10);
    // An empty cell says why: nothing reported for 2012-06.
    const nothing = await query(analyst, {
      items: [rate.code],
      territories: { ids: [d(0).id], mode: 'selected' },
      periods: { type: 'month', from: '2012-06', to: '2012-06' },
    });
    expect(nothing.cells[0]).toMatchObject({ value: null, emptyReason: 'no_value' });
  });

  it('replaces an estimated denominator by an official figure entered later, with nothing rebuilt', async () => {
    const rate = await buildExplorerIndicator(t, `#{${a.code}} / #{population.total} * 1000`);
    const body = {
      items: [rate.code],
      territories: { ids: [d(1).id], mode: 'selected' },
      periods: { type: 'month', from: '2014-02', to: '2014-02' },
    };
    await t.container.services.territories.upsertPopulation(systemActor('test'), d(1).id, 2010, {
      total: 1500,
      source: 'Explorer test',
    });
    await t.container.services.territories.deletePopulation(systemActor('test'), d(1).id, 2014);
    const before = (await query(analyst, body)).cells[0];
    expect(before?.denominator?.isEstimate).toBe(true);
    await t.container.services.territories.upsertPopulation(systemActor('test'), d(1).id, 2014, {
      total: 2000,
      source: 'Explorer test',
    });
    const after = (await query(analyst, body)).cells[0];
    expect(after?.value).toBeCloseTo((2 / 2000) * 1000, 10);
    expect(after?.denominator).toEqual({ method: 'official', isEstimate: false, flag: null });
  });

  it('marks a rate on a flagged population figure', async () => {
    const rate = await buildExplorerIndicator(t, `#{${a.code}} / #{population.total} * 1000`);
    await t.container.services.territories.upsertPopulation(systemActor('test'), d(0).id, 2014, {
      total: 1000,
      source: 'Explorer test, a copy of unknown origin',
      flag: 'unverified',
    });
    const result = await query(analyst, {
      items: [rate.code],
      territories: { ids: [d(0).id], mode: 'selected' },
      periods: { type: 'month', from: '2014-01', to: '2014-01' },
    });
    expect(result.cells[0]).toMatchObject({
      value: 10,
      denominator: { method: 'official', isEstimate: false, flag: 'unverified' },
    });
    await t.container.services.territories.upsertPopulation(systemActor('test'), d(0).id, 2014, {
      total: 1000,
      source: 'Explorer test',
    });
  });

  it('resolves "last N" periods at the latest data and adds the same period last year', async () => {
    const result = await query(analyst, {
      items: [a.code],
      territories: { ids: [d(0).id], mode: 'selected' },
      periods: { type: 'month', last: 2, samePeriodLastYear: true },
    });
    expect(result.periods).toEqual(['2014-02', '2014-03']);
    const ending = await query(analyst, {
      items: [a.code],
      territories: { ids: [d(0).id], mode: 'selected' },
      periods: { type: 'month', last: 1, endingAt: '2014-01', samePeriodLastYear: true },
    });
    expect(ending.cells).toEqual([
      expect.objectContaining({ period: '2014-01', value: 10, lastYearValue: 7, lastYearPartial: false }),
    ]);
    expect(ending.samePeriodLastYear).toBe(true);
  });

  it('refuses unknown items, territories, categories and mixed period types, naming the field', async () => {
    const base = {
      items: [a.code],
      territories: { ids: [d(0).id], mode: 'selected' },
      periods: { type: 'month', from: '2014-01', to: '2014-03' },
    };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, items: ['no_such_code'] }, 'items'],
      [{ ...base, territories: { ids: [crypto.randomUUID()], mode: 'selected' } }, 'territories.ids'],
      [{ ...base, disaggregation: 'no_such_category' }, 'disaggregation'],
      [{ ...base, periods: { type: 'month', from: '2014Q1', to: '2014-03' } }, 'periods.from'],
      [{ ...base, periods: { type: 'month', from: '2014-03', to: '2014-01' } }, 'periods.to'],
      [{ ...base, periods: { type: 'month' } }, 'periods'],
    ];
    for (const [body, field] of cases) {
      const response = await analyst.request('POST', '/api/v1/explorer/query', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
    }
  });

  it('shows officers approved values plus drafts in their own scope; approvedOnly hides drafts', async () => {
    const body = {
      items: [a.code],
      territories: { ids: [d(0).id, d(1).id], mode: 'selected' },
      periods: { type: 'month', from: '2014-01', to: '2014-01' },
    };
    const own = (await signedInUser(t, { role: 'agency_officer', agencyId })).session;
    const other = (await signedInUser(t, { role: 'agency_officer' })).session;
    const regional = (
      await signedInUser(t, { role: 'regional_officer', territoryId: d(1).id, agencyId: undefined })
    ).session;
    const values = (r: ExplorerTable) => r.cells.map((c: ExplorerCell) => c.value);
    expect(values(await query(own, body))).toEqual([10, 1]);
    expect(values(await query(other, body))).toEqual([null, null]);
    expect(values(await query(regional, body))).toEqual([null, 1]);
    expect(values(await query(analyst, { ...body, approvedOnly: true }))).toEqual([null, null]);

    const key = { agencyId, territoryId: d(0).id, period: '2014-01' };
    await t.container.services.approvals.submit(systemActor('test'), key);
    await t.container.services.approvals.approve(systemActor('test'), key);
    expect(values(await query(other, body))).toEqual([10, null]);
    expect(values(await query(analyst, { ...body, approvedOnly: true }))).toEqual([10, null]);
    expect(values(await query(own, { ...body, approvedOnly: true }))).toEqual([10, null]);
  });

  it('exports the pivot as CSV with a byte-order mark and as XLSX with number formats', async () => {
    const body = {
      query: {
        items: [a.code],
        territories: { ids: [d(0).id, d(2).id], mode: 'selected' },
        periods: { type: 'month', from: '2014-01', to: '2014-02' },
      },
      layout: { rows: ['territory'], columns: ['period'] },
      locale: 'ru',
    };
    const csv = await analyst.request('POST', '/api/v1/explorer/export?format=csv', body);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename=".+\.csv"/);
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(csv.rawPayload.subarray(3).toString('utf8'), {
      relax_column_count: true,
      skip_empty_lines: true,
    });
    // First what was asked and how recent the data are, in the reader's language; then the table.
    expect(rows.slice(0, 5).map((r) => r[0])).toEqual([
      'Kuzot: обзор данных',
      'Показатели: Тест (случаи)',
      `Территории: ${d(0).name.ru} и ${d(2).name.ru}`,
      'Периоды: январь 2014 – февраль 2014',
      'Последние данные: февраль 2014',
    ]);
    expect(rows[5]?.[0]).toMatch(/^Выгружено: /);
    expect(rows.slice(6)).toEqual([
      // The item, left out of the layout, joins the rows.
      ['Территория', 'Показатель', 'январь 2014', 'февраль 2014'],
      [d(0).name.ru, 'Тест (случаи)', '10', '20'],
      [d(2).name.ru, 'Тест (случаи)', '100', ''],
    ]);

    const xlsx = await analyst.request('POST', '/api/v1/explorer/export?format=xlsx', {
      ...body,
      layout: { rows: ['period'], columns: ['territory'] },
      locale: 'en',
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('Kuzot: data explorer');
    // The table starts after the preamble (6 lines here) and a blank line.
    expect(sheet.getRow(8).values).toEqual([undefined, 'Period', 'Item', d(0).name.en, d(2).name.en]);
    expect(sheet.getCell('C9').value).toBe(10);
    expect(sheet.getCell('C9').numFmt).toBe('#,##0');
    expect(sheet.getCell('D10').value).toBeNull();
    expect(sheet.getCell('A10').value).toBe('February 2014');
  });

  it('exports "same period last year" as a measure beside the value, partial figures noted in XLSX', async () => {
    const response = await analyst.request('POST', '/api/v1/explorer/export?format=xlsx', {
      query: {
        items: [a.code],
        territories: { ids: [oblast.id], mode: 'selected' },
        periods: { type: 'month', from: '2014-01', to: '2014-02', samePeriodLastYear: true },
      },
      layout: { rows: ['period'], columns: ['measure'] },
      locale: 'en',
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(8).values).toEqual([
      undefined,
      'Period',
      'Item',
      'Territory',
      'Value',
      'Same period last year',
    ]);
    expect(sheet.getRow(9).values).toEqual([
      undefined,
      'January 2014',
      'Test (cases)',
      oblast.name.en,
      111,
      7,
    ]);
    expect(sheet.getCell('D10').value).toBe(22);
    expect(sheet.getCell('D10').note).toBe('partial: some territories or periods did not report');
    expect(sheet.getCell('E10').value).toBeNull();
  });

  it('marks rates on estimated or flagged population in exports, with a legend, and neutralises formulas', async () => {
    const rate = await buildExplorerIndicator(t, `#{${a.code}} / #{population.total} * 1000`);
    const suspicious = await t.container.services.catalogue.createIndicator(systemActor('test'), {
      code: `${rate.code}_f`,
      name: { ky: '=1+1', ru: '=1+1', en: '=HYPERLINK("http://x")' },
      unit: 'per_100k',
      direction: 'neutral',
      decimals: 1,
      formula: `#{${a.code}} / #{population.total} * 100000`,
      validFrom: '2000-01-01',
    });
    await writeValues(t, [
      { dataElementId: a.id, territoryId: d(2).id, period: '2016-05', value: 30 },
      { dataElementId: a.id, territoryId: d(2).id, period: '2017-05', value: 40 },
    ]);
    await t.container.services.territories.upsertPopulation(systemActor('test'), d(2).id, 2016, {
      total: 3000,
      source: 'Explorer test, unverified copy',
      flag: 'unverified',
    });
    const body = {
      query: {
        items: [suspicious.code],
        territories: { ids: [d(2).id], mode: 'selected' },
        periods: { type: 'year', from: '2015', to: '2017' },
      },
      layout: { rows: ['territory'], columns: ['period'] },
      locale: 'en',
    };
    const csv = await analyst.request('POST', '/api/v1/explorer/export?format=csv', body);
    expect(csv.statusCode, csv.body).toBe(200);
    const rows: string[][] = parse(csv.rawPayload.subarray(3).toString('utf8'), {
      relax_column_count: true,
      skip_empty_lines: true,
    });
    const lines = rows.map((r) => r[0] ?? '');
    expect(lines).toContain('Latest data: 2017');
    expect(lines.some((l) => l.startsWith('(e) on an estimated population figure: estimate: '))).toBe(true);
    expect(lines).toContain(
      '(f) on a flagged population figure: unverified figure (its origin could not be traced)',
    );
    const table = rows.at(-1) ?? [];
    // A label a spreadsheet would run as a formula is written as text.
    expect(table.slice(0, 2)).toEqual([d(2).name.en, `'=HYPERLINK("http://x") (per 100,000 population)`]);
    // 2015: nothing reported; 2016: on the flagged figure, one decimal as the indicator says; 2017: estimated.
    expect(table[2]).toBe('');
    const rate2016 = (30 / 3000) * 100000;
    expect(table[3]).toBe(`${rate2016.toFixed(1)} (f)`);
    expect(table[4]).toMatch(/^\d+\.\d \(e\)\(f\)$/);

    const xlsx = await analyst.request('POST', '/api/v1/explorer/export?format=xlsx', {
      ...body,
      locale: 'ky',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const firstCells = sheet.getColumn(1).values.map((v) => (typeof v === 'string' ? v : ''));
    const last = sheet.getRow(sheet.rowCount);
    // The figure stays a number; the marker is in its format, the legend in Kyrgyz above the table.
    expect(last.getCell(4).value).toBeCloseTo(rate2016, 6);
    expect(last.getCell(4).numFmt).toBe('#,##0.0" (f)"');
    expect(firstCells.some((v) => v.startsWith('(f) калктын белгиленген саны боюнча'))).toBe(true);
  });

  it('says when figures rest on synthetic demonstration values', async () => {
    const body = {
      items: [stock.code],
      territories: { ids: [oblast.id], mode: 'selected' },
      periods: { type: 'quarter', from: '2014Q1', to: '2014Q1' },
    };
    expect((await query(analyst, body)).containsSynthetic).toBe(false);
    // Demo data are written by the demo seeder in bulk; here one stored value is marked directly.
    await sql`update data_value set is_synthetic = true where data_element_id = ${stock.id} and period = '2014-01'`.execute(
      t.container.database.db,
    );
    expect((await query(analyst, body)).containsSynthetic).toBe(true);
  });

  it('computes an oblast rate as sum(numerators) / sum(denominators) for any district figures', async () => {
    const num = await buildExplorerElement(t, agencyId);
    const den = await buildExplorerElement(t, agencyId);
    const rate = await buildExplorerIndicator(t, `#{${num.code}} / #{${den.code}} * 100`);
    const figure = fc.integer({ min: 0, max: 10_000 });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(figure, fc.integer({ min: 1, max: 10_000 })), {
          minLength: 1,
          maxLength: districts.length,
        }),
        async (pairs) => {
          // A fresh month per run, so earlier runs leave nothing behind.
          run++;
          const period = `${2000 + Math.floor(run / 12)}-${String((run % 12) + 1).padStart(2, '0')}`;
          await writeValues(
            t,
            pairs.flatMap(([n, dn], i) => [
              { dataElementId: num.id, territoryId: d(i).id, period, value: n },
              { dataElementId: den.id, territoryId: d(i).id, period, value: dn },
            ]),
          );
          const result = await query(analyst, {
            items: [rate.code],
            territories: { ids: [oblast.id], mode: 'selected' },
            periods: { type: 'month', from: period, to: period },
          });
          const expected =
            (pairs.reduce((s, [n]) => s + n, 0) / pairs.reduce((s, [, dn]) => s + dn, 0)) * 100;
          expect(result.cells[0]?.value).toBeCloseTo(expected, 9);
        },
      ),
      { numRuns: 15 },
    );
  });
});
