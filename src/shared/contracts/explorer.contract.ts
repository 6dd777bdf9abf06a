import { Type, type Static } from 'typebox';
import { localeSchema, localisedNameSchema, uuidSchema } from './common.contract';
import { catalogueCodeSchema, periodTypeSchema } from './catalogue.contract';
import { periodIdSchema } from './data-values.contract';
import { populationFlagSchema, territoryLevelSchema } from './territories.contract';
import { denominatorMethods } from '../domain/population';

/** Which territories the rows are: the selected ones, or each selected territory's direct children. */
export const explorerTerritoryModes = ['selected', 'children'] as const;

/**
 * The periods of a query, all of one type. Either a range (`from`, `to`, both included) or the `last` N periods
 * ending at `endingAt` (or, without it, at the latest period that has data for the chosen items).
 */
export const explorerPeriodsSchema = Type.Object(
  {
    type: periodTypeSchema,
    from: Type.Optional(periodIdSchema),
    to: Type.Optional(periodIdSchema),
    last: Type.Optional(Type.Integer({ minimum: 1, maximum: 240 })),
    endingAt: Type.Optional(periodIdSchema),
    /** Adds, to every cell, the value of the same period one year earlier. */
    samePeriodLastYear: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ExplorerPeriods = Static<typeof explorerPeriodsSchema>;

/** POST /api/v1/explorer/query. */
export const explorerQuerySchema = Type.Object(
  {
    /** Data element and derived indicator codes, in the order wanted. */
    items: Type.Array(catalogueCodeSchema, { minItems: 1, maxItems: 50 }),
    territories: Type.Object(
      {
        ids: Type.Array(uuidSchema, { minItems: 1, maxItems: 500 }),
        mode: Type.Enum([...explorerTerritoryModes]),
      },
      { additionalProperties: false },
    ),
    periods: explorerPeriodsSchema,
    /** A category code: element values are split by its options; omitted or null gives totals. */
    disaggregation: Type.Optional(Type.Union([catalogueCodeSchema, Type.Null()])),
    /** Only values whose (agency, territory, period) is approved. */
    approvedOnly: Type.Optional(Type.Boolean()),
    /**
     * The strict view: rates only on official population figures (no estimates); a year without one is empty.
     * By default a missing year is estimated by the stated method (docs/POPULATION.md) and marked.
     */
    officialPopulationOnly: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ExplorerQuery = Static<typeof explorerQuerySchema>;

/** What a rate's population figure rests on; `isEstimate` or a `flag` put a marker on the rate. */
export const explorerDenominatorSchema = Type.Object(
  {
    method: Type.Enum([...denominatorMethods]),
    isEstimate: Type.Boolean(),
    flag: Type.Union([populationFlagSchema, Type.Null()]),
  },
  { additionalProperties: false },
);
export type ExplorerDenominator = Static<typeof explorerDenominatorSchema>;

/**
 * Why a cell is empty: no value was reported (`no_value`), no population figure exists for the territory and
 * year (`no_population`; in the strict view: no official one), the denominator is zero (`zero_denominator`),
 * no formula version covers the period (`no_formula`), or the item is reported by a longer period than the
 * one shown (`period_type`).
 */
export const explorerEmptyReasons = [
  'no_value',
  'no_population',
  'zero_denominator',
  'no_formula',
  'period_type',
] as const;
export type ExplorerEmptyReason = (typeof explorerEmptyReasons)[number];

/** One figure: an item at a territory and period, for one category option (null: the total). */
export const explorerCellSchema = Type.Object(
  {
    item: Type.String(),
    territoryId: uuidSchema,
    period: Type.String(),
    option: Type.Union([Type.String(), Type.Null()]),
    /** null: no value (nothing reported, or a rate with a missing or zero denominator), never zero. */
    value: Type.Union([Type.Number(), Type.Null()]),
    /** Some expected input is missing (a territory or a month did not report): the value is a lower bound. */
    partial: Type.Boolean(),
    /** The same period one year earlier, when asked for; otherwise null. */
    lastYearValue: Type.Union([Type.Number(), Type.Null()]),
    lastYearPartial: Type.Boolean(),
    /** A rate on population: what its denominator rests on (absent for other figures). */
    denominator: Type.Optional(explorerDenominatorSchema),
    /** An empty cell (value null): why. */
    emptyReason: Type.Optional(Type.Enum([...explorerEmptyReasons])),
    /** The same for the year-earlier figure, when asked for. */
    lastYearDenominator: Type.Optional(explorerDenominatorSchema),
    lastYearEmptyReason: Type.Optional(Type.Enum([...explorerEmptyReasons])),
  },
  { additionalProperties: false },
);
export type ExplorerCell = Static<typeof explorerCellSchema>;

export const explorerItemMetaSchema = Type.Object(
  {
    code: Type.String(),
    kind: Type.Enum(['element', 'indicator']),
    name: localisedNameSchema,
    unit: Type.String(),
    decimals: Type.Integer(),
  },
  { additionalProperties: false },
);
export type ExplorerItemMeta = Static<typeof explorerItemMetaSchema>;

export const explorerTerritoryMetaSchema = Type.Object(
  {
    id: uuidSchema,
    name: localisedNameSchema,
    level: territoryLevelSchema,
    parentId: Type.Union([uuidSchema, Type.Null()]),
  },
  { additionalProperties: false },
);
export type ExplorerTerritoryMeta = Static<typeof explorerTerritoryMetaSchema>;

export const explorerOptionMetaSchema = Type.Object(
  { code: Type.String(), name: localisedNameSchema },
  { additionalProperties: false },
);
export type ExplorerOptionMeta = Static<typeof explorerOptionMetaSchema>;

/**
 * The figures of one series (an item, one option or the total) for every shown territory and period, in
 * columns rather than one object per figure: a query of 13,000 figures is then a tenth of the bytes to write,
 * check, send and read. Position of a figure = territory position × number of periods + period position.
 * `explorerTable` (#shared/domain/explorer-series) turns a result back into one cell per figure.
 */
export const explorerFigureSetSchema = Type.Object(
  {
    /** null: no value (see `empty` for why), never zero. */
    values: Type.Array(Type.Union([Type.Number(), Type.Null()])),
    /** Positions of the figures that lack an expected part (the value is a lower bound). */
    partial: Type.Array(Type.Integer({ minimum: 0 })),
    /** Each distinct denominator of the rates among the figures, with the positions that rest on it. */
    denominators: Type.Array(
      Type.Object(
        { denominator: explorerDenominatorSchema, at: Type.Array(Type.Integer({ minimum: 0 })) },
        { additionalProperties: false },
      ),
    ),
    /** Why empty figures are empty, with their positions (every null value is listed once). */
    empty: Type.Array(
      Type.Object(
        { reason: Type.Enum([...explorerEmptyReasons]), at: Type.Array(Type.Integer({ minimum: 0 })) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ExplorerFigureSet = Static<typeof explorerFigureSetSchema>;

export const explorerSeriesSchema = Type.Object(
  {
    item: Type.String(),
    /** null: the total over all options. */
    option: Type.Union([Type.String(), Type.Null()]),
    figures: explorerFigureSetSchema,
    /** The same periods one year earlier, when the query asked for them. */
    lastYear: Type.Optional(explorerFigureSetSchema),
  },
  { additionalProperties: false },
);
export type ExplorerSeries = Static<typeof explorerSeriesSchema>;

const explorerResultFields = {
  items: Type.Array(explorerItemMetaSchema),
  territories: Type.Array(explorerTerritoryMetaSchema),
  /** The periods of the result, oldest first. */
  periods: Type.Array(Type.String()),
  periodType: periodTypeSchema,
  /** The options of the disaggregation category, in display order; empty without one. */
  options: Type.Array(explorerOptionMetaSchema),
  samePeriodLastYear: Type.Boolean(),
  approvedOnly: Type.Boolean(),
  /** Rates use official population figures only (the strict view). */
  officialPopulationOnly: Type.Optional(Type.Boolean()),
  /** Some figure rests on synthetic demonstration values (`kuzot seed --demo`): the UI says so. */
  containsSynthetic: Type.Boolean(),
};

/** The answer of POST /api/v1/explorer/query: per item its series (each option when split, then the total). */
export const explorerResultSchema = Type.Object(
  { series: Type.Array(explorerSeriesSchema), ...explorerResultFields },
  { additionalProperties: false },
);
export type ExplorerResult = Static<typeof explorerResultSchema>;

/** A result with one cell per figure, as the pivot, the chart and the exports read it. */
export type ExplorerTable = Omit<ExplorerResult, 'series'> & { cells: ExplorerCell[] };

/** The dimensions a pivot can put on rows or columns; `measure` exists only with "same period last year". */
export const explorerDimensions = ['item', 'territory', 'period', 'option', 'measure'] as const;
export type ExplorerDimension = (typeof explorerDimensions)[number];

export const explorerLayoutSchema = Type.Object(
  {
    rows: Type.Array(Type.Enum([...explorerDimensions]), { maxItems: 5 }),
    columns: Type.Array(Type.Enum([...explorerDimensions]), { maxItems: 5 }),
  },
  { additionalProperties: false },
);
export type ExplorerLayout = Static<typeof explorerLayoutSchema>;

/** POST /api/v1/explorer/export?format=csv|xlsx: the query, the pivot layout and the language of the labels. */
export const explorerExportRequestSchema = Type.Object(
  {
    query: explorerQuerySchema,
    layout: explorerLayoutSchema,
    locale: Type.Optional(localeSchema),
  },
  { additionalProperties: false },
);
export type ExplorerExportRequest = Static<typeof explorerExportRequestSchema>;

export const explorerExportQuerySchema = Type.Object(
  { format: Type.Enum(['csv', 'xlsx']) },
  { additionalProperties: false },
);
