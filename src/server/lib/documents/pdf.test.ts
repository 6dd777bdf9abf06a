import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '#shared/format/locale-format';
import { renderPdf } from './pdf';
import { sampleDocument } from './render.test-support';

/** The text of a PDF as poppler's pdftotext extracts it (pages separated by form feeds). */
function pdfText(data: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuzot-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, data);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const spaced = (text: string) => text.replace(/\s+/g, ' ');

describe('renderPdf', () => {
  it('writes Kyrgyz and Russian text, a heading and a table that read back as text', async () => {
    const data = await renderPdf(sampleDocument());
    expect(data.subarray(0, 5).toString()).toBe('%PDF-');
    const text = spaced(pdfText(data));
    expect(text).toContain('Баңгизат абалы: Ысык-Көл облусу');
    expect(text).toContain('ң ө ү Ң Ө Ү тамгалары туура көрүнүшү керек.');
    expect(text).toContain('Краткий обзор');
    expect(text).toContain('Число преступлений, связанных с наркотиками, выросло.');
    expect(text).toMatch(/Аймак Кылмыштар Үлүш/);
    // Numbers are written in the document's language.
    expect(text).toContain(`Түп району 1 ${spaced(formatNumber(495_190, 'ky'))}`);
    expect(text).toContain(spaced(formatNumber(12.5, 'ky')));
  });

  it('continues a long table on the next pages with every row', async () => {
    const text = pdfText(await renderPdf(sampleDocument(120)));
    expect(text.split('\f').filter((page) => page.trim() !== '').length).toBeGreaterThan(1);
    for (const n of [1, 60, 120]) expect(spaced(text)).toContain(`Түп району ${n} `);
  });

  it('embeds its font, so no reader needs DejaVu installed', async () => {
    const data = await renderPdf(sampleDocument());
    expect(data.toString('latin1')).toMatch(/\/FontFile2/);
    expect(data.toString('latin1')).toMatch(/DejaVuSans/);
  });
});
