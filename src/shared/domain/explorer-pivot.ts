import type {
  ExplorerCell,
  ExplorerDenominator,
  ExplorerEmptyReason,
  ExplorerDimension,
  ExplorerLayout,
  ExplorerTable,
} from '../contracts/explorer.contract';

/**
 * Turns the flat cells of an explorer result into a pivot table. Pure and shared: the web page draws it and
 * the server's CSV/XLSX export writes the very same table, so what is downloaded is what was seen.
 */

/** A key of one dimension: an item code, a territory id, a period id, an option code ('' = total), a measure. */
export type PivotKey = { dimension: ExplorerDimension; key: string };
export type PivotValue = {
  value: number | null;
  partial: boolean;
  item: string;
  /** What the figure's population rests on, and why it is empty (of the measure shown: value or year earlier). */
  denominator?: ExplorerDenominator;
  emptyReason?: ExplorerEmptyReason;
};
export type PivotTable = {
  rowDimensions: ExplorerDimension[];
  columnDimensions: ExplorerDimension[];
  /** One entry per row: the key of each row dimension, in order. */
  rows: PivotKey[][];
  columns: PivotKey[][];
  /** values[row][column]; null where the result has no cell at all. */
  values: (PivotValue | null)[][];
};

export const totalOptionKey = '';
export const measureKeys = { value: 'value', lastYear: 'lastYear' } as const;

/** The keys of each dimension in display order (metadata order, so the table follows the query). */
export function dimensionKeys(result: ExplorerTable): Record<ExplorerDimension, string[]> {
  const hasTotal = result.cells.some((c) => c.option === null);
  const optionKeys = result.options.map((o) => o.code);
  return {
    item: result.items.map((i) => i.code),
    territory: result.territories.map((t) => t.id),
    period: result.periods,
    option: hasTotal || optionKeys.length === 0 ? [...optionKeys, totalOptionKey] : optionKeys,
    measure: result.samePeriodLastYear ? [measureKeys.value, measureKeys.lastYear] : [measureKeys.value],
  };
}

/**
 * The layout actually drawn: item, territory and period are always shown; option and measure only when they
 * have more than one key. A dimension left out of both lists goes to the rows; repeats are dropped.
 */
export function effectiveLayout(result: ExplorerTable, layout: ExplorerLayout): ExplorerLayout {
  const keys = dimensionKeys(result);
  const active = (d: ExplorerDimension) =>
    d === 'item' || d === 'territory' || d === 'period' || keys[d].length > 1;
  const seen = new Set<ExplorerDimension>();
  const keep = (list: readonly ExplorerDimension[]) =>
    list.filter((d) => {
      if (!active(d) || seen.has(d)) return false;
      seen.add(d);
      return true;
    });
  const rows = keep(layout.rows);
  const columns = keep(layout.columns);
  const all: ExplorerDimension[] = ['item', 'territory', 'period', 'option', 'measure'];
  for (const d of all) if (active(d) && !seen.has(d)) rows.push(d);
  return { rows, columns };
}

/** Rows and columns swapped. */
export function swapLayout(layout: ExplorerLayout): ExplorerLayout {
  return { rows: [...layout.columns], columns: [...layout.rows] };
}

function product(
  dimensions: readonly ExplorerDimension[],
  keys: Record<ExplorerDimension, string[]>,
): PivotKey[][] {
  let combos: PivotKey[][] = [[]];
  for (const dimension of dimensions) {
    const next: PivotKey[][] = [];
    for (const combo of combos) for (const key of keys[dimension]) next.push([...combo, { dimension, key }]);
    combos = next;
  }
  return combos;
}

const cellKey = (item: string, territory: string, period: string, option: string) =>
  `${item}\u0001${territory}\u0001${period}\u0001${option}`;

/** Builds the pivot table of a result for a layout (normalised with {@link effectiveLayout}). */
export function pivot(result: ExplorerTable, layout: ExplorerLayout): PivotTable {
  const { rows: rowDimensions, columns: columnDimensions } = effectiveLayout(result, layout);
  const keys = dimensionKeys(result);
  const index = new Map<string, ExplorerCell>();
  for (const cell of result.cells)
    index.set(cellKey(cell.item, cell.territoryId, cell.period, cell.option ?? totalOptionKey), cell);
  const rows = product(rowDimensions, keys);
  const columns = product(columnDimensions, keys);
  const pick = (combo: PivotKey[], dimension: ExplorerDimension) =>
    combo.find((k) => k.dimension === dimension)?.key;
  const values = rows.map((row) =>
    columns.map((column): PivotValue | null => {
      const both = [...row, ...column];
      const item = pick(both, 'item') ?? keys.item[0] ?? '';
      const cell = index.get(
        cellKey(
          item,
          pick(both, 'territory') ?? keys.territory[0] ?? '',
          pick(both, 'period') ?? keys.period[0] ?? '',
          pick(both, 'option') ?? keys.option[0] ?? totalOptionKey,
        ),
      );
      if (!cell) return null;
      return pick(both, 'measure') === measureKeys.lastYear
        ? {
            value: cell.lastYearValue,
            partial: cell.lastYearPartial,
            item,
            ...(cell.lastYearDenominator ? { denominator: cell.lastYearDenominator } : {}),
            ...(cell.lastYearEmptyReason ? { emptyReason: cell.lastYearEmptyReason } : {}),
          }
        : {
            value: cell.value,
            partial: cell.partial,
            item,
            ...(cell.denominator ? { denominator: cell.denominator } : {}),
            ...(cell.emptyReason ? { emptyReason: cell.emptyReason } : {}),
          };
    }),
  );
  return { rowDimensions, columnDimensions, rows, columns, values };
}
