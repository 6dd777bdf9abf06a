import { Type, type Static } from 'typebox';
import {
  isoDateTimeSchema,
  localisedMessageSchema,
  localisedNameSchema,
  uuidSchema,
} from './common.contract';
import { importProblemSchema } from './territories.contract';
import { importanceSchema, periodTypeSchema, valueTypeSchema } from './catalogue.contract';

/** A period id: `2024`, `2024Q1` or `2024-03` (see shared/domain/period.ts). */
export const periodIdSchema = Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2])|Q[1-4])?$' });

/**
 * Which option of each of the element's categories a value is for: the option codes in category position
 * order joined by '.', e.g. `cannabis` or `male.age_0_17`; '' for an element without disaggregation.
 */
export const disaggregationSchema = Type.String({
  maxLength: 200,
  pattern: '^([a-z0-9_]+(\\.[a-z0-9_]+)*)?$',
});

export const valueFlags = ['estimated', 'provisional'] as const;
export const valueFlagSchema = Type.Enum([...valueFlags]);
export type ValueFlag = (typeof valueFlags)[number];

export const valueSources = ['form', 'xlsx', 'csv', 'api', 'demo'] as const;
export const valueSourceSchema = Type.Enum([...valueSources]);
export type ValueSource = (typeof valueSources)[number];

/** One cell of the data store. */
export const cellKeySchema = Type.Object(
  {
    dataElementId: uuidSchema,
    territoryId: uuidSchema,
    period: periodIdSchema,
    disaggregation: disaggregationSchema,
  },
  { additionalProperties: false },
);
export type CellKey = Static<typeof cellKeySchema>;

/** A stored value with its annotations. */
export const dataValueSchema = Type.Object(
  {
    dataElementId: uuidSchema,
    territoryId: uuidSchema,
    period: Type.String(),
    disaggregation: Type.String(),
    value: Type.Number(),
    comment: Type.Union([Type.String(), Type.Null()]),
    flag: Type.Union([valueFlagSchema, Type.Null()]),
    source: valueSourceSchema,
    isSynthetic: Type.Boolean(),
    updatedAt: isoDateTimeSchema,
    updatedBy: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type DataValue = Static<typeof dataValueSchema>;

/** Why a value deserves a second look: a bound, a validation rule, or an outlier against its own history. */
export const valueCheckKinds = ['min', 'max', 'rule', 'outlier'] as const;

/**
 * The verdict behind an outlier warning, as data (docs/CHECKS.md): what was found, against which expected
 * value and range of usual values, how unlikely the value is under the series' own model, and how much
 * history that rests on.
 */
export const outlierDetailsSchema = Type.Object(
  {
    /** Much higher or lower than usual, or a value where the series has always been zero. */
    finding: Type.Enum(['higher', 'lower', 'first-value']),
    /** `seasonal`: against the same month or quarter of earlier years; `level`: against recent values. */
    method: Type.Enum(['seasonal', 'level', 'always-none']),
    /** `count` (negative binomial / Poisson tail) or `amount` (relative and log scale). */
    model: Type.Enum(['count', 'amount']),
    expected: Type.Number(),
    /** The range of values that would not have raised the warning (null after an all-zero history). */
    usualLow: Type.Union([Type.Number(), Type.Null()]),
    usualHigh: Type.Union([Type.Number(), Type.Null()]),
    /** Probability of a value at least this far out on its side under the model (null: none). */
    probability: Type.Union([Type.Number(), Type.Null()]),
    /** The threshold the probability is compared with. */
    tailProbability: Type.Number(),
    /** Earlier values of the series the verdict rests on. */
    historySize: Type.Integer({ minimum: 0 }),
    /** Earlier years with the same month or quarter behind a seasonal expected value (0 otherwise). */
    seasonalYears: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type OutlierDetails = Static<typeof outlierDetailsSchema>;
export const valueCheckSchema = Type.Object(
  {
    kind: Type.Enum([...valueCheckKinds]),
    importance: importanceSchema,
    dataElementId: uuidSchema,
    /** null when the check concerns the element as a whole (a validation rule over its total). */
    disaggregation: Type.Union([Type.String(), Type.Null()]),
    /** The rule's code for kind 'rule'. */
    ruleCode: Type.Union([Type.String(), Type.Null()]),
    /** A sentence in English naming the figures compared, e.g. "12 is above the maximum 10". */
    message: Type.String(),
    /** The same sentence as a message of the catalogue, to render in the reader's language. */
    localised: Type.Optional(localisedMessageSchema),
    /** For kind 'outlier': the verdict as data. */
    outlier: Type.Optional(outlierDetailsSchema),
  },
  { additionalProperties: false },
);
export type ValueCheck = Static<typeof valueCheckSchema>;

/** PUT /api/v1/data-values: set, change or clear (value null) one cell; saving an unchanged cell changes nothing. */
export const saveValueRequestSchema = Type.Object(
  {
    dataElementId: uuidSchema,
    territoryId: uuidSchema,
    period: periodIdSchema,
    disaggregation: Type.Optional(disaggregationSchema),
    value: Type.Union([Type.Number(), Type.Null()]),
    comment: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    flag: Type.Optional(Type.Union([valueFlagSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
export type SaveValueRequest = Static<typeof saveValueRequestSchema>;

export const saveValueResponseSchema = Type.Object(
  {
    /** The stored value, or null when the cell was cleared. */
    value: Type.Union([dataValueSchema, Type.Null()]),
    /** Whether anything changed. */
    changed: Type.Boolean(),
    /** Every check now failing for the element in this form (agency, territory, period). */
    checks: Type.Array(valueCheckSchema),
  },
  { additionalProperties: false },
);
export type SaveValueResponse = Static<typeof saveValueResponseSchema>;

/** A column of the entry grid: one option combination of the element's categories. */
export const formColumnSchema = Type.Object(
  { disaggregation: Type.String(), name: localisedNameSchema },
  { additionalProperties: false },
);

export const formElementSchema = Type.Object(
  {
    id: uuidSchema,
    code: Type.String(),
    name: localisedNameSchema,
    unit: Type.String(),
    valueType: valueTypeSchema,
    periodType: periodTypeSchema,
    columns: Type.Array(formColumnSchema),
  },
  { additionalProperties: false },
);

export const approvalStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;
export const approvalStatusSchema = Type.Enum([...approvalStatuses]);
export type ApprovalStatus = (typeof approvalStatuses)[number];

/** The approval state of one (agency, territory, period). */
export const approvalSchema = Type.Object(
  {
    agencyId: uuidSchema,
    territoryId: uuidSchema,
    period: Type.String(),
    status: approvalStatusSchema,
    submittedAt: Type.Union([isoDateTimeSchema, Type.Null()]),
    submittedBy: Type.Union([Type.String(), Type.Null()]),
    decidedAt: Type.Union([isoDateTimeSchema, Type.Null()]),
    decidedBy: Type.Union([Type.String(), Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
    /** The day the report is due, `YYYY-MM-DD`. */
    deadline: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);
export type Approval = Static<typeof approvalSchema>;

/** GET /api/v1/entry-forms?agencyId&territoryId&period: everything the entry grid shows. */
export const entryFormQuerySchema = Type.Object(
  { agencyId: uuidSchema, territoryId: uuidSchema, period: periodIdSchema },
  { additionalProperties: false },
);
export type EntryFormQuery = Static<typeof entryFormQuerySchema>;

export const entryFormSchema = Type.Object(
  {
    agencyId: uuidSchema,
    territoryId: uuidSchema,
    period: Type.String(),
    /** The agency's active elements whose period type is the period's type, in catalogue order. */
    elements: Type.Array(formElementSchema),
    values: Type.Array(dataValueSchema),
    checks: Type.Array(valueCheckSchema),
    approval: approvalSchema,
    /** Whether the signed-in user may change values here now (scope, and not locked by approval). */
    editable: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type EntryForm = Static<typeof entryFormSchema>;

/** GET /api/v1/data-values/history?dataElementId&territoryId&period&disaggregation: newest first. */
export const valueHistoryEntrySchema = Type.Object(
  {
    changedAt: isoDateTimeSchema,
    changedBy: Type.Union([Type.String(), Type.Null()]),
    oldValue: Type.Union([Type.Number(), Type.Null()]),
    newValue: Type.Union([Type.Number(), Type.Null()]),
    oldComment: Type.Union([Type.String(), Type.Null()]),
    newComment: Type.Union([Type.String(), Type.Null()]),
    oldFlag: Type.Union([Type.String(), Type.Null()]),
    newFlag: Type.Union([Type.String(), Type.Null()]),
    source: valueSourceSchema,
  },
  { additionalProperties: false },
);
export type ValueHistoryEntry = Static<typeof valueHistoryEntrySchema>;

/** Min/max accepted for an element, everywhere (territoryId null) or in one territory. */
export const valueBoundSchema = Type.Object(
  {
    id: uuidSchema,
    dataElementId: uuidSchema,
    territoryId: Type.Union([uuidSchema, Type.Null()]),
    minValue: Type.Union([Type.Number(), Type.Null()]),
    maxValue: Type.Union([Type.Number(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type ValueBound = Static<typeof valueBoundSchema>;

/** PUT /api/v1/value-bounds: set the bound of (element, territory); DELETE /api/v1/value-bounds/:id removes it. */
export const saveValueBoundRequestSchema = Type.Object(
  {
    dataElementId: uuidSchema,
    territoryId: Type.Union([uuidSchema, Type.Null()]),
    minValue: Type.Union([Type.Number(), Type.Null()]),
    maxValue: Type.Union([Type.Number(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type SaveValueBoundRequest = Static<typeof saveValueBoundRequestSchema>;

/**
 * One value in a JSON value set (POST /api/v1/data-value-sets) or a row of a CSV/XLSX upload. Elements and
 * territories by code so that other systems need not know our ids; value null clears the cell.
 */
export const valueSetRowSchema = Type.Object(
  {
    dataElement: Type.String({ minLength: 1, maxLength: 64 }),
    territory: Type.String({ minLength: 1, maxLength: 64 }),
    period: Type.String({ minLength: 1, maxLength: 16 }),
    disaggregation: Type.Optional(Type.String({ maxLength: 200 })),
    value: Type.Union([Type.Number(), Type.Null()]),
    comment: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    flag: Type.Optional(Type.Union([valueFlagSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
export type ValueSetRow = Static<typeof valueSetRowSchema>;

export const valueSetRequestSchema = Type.Object(
  {
    values: Type.Array(valueSetRowSchema, { maxItems: 200000 }),
    /** Check everything and report what would change, without writing. */
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ValueSetRequest = Static<typeof valueSetRequestSchema>;

/** What an accepted import did. A refused one is an IMPORT_INVALID error with `details.problems`. */
export const importResultSchema = Type.Object(
  {
    rows: Type.Integer(),
    created: Type.Integer(),
    updated: Type.Integer(),
    deleted: Type.Integer(),
    unchanged: Type.Integer(),
    dryRun: Type.Boolean(),
    /** Checks (bounds, rules, outliers) that now fail for the imported values: warnings, not refusals. */
    checks: Type.Array(valueCheckSchema),
  },
  { additionalProperties: false },
);
export type ImportResult = Static<typeof importResultSchema>;

export const importProblemsSchema = Type.Object(
  { problems: Type.Array(importProblemSchema) },
  { additionalProperties: false },
);

/** GET /api/v1/value-bounds?dataElementId: the bounds of one element, or of all elements. */
export const valueBoundQuerySchema = Type.Object(
  { dataElementId: Type.Optional(uuidSchema) },
  { additionalProperties: false },
);
export type ValueBoundQuery = Static<typeof valueBoundQuerySchema>;

export const valueBoundListSchema = Type.Object(
  { items: Type.Array(valueBoundSchema) },
  { additionalProperties: false },
);
export type ValueBoundList = Static<typeof valueBoundListSchema>;

/** GET /api/v1/data-values/history: one cell; disaggregation omitted means '' (no disaggregation). */
export const valueHistoryQuerySchema = Type.Object(
  {
    dataElementId: uuidSchema,
    territoryId: uuidSchema,
    period: periodIdSchema,
    disaggregation: Type.Optional(disaggregationSchema),
  },
  { additionalProperties: false },
);
export type ValueHistoryQuery = Static<typeof valueHistoryQuerySchema>;

export const valueHistorySchema = Type.Object(
  { items: Type.Array(valueHistoryEntrySchema) },
  { additionalProperties: false },
);
export type ValueHistory = Static<typeof valueHistorySchema>;
