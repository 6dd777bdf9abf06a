import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EntryForm,
  EntryFormQuery,
  SaveValueRequest,
  ValueHistoryQuery,
} from '#shared/contracts/data-values.contract';
import { getEntryForm, getValueHistory, saveValue } from '../api/entry.api';

/** Query keys; approval actions invalidate `all` so the form's lock follows the approval state. */
export const entryKeys = {
  all: ['entry-form'] as const,
  form: (query: EntryFormQuery) => [...entryKeys.all, query] as const,
  history: (query: ValueHistoryQuery) => [...entryKeys.all, 'history', query] as const,
};

/** The form, once agency, territory and period are all chosen. */
export function useEntryForm(query: EntryFormQuery | null) {
  return useQuery({
    queryKey: query ? entryKeys.form(query) : [...entryKeys.all, 'none'],
    queryFn: () => (query ? getEntryForm(query) : Promise.reject(new Error('no form chosen'))),
    enabled: query !== null,
  });
}

/**
 * Saves one cell of a form and writes the answer into that form's cache (the value and the form's checks),
 * so the grid updates without refetching; the cell's history is refreshed. The form travels with each save,
 * so a save that finishes after the user moved to another form lands in the right one.
 */
export function useSaveValue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request }: { form: EntryFormQuery; request: SaveValueRequest }) => saveValue(request),
    onSuccess: async (response, { form: formQuery, request }) => {
      const disaggregation = request.disaggregation ?? '';
      queryClient.setQueryData<EntryForm>(entryKeys.form(formQuery), (form) => {
        if (!form) return form;
        const others = form.values.filter(
          (v) => !(v.dataElementId === request.dataElementId && v.disaggregation === disaggregation),
        );
        return {
          ...form,
          values: response.value ? [...others, response.value] : others,
          checks: response.checks,
        };
      });
      await queryClient.invalidateQueries({ queryKey: [...entryKeys.all, 'history'] });
    },
  });
}

/** The history of one cell, loaded when a cell is selected. */
export function useValueHistory(query: ValueHistoryQuery | null) {
  return useQuery({
    queryKey: query ? entryKeys.history(query) : [...entryKeys.all, 'history', 'none'],
    queryFn: () => (query ? getValueHistory(query) : Promise.reject(new Error('no cell chosen'))),
    enabled: query !== null,
  });
}
