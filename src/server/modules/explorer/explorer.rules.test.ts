import { describe, expect, it } from 'vitest';
import type { ExplorerTable } from '#shared/contracts/explorer.contract';
import { effectiveLayout, pivot, swapLayout } from '#shared/domain/explorer-pivot';
import {
  bucketOf,
  canRollUp,
  dateRange,
  exportGrid,
  figureCount,
  isPartial,
  lastStoredMonthIndex,
  lastYearOf,
  reportingPairs,
  resolvePeriods,
  rollUpPairs,
  shownTerritories,
  storedPeriodsPer,
  versionAt,
} from './explorer.rules';

const name = (en: string) => ({ ky: en, ru: en, en });

/** country → oblast o → districts d1, d2; oblast p without children. */
const tree = [
  { id: 'kg', parentId: null },
  { id: 'o', parentId: 'kg' },
  { id: 'p', parentId: 'kg' },
  { id: 'd1', parentId: 'o' },
  { id: 'd2', parentId: 'o' },
];

const result = (over: Partial<ExplorerTable> = {}): ExplorerTable => ({
  cells: [
    {
      item: 'a',
      territoryId: 'd1',
      period: '2024-01',
      option: null,
      value: 1,
      partial: false,
      lastYearValue: 5,
      lastYearPartial: false,
    },
    {
      item: 'a',
      territoryId: 'd1',
      period: '2024-02',
      option: null,
      value: 2,
      partial: true,
      lastYearValue: null,
      lastYearPartial: false,
    },
    {
      item: 'a',
      territoryId: 'd2',
      period: '2024-01',
      option: null,
      value: null,
      partial: false,
      lastYearValue: null,
      lastYearPartial: false,
    },
    {
      item: 'a',
      territoryId: 'd2',
      period: '2024-02',
      option: null,
      value: 4,
      partial: false,
      lastYearValue: 3,
      lastYearPartial: true,
    },
  ],
  items: [{ code: 'a', kind: 'element', name: name('A'), unit: 'cases', decimals: 0 }],
  territories: [
    { id: 'd1', name: name('One'), level: 'district', parentId: 'o' },
    { id: 'd2', name: name('Two'), level: 'district', parentId: 'o' },
  ],
  periods: ['2024-01', '2024-02'],
  periodType: 'month',
  options: [],
  samePeriodLastYear: false,
  approvedOnly: false,
  containsSynthetic: false,
  ...over,
});

describe('periods of a query', () => {
  it('lists a range, refusing reversed, mixed-type and too long ones', () => {
    expect(resolvePeriods({ type: 'quarter', from: '2023Q4', to: '2024Q2' }, null)).toEqual({
      ok: true,
      periods: ['2023Q4', '2024Q1', '2024Q2'],
    });
    expect(resolvePeriods({ type: 'month', from: '2024-03', to: '2024-01' }, null)).toMatchObject({
      ok: false,
      problem: { field: 'periods.to', message: { key: 'explorer.to_before_from' } },
    });
    expect(resolvePeriods({ type: 'month', from: '2024', to: '2024-01' }, null)).toMatchObject({
      ok: false,
      problem: { field: 'periods.from', message: { key: 'explorer.period_wrong_type' } },
    });
    expect(resolvePeriods({ type: 'month', from: '2000-01', to: '2024-01' }, null)).toMatchObject({
      ok: false,
      problem: { field: 'periods', message: { key: 'explorer.too_many_periods' } },
    });
    expect(resolvePeriods({ type: 'month', from: '2024-01' }, null)).toMatchObject({ ok: false });
  });

  it('ends relative periods at the given period, else at the latest data, else has none', () => {
    expect(resolvePeriods({ type: 'month', last: 3, endingAt: '2024-02' }, '2020-01-01')).toEqual({
      ok: true,
      periods: ['2023-12', '2024-01', '2024-02'],
    });
    expect(resolvePeriods({ type: 'quarter', last: 2 }, '2024-05-01')).toEqual({
      ok: true,
      periods: ['2024Q1', '2024Q2'],
    });
    expect(resolvePeriods({ type: 'year', last: 12 }, null)).toEqual({ ok: true, periods: [] });
    expect(resolvePeriods({ type: 'month', last: 2, from: '2024-01' }, null)).toMatchObject({ ok: false });
  });

  it('finds the same period last year and the dates to read', () => {
    expect(lastYearOf('2024-03')).toBe('2023-03');
    expect(lastYearOf('2024Q1')).toBe('2023Q1');
    expect(lastYearOf('2024')).toBe('2023');
    expect(dateRange(['2024-01', '2024-02'], false)).toEqual({ from: '2024-01-01', to: '2024-02-29' });
    expect(dateRange(['2024Q1', '2024Q2'], true)).toEqual({ from: '2023-01-01', to: '2024-06-30' });
    expect(dateRange([], true)).toBeNull();
  });

  it('groups stored periods into coarser shown ones only', () => {
    expect(bucketOf('2024-05', 'quarter')).toBe('2024Q2');
    expect(bucketOf('2024Q3', 'year')).toBe('2024');
    expect(canRollUp('month', 'year')).toBe(true);
    expect(canRollUp('year', 'month')).toBe(false);
    expect(storedPeriodsPer('month', 'quarter')).toBe(3);
    expect(storedPeriodsPer('quarter', 'year')).toBe(4);
  });
});

describe('territories of a query', () => {
  it('shows the selection or its children, without repeats', () => {
    expect(shownTerritories(['o', 'd1', 'o'], 'selected', tree)).toEqual(['o', 'd1']);
    expect(shownTerritories(['kg', 'o'], 'children', tree)).toEqual(['o', 'p', 'd1', 'd2']);
  });

  it('pairs every territory below a shown one with it, the shown one included', () => {
    const { leafIds, shownIds } = rollUpPairs(['o', 'd1'], tree);
    const pairs = leafIds.map((leaf, i) => `${leaf}>${shownIds[i]}`).sort();
    expect(pairs).toEqual(['d1>d1', 'd1>o', 'd2>o', 'o>o']);
  });
});

describe('formula versions and partial figures', () => {
  const version = (n: number, validFrom: string, validTo: string | null) => ({
    version: n,
    formula: `${n}`,
    validFrom,
    validTo,
    createdAt: '2024-01-01T00:00:00.000Z',
  });
  it('picks the version valid on a day', () => {
    const versions = [version(1, '2015-01-01', '2023-12-31'), version(2, '2024-01-01', null)];
    expect(versionAt(versions, '2014-12-01')).toBeNull();
    expect(versionAt(versions, '2023-12-01')?.version).toBe(1);
    expect(versionAt(versions, '2024-01-01')?.version).toBe(2);
  });

  it('calls a figure partial when a cell, a reporting territory or a period is missing', () => {
    const row = { periodCount: 3, minLeaves: 2, complete: true, lastMonthIndex: null };
    const expected = { periods: 3, leaves: 2, lastMonthIndex: null };
    expect(isPartial(row, expected)).toBe(false);
    expect(isPartial({ ...row, periodCount: 2 }, expected)).toBe(true);
    expect(isPartial({ ...row, minLeaves: 1 }, expected)).toBe(true);
    expect(isPartial({ ...row, complete: false }, expected)).toBe(true);
    // 'last' over time: only the shown period's last stored period counts, whole.
    const december = lastStoredMonthIndex('2023', 'month', 'year');
    expect(december).toBe(2023 * 12 + 11);
    const last = { ...expected, lastMonthIndex: december };
    expect(isPartial({ ...row, periodCount: 1, lastMonthIndex: december }, last)).toBe(false);
    expect(isPartial({ ...row, lastMonthIndex: december - 1 }, last)).toBe(true);
    expect(isPartial({ ...row, lastMonthIndex: december, complete: false }, last)).toBe(true);
    expect(lastStoredMonthIndex('2024Q2', 'month', 'quarter')).toBe(2024 * 12 + 5);
    expect(lastStoredMonthIndex('2024', 'quarter', 'year')).toBe(2024 * 12 + 9);
  });

  it('rolls up only the territories that report each group, and counts what each shown one expects', () => {
    // Group 0: reported by territories without children; group 1: by oblast (p has no children: its own).
    const { leafIds, shownIds, groups, expectedLeaves } = reportingPairs(['kg', 'o'], tree, [
      new Set(['p', 'd1', 'd2']),
      new Set(['o', 'p']),
    ]);
    const pairs = leafIds.map((leaf, i) => `${groups[i]}:${leaf}>${shownIds[i]}`).sort();
    expect(pairs).toEqual(['0:d1>kg', '0:d1>o', '0:d2>kg', '0:d2>o', '0:p>kg', '1:o>kg', '1:o>o', '1:p>kg']);
    expect([...(expectedLeaves[0] ?? [])]).toEqual([
      ['kg', 3],
      ['o', 2],
    ]);
    expect([...(expectedLeaves[1] ?? [])]).toEqual([
      ['kg', 2],
      ['o', 1],
    ]);
  });

  it('counts the figures of a query', () => {
    // A split item (6 options and the total) and an unsplit one, 56 territories, 120 months.
    expect(figureCount([7, 1], 56, 120)).toBe(53_760);
  });
});

describe('pivot', () => {
  it('puts dimensions on rows and columns and finds each value', () => {
    const table = pivot(result(), { rows: ['territory'], columns: ['period'] });
    expect(table.rowDimensions).toEqual(['territory', 'item']);
    expect(table.columns.map((c) => c.map((k) => k.key))).toEqual([['2024-01'], ['2024-02']]);
    expect(table.values.map((r) => r.map((v) => (v === null ? 'none' : v.value)))).toEqual([
      [1, 2],
      [null, 4],
    ]);
    expect(table.values[0]?.[1]?.partial).toBe(true);
  });

  it('swaps rows and columns', () => {
    const layout = { rows: ['territory' as const], columns: ['period' as const, 'item' as const] };
    expect(swapLayout(layout)).toEqual({ rows: ['period', 'item'], columns: ['territory'] });
    const swapped = pivot(result(), swapLayout(layout));
    expect(swapped.values.map((r) => r.map((v) => v?.value))).toEqual([
      [1, null],
      [2, 4],
    ]);
  });

  it('adds a measure dimension for "same period last year" and drops dimensions with one key', () => {
    const withLastYear = result({ samePeriodLastYear: true });
    expect(effectiveLayout(withLastYear, { rows: ['territory', 'option'], columns: ['period'] })).toEqual({
      rows: ['territory', 'item', 'measure'],
      columns: ['period'],
    });
    const table = pivot(withLastYear, { rows: ['territory', 'measure'], columns: ['period'] });
    expect(table.values.map((r) => r.map((v) => v?.value))).toEqual([
      [1, 2],
      [5, null],
      [null, 4],
      [null, 3],
    ]);
  });

  it('lays an export grid out with localised headers and labels', () => {
    const grid = exportGrid(result(), { rows: ['territory'], columns: ['period', 'item'] }, 'en');
    expect(grid.headerLines).toEqual([
      ['', 'January 2024', 'February 2024'],
      ['Territory', 'A (cases)', 'A (cases)'],
    ]);
    // Units and periods are written in the export's language.
    expect(
      exportGrid(result(), { rows: ['territory'], columns: ['period', 'item'] }, 'ky').headerLines,
    ).toEqual([
      ['', '2024-ж. январь', '2024-ж. февраль'],
      ['Аймак', 'A (учур)', 'A (учур)'],
    ]);
    expect(grid.rows[1]).toEqual({
      labels: ['Two'],
      values: [
        { value: null, partial: false, decimals: 0, marker: '' },
        { value: 4, partial: false, decimals: 0, marker: '' },
      ],
    });
  });
});
