import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateDataElementRequest,
  CreateIndicatorRequest,
  CreateIndicatorVersionRequest,
  CreateValidationRuleRequest,
  UpdateDataElementRequest,
  UpdateIndicatorRequest,
  UpdateValidationRuleRequest,
} from '#shared/contracts/catalogue.contract';
import {
  addIndicatorVersion,
  createDataElement,
  createIndicator,
  createValidationRule,
  getCatalogue,
  updateDataElement,
  updateIndicator,
  updateValidationRule,
} from '../api/catalogue.api';

/** Query keys of the catalogue cache. */
export const catalogueKeys = {
  all: ['catalogue'] as const,
  formulaCheck: (formula: string, indicatorCode: string | null) =>
    ['catalogue', 'formula-check', formula, indicatorCode] as const,
};

/** The whole catalogue; one request feeds every tab. */
export function useCatalogue() {
  return useQuery({ queryKey: catalogueKeys.all, queryFn: getCatalogue, staleTime: 60_000 });
}

/** A catalogue change that refreshes the catalogue (and so every open formula check) on success. */
function useCatalogueMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all }),
  });
}

export function useCreateDataElement() {
  return useCatalogueMutation((request: CreateDataElementRequest) => createDataElement(request));
}

export function useUpdateDataElement() {
  return useCatalogueMutation(({ id, request }: { id: string; request: UpdateDataElementRequest }) =>
    updateDataElement(id, request),
  );
}

export function useCreateIndicator() {
  return useCatalogueMutation((request: CreateIndicatorRequest) => createIndicator(request));
}

export function useUpdateIndicator() {
  return useCatalogueMutation(({ id, request }: { id: string; request: UpdateIndicatorRequest }) =>
    updateIndicator(id, request),
  );
}

export function useAddIndicatorVersion() {
  return useCatalogueMutation(({ id, request }: { id: string; request: CreateIndicatorVersionRequest }) =>
    addIndicatorVersion(id, request),
  );
}

export function useCreateValidationRule() {
  return useCatalogueMutation((request: CreateValidationRuleRequest) => createValidationRule(request));
}

export function useUpdateValidationRule() {
  return useCatalogueMutation(({ id, request }: { id: string; request: UpdateValidationRuleRequest }) =>
    updateValidationRule(id, request),
  );
}
