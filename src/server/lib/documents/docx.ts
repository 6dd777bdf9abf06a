import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { cellText, type DocumentCell, type SimpleDocument } from './document';

export const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The font we ask Word to use: DejaVu Sans where it is installed, else Word's own substitute. */
const font = 'DejaVu Sans';

/** The language of the text, so Word checks the spelling in Kyrgyz, Russian or English. */
const languageTag: Record<SimpleDocument['language'], string> = { ky: 'ky-KG', ru: 'ru-RU', en: 'en-GB' };

function cellParagraph(cell: DocumentCell, language: SimpleDocument['language'], bold = false): Paragraph {
  return new Paragraph({
    alignment: typeof cell === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [new TextRun({ text: cellText(cell, language), bold, font })],
  });
}

/**
 * Renders a document as a Word file (.docx): the title, headings, paragraphs and tables with a header row
 * repeated on every page. Word documents carry text, not glyphs, so Kyrgyz letters need no embedded font.
 */
export async function renderDocx(document: SimpleDocument): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: document.title, font })] }),
  ];
  for (const block of document.blocks) {
    if (block.kind === 'heading')
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          children: [new TextRun({ text: block.text, font })],
        }),
      );
    else if (block.kind === 'paragraph')
      children.push(new Paragraph({ children: [new TextRun({ text: block.text, font })] }));
    else {
      const { columns, rows } = block.table;
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: columns.map(
                (text) => new TableCell({ children: [cellParagraph(text, document.language, true)] }),
              ),
            }),
            ...rows.map(
              (row) =>
                new TableRow({
                  children: row.map(
                    (cell) => new TableCell({ children: [cellParagraph(cell, document.language)] }),
                  ),
                }),
            ),
          ],
        }),
        new Paragraph({ children: [] }),
      );
    }
  }
  const docx = new Document({
    creator: 'Kuzot',
    title: document.title,
    styles: {
      default: { document: { run: { font, language: { value: languageTag[document.language] } } } },
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(docx);
}
