import type {
  Job,
  JobList,
  JobListQuery,
  JobSchedule,
  JobScheduleList,
  JobScheduleRun,
} from '#shared/contracts/jobs.contract';
import { api } from '#web/lib/api-client';

/** Background jobs, newest first, filtered by status and name. */
export function listJobs(query: JobListQuery): Promise<JobList> {
  return api.get<JobList>('/jobs', query);
}

/** One job with its progress, result and last error. */
export function getJob(id: string): Promise<Job> {
  return api.get<Job>(`/jobs/${encodeURIComponent(id)}`);
}

/** Recurring schedules with their last run. */
export function listSchedules(): Promise<JobScheduleList> {
  return api.get<JobScheduleList>('/job-schedules');
}

/** Switches a schedule on (next run: the first after now) or off. */
export function setScheduleEnabled(id: string, enabled: boolean): Promise<JobSchedule> {
  return api.patch<JobSchedule>(`/job-schedules/${encodeURIComponent(id)}`, { enabled });
}

/** Queues a schedule's job now; `isNew` is false when a run was already queued or running. */
export function runSchedule(id: string): Promise<JobScheduleRun> {
  return api.post<JobScheduleRun>(`/job-schedules/${encodeURIComponent(id)}/run`);
}
