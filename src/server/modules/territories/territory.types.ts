import { Type } from 'typebox';
import type { Denominator, PopulationField } from '#shared/domain/population';
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

/** A year's denominator of a territory by the population policy (docs/POPULATION.md); null: none at all. */
export type DenominatorLookup = (
  territoryId: string,
  year: number,
  field: PopulationField,
) => Denominator | null;
