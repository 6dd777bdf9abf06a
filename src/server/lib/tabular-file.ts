import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { msg } from '#shared/messages/catalogue';
import { AppError } from './app-error';
import { checkZipArchive } from './xlsx-guard';

/** A data row of an uploaded table: its row number as a spreadsheet shows it, and cells by header. */
export type TabularRow = { row: number; cells: Record<string, string> };
export type TabularFile = { headers: string[]; rows: TabularRow[] };

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

async function readXlsx(data: Buffer): Promise<TabularFile> {
  const check = checkZipArchive(data);
  if (!check.ok)
    throw new AppError('FILE_UNREADABLE', msg('file.spreadsheet_refused'), { reason: check.reason });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('FILE_UNREADABLE', msg('file.spreadsheet_unreadable'), {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
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

/** Reads the first sheet of an .xlsx file or a CSV file (comma or semicolon, UTF-8) into rows by header. */
export async function readTabularFile(filename: string, data: Buffer): Promise<TabularFile> {
  if (data.length === 0) throw new AppError('FILE_UNREADABLE', msg('file.empty'));
  const isZip = data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
  if (isZip || /\.xlsx$/i.test(filename)) return readXlsx(data);
  if (/\.(xls|ods)$/i.test(filename)) {
    throw new AppError('FILE_UNREADABLE', msg('file.type_not_accepted'));
  }
  return readCsv(data);
}

/** Writes rows to an .xlsx buffer with a bold, frozen header row. */
export async function writeXlsx(
  sheetName: string,
  headers: string[],
  rows: Array<Array<string | number | null>>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kuzot';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
