import { Type } from 'typebox';
import type { JobSpec } from '#server/jobs/job-definition';

/** Deletes sessions past their lifetime and sign-in attempts older than a day (housekeeping, hourly). */
export const purgeExpiredSessionsJob = {
  name: 'auth.purge-expired-sessions',
  version: 1,
  payloadSchema: Type.Object({}, { additionalProperties: false }),
  maxAttempts: 3,
} satisfies JobSpec;
