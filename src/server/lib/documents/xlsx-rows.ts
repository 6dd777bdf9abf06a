import type { SafeArchive } from './archive';
import type { TabularFile, TabularRow } from './tabular.types';

/**
 * A fast reader of the first worksheet of an .xlsx file, for large flat uploads (100,000 values). ExcelJS
 * builds a full object model of every cell, styles included, which costs seconds; this reads the sheet XML
 * once with regular expressions and yields the same rows as `readTabularFile` (texts trimmed, numbers as
 * `String(number)`, date-formatted numbers as ISO date-times, header names lower-cased with underscores).
 * It returns null for anything it does not recognise, and the caller falls back to ExcelJS. It reads only
 * archives `openArchive` has checked.
 */

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return entities[name] ?? whole;
  });
}

/** The text of the `<t>` elements of a string item (plain or rich text), phonetic runs left out. */
function textOf(xml: string): string {
  const withoutPhonetic = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g))
    text += decodeXml(m[1] ?? '');
  return text;
}

function sharedStrings(archive: SafeArchive): string[] {
  const xml = archive.text('xl/sharedStrings.xml');
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g)].map((m) =>
    textOf(m[1] ?? ''),
  );
}

const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** For each cell style index, whether its number format shows a date. */
function dateStyles(archive: SafeArchive): boolean[] {
  const xml = archive.text('xl/styles.xml');
  if (!xml) return [];
  const custom = new Map<number, boolean>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"/g)) {
    const code = decodeXml(m[2] ?? '')
      .replace(/"[^"]*"/g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/\\./g, '');
    custom.set(Number(m[1]), /[dmy]/i.test(code));
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*)/g)].map((m) => {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1] ?? '')?.[1] ?? 0);
    return builtInDateFormats.has(id) || custom.get(id) === true;
  });
}

/** The path of the first worksheet in workbook order, or null. */
function firstSheetPath(archive: SafeArchive): string | null {
  const workbook = archive.text('xl/workbook.xml');
  const rels = archive.text('xl/_rels/workbook.xml.rels');
  // Dates counted from 1904 (old Mac files) are rare; ExcelJS reads those.
  if (!workbook || !rels || /date1904="(1|true)"/.test(workbook)) return null;
  const sheet =
    /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(workbook) ??
    /<(?:\w+:)?sheet\b[^>]*?\bid="([^"]+)"/.exec(workbook);
  if (!sheet) return null;
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const attributes = m[1] ?? '';
    if (/\bId="([^"]+)"/.exec(attributes)?.[1] !== sheet[1]) continue;
    const target = /\bTarget="([^"]+)"/.exec(attributes)?.[1];
    if (!target) return null;
    return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  return null;
}

const columnNumber = (letters: string) => {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
};

const excelEpoch = Date.UTC(1899, 11, 30);

/**
 * Reads the first worksheet as a table (NUL characters not yet checked), or returns null when the file is not
 * in a shape this reader knows (the caller then uses ExcelJS).
 */
export function readFirstSheetFast(archive: SafeArchive): TabularFile | null {
  const path = firstSheetPath(archive);
  const sheet = path ? archive.text(path) : null;
  if (!sheet) return null;
  const strings = sharedStrings(archive);
  const dates = dateStyles(archive);

  const grid: Array<{ row: number; cells: Map<number, string> }> = [];
  let current: { row: number; cells: Map<number, string> } | null = null;
  let lastColumn = 0;
  const pattern = /<(?:\w+:)?row\b([^>]*)>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  for (const m of sheet.matchAll(pattern)) {
    if (m[1] !== undefined) {
      const number: number = Number(/\br="(\d+)"/.exec(m[1])?.[1] ?? (current ? current.row + 1 : 1));
      current = { row: number, cells: new Map<number, string>() };
      grid.push(current);
      lastColumn = 0;
      continue;
    }
    if (!current) return null;
    const attributes = m[2] ?? '';
    const body = m[3] ?? '';
    const reference = /\br="([A-Z]+)(\d+)"/.exec(attributes);
    const column = reference ? columnNumber(reference[1] ?? '') : lastColumn + 1;
    lastColumn = column;
    const type = /\bt="(\w+)"/.exec(attributes)?.[1] ?? 'n';
    const raw = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
    let text: string;
    if (type === 'inlineStr') text = textOf(body);
    else if (raw === undefined) text = '';
    else if (type === 's') {
      const value = strings[Number(raw)];
      if (value === undefined) return null;
      text = value;
    } else if (type === 'str' || type === 'e') text = decodeXml(raw);
    else if (type === 'b') text = raw === '1' ? 'true' : 'false';
    else {
      const value = Number(raw);
      if (!Number.isFinite(value)) return null;
      const style = Number(/\bs="(\d+)"/.exec(attributes)?.[1] ?? 0);
      text = dates[style]
        ? new Date(excelEpoch + Math.round(value * 86_400_000)).toISOString()
        : String(value);
    }
    current.cells.set(column, text.trim());
  }

  const headerCells = grid.find((r) => r.row === 1)?.cells ?? new Map<number, string>();
  const headers = new Map<number, string>();
  for (const [column, text] of headerCells) {
    const header = text.trim().toLowerCase().replace(/\s+/g, '_');
    if (header) headers.set(column, header);
  }
  const rows: TabularRow[] = [];
  for (const { row, cells } of grid) {
    if (row === 1) continue;
    const record: Record<string, string> = {};
    let hasValue = false;
    for (const [column, header] of headers) {
      const text = cells.get(column) ?? '';
      if (text !== '') hasValue = true;
      record[header] = text;
    }
    if (hasValue) rows.push({ row, cells: record });
  }
  const ordered = [...headers.entries()].sort((a, b) => a[0] - b[0]).map(([, h]) => h);
  return { headers: ordered, rows };
}
