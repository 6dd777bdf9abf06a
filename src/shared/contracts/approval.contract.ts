import { Type, type Static } from 'typebox';
import { periodTypeSchema } from './catalogue.contract';
import { isoDateTimeSchema, localisedMessageSchema, offsetSchema, uuidSchema } from './common.contract';
import { approvalSchema, approvalStatusSchema, periodIdSchema } from './data-values.contract';

/** Body of POST /api/v1/approvals/{submit,approve,return,unlock}. `reason` is required to return or unlock. */
export const approvalActionRequestSchema = Type.Object(
  {
    agencyId: uuidSchema,
    territoryId: uuidSchema,
    period: periodIdSchema,
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ApprovalActionRequest = Static<typeof approvalActionRequestSchema>;

/** GET /api/v1/approvals/one?agencyId&territoryId&period. */
export const approvalKeyQuerySchema = Type.Object(
  { agencyId: uuidSchema, territoryId: uuidSchema, period: periodIdSchema },
  { additionalProperties: false },
);
export type ApprovalKeyQuery = Static<typeof approvalKeyQuerySchema>;

/** How the queue can be ordered: the last change, the submission or the period, each either way. */
export const approvalSorts = ['updatedAt', 'submittedAt', 'period'] as const;
export type ApprovalSort = (typeof approvalSorts)[number];

/**
 * GET /api/v1/approvals: the queue, newest change first unless `sort`/`order` say otherwise. Officers see only
 * their own write scope.
 */
export const approvalListQuerySchema = Type.Object(
  {
    status: Type.Optional(approvalStatusSchema),
    sort: Type.Optional(Type.Enum([...approvalSorts], { default: 'updatedAt' })),
    order: Type.Optional(Type.Enum(['asc', 'desc'], { default: 'desc' })),
    period: Type.Optional(periodIdSchema),
    periodType: Type.Optional(periodTypeSchema),
    agencyId: Type.Optional(uuidSchema),
    /** A territory and everything below it. */
    territoryId: Type.Optional(uuidSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(offsetSchema),
  },
  { additionalProperties: false },
);
export type ApprovalListQuery = Static<typeof approvalListQuerySchema>;

export const approvalListItemSchema = Type.Object(
  {
    ...approvalSchema.properties,
    updatedAt: isoDateTimeSchema,
    /** Whether the submission met the deadline; null while not submitted. */
    onTime: Type.Union([Type.Boolean(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type ApprovalListItem = Static<typeof approvalListItemSchema>;

export const approvalListSchema = Type.Object(
  { total: Type.Integer(), items: Type.Array(approvalListItemSchema) },
  { additionalProperties: false },
);
export type ApprovalList = Static<typeof approvalListSchema>;

/** The steps that can be taken on several reports at once. */
export const approvalBulkActions = ['approve', 'return'] as const;
export type ApprovalBulkAction = (typeof approvalBulkActions)[number];

/** POST /api/v1/approvals/bulk: approve or return several reports with one confirmation (one reason for all). */
export const approvalBulkRequestSchema = Type.Object(
  {
    action: Type.Enum([...approvalBulkActions]),
    /** Required to return. */
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    items: Type.Array(approvalKeyQuerySchema, { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);
export type ApprovalBulkRequest = Static<typeof approvalBulkRequestSchema>;

/** The outcome of one report of a bulk step: the new state, or why it was refused (nothing else changes). */
export const approvalBulkItemResultSchema = Type.Object(
  {
    agencyId: uuidSchema,
    territoryId: uuidSchema,
    period: Type.String(),
    ok: Type.Boolean(),
    approval: Type.Union([approvalSchema, Type.Null()]),
    /** The error the single step would have answered (code, English sentence, catalogue message). */
    error: Type.Union([
      Type.Object(
        { code: Type.String(), message: Type.String(), localised: Type.Optional(localisedMessageSchema) },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);
export type ApprovalBulkItemResult = Static<typeof approvalBulkItemResultSchema>;

/** The answer of a bulk step: one result per item, in the order asked. */
export const approvalBulkResultSchema = Type.Object(
  {
    succeeded: Type.Integer(),
    failed: Type.Integer(),
    results: Type.Array(approvalBulkItemResultSchema),
  },
  { additionalProperties: false },
);
export type ApprovalBulkResult = Static<typeof approvalBulkResultSchema>;

/** How many days after a period ends an agency's report is due, per period type. */
export const reportingDeadlineSchema = Type.Object(
  {
    agencyId: uuidSchema,
    periodType: periodTypeSchema,
    daysAfterEnd: Type.Integer({ minimum: 0, maximum: 366 }),
    /** True when no setting is stored and the default policy applies. */
    isDefault: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ReportingDeadline = Static<typeof reportingDeadlineSchema>;

export const reportingDeadlineListSchema = Type.Object(
  { defaultDaysAfterEnd: Type.Integer(), items: Type.Array(reportingDeadlineSchema) },
  { additionalProperties: false },
);
export type ReportingDeadlineList = Static<typeof reportingDeadlineListSchema>;

export const putReportingDeadlineRequestSchema = Type.Object(
  {
    agencyId: uuidSchema,
    periodType: periodTypeSchema,
    daysAfterEnd: Type.Integer({ minimum: 0, maximum: 366 }),
  },
  { additionalProperties: false },
);
export type PutReportingDeadlineRequest = Static<typeof putReportingDeadlineRequestSchema>;

export const completenessGroupings = ['agency', 'territory', 'period'] as const;
export type CompletenessGrouping = (typeof completenessGroupings)[number];

/** GET /api/v1/completeness: `from` and `to` are period ids of one type (at most 240 periods). */
export const completenessQuerySchema = Type.Object(
  {
    from: periodIdSchema,
    to: periodIdSchema,
    agencyId: Type.Optional(uuidSchema),
    /** A territory: its reporting territories (those without children) below it, or itself if it has none. */
    territoryId: Type.Optional(uuidSchema),
    groupBy: Type.Optional(Type.Enum([...completenessGroupings], { default: 'agency' })),
  },
  { additionalProperties: false },
);
export type CompletenessQuery = Static<typeof completenessQuerySchema>;

export const completenessFiguresSchema = Type.Object(
  {
    /** Values expected: elements × option combinations × reporting territories × periods. */
    expected: Type.Integer(),
    present: Type.Integer(),
    /** present / expected in [0, 1]; null when nothing is expected. */
    completeness: Type.Union([Type.Number(), Type.Null()]),
    /** Reports expected: one per (agency, territory, period) with something expected. */
    reports: Type.Integer(),
    submitted: Type.Integer(),
    onTime: Type.Integer(),
    late: Type.Integer(),
    /** onTime / reports; null when no report is expected. */
    timeliness: Type.Union([Type.Number(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type CompletenessFigures = Static<typeof completenessFiguresSchema>;

export const completenessRowSchema = Type.Object(
  {
    /** The grouped dimension only: agency, territory or period. */
    key: Type.Object(
      {
        agencyId: Type.Optional(uuidSchema),
        territoryId: Type.Optional(uuidSchema),
        period: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    ...completenessFiguresSchema.properties,
  },
  { additionalProperties: false },
);
export type CompletenessRow = Static<typeof completenessRowSchema>;

export const completenessReportSchema = Type.Object(
  {
    periodType: periodTypeSchema,
    periods: Type.Array(Type.String()),
    groupBy: Type.Enum([...completenessGroupings]),
    /** How many reporting territories are counted. */
    territories: Type.Integer(),
    rows: Type.Array(completenessRowSchema),
    total: completenessFiguresSchema,
  },
  { additionalProperties: false },
);
export type CompletenessReport = Static<typeof completenessReportSchema>;

/** GET /api/v1/completeness/details: one row per expected report, same filters, paged. */
export const completenessDetailQuerySchema = Type.Object(
  {
    ...completenessQuerySchema.properties,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(offsetSchema),
  },
  { additionalProperties: false },
);
export type CompletenessDetailQuery = Static<typeof completenessDetailQuerySchema>;

export const completenessDetailSchema = Type.Object(
  {
    agencyId: uuidSchema,
    territoryId: uuidSchema,
    period: Type.String(),
    expected: Type.Integer(),
    present: Type.Integer(),
    completeness: Type.Union([Type.Number(), Type.Null()]),
    status: approvalStatusSchema,
    submittedAt: Type.Union([isoDateTimeSchema, Type.Null()]),
    deadline: Type.String({ format: 'date' }),
    /** null while not submitted. */
    onTime: Type.Union([Type.Boolean(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type CompletenessDetail = Static<typeof completenessDetailSchema>;

export const completenessDetailListSchema = Type.Object(
  { total: Type.Integer(), items: Type.Array(completenessDetailSchema) },
  { additionalProperties: false },
);
export type CompletenessDetailList = Static<typeof completenessDetailListSchema>;
