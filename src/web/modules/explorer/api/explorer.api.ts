import type {
  ExplorerExportRequest,
  ExplorerQuery,
  ExplorerResult,
  ExplorerTable,
} from '#shared/contracts/explorer.contract';
import { explorerTable } from '#shared/domain/explorer-series';
import { api, type DownloadedFile } from '#web/lib/api-client';

/** Figures for items × territories × periods, rolled up the hierarchy on the server, one cell per figure. */
export async function runExplorerQuery(query: ExplorerQuery): Promise<ExplorerTable> {
  return explorerTable(await api.post<ExplorerResult>('/explorer/query', query));
}

/** The pivot as a CSV or XLSX file, laid out as on screen. */
export function exportExplorer(
  request: ExplorerExportRequest,
  format: 'csv' | 'xlsx',
): Promise<DownloadedFile> {
  return api.download('/explorer/export', request, { format });
}

/** Hands a downloaded file to the browser as a save. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
