import { useQuery } from '@tanstack/react-query';
import { getDataValueStatus } from '../api/demo.api';

/** Demo data arrive in the background after the first start, so the count is refreshed now and then. */
const refreshMs = 60_000;

/** The data-value status, for users allowed to read values (`enabled` false otherwise). */
export function useDataValueStatus(enabled: boolean) {
  return useQuery({
    queryKey: ['data-values', 'status'],
    queryFn: getDataValueStatus,
    enabled,
    staleTime: refreshMs,
    refetchInterval: refreshMs,
  });
}
