import { Type } from 'typebox';
import type { JobSpec } from '#server/jobs/job-definition';

/** Imports a value file stored as an upload, already checked in full when it was accepted. */
export const dataImportJob = {
  name: 'data-values.import-file',
  version: 1,
  payloadSchema: Type.Object({
    uploadId: Type.String({ format: 'uuid' }),
    actorId: Type.String({ format: 'uuid' }),
  }),
  // A refusal (an AppError: figures locked since, scope changed) fails at once; other errors retry.
  maxAttempts: 3,
} satisfies JobSpec;
