import { defineCpuTask } from '../cpu-pool';
import { readTabularFile, type TabularFile } from './tabular-file';

/**
 * `readTabularFile` as a CPU task: an uploaded spreadsheet parsed on a worker thread (ExcelJS builds every
 * cell's object model, seconds for a large file), so requests keep being answered meanwhile.
 */
export const readTabularFileTask = defineCpuTask(
  'lib.read-tabular-file',
  (input: { filename: string; data: Uint8Array }): Promise<TabularFile> =>
    readTabularFile(
      input.filename,
      Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength),
    ),
);
