import { Type, type Static } from 'typebox';
import { periodTypes } from '../domain/period';
import { reportedLevels } from '../domain/reporting';
import { unitCodes } from '../domain/unit';
import { localisedMessageSchema, localisedNameSchema, uuidSchema } from './common.contract';

/** Codes of data elements and derived indicators: one namespace, usable in formulas as `#{code}`. */
export const catalogueCodeSchema = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_]*$' });
/** A calendar date `YYYY-MM-DD`. */
export const calendarDateSchema = Type.String({ format: 'date' });

export const valueTypes = ['integer', 'number', 'percentage'] as const;
/** How an element's stored periods make a longer one: summed, averaged, or the last period with a value. */
export const aggregations = ['sum', 'average', 'last'] as const;
/**
 * How territories' figures make their parent's: summed or averaged. No "last": territories have no order, so
 * a "last territory" has no meaning (migration 202612072100 turned the old ones into sums, as they were shown).
 */
export const territoryAggregations = ['sum', 'average'] as const;
export const directions = ['higher_is_worse', 'higher_is_better', 'neutral'] as const;

/** How a validation rule compares its left side with its right side. */
export const ruleOperators = ['<', '<=', '=', '!=', '>=', '>'] as const;
export const importances = ['low', 'medium', 'high'] as const;

export const valueTypeSchema = Type.Enum([...valueTypes]);
export const periodTypeSchema = Type.Enum([...periodTypes]);
export const aggregationSchema = Type.Enum([...aggregations]);
export const territoryAggregationSchema = Type.Enum([...territoryAggregations]);
export const reportedLevelSchema = Type.Enum([...reportedLevels]);
export const directionSchema = Type.Enum([...directions]);
export const ruleOperatorSchema = Type.Enum([...ruleOperators]);
export const importanceSchema = Type.Enum([...importances]);
const descriptionSchema = Type.String({ maxLength: 4000 });
/** A unit written: a code of the catalogue of units (src/shared/domain/unit.ts). */
const unitSchema = Type.Enum([...unitCodes]);
const formulaSchema = Type.String({ minLength: 1, maxLength: 5000 });

export const categoryOptionSchema = Type.Object(
  { id: uuidSchema, code: Type.String(), name: localisedNameSchema, sortOrder: Type.Integer() },
  { additionalProperties: false },
);
export type CategoryOption = Static<typeof categoryOptionSchema>;

export const categorySchema = Type.Object(
  {
    id: uuidSchema,
    code: Type.String(),
    name: localisedNameSchema,
    /** In display order. */
    options: Type.Array(categoryOptionSchema),
  },
  { additionalProperties: false },
);
export type Category = Static<typeof categorySchema>;

/** A disaggregation: the cross product of its categories' options; `default` has no categories. */
export const categoryComboSchema = Type.Object(
  {
    id: uuidSchema,
    code: Type.String(),
    name: localisedNameSchema,
    /** The categories, in position order. */
    categoryIds: Type.Array(uuidSchema),
  },
  { additionalProperties: false },
);
export type CategoryCombo = Static<typeof categoryComboSchema>;

export const dataElementSchema = Type.Object(
  {
    id: uuidSchema,
    code: Type.String(),
    name: localisedNameSchema,
    description: Type.String(),
    agencyId: uuidSchema,
    unit: Type.String(),
    valueType: valueTypeSchema,
    periodType: periodTypeSchema,
    categoryComboId: uuidSchema,
    aggregationTime: aggregationSchema,
    aggregationTerritory: territoryAggregationSchema,
    /** Where the figures are entered: `leaf` (territories without children) or a territory level. */
    reportedLevel: reportedLevelSchema,
    /** Whether a value may be below zero (counts and amounts may not). */
    allowsNegative: Type.Boolean(),
    direction: directionSchema,
    isActive: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type DataElement = Static<typeof dataElementSchema>;

export const indicatorVersionSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    /** Canonical text, e.g. `#{drug_crimes} / #{population.total} * 100000`. */
    formula: Type.String(),
    /** The first day this version applies; a period uses the version valid on its first day. */
    validFrom: calendarDateSchema,
    /** The last day it applies; null while it is the current version. */
    validTo: Type.Union([calendarDateSchema, Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type IndicatorVersion = Static<typeof indicatorVersionSchema>;

export const indicatorSchema = Type.Object(
  {
    id: uuidSchema,
    code: Type.String(),
    name: localisedNameSchema,
    description: Type.String(),
    unit: Type.String(),
    direction: directionSchema,
    decimals: Type.Integer(),
    isActive: Type.Boolean(),
    /** Every version, oldest first. */
    versions: Type.Array(indicatorVersionSchema),
  },
  { additionalProperties: false },
);
export type Indicator = Static<typeof indicatorSchema>;

export const validationRuleSchema = Type.Object(
  {
    id: uuidSchema,
    code: Type.String(),
    name: localisedNameSchema,
    description: Type.String(),
    /** Formula over data elements, indicators and population, in canonical text. */
    leftSide: Type.String(),
    operator: ruleOperatorSchema,
    rightSide: Type.String(),
    importance: importanceSchema,
    periodType: periodTypeSchema,
    isActive: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ValidationRule = Static<typeof validationRuleSchema>;

/** Everything the catalogue screens need, in one response. */
export const catalogueSchema = Type.Object(
  {
    categories: Type.Array(categorySchema),
    categoryCombos: Type.Array(categoryComboSchema),
    dataElements: Type.Array(dataElementSchema),
    indicators: Type.Array(indicatorSchema),
    validationRules: Type.Array(validationRuleSchema),
    /** Population codes a formula may refer to besides data elements and indicators. */
    populationCodes: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type Catalogue = Static<typeof catalogueSchema>;

export const createDataElementRequestSchema = Type.Object(
  {
    code: catalogueCodeSchema,
    name: localisedNameSchema,
    description: Type.Optional(descriptionSchema),
    agencyId: uuidSchema,
    unit: unitSchema,
    valueType: valueTypeSchema,
    periodType: periodTypeSchema,
    /** Omitted: the `default` combination (no disaggregation). */
    categoryComboId: Type.Optional(uuidSchema),
    aggregationTime: aggregationSchema,
    aggregationTerritory: territoryAggregationSchema,
    /** Omitted: `leaf`. */
    reportedLevel: Type.Optional(reportedLevelSchema),
    /** Omitted: false. */
    allowsNegative: Type.Optional(Type.Boolean()),
    direction: directionSchema,
  },
  { additionalProperties: false },
);
export type CreateDataElementRequest = Static<typeof createDataElementRequestSchema>;

/** The code cannot change: formulas refer to it. */
export const updateDataElementRequestSchema = Type.Object(
  {
    name: Type.Optional(localisedNameSchema),
    description: Type.Optional(descriptionSchema),
    agencyId: Type.Optional(uuidSchema),
    unit: Type.Optional(unitSchema),
    valueType: Type.Optional(valueTypeSchema),
    periodType: Type.Optional(periodTypeSchema),
    categoryComboId: Type.Optional(uuidSchema),
    aggregationTime: Type.Optional(aggregationSchema),
    aggregationTerritory: Type.Optional(territoryAggregationSchema),
    reportedLevel: Type.Optional(reportedLevelSchema),
    allowsNegative: Type.Optional(Type.Boolean()),
    direction: Type.Optional(directionSchema),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateDataElementRequest = Static<typeof updateDataElementRequestSchema>;

export const createIndicatorRequestSchema = Type.Object(
  {
    code: catalogueCodeSchema,
    name: localisedNameSchema,
    description: Type.Optional(descriptionSchema),
    unit: unitSchema,
    direction: directionSchema,
    decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
    /** The formula of version 1. */
    formula: formulaSchema,
    /** The first day version 1 applies. */
    validFrom: calendarDateSchema,
  },
  { additionalProperties: false },
);
export type CreateIndicatorRequest = Static<typeof createIndicatorRequestSchema>;

/** Everything but the code and the formula (a formula changes by adding a version). */
export const updateIndicatorRequestSchema = Type.Object(
  {
    name: Type.Optional(localisedNameSchema),
    description: Type.Optional(descriptionSchema),
    unit: Type.Optional(unitSchema),
    direction: Type.Optional(directionSchema),
    decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateIndicatorRequest = Static<typeof updateIndicatorRequestSchema>;

export const createIndicatorVersionRequestSchema = Type.Object(
  {
    formula: formulaSchema,
    /** The first day the new formula applies; the current version then ends the day before. */
    validFrom: calendarDateSchema,
  },
  { additionalProperties: false },
);
export type CreateIndicatorVersionRequest = Static<typeof createIndicatorVersionRequestSchema>;

export const createValidationRuleRequestSchema = Type.Object(
  {
    code: catalogueCodeSchema,
    name: localisedNameSchema,
    description: Type.Optional(descriptionSchema),
    leftSide: formulaSchema,
    operator: ruleOperatorSchema,
    rightSide: formulaSchema,
    importance: importanceSchema,
    periodType: periodTypeSchema,
  },
  { additionalProperties: false },
);
export type CreateValidationRuleRequest = Static<typeof createValidationRuleRequestSchema>;

export const updateValidationRuleRequestSchema = Type.Object(
  {
    name: Type.Optional(localisedNameSchema),
    description: Type.Optional(descriptionSchema),
    leftSide: Type.Optional(formulaSchema),
    operator: Type.Optional(ruleOperatorSchema),
    rightSide: Type.Optional(formulaSchema),
    importance: Type.Optional(importanceSchema),
    periodType: Type.Optional(periodTypeSchema),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateValidationRuleRequest = Static<typeof updateValidationRuleRequestSchema>;

/** POST /api/v1/formulas/check: what would be wrong with a formula, without saving anything. */
export const checkFormulaRequestSchema = Type.Object(
  {
    formula: Type.String({ maxLength: 5000 }),
    /**
     * The indicator the formula is for (existing or about to be created): it may then refer to itself only
     * through a circle, which is reported. Omitted for validation rule sides, which nothing refers to.
     */
    indicatorCode: Type.Optional(catalogueCodeSchema),
  },
  { additionalProperties: false },
);
export type CheckFormulaRequest = Static<typeof checkFormulaRequestSchema>;

export const formulaProblemKinds = ['syntax', 'unknown-code', 'cycle'] as const;

export const formulaProblemSchema = Type.Object(
  {
    kind: Type.Enum([...formulaProblemKinds]),
    /** The problem in English; `localised` is the same sentence to render in the reader's language. */
    message: Type.String(),
    localised: localisedMessageSchema,
    /** 0-based character offset in the text; null for a cycle. */
    position: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    /** The unknown code, for `unknown-code`. */
    code: Type.Union([Type.String(), Type.Null()]),
    /** The closed path of indicator codes, e.g. `['a', 'b', 'a']`, for `cycle`. */
    cycle: Type.Union([Type.Array(Type.String()), Type.Null()]),
  },
  { additionalProperties: false },
);
export type FormulaCheckProblem = Static<typeof formulaProblemSchema>;

export const checkFormulaResponseSchema = Type.Object(
  {
    /** Empty when the formula could be saved as it is now. */
    problems: Type.Array(formulaProblemSchema),
    /** The canonical text the formula would be stored as; null when it does not parse. */
    canonical: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type CheckFormulaResponse = Static<typeof checkFormulaResponseSchema>;
