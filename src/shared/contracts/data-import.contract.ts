import { Type, type Static } from 'typebox';
import { uuidSchema } from './common.contract';
import { importResultSchema } from './data-values.contract';
import { jobStatuses } from './jobs.contract';

/**
 * POST /api/v1/data-imports answers 200 with an ImportResult when it imported at once (a check, or a file of
 * up to 20,000 values), and 202 with this when the file was checked in full and a job now writes it.
 */
export const dataImportQueuedSchema = Type.Object(
  { jobId: uuidSchema, rows: Type.Integer() },
  { additionalProperties: false },
);
export type DataImportQueued = Static<typeof dataImportQueuedSchema>;

/** GET /api/v1/data-imports/:id: the state of a queued import; `result` once it succeeded, `error` if it failed. */
export const dataImportJobSchema = Type.Object(
  {
    jobId: uuidSchema,
    status: Type.Enum([...jobStatuses]),
    result: Type.Union([importResultSchema, Type.Null()]),
    error: Type.Union([
      Type.Object(
        { code: Type.String(), message: Type.String(), details: Type.Unknown() },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);
export type DataImportJob = Static<typeof dataImportJobSchema>;
