import type { Job, JobList, JobListQuery } from '#shared/contracts/jobs.contract';
import { api } from '#web/lib/api-client';

/** Background jobs, newest first, filtered by status and name. */
export function listJobs(query: JobListQuery): Promise<JobList> {
  return api.get<JobList>('/jobs', query);
}

/** One job with its progress, result and last error. */
export function getJob(id: string): Promise<Job> {
  return api.get<Job>(`/jobs/${encodeURIComponent(id)}`);
}
