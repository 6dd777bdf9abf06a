import ExcelJS from 'exceljs';
import { msg } from '#shared/messages/catalogue';
import { AppError } from '../app-error';
import type { SafeArchive } from './archive';

/**
 * ExcelJS's model of a workbook that passed `openArchive` (the only way we hand an uploaded workbook to
 * ExcelJS); FILE_UNREADABLE when ExcelJS cannot read it.
 */
export async function openWorkbook(archive: SafeArchive): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(archive.data as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('FILE_UNREADABLE', msg('file.spreadsheet_unreadable'), {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  return workbook;
}
