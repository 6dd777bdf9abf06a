import { Type } from 'typebox';
import type { JobSpec } from '#server/jobs/job-definition';

/** Applies a validated population file stored as an upload. */
export const populationImportJob = {
  name: 'territories.import-population',
  version: 1,
  payloadSchema: Type.Object({
    uploadId: Type.String({ format: 'uuid' }),
    actorId: Type.Union([Type.String(), Type.Null()]),
    actorUsername: Type.String(),
  }),
  maxAttempts: 3,
} satisfies JobSpec;

export type PopulationImportSummary = {
  rowCount: number;
  inserted: number;
  updated: number;
  unchanged: number;
};
