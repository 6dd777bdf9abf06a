import ExcelJS from 'exceljs';
import { writeCsv } from '#server/lib/documents/csv-write';
import type { Catalogue, DataElement, Indicator } from '#shared/contracts/catalogue.contract';
import type {
  ExplorerDenominator,
  ExplorerEmptyReason,
  ExplorerExportRequest,
  ExplorerItemMeta,
  ExplorerQuery,
  ExplorerResult,
  ExplorerSeries,
} from '#shared/contracts/explorer.contract';
import { explorerTable, figureSetBuilder } from '#shared/domain/explorer-series';
import { periodStart, toPeriod, type PeriodType } from '#shared/domain/period';
import type { Transactor } from '#server/db/transaction';
import type { Actor } from '#server/lib/actor';
import { AppError } from '#server/lib/app-error';
import type { CatalogueService } from '../indicators/catalogue.service';
import { evaluate, parseFormula, referencesOf } from '#shared/domain/formula';
import type { FormulaNode } from '#shared/domain/formula.types';
import type { TerritoryService } from '../territories/territory.service';
import {
  createExplorerRepository,
  type ExplorerElementSpec,
  type ExplorerVisibility,
} from './explorer.repository';
import {
  canRollUp,
  dateRange,
  exportGrid,
  figureCount,
  isPartial,
  lastStoredMonthIndex,
  lastYearOf,
  monthIndexOf,
  reportingPairs,
  resolvePeriods,
  shownTerritories,
  storedPeriodsPer,
  versionAt,
  type ExportGrid,
  type TerritoryNode,
} from './explorer.rules';
import { scopeOf } from '#shared/domain/value-scope';
import { populationFieldOf, populationFields, type PopulationField } from '#shared/domain/population';
import type { Locale } from '#shared/domain/locale';
import { msg, renderMessage } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';
import { combineDenominators } from './explorer-denominators.rules';
import { csvFigure, exportPreamble } from './explorer-export.rules';
import { reportingTerritoryIds, type ReportedLevel } from '#shared/domain/reporting';

export type ExplorerService = ReturnType<typeof createExplorerService>;
export type ExplorerFile = { filename: string; contentType: string; data: Buffer };

const invalid = (field: string, message: Message, extra: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', message, { field, ...extra });

/** Decimals of a data element's figures, by value type (indicators carry their own). */
const elementDecimals = (e: DataElement) =>
  e.valueType === 'integer' ? 0 : e.valueType === 'percentage' ? 1 : 2;

/** A figure, with what a rate's population rests on and, when empty, why. */
type Figure = {
  value: number | null;
  partial: boolean;
  denominator: ExplorerDenominator | undefined;
  emptyReason: ExplorerEmptyReason | undefined;
};
/**
 * Every figure is made here, with its fields in one order: a query makes one per figure, and code that reads
 * objects of a single shape runs several times faster than code that meets many.
 */
const figure = (
  value: number | null,
  partial: boolean,
  denominator?: ExplorerDenominator,
  emptyReason?: ExplorerEmptyReason,
): Figure => ({ value, partial, denominator, emptyReason });
const noFigure = figure(null, false, undefined, 'no_value');
const emptyFigure = (emptyReason: ExplorerEmptyReason): Figure => figure(null, false, undefined, emptyReason);

/** The default of `maxCells` (KUZOT_EXPLORER_MAX_CELLS). */
const defaultMaxCells = 200_000;

/** Disaggregation cells of an element's combination: the product of its categories' option counts. */
function cellsOf(element: DataElement, catalogue: Catalogue): number {
  const combo = catalogue.categoryCombos.find((c) => c.id === element.categoryComboId);
  return (combo?.categoryIds ?? []).reduce(
    (product, id) => product * (catalogue.categories.find((c) => c.id === id)?.options.length ?? 1),
    1,
  );
}

/**
 * Every element an item needs: itself, or for an indicator the inputs of all its formula versions, through
 * other indicators (the catalogue refuses cycles; `seen` guards anyway).
 */
function inputsOf(
  code: string,
  elements: ReadonlyMap<string, DataElement>,
  indicators: ReadonlyMap<string, Indicator>,
  found: Set<string>,
  seen = new Set<string>(),
): void {
  if (seen.has(code)) return;
  seen.add(code);
  if (elements.has(code)) {
    found.add(code);
    return;
  }
  for (const version of indicators.get(code)?.versions ?? []) {
    const parsed = parseFormula(version.formula);
    if (parsed.ok)
      for (const ref of referencesOf(parsed.value)) inputsOf(ref, elements, indicators, found, seen);
  }
}

/**
 * The data explorer: figures for items × territories × periods, fresh from the stored values on every query.
 * A territory's figure rolls up everything stored below it; derived indicators are evaluated on the rolled-up
 * inputs (sum of numerators over sum of denominators), never averaged from lower levels.
 */
export function createExplorerService(deps: {
  tx: Transactor;
  catalogue: CatalogueService;
  territories: TerritoryService;
  /** The most figures one query may give (config KUZOT_EXPLORER_MAX_CELLS). */
  maxCells?: number;
}) {
  const maxCells = deps.maxCells ?? defaultMaxCells;
  /** What the actor may see: analysts everything (or approved only); officers approved values plus their scope. */
  function visibilityOf(
    actor: Actor,
    approvedOnly: boolean,
    catalogue: Catalogue,
    territories: readonly TerritoryNode[],
  ): ExplorerVisibility {
    const scope = scopeOf(actor, territories);
    if (!scope.officer && !approvedOnly) return { kind: 'all' };
    const territoryIds = scope.territoryIds === null ? null : [...scope.territoryIds];
    if (!scope.officer || approvedOnly || territoryIds?.length === 0)
      return { kind: 'approved-or-scope', scopeElementIds: [], scopeTerritoryIds: null };
    const scopeElementIds = catalogue.dataElements
      .filter((e) => scope.agencyId === null || e.agencyId === scope.agencyId)
      .map((e) => e.id);
    return { kind: 'approved-or-scope', scopeElementIds, scopeTerritoryIds: territoryIds };
  }

  /** Refuses a query that would give more figures than allowed, before any data is read. */
  function refuseTooLarge(optionsPerItem: readonly number[], territories: number, periods: number): void {
    const cells = figureCount(optionsPerItem, territories, periods);
    if (cells > maxCells)
      throw new AppError('QUERY_TOO_LARGE', msg('explorer.too_large', { cells, max: maxCells }), {
        cells,
        max: maxCells,
      });
  }

  async function query(actor: Actor, input: ExplorerQuery): Promise<ExplorerResult> {
    const [catalogue, territoryList] = await Promise.all([
      deps.catalogue.getCatalogue(),
      deps.territories.list(),
    ]);
    const elements = new Map(catalogue.dataElements.map((e) => [e.code, e]));
    const indicators = new Map(catalogue.indicators.map((i) => [i.code, i]));
    const territories = new Map(territoryList.items.map((t) => [t.id, t]));
    const items = [...new Set(input.items)];
    for (const code of items)
      if (!elements.has(code) && !indicators.has(code))
        throw invalid('items', msg('explorer.item_unknown', { code }), { code });
    for (const id of input.territories.ids)
      if (!territories.has(id))
        throw invalid('territories.ids', msg('explorer.territory_unknown', { id }), { id });
    const category =
      input.disaggregation === undefined || input.disaggregation === null
        ? null
        : catalogue.categories.find((c) => c.code === input.disaggregation);
    if (category === undefined)
      throw invalid('disaggregation', msg('explorer.category_unknown', { code: input.disaggregation ?? '' }));

    const neededCodes = new Set<string>();
    for (const code of items) inputsOf(code, elements, indicators, neededCodes);
    const type: PeriodType = input.periods.type;
    const needed = [...neededCodes]
      .map((code) => elements.get(code) as DataElement)
      .filter((e) => canRollUp(e.periodType, type));
    const repository = createExplorerRepository(deps.tx.executor);

    const latest =
      input.periods.last !== undefined && input.periods.endingAt === undefined
        ? await repository.latestPeriodStart(needed.map((e) => e.id))
        : null;
    const resolved = resolvePeriods(input.periods, latest);
    if (!resolved.ok) throw invalid(resolved.problem.field, resolved.problem.message);
    const periods = resolved.periods;
    const withLastYear = input.periods.samePeriodLastYear === true;
    const approvedOnly = input.approvedOnly === true;

    const nodes = territoryList.items.map((t) => ({ id: t.id, parentId: t.parentId }));
    const shown = shownTerritories(input.territories.ids, input.territories.mode, nodes);
    const directCodes = new Set(items.filter((c) => elements.has(c)));
    const comboCategories = new Map(catalogue.categoryCombos.map((c) => [c.id, c.categoryIds]));
    const optionPositionOf = (e: DataElement) =>
      category && directCodes.has(e.code)
        ? (comboCategories.get(e.categoryComboId) ?? []).indexOf(category.id) + 1
        : 0;
    refuseTooLarge(
      items.map((code) => {
        const element = elements.get(code);
        return element && optionPositionOf(element) > 0 && category ? category.options.length + 1 : 1;
      }),
      shown.length,
      periods.length,
    );
    // One group of (stored → shown) pairs per reporting level among the elements (usually just 'leaf').
    const levels: ReportedLevel[] = [...new Set(needed.map((e) => e.reportedLevel))];
    const { leafIds, shownIds, groups, expectedLeaves } = reportingPairs(
      shown,
      nodes,
      levels.map((level) => reportingTerritoryIds(level, territoryList.items)),
    );
    const shownIndex = new Map(shown.map((id, i) => [id, i]));
    const specs: ExplorerElementSpec[] = needed.map((e) => {
      const optionPosition = optionPositionOf(e);
      const cells = cellsOf(e, catalogue);
      return {
        id: e.id,
        agencyId: e.agencyId,
        optionPosition,
        aggregationTerritory: e.aggregationTerritory,
        aggregationTime: e.aggregationTime,
        reportingGroup: levels.indexOf(e.reportedLevel),
        cells,
        optionCells: optionPosition > 0 && category ? cells / category.options.length : 0,
      };
    });
    const elementIndex = new Map(needed.map((e, i) => [e.code, i]));

    // Every period a cell may need (shown ones, then their year-earlier twins), by position.
    const lastYearPeriods = withLastYear ? periods.map(lastYearOf) : [];
    const allPeriods = [...new Set([...periods, ...lastYearPeriods])];
    const periodIndex = new Map(allPeriods.map((p, i) => [monthIndexOf(p), i]));
    const periodInfo = allPeriods.map((p) => {
      const parsed = toPeriod(p);
      return { year: parsed.year, start: periodStart(parsed) };
    });
    const optionIndex = new Map((category?.options ?? []).map((o, i) => [o.code, i + 1]));
    const nT = shown.length;
    const nP = allPeriods.length;
    const nO = optionIndex.size + 1;
    // Numeric keys: this runs for every figure of the result, so no string building.
    const figureKey = (e: number, t: number, p: number, o: number) => ((e * nT + t) * nP + p) * nO + o;

    const range = dateRange(periods, withLastYear);
    const rows = range
      ? await repository.aggregate({
          elements: specs,
          leafIds,
          shownIndexes: shownIds.map((id) => shownIndex.get(id) ?? -1),
          groups,
          periodType: type,
          from: range.from,
          to: range.to,
          split: specs.some((spec) => spec.optionPosition > 0),
          visibility: visibilityOf(actor, approvedOnly, catalogue, nodes),
        })
      : [];

    // Figures of elements; partial when a part the catalogue and the territory tree expect is missing.
    const optionOf = (option: string | null) => (option === null ? 0 : optionIndex.get(option));
    const expectedPeriods = needed.map((e) => storedPeriodsPer(e.periodType, type));
    const leavesExpected = needed.map((e) =>
      shown.map((id) => expectedLeaves[levels.indexOf(e.reportedLevel)]?.get(id) ?? 0),
    );
    const figures = new Map<number, Figure>();
    for (const row of rows) {
      const o = optionOf(row.option);
      const p = periodIndex.get(row.monthIndex);
      const element = needed[row.elementIndex];
      if (o === undefined || p === undefined || !element) continue;
      const last = element.aggregationTime === 'last';
      const partial = isPartial(
        { ...row, lastMonthIndex: last ? (row.lastMonthIndex ?? row.monthIndex) : null },
        {
          periods: expectedPeriods[row.elementIndex] ?? 1,
          leaves: leavesExpected[row.elementIndex]?.[row.territoryIndex] ?? 0,
          lastMonthIndex: last ? lastStoredMonthIndex(allPeriods[p] ?? '', element.periodType, type) : null,
        },
      );
      figures.set(figureKey(row.elementIndex, row.territoryIndex, p, o), figure(row.value, partial));
    }

    // Population, only when some formula needs it: the denominator policy, asked per territory and year.
    const usesPopulation = items.some((code) => {
      const found = new Set<string>();
      inputsOfPopulation(code, indicators, found);
      return found.size > 0;
    });
    const officialPopulationOnly = input.officialPopulationOnly === true;
    const denominatorOf = usesPopulation
      ? await deps.territories.denominators({ officialOnly: officialPopulationOnly })
      : () => null;
    // A numeric key per shown territory, year and field, since this runs for every rate cell.
    const populationCache = new Map<number, Figure>();
    const populationAt = (t: number, year: number, field: PopulationField): Figure => {
      const key = (t * 10000 + year) * 8 + populationFields.indexOf(field);
      let population = populationCache.get(key);
      if (population === undefined) {
        const found = denominatorOf(shown[t] ?? '', year, field);
        population = found
          ? figure(found.value, false, {
              method: found.method,
              isEstimate: found.isEstimate,
              flag: found.flag,
            })
          : emptyFigure('no_population');
        populationCache.set(key, population);
      }
      return population;
    };

    // The formula of an indicator for a period: the version valid on the period's first day, parsed once per
    // formula and looked up once per (indicator, period) rather than once per figure.
    const asts = new Map<string, FormulaNode | null>();
    const astOf = (formula: string) => {
      if (!asts.has(formula)) {
        const parsed = parseFormula(formula);
        asts.set(formula, parsed.ok ? parsed.value : null);
      }
      return asts.get(formula) ?? null;
    };
    const astsByPeriod = new Map<string, Array<FormulaNode | null | undefined>>();
    const astAt = (indicator: Indicator, p: number): FormulaNode | null => {
      let byPeriod = astsByPeriod.get(indicator.code);
      if (!byPeriod) {
        byPeriod = new Array<FormulaNode | null | undefined>(nP);
        astsByPeriod.set(indicator.code, byPeriod);
      }
      let ast = byPeriod[p];
      if (ast === undefined) {
        const info = periodInfo[p];
        const version = info ? versionAt(indicator.versions, info.start) : null;
        ast = version ? astOf(version.formula) : null;
        byPeriod[p] = ast;
      }
      return ast;
    };
    // Indicators being evaluated (a guard against cycles, which the catalogue already refuses).
    const stack: string[] = [];
    const figureOf = (code: string, t: number, p: number): Figure => {
      const e = elementIndex.get(code);
      if (e !== undefined) return figures.get(figureKey(e, t, p, 0)) ?? noFigure;
      if (elements.has(code)) return emptyFigure('period_type'); // reported by a longer period than shown
      const info = periodInfo[p];
      const field = populationFieldOf(code);
      if (field) return populationAt(t, info?.year ?? 0, field);
      const indicator = indicators.get(code);
      if (!indicator || !info || stack.includes(code)) return noFigure;
      const ast = astAt(indicator, p);
      if (!ast) return emptyFigure('no_formula');
      let partial = false;
      const inputs: Figure[] = [];
      stack.push(code);
      try {
        const value = evaluate(ast, (ref) => {
          const f = figureOf(ref, t, p);
          if (f.partial) partial = true;
          inputs.push(f);
          return f.value;
        });
        const result = combineDenominators(value, inputs);
        return figure(result.value, value === null ? false : partial, result.denominator, result.emptyReason);
      } finally {
        stack.pop();
      }
    };

    // Position of each shown period's year-earlier twin in allPeriods (-1: not asked for).
    const lastYearPositions = periods.map((_, i) =>
      withLastYear ? (periodIndex.get(monthIndexOf(lastYearPeriods[i] ?? '')) ?? -1) : -1,
    );
    // One series per item and option (each option when split, then the total), filled figure by figure.
    const nShown = periods.length;
    const series: ExplorerSeries[] = [];
    for (const code of items) {
      const e = elementIndex.get(code);
      const split = e !== undefined && (specs[e]?.optionPosition ?? 0) > 0 && category;
      const options: Array<string | null> = split ? [...optionIndex.keys(), null] : [null];
      for (const option of options) {
        const o = optionOf(option) ?? 0;
        // An option's figure comes straight from the element's rows; a total may need a formula.
        const at = (t: number, position: number): Figure =>
          position < 0
            ? noFigure
            : e !== undefined && o > 0
              ? (figures.get(figureKey(e, t, position, o)) ?? noFigure)
              : figureOf(code, t, position);
        const now = figureSetBuilder(nT * nShown);
        const before = withLastYear ? figureSetBuilder(nT * nShown) : null;
        for (let t = 0; t < nT; t++)
          for (let p = 0; p < nShown; p++) {
            // Shown periods come first in allPeriods, so p is also the period's position there.
            now.set(t * nShown + p, at(t, p));
            if (before) before.set(t * nShown + p, at(t, lastYearPositions[p] ?? -1));
          }
        series.push({
          item: code,
          option,
          figures: now.build(),
          ...(before ? { lastYear: before.build() } : {}),
        });
      }
    }
    const itemMeta = items.map((code): ExplorerItemMeta => {
      const element = elements.get(code);
      if (element)
        return {
          code,
          kind: 'element',
          name: element.name,
          unit: element.unit,
          decimals: elementDecimals(element),
        };
      const indicator = indicators.get(code) as Indicator;
      return {
        code,
        kind: 'indicator',
        name: indicator.name,
        unit: indicator.unit,
        decimals: indicator.decimals,
      };
    });
    const anySplit = specs.some((s) => s.optionPosition > 0);
    return {
      series,
      items: itemMeta,
      territories: shown.map((id) => {
        const t = territories.get(id);
        if (!t) throw new Error(`territory ${id} vanished during the query`);
        return { id, name: t.name, level: t.level, parentId: t.parentId };
      }),
      periods,
      periodType: type,
      options: anySplit && category ? category.options.map((o) => ({ code: o.code, name: o.name })) : [],
      samePeriodLastYear: withLastYear,
      approvedOnly,
      officialPopulationOnly,
      containsSynthetic: rows.some((row) => row.synthetic),
    };
  }

  return {
    /**
     * Runs an explorer query (the bench calls this). One aggregate SQL statement plus small reads of the
     * catalogue, territories and, for formulas that need it, population.
     */
    query,

    /** The pivot of a query as a CSV (UTF-8 with a byte-order mark, for Excel) or XLSX download. */
    async export(
      actor: Actor,
      request: ExplorerExportRequest,
      format: 'csv' | 'xlsx',
    ): Promise<ExplorerFile> {
      const result = explorerTable(await query(actor, request.query));
      const locale = request.locale ?? 'en';
      const grid = exportGrid(result, request.layout, locale);
      const now = new Date();
      const preamble = exportPreamble(result, locale, now);
      const stamp = now.toISOString().slice(0, 10);
      if (format === 'csv')
        return {
          filename: `kuzot-explorer-${stamp}.csv`,
          contentType: 'text/csv; charset=utf-8',
          data: csvOf(preamble, grid),
        };
      return {
        filename: `kuzot-explorer-${stamp}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        data: await xlsxOf(preamble, grid, locale),
      };
    },
  };
}

/** Whether an indicator (through other indicators) refers to population; collects the population codes. */
function inputsOfPopulation(
  code: string,
  indicators: ReadonlyMap<string, Indicator>,
  found: Set<string>,
  seen = new Set<string>(),
): void {
  if (seen.has(code)) return;
  seen.add(code);
  if (populationFieldOf(code)) {
    found.add(code);
    return;
  }
  for (const version of indicators.get(code)?.versions ?? []) {
    const parsed = parseFormula(version.formula);
    if (parsed.ok)
      for (const ref of referencesOf(parsed.value)) inputsOfPopulation(ref, indicators, found, seen);
  }
}

/** CSV with a byte-order mark so Excel reads UTF-8: the preamble, a blank line, then the table. */
function csvOf(preamble: readonly string[], grid: ExportGrid): Buffer {
  return writeCsv([
    ...preamble.map((line) => [line]),
    [],
    ...grid.headerLines,
    ...grid.rows.map((row) => [
      ...row.labels,
      ...row.values.map((v) => csvFigure(v.value, v.decimals, v.marker)),
    ]),
  ]);
}

/** An Excel number format with the item's decimals, and the value's marker shown after the figure. */
const numberFormat = (decimals: number, marker: string) => {
  const figure = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  return marker === '' ? figure : `${figure}" ${marker}"`;
};

/**
 * XLSX: the preamble in italics, bold header lines, frozen headers and labels; figures stay numbers, shown
 * with their item's decimals and marker; partial figures carry a note in the reader's language.
 */
async function xlsxOf(preamble: readonly string[], grid: ExportGrid, locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kuzot');
  for (const line of preamble) sheet.addRow([line]).font = { italic: true };
  sheet.addRow([]);
  for (const line of grid.headerLines) sheet.addRow(line).font = { bold: true };
  const labelCount = grid.rows[0]?.labels.length ?? 0;
  const partialNote = renderMessage(msg('explorer.export.partial'), locale);
  for (const row of grid.rows) {
    const added = sheet.addRow([...row.labels, ...row.values.map((v) => v.value)]);
    row.values.forEach((v, i) => {
      const cell = added.getCell(labelCount + i + 1);
      cell.numFmt = numberFormat(v.decimals, v.marker);
      if (v.partial && v.value !== null) cell.note = partialNote;
    });
  }
  sheet.views = [
    { state: 'frozen', xSplit: labelCount, ySplit: preamble.length + 1 + grid.headerLines.length },
  ];
  sheet.columns.forEach((column, i) => {
    column.width = i < labelCount ? 28 : 14;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
