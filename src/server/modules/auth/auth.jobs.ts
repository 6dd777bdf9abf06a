import { defineJob, type JobDefinition } from '#server/jobs/job-definition';
import { defineSystemSchedule, type SystemSchedule } from '#server/jobs/schedules';
import type { AuthService } from './auth.service';
import { purgeExpiredSessionsJob } from './auth.types';

/** Job definitions of the auth module; handlers only call the service. */
export function createAuthJobs(auth: AuthService): JobDefinition[] {
  return [
    defineJob({
      ...purgeExpiredSessionsJob,
      handle: async () => ({ deleted: await auth.purgeExpired() }),
    }),
  ];
}

/** The auth module's shipped schedules. */
export const authSchedules: readonly SystemSchedule[] = [
  defineSystemSchedule(purgeExpiredSessionsJob, {
    name: purgeExpiredSessionsJob.name,
    payload: {},
    intervalSeconds: 3600,
  }),
];
