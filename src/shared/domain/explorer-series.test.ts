import { describe, expect, it } from 'vitest';
import type { ExplorerResult } from '../contracts/explorer.contract';
import { explorerTable, figureSetBuilder } from './explorer-series';

const official = { method: 'official' as const, isEstimate: false, flag: null };
const interpolated = { method: 'interpolated' as const, isEstimate: true, flag: 'doubtful' as const };
const name = { ky: 'x', ru: 'x', en: 'x' };
const t1 = '00000000-0000-4000-8000-000000000001';
const t2 = '00000000-0000-4000-8000-000000000002';

const resultOf = (series: ExplorerResult['series'], samePeriodLastYear = false): ExplorerResult => ({
  series,
  items: [],
  territories: [t1, t2].map((id) => ({ id, name, level: 'district', parentId: null })),
  periods: ['2025-01', '2025-02'],
  periodType: 'month',
  options: [],
  samePeriodLastYear,
  approvedOnly: false,
  containsSynthetic: false,
});

describe('explorer series', () => {
  it('groups positions by mark and reads them back as one cell per figure', () => {
    const rate = figureSetBuilder(4);
    rate.set(3, { value: 2.5, partial: true, denominator: interpolated });
    rate.set(0, { value: 1, partial: false, denominator: official });
    rate.set(1, { value: null, partial: false, emptyReason: 'no_population' });
    rate.set(2, { value: 3, partial: false, denominator: official });
    const figures = rate.build();
    expect(figures).toEqual({
      values: [1, null, 3, 2.5],
      partial: [3],
      denominators: [
        { denominator: interpolated, at: [3] },
        { denominator: official, at: [0, 2] },
      ],
      empty: [{ reason: 'no_population', at: [1] }],
    });
    const table = explorerTable(resultOf([{ item: 'rate', option: null, figures }]));
    expect(table).not.toHaveProperty('series');
    expect(table.cells).toEqual([
      {
        item: 'rate',
        territoryId: t1,
        period: '2025-01',
        option: null,
        value: 1,
        partial: false,
        lastYearValue: null,
        lastYearPartial: false,
        denominator: official,
      },
      {
        item: 'rate',
        territoryId: t1,
        period: '2025-02',
        option: null,
        value: null,
        partial: false,
        lastYearValue: null,
        lastYearPartial: false,
        emptyReason: 'no_population',
      },
      {
        item: 'rate',
        territoryId: t2,
        period: '2025-01',
        option: null,
        value: 3,
        partial: false,
        lastYearValue: null,
        lastYearPartial: false,
        denominator: official,
      },
      {
        item: 'rate',
        territoryId: t2,
        period: '2025-02',
        option: null,
        value: 2.5,
        partial: true,
        lastYearValue: null,
        lastYearPartial: false,
        denominator: interpolated,
      },
    ]);
  });

  it('interleaves the options of an item by figure, and carries the year-earlier figures when asked', () => {
    const set = (values: Array<number | null>) => {
      const b = figureSetBuilder(values.length);
      values.forEach((value, i) => b.set(i, { value, partial: value === 7 }));
      return b.build();
    };
    const table = explorerTable(
      resultOf(
        [
          { item: 'seized', option: 'heroin', figures: set([1, 2, 3, 4]), lastYear: set([7, null, 0, 0]) },
          { item: 'seized', option: null, figures: set([5, 6, 7, 8]), lastYear: set([9, 9, 9, null]) },
          { item: 'count', option: null, figures: set([0, 0, 0, 1]), lastYear: set([0, 0, 0, 0]) },
        ],
        true,
      ),
    );
    expect(
      table.cells.map((c) => [c.item, c.territoryId === t1 ? 1 : 2, c.period, c.option, c.value]),
    ).toEqual([
      ['seized', 1, '2025-01', 'heroin', 1],
      ['seized', 1, '2025-01', null, 5],
      ['seized', 1, '2025-02', 'heroin', 2],
      ['seized', 1, '2025-02', null, 6],
      ['seized', 2, '2025-01', 'heroin', 3],
      ['seized', 2, '2025-01', null, 7],
      ['seized', 2, '2025-02', 'heroin', 4],
      ['seized', 2, '2025-02', null, 8],
      ['count', 1, '2025-01', null, 0],
      ['count', 1, '2025-02', null, 0],
      ['count', 2, '2025-01', null, 0],
      ['count', 2, '2025-02', null, 1],
    ]);
    expect(table.cells[0]).toMatchObject({ lastYearValue: 7, lastYearPartial: true });
    expect(table.cells[2]).toMatchObject({ lastYearValue: null, lastYearEmptyReason: 'no_value' });
    expect(table.cells[5]).toMatchObject({
      value: 7,
      partial: true,
      lastYearValue: 9,
      lastYearPartial: false,
    });
  });
});
