import { defineJob, type JobDefinition } from '#server/jobs/job-definition';
import type { Actor } from '#server/lib/actor';
import type { TerritoryService } from './territory.service';
import { populationImportJob } from './territory.types';

/** Job definitions of the territories module; handlers only call the service. */
export function createTerritoryJobs(service: TerritoryService): JobDefinition[] {
  return [
    defineJob({
      ...populationImportJob,
      handle: (payload, context) => {
        const actor: Actor = {
          userId: payload.actorId,
          username: payload.actorUsername,
          role: 'administrator',
          agencyId: null,
          territoryId: null,
          requestId: `job:${context.jobId}`,
          ip: null,
        };
        return service.applyStoredPopulationImport(actor, payload.uploadId, (fraction) =>
          context.reportProgress(fraction),
        );
      },
    }),
  ];
}
