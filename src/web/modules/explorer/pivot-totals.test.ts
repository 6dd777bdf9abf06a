import { describe, expect, it } from 'vitest';
import type { PivotKey, PivotTable, PivotValue } from '#shared/domain/explorer-pivot';
import { pivotTotals, type ItemAggregation } from './pivot-totals';

const territories = [
  { id: 'a', level: 'district' as const },
  { id: 'b', level: 'district' as const },
  { id: 'kg', level: 'country' as const },
].map((t) => ({ ...t, name: { ky: t.id, ru: t.id, en: t.id }, parentId: null }));

const aggregation: ItemAggregation = new Map([
  ['crimes', { aggregationTime: 'sum', aggregationTerritory: 'sum' }],
  ['observed', { aggregationTime: 'last', aggregationTerritory: 'sum' }],
]);

const key = (dimension: PivotKey['dimension'], k: string): PivotKey => ({ dimension, key: k });
const v = (value: number | null, item = 'crimes', partial = false): PivotValue => ({ value, partial, item });

/** Territories down, periods across, one item. */
const table = (item: string, ids = ['a', 'b'], values: (PivotValue | null)[][]): PivotTable => ({
  rowDimensions: ['territory'],
  columnDimensions: ['period'],
  rows: ids.map((id) => [key('territory', id)]),
  columns: ['2025-01', '2025-02'].map((p) => [key('period', p)]),
  values,
});

describe('pivot totals', () => {
  it('adds counts across periods and districts; a missing or partial cell makes the total partial', () => {
    const totals = pivotTotals(
      table(
        'crimes',
        ['a', 'b'],
        [
          [v(3), v(4)],
          [v(5), null],
        ],
      ),
      { territories },
      aggregation,
    );
    expect(totals.rows).toEqual([
      { value: 7, partial: false, addable: true },
      { value: 5, partial: true, addable: true },
    ]);
    expect(totals.columns).toEqual([
      { value: 8, partial: false, addable: true },
      { value: 4, partial: true, addable: true },
    ]);
    expect(totals.grand).toEqual({ value: 12, partial: true, addable: true });
  });

  it('does not add a stock over time, but does over districts', () => {
    const totals = pivotTotals(
      table(
        'observed',
        ['a', 'b'],
        [
          [v(10, 'observed'), v(11, 'observed')],
          [v(20, 'observed'), v(21, 'observed')],
        ],
      ),
      { territories },
      aggregation,
    );
    expect(totals.rows.every((t) => !t.addable && t.value === null)).toBe(true);
    expect(totals.columns.map((t) => t.value)).toEqual([30, 32]);
    expect(totals.grand.addable).toBe(false);
  });

  it('never adds a country to its districts, an indicator, or two items', () => {
    const nested = pivotTotals(
      table(
        'crimes',
        ['a', 'kg'],
        [
          [v(1), v(2)],
          [v(9), v(9)],
        ],
      ),
      { territories },
      aggregation,
    );
    expect(nested.columns.every((t) => !t.addable)).toBe(true);
    expect(nested.rows.map((t) => t.value)).toEqual([3, 18]);

    const rate = pivotTotals(
      table(
        'rate',
        ['a', 'b'],
        [
          [v(1.5, 'rate'), v(2, 'rate')],
          [null, null],
        ],
      ),
      {
        territories,
      },
      aggregation,
    );
    expect(rate.rows[0]).toEqual({ value: null, partial: false, addable: false });

    const mixed: PivotTable = {
      rowDimensions: ['item'],
      columnDimensions: ['period'],
      rows: [[key('item', 'crimes')], [key('item', 'observed')]],
      columns: [[key('period', '2025-01')]],
      values: [[v(1)], [v(2, 'observed')]],
    };
    expect(pivotTotals(mixed, { territories }, aggregation).columns[0]?.addable).toBe(false);
  });
});
