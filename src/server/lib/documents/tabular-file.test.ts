import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { manySheetsBomb, workbookXmlBomb } from '#server/test/factories';
import { AppError } from '../app-error';
import { readTabularFile } from './tabular-file';
import { writeXlsx } from './xlsx-write';

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'no error';
};

describe('readTabularFile', () => {
  it('reads a comma CSV with a BOM and CRLF line ends, normalising headers', async () => {
    const data = Buffer.from('\uFEFFCode, Year ,Age 0 17\r\n41711000000000,2030,5\r\n', 'utf8');
    expect(await readTabularFile('p.csv', data)).toEqual({
      headers: ['code', 'year', 'age_0_17'],
      rows: [{ row: 2, cells: { code: '41711000000000', year: '2030', age_0_17: '5' } }],
    });
  });

  it('detects semicolons and keeps quoted separators inside cells', async () => {
    const data = Buffer.from('code;total;source\n41711000000000;1,068,702;"A; B"\n', 'utf8');
    expect((await readTabularFile('p.csv', data)).rows[0]?.cells).toEqual({
      code: '41711000000000',
      total: '1,068,702',
      source: 'A; B',
    });
  });

  it('skips blank lines but keeps the row numbers a spreadsheet would show', async () => {
    const data = Buffer.from('code,year\n\n1,2\n ,  \n3,4\n', 'utf8');
    expect((await readTabularFile('p.csv', data)).rows.map((r) => r.row)).toEqual([3, 5]);
  });

  it('marks rows with more cells than headers, and fills missing cells with empty text', async () => {
    const data = Buffer.from('a,b\n1,2,3\n1\n', 'utf8');
    const { rows } = await readTabularFile('p.csv', data);
    expect(rows[0]?.cells).toEqual({ a: '1', b: '2', __extra__: 'yes' });
    expect(rows[1]?.cells).toEqual({ a: '1', b: '' });
  });

  it('refuses empty files, text that is not UTF-8, broken quoting and old Excel files', async () => {
    expect(await codeOf(readTabularFile('p.csv', Buffer.alloc(0)))).toBe('FILE_UNREADABLE');
    expect(await codeOf(readTabularFile('p.csv', Buffer.from('code\nBishkek \xe9\n', 'latin1')))).toBe(
      'FILE_UNREADABLE',
    );
    expect(await codeOf(readTabularFile('p.csv', Buffer.from('a,b\n"unclosed,2\n', 'utf8')))).toBe(
      'FILE_UNREADABLE',
    );
    expect(await codeOf(readTabularFile('p.xls', Buffer.from('anything')))).toBe('FILE_UNREADABLE');
    expect(await codeOf(readTabularFile('p.ods', Buffer.from('anything')))).toBe('FILE_UNREADABLE');
  });

  it('reads the first worksheet of an XLSX file: numbers, formulas with results, rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('first');
    sheet.addRow(['Code', 'Total', 'Source']);
    sheet.addRow([
      '41711000000000',
      1_068_702,
      { richText: [{ text: 'NSC ' }, { text: '2024', font: { bold: true } }] },
    ]);
    sheet.addRow(['41721000000000', { formula: '1+1', result: 2 }, 'Formula']);
    workbook.addWorksheet('second').addRow(['ignored']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readTabularFile('p.xlsx', data)).toEqual({
      headers: ['code', 'total', 'source'],
      rows: [
        { row: 2, cells: { code: '41711000000000', total: '1068702', source: 'NSC 2024' } },
        { row: 3, cells: { code: '41721000000000', total: '2', source: 'Formula' } },
      ],
    });
  });

  it('recognises a workbook by its content whatever its name', async () => {
    const data = await writeXlsx('s', ['code'], [['41711000000000']]);
    expect((await readTabularFile('upload.csv', data)).rows).toEqual([
      { row: 2, cells: { code: '41711000000000' } },
    ]);
  });

  it('refuses a damaged workbook', async () => {
    const data = await writeXlsx('s', ['code'], [['1']]);
    expect(await codeOf(readTabularFile('p.xlsx', data.subarray(0, data.length / 2)))).toBe(
      'FILE_UNREADABLE',
    );
  });

  it('refuses zip bombs before parsing them, whatever the file is called (413)', async () => {
    expect(await codeOf(readTabularFile('p.xlsx', await workbookXmlBomb()))).toBe('FILE_TOO_LARGE_UNPACKED');
    expect(await codeOf(readTabularFile('p.csv', manySheetsBomb()))).toBe('FILE_TOO_LARGE_UNPACKED');
  });
});
