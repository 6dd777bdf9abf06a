import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ExplorerExportRequest, ExplorerQuery } from '#shared/contracts/explorer.contract';
import { exportExplorer, runExplorerQuery, saveFile } from '../api/explorer.api';

/** Query keys of the explorer cache: one entry per query body. */
export const explorerKeys = { query: (query: ExplorerQuery | null) => ['explorer', 'query', query] as const };

/** Runs a query once it is complete (null: nothing asked yet); figures are always fresh from the server. */
export function useExplorerQuery(query: ExplorerQuery | null) {
  return useQuery({
    queryKey: explorerKeys.query(query),
    queryFn: () => runExplorerQuery(query as ExplorerQuery),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Downloads the pivot as CSV or XLSX and saves it. */
export function useExplorerExport() {
  return useMutation({
    mutationFn: async ({ request, format }: { request: ExplorerExportRequest; format: 'csv' | 'xlsx' }) =>
      saveFile(await exportExplorer(request, format)),
  });
}
