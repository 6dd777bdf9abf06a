import { defineJob, type JobDefinition } from '#server/jobs/job-definition';
import type { Actor } from '#server/lib/actor';
import type { UserService } from '../auth/user.service';
import type { ImportService } from './import.service';
import { dataImportJob } from './import.types';

/** Job definitions of data imports; the handler only calls the service. */
export function createImportJobs(imports: ImportService, users: UserService): JobDefinition[] {
  return [
    defineJob({
      ...dataImportJob,
      handle: async (payload, context) => {
        // The user's scope as it is now: a scope narrowed since the upload applies to the write.
        const user = await users.get(payload.actorId);
        const actor: Actor = {
          userId: user.id,
          username: user.username,
          role: user.role,
          agencyId: user.agencyId,
          territoryId: user.territoryId,
          requestId: `job:${context.jobId}`,
          ip: null,
        };
        return imports.applyStoredFile(actor, payload.uploadId);
      },
    }),
  ];
}
