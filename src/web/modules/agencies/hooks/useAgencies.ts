import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateAgencyRequest, UpdateAgencyRequest } from '#shared/contracts/agencies.contract';
import { createAgency, listAgencies, updateAgency } from '../api/agencies.api';

/** Query keys of the agencies cache. */
export const agencyKeys = { all: ['agencies'] as const };

/** All agencies, active and inactive. */
export function useAgencies() {
  return useQuery({ queryKey: agencyKeys.all, queryFn: listAgencies, staleTime: 60_000 });
}

/** Adds an agency (administrators); refreshes the list on success. */
export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateAgencyRequest) => createAgency(request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agencyKeys.all }),
  });
}

/** Renames or (de)activates an agency (administrators); refreshes the list on success. */
export function useUpdateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateAgencyRequest }) => updateAgency(id, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agencyKeys.all }),
  });
}
