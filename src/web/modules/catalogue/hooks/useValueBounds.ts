import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SaveValueBoundRequest } from '#shared/contracts/data-values.contract';
import { deleteValueBound, listValueBounds, saveValueBound } from '../api/value-bounds.api';

const boundKeys = { ofElement: (dataElementId: string) => ['value-bounds', dataElementId] as const };

/** The min/max bounds of one data element. */
export function useValueBounds(dataElementId: string) {
  return useQuery({
    queryKey: boundKeys.ofElement(dataElementId),
    queryFn: () => listValueBounds(dataElementId),
  });
}

export function useSaveValueBound(dataElementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SaveValueBoundRequest) => saveValueBound(request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: boundKeys.ofElement(dataElementId) }),
  });
}

export function useDeleteValueBound(dataElementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteValueBound(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: boundKeys.ofElement(dataElementId) }),
  });
}
