import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, writeCsv } from './csv-write';
import { readTabularFile } from './tabular-file';

describe('writeCsv', () => {
  const hostile = [
    '=HYPERLINK("http://evil.example","click")',
    '+1+2',
    '-2+3',
    '@SUM(A1)',
    '\t=1+1',
    '\r=1+1',
  ];

  it('neutralises every cell a spreadsheet would run as a formula, and reads back as written', async () => {
    const data = writeCsv([['name', 'value'], ...hostile.map((text, i) => [text, i])]);
    expect(data.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records: string[][] = parse(data.toString('utf8'), { bom: true });
    expect(records.slice(1).map((r) => r[0])).toEqual(hostile.map((text) => `'${text}`));
    expect(records.slice(1).every((r) => !/^[=+\-@\t\r]/.test(r[0] ?? ''))).toBe(true);
    // Our own reader sees the same cells.
    const table = await readTabularFile('back.csv', data);
    expect(table.rows.map((r) => r.cells.name)).toEqual(hostile.map((text) => `'${text}`.trim()));
  });

  it('keeps numbers (negative ones too) as numbers and ordinary text as it is', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(1068702.5)).toBe('1068702.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell('Бишкек — Ош · ң ө ү')).toBe('Бишкек — Ош · ң ө ү');
    expect(csvCell('a-b=c')).toBe('a-b=c');
  });

  it('quotes separators, quotes and line breaks, and ends lines with CRLF', () => {
    const data = writeCsv([['a,b', 'c;d', 'say "hi"', 'two\nlines']]);
    expect(data.toString('utf8')).toBe('\uFEFF"a,b","c;d","say ""hi""","two\nlines"\r\n');
    expect(parse(data.toString('utf8'), { bom: true })).toEqual([['a,b', 'c;d', 'say "hi"', 'two\nlines']]);
    expect(writeCsv([['a;b', 'c']], { separator: ';' }).toString('utf8')).toBe('\uFEFF"a;b";c\r\n');
  });
});
