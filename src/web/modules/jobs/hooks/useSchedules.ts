import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listSchedules, runSchedule, setScheduleEnabled } from '../api/jobs.api';
import { jobKeys } from './useJobs';

const scheduleKeys = { all: ['job-schedules'] as const };

/** Recurring schedules; refreshed every few seconds, since the scheduler moves them on by itself. */
export function useSchedules() {
  return useQuery({ queryKey: scheduleKeys.all, queryFn: listSchedules, refetchInterval: 5000 });
}

/** Switches a schedule on or off (administrators). */
export function useSetScheduleEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => setScheduleEnabled(id, enabled),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleKeys.all }),
  });
}

/** Queues a schedule's job now (administrators); refreshes schedules and jobs. */
export function useRunSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => runSchedule(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
      await queryClient.invalidateQueries({ queryKey: jobKeys.all });
    },
  });
}
