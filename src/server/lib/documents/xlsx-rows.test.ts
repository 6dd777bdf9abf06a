import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildValuesXlsx } from '#server/test/data-import-support';
import { buildZip, zipEntryOf } from '#server/test/factories';
import { openArchive } from './archive';
import { readTabularFile } from './tabular-file';
import { readFirstSheetFast } from './xlsx-rows';

async function workbookWithEverything(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Values');
  workbook.addWorksheet('Other').addRow(['not', 'read']);
  sheet.addRow(['Data Element', 'TERRITORY', 'period', 'Value', '', 'comment']);
  sheet.addRow(['drug_crimes', '41711000000000', '2024-03', 12, 'ignored', ' padded & <odd> ']);
  const dated = sheet.addRow(['drug_crimes', 'Бишкек', new Date(Date.UTC(2024, 2, 1)), 1.25]);
  dated.getCell(3).numFmt = 'mmm-yy';
  sheet.addRow([
    { richText: [{ text: 'drug_' }, { text: 'crimes', font: { bold: true } }] },
    'KG-GB',
    2024,
    { formula: '2*3', result: 6 },
  ]);
  sheet.addRow([]);
  sheet.addRow(['', '', '', '']);
  sheet.addRow(['crimes_total', 'KG-O', '2024Q1', true, '', '#1']);
  sheet.getCell('D9').value = 0.000125;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('fast first-sheet reader', () => {
  it('reads the same rows as the ExcelJS reader (shared strings, rich text, dates, formulas, gaps)', async () => {
    const data = await workbookWithEverything();
    const fast = readFirstSheetFast(await openArchive(data));
    expect(fast).not.toBeNull();
    expect(fast).toEqual(await readTabularFile('values.xlsx', data));
    expect(fast?.rows[1]?.cells.period).toBe('2024-03-01T00:00:00.000Z');
  });

  it('reads inline strings of the streaming writer the same way', async () => {
    const data = await buildValuesXlsx([
      ['drug_crimes', '41711000000000', '2024-03', 'cannabis', 5, 'a "quote"', 'estimated'],
      ['drug_crimes', 'KG-GB', '2024-03', '', null, '', ''],
    ]);
    expect(readFirstSheetFast(await openArchive(data))).toEqual(await readTabularFile('values.xlsx', data));
  });

  it('declines an archive that is not a workbook, for ExcelJS to judge', async () => {
    expect(readFirstSheetFast(await openArchive(buildZip([zipEntryOf('a.txt', 'hello')])))).toBeNull();
  });
});
