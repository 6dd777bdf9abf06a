import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { msg } from '#shared/messages/catalogue';
import { AppError } from '../app-error';
import { looksLikeZip, openArchive, type SafeArchive } from './archive';
import { openWorkbook } from './xlsx-read';
import { readFirstSheetFast } from './xlsx-rows';
import type { TabularFile, TabularRow } from './tabular.types';

export type { TabularFile, TabularRow } from './tabular.types';

const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '_');

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('result' in value && value.result !== undefined) return cellText(value.result);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return JSON.stringify(value);
}

/** ExcelJS's reading of the first sheet, for workbooks the fast reader does not know. */
async function readXlsx(archive: SafeArchive): Promise<TabularFile> {
  const workbook = await openWorkbook(archive);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('FILE_UNREADABLE', msg('file.no_worksheet'));
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = normaliseHeader(cellText(cell.value));
  });
  const rows: TabularRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    let hasValue = false;
    headers.forEach((header, i) => {
      if (!header) return;
      const text = cellText(row.getCell(i + 1).value).trim();
      if (text !== '') hasValue = true;
      cells[header] = text;
    });
    if (hasValue) rows.push({ row: rowNumber, cells });
  });
  return { headers: headers.filter(Boolean), rows };
}

function readCsv(data: Buffer): TabularFile {
  const text = data.toString('utf8');
  if (text.includes('\uFFFD')) throw new AppError('FILE_UNREADABLE', msg('file.csv_not_utf8'));
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // Spreadsheets in Russian and Kyrgyz locales save CSV with semicolons.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    const parsed: unknown = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    });
    records = parsed as string[][];
  } catch (error) {
    throw new AppError('FILE_UNREADABLE', msg('file.csv_unreadable'), {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  const [headerRecord, ...data_] = records;
  if (!headerRecord) throw new AppError('FILE_UNREADABLE', msg('file.empty'));
  const headers = headerRecord.map(normaliseHeader);
  const rows: TabularRow[] = [];
  data_.forEach((record, i) => {
    if (record.every((v) => v.trim() === '')) return;
    const cells: Record<string, string> = {};
    headers.forEach((header, col) => {
      if (header) cells[header] = (record[col] ?? '').trim();
    });
    if (record.length > headers.length && record.slice(headers.length).some((v) => v.trim() !== '')) {
      cells['__extra__'] = 'yes';
    }
    rows.push({ row: i + 2, cells });
  });
  return { headers: headers.filter(Boolean), rows };
}

/**
 * Refuses a table with a NUL character (U+0000) in a header or cell, every such cell named: PostgreSQL
 * stores no NUL in text, so a comment or source carrying one would fail the whole write with a 500.
 */
export function withoutNul(table: TabularFile): TabularFile {
  const message = 'The cell contains the NUL character (U+0000), which cannot be stored.';
  const problems = table.headers
    .filter((header) => header.includes('\u0000'))
    .map((header) => ({ row: 1, column: header.replaceAll('\u0000', ''), message }));
  for (const row of table.rows)
    for (const [column, value] of Object.entries(row.cells))
      if (value.includes('\u0000')) problems.push({ row: row.row, column, message });
  if (problems.length > 0) throw new AppError('IMPORT_INVALID', undefined, { problems });
  return table;
}

/**
 * The first sheet of a workbook that passed `openArchive`, as rows by header: read from the sheet XML
 * (`xlsx-rows.ts`, fast), or by ExcelJS when that reader does not know the file's shape.
 */
export async function readTabularArchive(archive: SafeArchive): Promise<TabularFile> {
  return withoutNul(readFirstSheetFast(archive) ?? (await readXlsx(archive)));
}

/**
 * Reads the first sheet of an .xlsx file or a CSV file (comma or semicolon, UTF-8) into rows by header. A
 * workbook is opened through `openArchive` first, so a zip bomb is refused before anything parses it.
 */
export async function readTabularFile(filename: string, data: Buffer): Promise<TabularFile> {
  if (data.length === 0) throw new AppError('FILE_UNREADABLE', msg('file.empty'));
  if (looksLikeZip(data) || /\.xlsx$/i.test(filename)) return readTabularArchive(await openArchive(data));
  if (/\.(xls|ods)$/i.test(filename)) {
    throw new AppError('FILE_UNREADABLE', msg('file.type_not_accepted'));
  }
  return withoutNul(readCsv(data));
}
