import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateTerritoryRequest,
  UpdateTerritoryRequest,
  UpsertPopulationRequest,
} from '#shared/contracts/territories.contract';
import {
  createTerritory,
  deletePopulation,
  getTerritory,
  importPopulation,
  listTerritories,
  updateTerritory,
  upsertPopulation,
} from '../api/territories.api';

/** Query keys of the territories cache; `all` covers list and details. */
export const territoryKeys = {
  all: ['territories'] as const,
  list: () => [...territoryKeys.all, 'list'] as const,
  detail: (id: string) => [...territoryKeys.all, 'detail', id] as const,
};

/** The flat list of all territories (about 64), cached for the session. */
export function useTerritories() {
  return useQuery({ queryKey: territoryKeys.list(), queryFn: listTerritories, staleTime: 5 * 60_000 });
}

/** One territory's detail: ancestors, children, population. */
export function useTerritory(id: string | undefined) {
  return useQuery({
    queryKey: territoryKeys.detail(id ?? ''),
    queryFn: () => getTerritory(id ?? ''),
    enabled: Boolean(id),
  });
}

/** Adds a territory (administrators); refreshes list and details. */
export function useCreateTerritory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateTerritoryRequest) => createTerritory(request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: territoryKeys.all }),
  });
}

/** Edits a territory (administrators); refreshes list and details. */
export function useUpdateTerritory(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateTerritoryRequest) => updateTerritory(id, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: territoryKeys.all }),
  });
}

/** Stores one year's figures of a territory; refreshes its detail. */
export function useUpsertPopulation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, request }: { year: number; request: UpsertPopulationRequest }) =>
      upsertPopulation(id, year, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: territoryKeys.detail(id) }),
  });
}

/** Deletes one year's figures of a territory; refreshes its detail. */
export function useDeletePopulation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => deletePopulation(id, year),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: territoryKeys.detail(id) }),
  });
}

/** Uploads a population file; 422 IMPORT_INVALID carries the problems per row. */
export function useImportPopulation() {
  return useMutation({ mutationFn: (file: File) => importPopulation(file) });
}
