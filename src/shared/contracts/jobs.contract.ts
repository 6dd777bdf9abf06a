import { Type, type Static } from 'typebox';
import { isoDateTimeSchema, offsetSchema, uuidSchema } from './common.contract';

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'dead'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const jobSchema = Type.Object(
  {
    id: uuidSchema,
    name: Type.String(),
    version: Type.Integer(),
    status: Type.Enum([...jobStatuses]),
    attempts: Type.Integer(),
    maxAttempts: Type.Integer(),
    runAt: isoDateTimeSchema,
    createdAt: isoDateTimeSchema,
    startedAt: Type.Union([isoDateTimeSchema, Type.Null()]),
    finishedAt: Type.Union([isoDateTimeSchema, Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    progress: Type.Union([Type.Number(), Type.Null()]),
    result: Type.Unknown(),
    createdBy: Type.Union([uuidSchema, Type.Null()]),
  },
  { additionalProperties: false },
);
export type Job = Static<typeof jobSchema>;

export const jobListSchema = Type.Object(
  { items: Type.Array(jobSchema), total: Type.Integer() },
  { additionalProperties: false },
);
export type JobList = Static<typeof jobListSchema>;

export const jobListQuerySchema = Type.Object(
  {
    status: Type.Optional(Type.Enum([...jobStatuses])),
    name: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(offsetSchema),
  },
  { additionalProperties: false },
);
export type JobListQuery = Static<typeof jobListQuerySchema>;
