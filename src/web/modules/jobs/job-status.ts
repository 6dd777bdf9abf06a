import type { Job, JobStatus } from '#shared/contracts/jobs.contract';

/** Statuses after which a job never changes again. */
export const finishedStatuses: readonly JobStatus[] = ['succeeded', 'failed', 'dead'];

/** Whether the job is still queued or running. */
export function isJobActive(job: Pick<Job, 'status'>): boolean {
  return !finishedStatuses.includes(job.status);
}

/** Badge colour per status. */
export const jobStatusColor: Record<JobStatus, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'orange',
  dead: 'red',
};
