import type { IndicatorVersion } from '#shared/contracts/catalogue.contract';
import type {
  ExplorerDimension,
  ExplorerLayout,
  ExplorerPeriods,
  ExplorerTable,
} from '#shared/contracts/explorer.contract';
import { measureKeys, pivot, totalOptionKey, type PivotKey } from '#shared/domain/explorer-pivot';
import type { Locale } from '#shared/domain/locale';
import { markerOf } from './explorer-export.rules';
import { formatPeriodLabel } from '#shared/format/locale-format';
import { msg, unitName } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';
import {
  containingPeriod,
  formatPeriod,
  lastNPeriods,
  parsePeriod,
  periodOfDate,
  periodsBetween,
  periodStart,
  periodEnd,
  samePeriodLastYear,
  toPeriod,
  type PeriodType,
} from '#shared/domain/period';

/**
 * Pure rules of the data explorer: which periods a query covers, which stored territories roll up into which
 * shown territory, which formula version applies, and when an
 * aggregated figure is partial.
 */

/** Why the periods of a query are refused: the field at fault and the sentence as a catalogue message. */
export type PeriodProblem = { field: string; message: Message };
export type ResolvedPeriods = { ok: true; periods: string[] } | { ok: false; problem: PeriodProblem };

/** The largest number of periods one query may show (ten years of months, twice, with room to spare). */
export const maxExplorerPeriods = 240;

/**
 * The periods of a query. A range needs `from` and `to` of the query's type; relative periods need `last` and
 * end at `endingAt`, else at the period containing `latestDataDate` (the latest data of the items); with no
 * data at all a relative query has no periods.
 */
export function resolvePeriods(spec: ExplorerPeriods, latestDataDate: string | null): ResolvedPeriods {
  const fail = (field: string, message: Message): ResolvedPeriods => ({
    ok: false,
    problem: { field, message },
  });
  const ofType = (field: 'from' | 'to' | 'endingAt', text: string) => {
    const parsed = parsePeriod(text);
    if (!parsed.ok) return fail(`periods.${field}`, msg('period.invalid', { text, reason: parsed.code }));
    if (parsed.value.type !== spec.type)
      return fail(`periods.${field}`, msg('explorer.period_wrong_type', { text, periodType: spec.type }));
    return parsed.value;
  };
  if (spec.last !== undefined) {
    if (spec.from !== undefined || spec.to !== undefined)
      return fail('periods', msg('explorer.range_and_last'));
    let end;
    if (spec.endingAt !== undefined) {
      const parsed = ofType('endingAt', spec.endingAt);
      if ('ok' in parsed) return parsed;
      end = parsed;
    } else if (latestDataDate !== null) {
      end = periodOfDate(latestDataDate, spec.type);
    } else {
      return { ok: true, periods: [] };
    }
    return { ok: true, periods: lastNPeriods(spec.type, spec.last, end).map(formatPeriod) };
  }
  if (spec.from === undefined || spec.to === undefined)
    return fail('periods', msg('explorer.range_required'));
  const from = ofType('from', spec.from);
  if ('ok' in from) return from;
  const to = ofType('to', spec.to);
  if ('ok' in to) return to;
  const periods = periodsBetween(from, to).map(formatPeriod);
  if (periods.length === 0)
    return fail('periods.to', msg('explorer.to_before_from', { from: spec.from, to: spec.to }));
  if (periods.length > maxExplorerPeriods)
    return fail(
      'periods',
      msg('explorer.too_many_periods', { count: periods.length, max: maxExplorerPeriods }),
    );
  return { ok: true, periods };
}

/** The same period one year earlier, as an id. */
export const lastYearOf = (period: string): string => formatPeriod(samePeriodLastYear(toPeriod(period)));

/** The period's first month counted as year × 12 + month − 1 (the aggregate query's period key). */
export function monthIndexOf(period: string): number {
  const parsed = toPeriod(period);
  const month =
    parsed.type === 'month' ? parsed.month : parsed.type === 'quarter' ? parsed.quarter * 3 - 2 : 1;
  return parsed.year * 12 + month - 1;
}

/** First and last day covered by a list of periods (and, with `withLastYear`, their year-earlier twins). */
export function dateRange(
  periods: readonly string[],
  withLastYear: boolean,
): { from: string; to: string } | null {
  const first = periods[0];
  const last = periods.at(-1);
  if (first === undefined || last === undefined) return null;
  const from = withLastYear ? lastYearOf(first) : first;
  return { from: periodStart(toPeriod(from)), to: periodEnd(toPeriod(last)) };
}

const rank: Record<PeriodType, number> = { month: 0, quarter: 1, year: 2 };
const months: Record<PeriodType, number> = { month: 1, quarter: 3, year: 12 };

/** Whether values stored per `stored` period can be shown per `shown` period (a year cannot be split into months). */
export const canRollUp = (stored: PeriodType, shown: PeriodType): boolean => rank[stored] <= rank[shown];

/** How many stored periods make one shown period: 3 months in a quarter, 4 quarters in a year. */
export const storedPeriodsPer = (stored: PeriodType, shown: PeriodType): number =>
  months[shown] / months[stored];

/** The shown period a stored period falls in (`2024-05` shown by quarter → `2024Q2`). */
export const bucketOf = (storedPeriod: string, shown: PeriodType): string =>
  formatPeriod(containingPeriod(toPeriod(storedPeriod), shown));

export type TerritoryNode = { id: string; parentId: string | null };

/**
 * The territories shown: the selected ones in the given order, or ('children') the direct children of each,
 * without repeats.
 */
export function shownTerritories(
  selected: readonly string[],
  mode: 'selected' | 'children',
  all: readonly TerritoryNode[],
): string[] {
  const result: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      result.push(id);
    }
  };
  for (const id of selected) {
    if (mode === 'selected') add(id);
    else for (const t of all) if (t.parentId === id) add(t.id);
  }
  return result;
}

/**
 * Pairs (stored territory → shown territory): every shown territory collects the values stored at itself and
 * at every territory below it. A territory below two shown ones (a district and its oblast) feeds both.
 */
export function rollUpPairs(
  shown: readonly string[],
  all: readonly TerritoryNode[],
): { leafIds: string[]; shownIds: string[] } {
  const children = new Map<string, string[]>();
  for (const t of all) {
    if (t.parentId === null) continue;
    const list = children.get(t.parentId) ?? [];
    list.push(t.id);
    children.set(t.parentId, list);
  }
  const leafIds: string[] = [];
  const shownIds: string[] = [];
  for (const root of shown) {
    const stack = [root];
    const visited = new Set<string>();
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (visited.has(id)) continue;
      visited.add(id);
      leafIds.push(id);
      shownIds.push(root);
      stack.push(...(children.get(id) ?? []));
    }
  }
  return { leafIds, shownIds };
}

/** The formula version valid on a day, or null before the first version (or after a closed last one). */
export function versionAt(versions: readonly IndicatorVersion[], date: string): IndicatorVersion | null {
  return versions.find((v) => v.validFrom <= date && (v.validTo === null || v.validTo >= date)) ?? null;
}

/**
 * What a figure was made of: stored periods with a value, the fewest reporting territories with a value in
 * any of them (in the one used, for 'last' over time), whether every value had all its disaggregation cells,
 * and for 'last' the first month of the period used.
 */
export type Coverage = {
  periodCount: number;
  minLeaves: number;
  complete: boolean;
  lastMonthIndex: number | null;
};

/** What a complete figure is made of, from the catalogue and the territory tree alone (never from the data). */
export type ExpectedParts = {
  /** Stored periods in the shown one (3 months in a quarter). */
  periods: number;
  /** Territories that report the element in or below the shown territory. */
  leaves: number;
  /** 'last' over time: the first month of the shown period's last stored period; null otherwise. */
  lastMonthIndex: number | null;
};

/**
 * Whether an aggregated figure lacks an expected part: a disaggregation cell, a reporting territory, or a
 * period. Expected parts come from the catalogue and the territory tree, so the verdict on a figure does not
 * depend on the range asked for. A 'last' figure needs only the shown period's last stored period (a stock
 * at the end of the quarter), whole.
 */
export function isPartial(row: Coverage, expected: ExpectedParts): boolean {
  if (!row.complete || row.minLeaves < expected.leaves) return true;
  return expected.lastMonthIndex === null
    ? row.periodCount < expected.periods
    : row.lastMonthIndex !== expected.lastMonthIndex;
}

/** The first month (year × 12 + month − 1) of the last stored period of `stored` type within a shown period. */
export const lastStoredMonthIndex = (shownPeriod: string, stored: PeriodType, shown: PeriodType): number =>
  monthIndexOf(shownPeriod) + months[shown] - months[stored];

/**
 * The (stored territory → shown territory) pairs of each reporting group: `rollUpPairs` kept to the
 * territories that report the group's elements, so a value stored anywhere else (an oblast figure of an
 * element reported by districts) is never added on top of the figures it sums. Also how many reporting
 * territories each shown territory expects per group.
 */
export function reportingPairs(
  shown: readonly string[],
  all: readonly TerritoryNode[],
  reporting: ReadonlyArray<ReadonlySet<string>>,
): { leafIds: string[]; shownIds: string[]; groups: number[]; expectedLeaves: Array<Map<string, number>> } {
  const pairs = rollUpPairs(shown, all);
  const leafIds: string[] = [];
  const shownIds: string[] = [];
  const groups: number[] = [];
  const expectedLeaves = reporting.map(() => new Map<string, number>());
  reporting.forEach((ids, group) => {
    const expected = expectedLeaves[group] as Map<string, number>;
    pairs.leafIds.forEach((leaf, i) => {
      if (!ids.has(leaf)) return;
      const shownId = pairs.shownIds[i] as string;
      leafIds.push(leaf);
      shownIds.push(shownId);
      groups.push(group);
      expected.set(shownId, (expected.get(shownId) ?? 0) + 1);
    });
  });
  return { leafIds, shownIds, groups, expectedLeaves };
}

/** How many figures a query gives: per item its options (and total) × territories × periods. */
export const figureCount = (
  optionsPerItem: readonly number[],
  territories: number,
  periods: number,
): number => optionsPerItem.reduce((sum, options) => sum + options, 0) * territories * periods;

/** Words of the export headers in each language (the data's own names come from the catalogue). */
export const exportWords: Record<
  Locale,
  { dimensions: Record<ExplorerDimension, string>; total: string; value: string; lastYear: string }
> = {
  en: {
    dimensions: {
      item: 'Item',
      territory: 'Territory',
      period: 'Period',
      option: 'Category',
      measure: 'Measure',
    },
    total: 'Total',
    value: 'Value',
    lastYear: 'Same period last year',
  },
  ru: {
    dimensions: {
      item: 'Показатель',
      territory: 'Территория',
      period: 'Период',
      option: 'Категория',
      measure: 'Мера',
    },
    total: 'Всего',
    value: 'Значение',
    lastYear: 'Тот же период прошлого года',
  },
  ky: {
    dimensions: {
      item: 'Көрсөткүч',
      territory: 'Аймак',
      period: 'Мезгил',
      option: 'Категория',
      measure: 'Өлчөм',
    },
    total: 'Баары',
    value: 'Мааниси',
    lastYear: 'Өткөн жылдын ушул эле мезгили',
  },
};

/** A value of an export: its figure, whether partial, its item's decimals and its marker (`(e)`, `(f)` or ''). */
export type ExportValue = { value: number | null; partial: boolean; decimals: number; marker: string };
/** A pivot laid out as a sheet: header lines (text), then rows of labels followed by values. */
export type ExportGrid = {
  headerLines: string[][];
  rows: Array<{ labels: string[]; values: ExportValue[] }>;
};

/** The pivot of a result, with every key replaced by its name in `locale`, ready for CSV or XLSX. */
export function exportGrid(result: ExplorerTable, layout: ExplorerLayout, locale: Locale): ExportGrid {
  const words = exportWords[locale];
  const table = pivot(result, layout);
  const items = new Map(result.items.map((i) => [i.code, i]));
  const territories = new Map(result.territories.map((t) => [t.id, t.name[locale]]));
  const options = new Map(result.options.map((o) => [o.code, o.name[locale]]));
  const label = (k: PivotKey): string => {
    switch (k.dimension) {
      case 'item': {
        const item = items.get(k.key);
        return item ? `${item.name[locale]} (${unitName(item.unit, locale)})` : k.key;
      }
      case 'territory':
        return territories.get(k.key) ?? k.key;
      case 'period':
        return formatPeriodLabel(k.key, locale);
      case 'option':
        return k.key === totalOptionKey ? words.total : (options.get(k.key) ?? k.key);
      case 'measure':
        return k.key === measureKeys.lastYear ? words.lastYear : words.value;
    }
  };
  const rowHeads = table.rowDimensions.map((d) => words.dimensions[d]);
  const headerLines: string[][] =
    table.columnDimensions.length === 0
      ? [[...rowHeads, words.value]]
      : table.columnDimensions.map((_, level) => [
          ...(level === table.columnDimensions.length - 1 ? rowHeads : rowHeads.map(() => '')),
          ...table.columns.map((column) => label(column[level] as PivotKey)),
        ]);
  const rows = table.rows.map((row, r) => ({
    labels: row.map(label),
    values: (table.values[r] ?? []).map((v): ExportValue => ({
      value: v?.value ?? null,
      partial: v?.partial ?? false,
      decimals: items.get(v?.item ?? '')?.decimals ?? 0,
      marker: v?.value === null || v?.value === undefined ? '' : markerOf(v.denominator),
    })),
  }));
  return { headerLines, rows };
}
