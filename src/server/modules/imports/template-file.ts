import type ExcelJS from 'exceljs';
import { msg } from '#shared/messages/catalogue';
import { AppError } from '#server/lib/app-error';
import type { SafeArchive } from '#server/lib/documents/archive';
import { openWorkbook } from '#server/lib/documents/xlsx-read';
import {
  headerRows,
  metaSheetName,
  templateMarker,
  templateVersion,
  type TemplateSheet,
} from './template.rules';

/** A filled template read back: what it is for, and its data sheets. */
export type FilledTemplate = { period: string; agencyId: string; sheets: TemplateSheet[] };

/** The text of a cell as a person sees it (formula results, rich text and numbers included). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.trim();
  if (value instanceof Date) return value.toISOString();
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('text' in value) return String(value.text).trim();
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * Whether a checked workbook is a Kuzot template: its `xl/workbook.xml` names the very hidden marker sheet,
 * so an upload is recognised without loading the workbook twice.
 */
export function isTemplateArchive(archive: SafeArchive): boolean {
  return archive.text('xl/workbook.xml')?.includes(`name="${metaSheetName}"`) ?? false;
}

/**
 * Reads a filled template from a checked workbook; FILE_UNREADABLE when it is damaged or its marker is
 * broken. Pure (bytes in, sheets out), so it runs on a worker thread.
 */
export async function readTemplateArchive(archive: SafeArchive): Promise<FilledTemplate> {
  const workbook = await openWorkbook(archive);
  const meta = workbook.getWorksheet(metaSheetName);
  const at = (row: number, column: number) => cellText(meta?.getRow(row).getCell(column).value ?? null);
  if (!meta || at(1, 1) !== templateMarker || at(1, 2) !== String(templateVersion))
    throw new AppError('FILE_UNREADABLE', msg('template.damaged'));
  const sheets = new Map<string, TemplateSheet>();
  meta.eachRow((row, number) => {
    if (number <= 3 || cellText(row.getCell(1).value) !== 'sheet') return;
    const name = cellText(row.getCell(2).value);
    const column = Number(cellText(row.getCell(3).value));
    if (!sheets.has(name)) sheets.set(name, { name, columns: [], rows: [] });
    sheets.get(name)?.columns.push({ column, letter: '', key: cellText(row.getCell(4).value) });
  });
  for (const sheet of sheets.values()) {
    const worksheet = workbook.getWorksheet(sheet.name);
    if (!worksheet)
      throw new AppError('FILE_UNREADABLE', msg('template.sheet_removed', { sheet: sheet.name }));
    for (const c of sheet.columns) c.letter = worksheet.getColumn(c.column).letter;
    worksheet.eachRow((row, number) => {
      if (number <= headerRows) return;
      const key = cellText(row.getCell(1).value);
      if (key === '') return;
      const cells: Record<number, string> = {};
      for (const c of sheet.columns) cells[c.column] = cellText(row.getCell(c.column).value);
      sheet.rows.push({ row: number, key, cells });
    });
  }
  return { period: at(2, 2), agencyId: at(3, 2), sheets: [...sheets.values()] };
}
