import { Type, type Static } from 'typebox';
import { isoDateTimeSchema, uuidSchema } from './common.contract';

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'dead'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/**
 * Why a job failed, as a catalogued error: a code of src/shared/errors.ts and its parameters, translated
 * by the interface. Raw error text (database or stack) never leaves the server log.
 */
export const jobErrorSchema = Type.Object(
  { code: Type.String(), params: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: false },
);
export type JobError = Static<typeof jobErrorSchema>;

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
    /** The last failure (also while a retry waits); null once the job succeeded. */
    error: Type.Union([jobErrorSchema, Type.Null()]),
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
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type JobListQuery = Static<typeof jobListQuerySchema>;

/** A recurring schedule of a job, as administrators see it. */
export const jobScheduleSchema = Type.Object(
  {
    id: uuidSchema,
    /** Stable name given by the module that registered it (`auth.purge-expired-sessions`, `media.fetch-source:<id>`). */
    name: Type.String(),
    jobName: Type.String(),
    jobVersion: Type.Integer(),
    /** Five-field cron expression in `timezone`, or null for an interval schedule. */
    cron: Type.Union([Type.String(), Type.Null()]),
    intervalSeconds: Type.Union([Type.Integer(), Type.Null()]),
    timezone: Type.String(),
    enabled: Type.Boolean(),
    nextRunAt: Type.Union([isoDateTimeSchema, Type.Null()]),
    lastRunAt: Type.Union([isoDateTimeSchema, Type.Null()]),
    /** The job the schedule last queued, while it is kept. */
    lastJob: Type.Union([
      Type.Object(
        {
          id: uuidSchema,
          status: Type.Enum([...jobStatuses]),
          error: Type.Union([jobErrorSchema, Type.Null()]),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);
export type JobSchedule = Static<typeof jobScheduleSchema>;

export const jobScheduleListSchema = Type.Object(
  { items: Type.Array(jobScheduleSchema) },
  { additionalProperties: false },
);
export type JobScheduleList = Static<typeof jobScheduleListSchema>;

/** PATCH /api/v1/job-schedules/:id: switch a schedule on or off. */
export const jobScheduleUpdateSchema = Type.Object(
  { enabled: Type.Boolean() },
  { additionalProperties: false },
);
export type JobScheduleUpdate = Static<typeof jobScheduleUpdateSchema>;

/** POST /api/v1/job-schedules/:id/run: the job queued, or the run already queued or running (`isNew` false). */
export const jobScheduleRunSchema = Type.Object(
  { jobId: uuidSchema, isNew: Type.Boolean() },
  { additionalProperties: false },
);
export type JobScheduleRun = Static<typeof jobScheduleRunSchema>;
