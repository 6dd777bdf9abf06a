import ExcelJS from 'exceljs';

/** The content type of an .xlsx file. */
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell we write: text is stored as text (never a formula), numbers as numbers, null as an empty cell. */
export type XlsxCell = string | number | null;

/** A new workbook as Kuzot writes them (its author set); add sheets, then `workbookBuffer`. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kuzot';
  return workbook;
}

/** The bytes of a workbook, ready to send or store. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes rows to an .xlsx buffer with a bold, frozen header row. */
export async function writeXlsx(
  sheetName: string,
  headers: string[],
  rows: ReadonlyArray<ReadonlyArray<XlsxCell>>,
): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return workbookBuffer(workbook);
}
