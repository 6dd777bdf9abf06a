/**
 * The one way Kuzot writes CSV. A cell is quoted when it holds the separator, a quote or a line break, and a
 * text that a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return) gets a leading apostrophe, so opening an export never runs what someone typed into a name or a
 * comment (CSV injection). Numbers are written as they are, so a negative figure stays a number.
 */

/** A cell we write: numbers stay numbers; text is neutralised and quoted as needed; null is empty. */
export type CsvCell = string | number | null;

const formulaStart = /^[=+\-@\t\r]/;

/** One cell as CSV text. */
export function csvCell(value: CsvCell, separator = ','): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = formulaStart.test(value) ? `'${value}` : value;
  // Commas and semicolons are both quoted: Excel in Russian and Kyrgyz locales splits on semicolons.
  return text.includes(separator) || /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV file: UTF-8 with a byte-order mark (so Excel reads Cyrillic correctly) and CRLF line ends, as
 * RFC 4180 has them.
 */
export function writeCsv(
  rows: ReadonlyArray<ReadonlyArray<CsvCell>>,
  options: { separator?: string } = {},
): Buffer {
  const separator = options.separator ?? ',';
  const lines = rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator));
  return Buffer.from(`\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`, 'utf8');
}

/** The content type of the CSV files we write. */
export const csvContentType = 'text/csv; charset=utf-8';
