import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { JobListQuery } from '#shared/contracts/jobs.contract';
import { getJob, listJobs } from '../api/jobs.api';
import { isJobActive } from '../job-status';

const refreshMs = 2000;

/** Query keys of the jobs cache. */
export const jobKeys = {
  all: ['jobs'] as const,
  list: (query: JobListQuery) => [...jobKeys.all, 'list', query] as const,
  detail: (id: string) => [...jobKeys.all, 'detail', id] as const,
};

/** A page of jobs; refreshes every two seconds while any job on it is queued or running. */
export function useJobs(query: JobListQuery) {
  return useQuery({
    queryKey: jobKeys.list(query),
    queryFn: () => listJobs(query),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some(isJobActive) ? refreshMs : false),
  });
}

/** One job, polled until it has finished (succeeded, failed or dead). */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: jobKeys.detail(id ?? ''),
    queryFn: () => getJob(id ?? ''),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && !isJobActive(q.state.data) ? false : 1000),
  });
}
