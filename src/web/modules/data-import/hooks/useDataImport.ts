import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '#shared/domain/locale';
import { fetchDataTemplate, getImportJob, importValuesFile } from '../api/data-import.api';

const refreshValues = (queryClient: ReturnType<typeof useQueryClient>) =>
  // Values appear in forms, approvals, completeness and the explorer: refresh all but the session.
  queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });

/** Checks (dry run) or imports a value file; a real import refreshes every cached view of values. */
export function useImportValues() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => importValuesFile(file, dryRun),
    onSuccess: (result) => {
      if ('dryRun' in result && !result.dryRun) void refreshValues(queryClient);
    },
  });
}

/** Downloads the template of (agency, period) and hands it to the browser as a file. */
export function useDownloadTemplate() {
  return useMutation({
    mutationFn: async ({
      agencyId,
      period,
      locale,
    }: {
      agencyId: string;
      period: string;
      locale: Locale;
    }) => {
      const { blob, filename } = await fetchDataTemplate(agencyId, period, locale);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      // Revoked later: some browsers start the download only after the click handler returns.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return filename;
    },
  });
}

/** Follows a queued import until its job has finished; refreshes the values once it has. */
export function useImportJob(jobId: string | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['data-imports', jobId],
    queryFn: () => getImportJob(jobId ?? ''),
    enabled: jobId !== null,
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'queued' || q.state.data.status === 'running') ? 1000 : false,
  });
  const finished = query.data?.status === 'succeeded';
  useEffect(() => {
    if (finished) void refreshValues(queryClient);
  }, [finished, queryClient]);
  return query;
}
