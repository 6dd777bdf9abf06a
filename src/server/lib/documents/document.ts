import type { Locale } from '#shared/domain/locale';
import { formatNumber } from '#shared/format/locale-format';

/**
 * A document as reports will hand it to the renderers (`pdf.ts`, `docx.ts`): a title, then headings,
 * paragraphs and tables, in one language. Text arrives already in the reader's language (rendered with the
 * message catalogue); numbers are written here with that language's grouping and decimal mark.
 */
export type DocumentCell = string | number | null;

export type DocumentTable = {
  /** The header row. */
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<DocumentCell>>;
};

export type DocumentBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: DocumentTable };

export type SimpleDocument = {
  title: string;
  language: Locale;
  blocks: readonly DocumentBlock[];
};

/** A cell's text: numbers in the document's language, nothing for null. */
export function cellText(cell: DocumentCell, language: Locale): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? formatNumber(cell, language) : cell;
}
