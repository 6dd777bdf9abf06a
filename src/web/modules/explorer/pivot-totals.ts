import type { ExplorerDimension, ExplorerTable } from '#shared/contracts/explorer.contract';
import {
  totalOptionKey,
  type PivotKey,
  type PivotTable,
  type PivotValue,
} from '#shared/domain/explorer-pivot';

/** How each data element adds up (from the catalogue); an item not listed (an indicator) never adds up. */
export type ItemAggregation = ReadonlyMap<
  string,
  { aggregationTime: 'sum' | 'average' | 'last'; aggregationTerritory: 'sum' | 'average' | 'last' }
>;

/** A total: the sum, or null when the cells cannot be added (see {@link pivotTotals}). */
export type PivotTotal = { value: number | null; partial: boolean; addable: boolean };

export type PivotTotals = {
  /** One per row: the sum across the columns. */
  rows: PivotTotal[];
  /** One per column: the sum down the rows. */
  columns: PivotTotal[];
  grand: PivotTotal;
};

const depth: Record<string, number> = {
  country: 0,
  oblast: 1,
  city_republican: 1,
  district: 2,
  city_oblast: 2,
};

/**
 * Totals of a pivot table's rows and columns, summed only where a sum means something:
 * - one item only (kilograms and cases, or a count and its rate, are never added), and a data element
 *   (a derived indicator such as a rate per 100,000 is not additive);
 * - across periods only for elements summed over time (a stock such as people under observation is not),
 *   across territories only for elements summed over territories, and only territories of one level (a
 *   country and its districts would count twice);
 * - across options only when the "Total" option is not among them; never across "value" and "last year".
 * A total over cells where some are missing or partial is partial; with no value at all it is null.
 */
export function pivotTotals(
  table: PivotTable,
  result: Pick<ExplorerTable, 'territories'>,
  aggregation: ItemAggregation,
): PivotTotals {
  const levelOf = new Map(result.territories.map((t) => [t.id, depth[t.level] ?? -1]));
  const canSumOver = (dimension: ExplorerDimension, keys: ReadonlySet<string>, item: string): boolean => {
    if (keys.size <= 1) return true;
    const rule = aggregation.get(item);
    switch (dimension) {
      case 'item':
      case 'measure':
        return false;
      case 'period':
        return rule?.aggregationTime === 'sum';
      case 'territory':
        return (
          rule?.aggregationTerritory === 'sum' &&
          new Set([...keys].map((k) => levelOf.get(k) ?? -1)).size === 1
        );
      case 'option':
        return !keys.has(totalOptionKey);
    }
  };

  const total = (cells: ReadonlyArray<{ keys: PivotKey[]; value: PivotValue | null }>): PivotTotal => {
    const present = cells.flatMap((c) => (c.value && c.value.value !== null ? [c.value] : []));
    const items = new Set(cells.flatMap((c) => (c.value ? [c.value.item] : [])));
    const [item] = items;
    if (items.size !== 1 || item === undefined || !aggregation.has(item))
      return { value: null, partial: false, addable: false };
    const keysOf = new Map<ExplorerDimension, Set<string>>();
    for (const { keys } of cells)
      for (const k of keys) keysOf.set(k.dimension, (keysOf.get(k.dimension) ?? new Set()).add(k.key));
    for (const [dimension, keys] of keysOf)
      if (!canSumOver(dimension, keys, item)) return { value: null, partial: false, addable: false };
    if (present.length === 0) return { value: null, partial: false, addable: true };
    return {
      value: present.reduce((sum, v) => sum + (v.value ?? 0), 0),
      partial: present.length < cells.length || present.some((v) => v.partial),
      addable: true,
    };
  };

  const cell = (r: number, c: number) => ({
    keys: [...(table.rows[r] ?? []), ...(table.columns[c] ?? [])],
    value: table.values[r]?.[c] ?? null,
  });
  const columnIndexes = table.columns.map((_, c) => c);
  const rowIndexes = table.rows.map((_, r) => r);
  return {
    rows: rowIndexes.map((r) => total(columnIndexes.map((c) => cell(r, c)))),
    columns: columnIndexes.map((c) => total(rowIndexes.map((r) => cell(r, c)))),
    grand: total(rowIndexes.flatMap((r) => columnIndexes.map((c) => cell(r, c)))),
  };
}
