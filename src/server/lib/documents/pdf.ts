import PDFDocument from 'pdfkit';
import { cellText, type SimpleDocument } from './document';
import { documentFonts, type DocumentFonts } from './fonts';

export const pdfContentType = 'application/pdf';

/**
 * Renders a document as an A4 PDF with DejaVu Sans embedded (subset), so Kyrgyz and Russian text shows and
 * can be copied and searched. CPU-bound for long documents: render outside transactions (a job or a CPU task).
 */
export async function renderPdf(
  document: SimpleDocument,
  fonts: DocumentFonts = documentFonts(),
): Promise<Buffer> {
  // `font` at construction: the standard Helvetica (no Cyrillic) is never loaded.
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 50,
    font: fonts.regular,
    lang: document.language,
    displayTitle: true,
    info: { Title: document.title, Creator: 'Kuzot', Producer: 'Kuzot' },
  });
  pdf.registerFont('regular', fonts.regular);
  pdf.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  pdf.font('bold').fontSize(18).text(document.title);
  pdf.moveDown(0.5);
  for (const block of document.blocks) {
    if (block.kind === 'heading') {
      pdf.moveDown(0.5).font('bold').fontSize(13).text(block.text);
      pdf.moveDown(0.25);
    } else if (block.kind === 'paragraph') {
      pdf.font('regular').fontSize(10.5).text(block.text, { align: 'left' });
      pdf.moveDown(0.5);
    } else {
      const { columns, rows } = block.table;
      pdf.font('regular').fontSize(9);
      pdf.table({
        defaultStyle: { padding: 3, border: 0.5, borderColor: '#999999' },
        rowStyles: (row) => (row === 0 ? { backgroundColor: '#eeeeee' } : undefined),
        data: [
          columns.map((text) => ({ text, font: { src: 'bold' }, type: 'TH' as const })),
          ...rows.map((row) =>
            row.map((cell) => ({
              text: cellText(cell, document.language),
              align: { x: typeof cell === 'number' ? ('right' as const) : ('left' as const) },
            })),
          ),
        ],
      });
      pdf.moveDown(0.5);
    }
  }
  pdf.end();
  return done;
}
