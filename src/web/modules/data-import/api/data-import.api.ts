import type { DataImportJob, DataImportQueued } from '#shared/contracts/data-import.contract';
import type { ImportResult } from '#shared/contracts/data-values.contract';
import type { Locale } from '#shared/domain/locale';
import { api, ApiError, apiErrorOf, apiUrl } from '#web/lib/api-client';
import { attachmentFilename } from '#web/lib/content-disposition';

/**
 * Uploads a CSV, a flat XLSX or a filled template. With `dryRun` the server checks everything and reports
 * what would change without writing; a file with problems is refused whole (IMPORT_INVALID). A large file
 * that passed every check comes back queued (a job id) and is written in the background.
 */
export function importValuesFile(file: File, dryRun: boolean): Promise<ImportResult | DataImportQueued> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<ImportResult | DataImportQueued>(
    dryRun ? '/data-imports?dryRun=true' : '/data-imports',
    form,
  );
}

/** The state of a large import that a job writes. */
export function getImportJob(jobId: string): Promise<DataImportJob> {
  return api.get<DataImportJob>(`/data-imports/${encodeURIComponent(jobId)}`);
}

/** Address of the Excel template of an agency for a period, in the user's language. */
export function dataTemplateUrl(agencyId: string, period: string, locale: Locale): string {
  return apiUrl('/data-templates', { agencyId, period, locale });
}

/**
 * Fetches the template as a file. Fetched rather than linked so that a refusal (another agency, a period
 * type the agency does not report) shows as an error on the page instead of a downloaded error text.
 */
export async function fetchDataTemplate(
  agencyId: string,
  period: string,
  locale: Locale,
): Promise<{ blob: Blob; filename: string }> {
  let response: Response;
  try {
    response = await fetch(dataTemplateUrl(agencyId, period, locale), { credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!response.ok) {
    throw apiErrorOf(response.status, response.statusText, await response.json().catch(() => null));
  }
  const filename = attachmentFilename(response.headers.get('content-disposition'), `kuzot-${period}.xlsx`);
  return { blob: await response.blob(), filename };
}
