import { defineCpuTask } from '#server/lib/cpu-pool';
import { looksLikeZip, openArchive } from '#server/lib/documents/archive';
import { readTabularArchive, readTabularFile, type TabularFile } from '#server/lib/documents/tabular-file';
import { isTemplateArchive, readTemplateArchive, type FilledTemplate } from './template-file';

/** An uploaded value file, read: a filled Excel template, or a flat table from CSV or XLSX. */
export type ReadUpload =
  | { kind: 'template'; template: FilledTemplate }
  | { kind: 'table'; source: 'csv' | 'xlsx'; table: TabularFile };

/**
 * Reads an uploaded value file. A workbook is opened through `openArchive` before anything else (template
 * detection included), so a zip bomb is refused (413) before any parsing.
 */
export async function readUpload(file: { filename: string; data: Buffer }): Promise<ReadUpload> {
  if (!looksLikeZip(file.data))
    return { kind: 'table', source: 'csv', table: await readTabularFile(file.filename, file.data) };
  const archive = await openArchive(file.data);
  if (isTemplateArchive(archive)) return { kind: 'template', template: await readTemplateArchive(archive) };
  return { kind: 'table', source: 'xlsx', table: await readTabularArchive(archive) };
}

/** `readUpload` on a worker thread of the CPU pool, so parsing never holds the event loop. */
export const readUploadTask = defineCpuTask(
  'imports.read-upload',
  (input: { filename: string; data: Uint8Array }): Promise<ReadUpload> =>
    readUpload({
      filename: input.filename,
      data: Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength),
    }),
);
